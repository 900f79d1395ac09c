// tagwise-cli predict and evaluate on a small trained model.

#include "common/clirunner.h"
#include "common/trainingimages.h"
#include "core/cli/cli.h"
#include "core/ml/json.h"

#include <nlohmann/json.hpp>
#include "core/ml/modelbundle.h"

#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

using namespace tagwise;
using test::CliResult;
using test::runCli;

class TestPredictCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void predictsAFolderAsJson();
    void predictsReadably();
    void unreadableImagesAreReported();
    void writesGradCamOverlays();
    void evaluatesACsv();
    void evaluateReportsUnknownTagsAndBadImages();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
    QString m_run;
    ml::ModelBundle m_bundle;
};

void TestPredictCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CACHE_HOME", path("cache").toUtf8());
    const QStringList rows = test::writeTrainingImages(path("images"), 0, 40, 32);
    QCOMPARE(rows.size(), 40);
    QVERIFY(test::writeCsv(path("labels.csv"), rows));
    m_run = path("run");
    const CliResult r = runCli({"train", "--csv", path("labels.csv"), "--images", path("images"), "--size", "24",
                                "--epochs", "2", "--batch", "8", "--threads", "1", "--device", "cpu", "--out", m_run});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    m_bundle = ml::ModelBundle::read(ml::ModelBundle::locate(m_run.toStdString()));

    // Images to classify: two at the top, one in a subfolder, and a file that is no image.
    test::writeTrainingImages(path("new"), 100, 2, 32);
    test::writeTrainingImages(path("new/sub"), 102, 1, 48);
    QFile notes(path("new/notes.txt"));
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("not an image");
}

