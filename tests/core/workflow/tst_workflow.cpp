// The workflow layer's checks before a run (datacheck.h) and its run records
// (projectruns.h), on data and files made here.

#include "core/ml/trainconfig.h"
#include "core/project/projecterror.h"
#include "core/project/projectstore.h"
#include "core/workflow/classification.h"
#include "core/workflow/datacheck.h"
#include "core/workflow/projectruns.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

using namespace tagwise;
using workflow::DataIssue;

namespace {

ml::Sample sample(const std::string &path, std::vector<std::uint8_t> target)
{
    return ml::Sample{path, std::move(target)};
}

/// \a train training and \a validation validation samples over two tags, every one with tag 0.
workflow::TrainingData data(int train, int validation, bool secondTag)
{
    workflow::TrainingData d;
    d.snapshot.tags = {"cat", "dog"};
    for (int i = 0; i < train; ++i)
        d.snapshot.train.push_back(sample("t" + std::to_string(i), {1, std::uint8_t(secondTag ? 1 : 0)}));
    for (int i = 0; i < validation; ++i)
        d.snapshot.validation.push_back(sample("v" + std::to_string(i), {1, std::uint8_t(secondTag ? 1 : 0)}));
    return d;
}

bool writeBytes(const QString &file, const QByteArray &bytes)
{
    QFile out(file);
    return out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size();
}

}

class TestWorkflow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checkTrainingData_data();
    void checkTrainingData();
    void unreadableImagesNameTheFileAndTheReason();
    void configTextRoundTrips();
    void damagedMetricsAreSaid();
    void runLockIsSeenByOthers();
    void copyIntoProjectNeverOverwrites();
    void copyIntoProjectStopsWhenCanceled();
};

void TestWorkflow::checkTrainingData_data()
{
    QTest::addColumn<int>("train");
    QTest::addColumn<int>("validation");
    QTest::addColumn<bool>("secondTag");
    QTest::addColumn<bool>("noTags");
    QTest::addColumn<int>("leftOut");
    QTest::addColumn<bool>("blocking");
    QTest::addColumn<QString>("expected"); // a word every expected issue list contains; empty: no issue

    QTest::newRow("enough") << 40 << 5 << true << false << 0 << false << QString();
    QTest::newRow("no tags") << 40 << 5 << true << true << 0 << true << QStringLiteral("no tags");
    QTest::newRow("one training image") << 1 << 5 << true << false << 0 << true << QStringLiteral("Only 1");
    QTest::newRow("no validation") << 40 << 0 << true << false << 0 << true << QStringLiteral("validation split");
    QTest::newRow("a tag nobody has") << 40 << 5 << false << false << 0 << false << QStringLiteral("cannot learn them: dog");
    QTest::newRow("few examples") << 6 << 5 << true << false << 0 << false << QStringLiteral("cat (6), dog (6)");
    QTest::newRow("left out") << 40 << 5 << true << false << 7 << false << QStringLiteral("7 images are left out");
    QTest::newRow("awaiting review") << 40 << 5 << true << false << -3 << false
                                     << QStringLiteral("3 images are left out until a person reviews them");
}

void TestWorkflow::checkTrainingData()
{
    QFETCH(int, train);
    QFETCH(int, validation);
    QFETCH(bool, secondTag);
    QFETCH(bool, noTags);
    QFETCH(int, leftOut);
    QFETCH(bool, blocking);
    QFETCH(QString, expected);

    workflow::TrainingData d = data(train, validation, secondTag);
    if (noTags) {
        d.snapshot.tags.clear();
        for (auto *list : {&d.snapshot.train, &d.snapshot.validation}) {
            for (ml::Sample &s : *list)
                s.target.clear();
        }
    }
    // A negative count: images a model tagged, waiting for a person.
    (leftOut >= 0 ? d.leftOut : d.awaitingReview) = std::abs(leftOut);
    const QList<DataIssue> issues = workflow::checkTrainingData(d);
    QCOMPARE(workflow::hasBlockingIssue(issues), blocking);
    if (expected.isEmpty()) {
        QVERIFY2(issues.isEmpty(), qPrintable(issues.value(0).text));
        return;
    }
    QStringList texts;
    for (const DataIssue &issue : issues)
        texts << issue.text;
    QVERIFY2(texts.join(QLatin1Char('\n')).contains(expected), qPrintable(texts.join(QLatin1Char('\n'))));
}

void TestWorkflow::unreadableImagesNameTheFileAndTheReason()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString good = dir.filePath(QStringLiteral("good.png"));
    QVERIFY(cv::imwrite(good.toStdString(), cv::Mat(16, 16, CV_8UC3, cv::Scalar(0, 0, 255))));
    QFile in(good);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray png = in.readAll();
    const QString truncated = dir.filePath(QStringLiteral("truncated.png"));
    QVERIFY(writeBytes(truncated, png.left(20)));
    const QString text = dir.filePath(QStringLiteral("notes.jpg"));
    QVERIFY(writeBytes(text, "these are words, not pixels\n"));
    const QString gif = dir.filePath(QStringLiteral("anim.gif"));
    QVERIFY(writeBytes(gif, QByteArray("GIF89a\x10\x00\x10\x00\x00\x00\x00", 13)));
    const QString gone = dir.filePath(QStringLiteral("gone.png"));

    workflow::TrainingData d;
    d.snapshot.tags = {"red"};
    for (const QString &file : {good, truncated, text})
        d.snapshot.train.push_back(sample(file.toStdString(), {1}));
    for (const QString &file : {gif, gone})
        d.snapshot.validation.push_back(sample(file.toStdString(), {1}));

    const QStringList problems = workflow::unreadableImages(d);
    QCOMPARE(problems.size(), 4);
    const QString all = problems.join(QLatin1Char('\n'));
    QVERIFY2(!all.contains(QStringLiteral("good.png")), qPrintable(all));
    for (const QString &name : {truncated, text, gif, gone})
        QVERIFY2(all.contains(name + QStringLiteral(": ")), qPrintable(name + QLatin1Char('\n') + all));
    QVERIFY2(all.contains(gone + QStringLiteral(": the file is gone")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("GIF images are not supported")), qPrintable(all));

    std::atomic<bool> cancel{true};
    QVERIFY(workflow::unreadableImages(d, &cancel).isEmpty());
}

void TestWorkflow::configTextRoundTrips()
{
    ml::TrainConfig config;
    config.epochs = 17;
    config.learningRate = 3e-4;
    config.architecture = "resnet18";
    config.augmentation = ml::AugmentationConfig::preset(ml::AugmentationLevel::Light);
    config.emaDecay = 0.995;
    const QString text = workflow::configToText(config);
    QVERIFY(!text.contains(QLatin1Char('\n')));
    const ml::TrainConfig back = workflow::configFromText(text);
    QCOMPARE(back.epochs, 17);
    QCOMPARE(back.learningRate, 3e-4);
    QCOMPARE(back.architecture, std::string("resnet18"));
    QCOMPARE(back.emaDecay, 0.995);
    QCOMPARE(workflow::configToText(back), text);
    QVERIFY_THROWS_EXCEPTION(std::exception, workflow::configFromText(QStringLiteral("{\"epochs\": ")));
}

void TestWorkflow::damagedMetricsAreSaid()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    QVERIFY(workflow::readRunRecords(dir.path(), &error).isEmpty());
    QVERIFY2(error.contains(QStringLiteral("metrics.json")), qPrintable(error));

    QVERIFY(writeBytes(dir.filePath(QStringLiteral("metrics.json")), "{\"epochs\": [ {\"epoch\": 1,"));
    error.clear();
    QVERIFY(workflow::readRunRecords(dir.path(), &error).isEmpty());
    QVERIFY2(error.contains(QStringLiteral("metrics.json")), qPrintable(error));
}

void TestWorkflow::runLockIsSeenByOthers()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString run = dir.filePath(QStringLiteral("run-1"));
    QVERIFY(!workflow::RunLock::isHeld(run));
    {
        workflow::RunLock lock(run);
        QVERIFY(lock.acquired());
        QVERIFY(workflow::RunLock::isHeld(run));
    }
    QVERIFY(!workflow::RunLock::isHeld(run));
}