void TestPredictCli::predictsAFolderAsJson()
{
    const CliResult r = runCli({"predict", "--model", m_run, "--json", path("new")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const ml::Json json = ml::parseJson(r.out.toStdString(), "predict output");
    QCOMPARE(json.size(), std::size_t(3));
    QStringList paths;
    for (const ml::Json &item : json) {
        paths << QString::fromStdString(item.at("path").get<std::string>());
        const ml::Json &probabilities = item.at("probabilities");
        std::vector<std::string> keys;
        for (const auto &entry : probabilities.items())
            keys.push_back(entry.key());
        QCOMPARE(keys, m_bundle.tags);
        std::vector<std::string> expected;
        for (std::size_t t = 0; t < m_bundle.tags.size(); ++t) {
            const double p = probabilities.at(m_bundle.tags[t]).get<double>();
            QVERIFY(p >= 0.0 && p <= 1.0);
            if (float(p) >= m_bundle.thresholds[t])
                expected.push_back(m_bundle.tags[t]);
        }
        std::vector<std::string> tags;
        for (const ml::Json &tag : item.at("tags"))
            tags.push_back(tag.get<std::string>());
        QCOMPARE(tags, expected);
    }
    QCOMPARE(paths, (QStringList{path("new/img_100_0.png"), path("new/img_101_5.png"), path("new/sub/img_102_2.png")}));
}

void TestPredictCli::predictsReadably()
{
    const CliResult r = runCli({"predict", "--model", m_run + "/model", path("new/img_100_0.png")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QStringList lines = r.out.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines[0].startsWith(path("new/img_100_0.png") + ": "));
    for (const auto &tag : m_bundle.tags)
        QVERIFY2(lines[1].contains(QString::fromStdString(tag) + " 0.") || lines[1].contains(QString::fromStdString(tag) + " 1.000"),
                 qPrintable(lines[1]));
}

void TestPredictCli::unreadableImagesAreReported()
{
    QFile broken(path("broken.png"));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("\x89PNG\r\n\x1a\n truncated");
    broken.close();
    const CliResult r = runCli({"predict", "--model", m_run, "--json", path("broken.png"), path("new/img_101_5.png"),
                                path("missing.png")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(path("broken.png") + ": "), qPrintable(r.err));
    QVERIFY2(r.err.contains(path("missing.png") + ": no such file"), qPrintable(r.err));
    // The readable image is still answered.
    const ml::Json json = ml::parseJson(r.out.toStdString(), "predict output");
    QCOMPARE(json.size(), std::size_t(1));
    QCOMPARE(json[0].at("path").get<std::string>(), path("new/img_101_5.png").toStdString());
}

void TestPredictCli::writesGradCamOverlays()
{
    const QString dir = path("cams");
    const CliResult r = runCli({"predict", "--model", m_run, "--json", "--gradcam", dir, path("new")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const ml::Json json = ml::parseJson(r.out.toStdString(), "predict output");
    QStringList expected;
    for (const ml::Json &item : json) {
        const QString base = QFileInfo(QString::fromStdString(item.at("path").get<std::string>())).completeBaseName();
        for (const ml::Json &tag : item.at("tags")) {
            const QString stem = base + "." + QString::fromStdString(tag.get<std::string>());
            expected << stem + ".png" << stem + ".heat.png";
        }
    }
    expected.sort();
    QVERIFY2(!expected.isEmpty(), "the model predicts no tag at all: nothing to check");
    QStringList written = QDir(dir).entryList(QDir::Files);
    written.sort();
    QCOMPARE(written, expected);
    for (const QString &name : std::as_const(written)) {
        const cv::Mat image = cv::imread(QDir(dir).filePath(name).toStdString(), cv::IMREAD_UNCHANGED);
        QVERIFY(!image.empty());
        // Overlays and heat maps are at the original image's size; heat maps are 8-bit grey.
        QCOMPARE(image.cols, name.startsWith("img_102") ? 48 : 32);
        QCOMPARE(image.channels(), name.endsWith(".heat.png") ? 1 : 3);
        QCOMPARE(image.depth(), CV_8U);
    }
}

void TestPredictCli::evaluatesACsv()
{
    const QString jsonFile = path("evaluation.json");
    const CliResult r = runCli({"evaluate", "--model", m_run, "--csv", path("labels.csv"), "--images", path("images"),
                                "--json", jsonFile});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("40 images, 3 tags, beta 2"), qPrintable(r.out));
    QVERIFY(r.out.contains("fbeta_samples "));
    for (const auto &tag : m_bundle.tags)
        QVERIFY(r.out.contains("\n" + QString::fromStdString(tag) + " "));
    const ml::Json json = ml::readJsonFile(jsonFile.toStdString());
    for (const char *key : {"beta", "fbeta_samples", "f1_micro", "f1_macro", "map", "hamming_loss"})
        QVERIFY2(json.contains(key), key);
    QCOMPARE(json.at("per_tag").size(), m_bundle.tags.size());
    for (std::size_t t = 0; t < m_bundle.tags.size(); ++t) {
        const ml::Json &tag = json.at("per_tag")[t];
        QCOMPARE(tag.at("tag").get<std::string>(), m_bundle.tags[t]);
        for (const char *key : {"tp", "fp", "fn", "tn", "precision", "recall", "f1", "ap", "threshold"})
            QVERIFY2(tag.contains(key), key);
        QCOMPARE(tag.at("tp").get<long long>() + tag.at("fp").get<long long>() + tag.at("fn").get<long long>() + tag.at("tn").get<long long>(), 40LL);
        QCOMPARE(float(tag.at("threshold").get<double>()), m_bundle.thresholds[t]);
    }
}

void TestPredictCli::evaluateReportsUnknownTagsAndBadImages()
{
    QStringList rows = test::writeTrainingImages(path("eval"), 200, 6, 32);
    rows[0] += " zebra";
    QFile broken(path("eval/img_999_0.png"));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("garbage");
    broken.close();
    rows << "img_999_0,red";
    QVERIFY(test::writeCsv(path("eval.csv"), rows));
    const CliResult r = runCli({"evaluate", "--model", m_run, "--csv", path("eval.csv"), "--images", path("eval")});
    // The metrics of the images that could be read, a warning for the one that could not, and success.
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("6 images, 3 tags"), qPrintable(r.out));
    QVERIFY2(r.err.contains("1 of 7 images could not be read and are not in the metrics"), qPrintable(r.err));
    QVERIFY2(r.err.contains("tag 'zebra' is not one the model knows"), qPrintable(r.err));
    QVERIFY2(r.err.contains(path("eval/img_999_0.png")), qPrintable(r.err));
    QVERIFY2(r.out.contains("6 images, 3 tags"), qPrintable(r.out));
}

QTEST_GUILESS_MAIN(TestPredictCli)
#include "tst_predictcli.moc"