void TestWorkflow::copyIntoProjectNeverOverwrites()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QDir(dir.path()).mkpath(QStringLiteral("project/incoming"));
    QDir(dir.path()).mkpath(QStringLiteral("drops"));
    auto store = ProjectStore::open(dir.filePath(QStringLiteral("project")));
    const QString taken = store->absolutePath(QStringLiteral("incoming/a.png"));
    QVERIFY(writeBytes(taken, "a person's image"));
    QVERIFY(writeBytes(store->absolutePath(QStringLiteral("inside.png")), "already here"));
    const QString a = dir.filePath(QStringLiteral("drops/a.png"));
    QVERIFY(writeBytes(a, "a new image"));
    const QString b = dir.filePath(QStringLiteral("drops/b.png"));
    QVERIFY(writeBytes(b, "another"));
    const QList<ImageTags> images = {{a, {QStringLiteral("cat")}},
                                     {b, {}},
                                     {store->absolutePath(QStringLiteral("inside.png")), {QStringLiteral("dog")}},
                                     {dir.filePath(QStringLiteral("drops/gone.png")), {}}};

    workflow::CopiedImages copied = workflow::copyIntoProject(store->rootPath(), images, QStringLiteral("incoming"));
    QCOMPARE(copied.copied, 2);
    QCOMPARE(copied.reused, 1);
    QCOMPARE(copied.rows.size(), 3);
    // A taken name gets a number; the file there is untouched.
    QCOMPARE(copied.rows[0].path, QStringLiteral("incoming/a-2.png"));
    QCOMPARE(copied.rows[0].tags, QStringList{QStringLiteral("cat")});
    QCOMPARE(copied.rows[1].path, QStringLiteral("incoming/b.png"));
    QCOMPARE(copied.rows[2].path, QStringLiteral("inside.png"));
    QFile kept(taken);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("a person's image"));
    QCOMPARE(copied.problems.size(), 1);
    QVERIFY2(copied.problems[0].startsWith(dir.filePath(QStringLiteral("drops/gone.png")) + QStringLiteral(": ")),
             qPrintable(copied.problems[0]));

    // Adding the same files again copies nothing.
    copied = workflow::copyIntoProject(store->rootPath(), images.mid(0, 2), QStringLiteral("incoming"));
    QCOMPARE(copied.copied, 0);
    QCOMPARE(copied.reused, 2);
    QCOMPARE(copied.rows[0].path, QStringLiteral("incoming/a-2.png"));
    QCOMPARE(QDir(store->absolutePath(QStringLiteral("incoming"))).entryList(QDir::Files).size(), 3);

    // Never outside the project, never into its hidden data.
    for (const QString &folder : {QStringLiteral("../elsewhere"), QStringLiteral(".tagwise/runs"), dir.path()})
        QVERIFY_THROWS_EXCEPTION(ProjectError, workflow::copyIntoProject(store->rootPath(), images, folder));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("elsewhere"))));
}

void TestWorkflow::copyIntoProjectStopsWhenCanceled()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QDir(dir.path()).mkpath(QStringLiteral("project"));
    QDir(dir.path()).mkpath(QStringLiteral("drops"));
    QList<ImageTags> images;
    for (int i = 0; i < 5; ++i) {
        const QString path = dir.filePath(QStringLiteral("drops/%1.png").arg(i));
        QVERIFY(writeBytes(path, QByteArray::number(i)));
        images.append({path, {QStringLiteral("cat")}});
    }
    const QString root = dir.filePath(QStringLiteral("project"));

    // Every image reports its progress, the last with the total.
    QList<int> seen;
    workflow::CopiedImages copied = workflow::copyIntoProject(root, images, QStringLiteral("all"), [&](int done, int total) {
        QCOMPARE(total, 5);
        seen << done;
    });
    QCOMPARE(seen, (QList<int>{1, 2, 3, 4, 5}));
    QCOMPARE(copied.copied, 5);
    QCOMPARE(copied.notReached, 0);

    // Canceled after two images: those two are copied and listed, the rest are not touched.
    std::atomic<bool> cancel{false};
    copied = workflow::copyIntoProject(
        root, images, QStringLiteral("some"), [&](int done, int) { cancel.store(done >= 2); }, &cancel);
    QCOMPARE(copied.copied, 2);
    QCOMPARE(copied.rows.size(), 2);
    QCOMPARE(copied.rows[1].path, QStringLiteral("some/1.png"));
    QCOMPARE(copied.notReached, 3);
    QVERIFY(copied.problems.isEmpty());
    QCOMPARE(QDir(dir.filePath(QStringLiteral("project/some"))).entryList(QDir::Files),
             (QStringList{QStringLiteral("0.png"), QStringLiteral("1.png")}));
}

QTEST_GUILESS_MAIN(TestWorkflow)
#include "tst_workflow.moc"
