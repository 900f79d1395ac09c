// The data-set generators of tagwise-cli: `mosaics` and `demo`.

#include "common/clirunner.h"
#include "core/cli/cli.h"
#include "core/imaging/fashionmnist.h"
#include "core/imaging/mosaicbuilder.h"
#include "core/project/projectstore.h"

#include "common/fashionmnistfixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <opencv2/imgcodecs.hpp>

using namespace tagwise;
using test::CliResult;
using test::runCli;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

/// labels.csv as name -> tags.
QMap<QString, QStringList> readLabels(const QString &path, QStringList *order = nullptr)
{
    QMap<QString, QStringList> labels;
    const QList<QByteArray> lines = readAll(path).split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (lines[i].isEmpty())
            continue;
        const QString line = QString::fromUtf8(lines[i]);
        const QString name = line.section(QLatin1Char(','), 0, 0);
        labels.insert(name, line.section(QLatin1Char(','), 1).split(QLatin1Char(' ')));
        if (order)
            order->append(name);
    }
    return labels;
}

}

class TestDemoCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_data;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_data = m_dir.filePath(QStringLiteral("fashion"));
        test::writeFakeFashionMnist(m_data, 300, 100);
    }

    void mosaicsWritesPlanetCsv()
    {
        const QString out = path(QStringLiteral("csv"));
        const CliResult result = runCli({QStringLiteral("mosaics"), QStringLiteral("--out"), out, QStringLiteral("--count"),
                                      QStringLiteral("40"), QStringLiteral("--seed"), QStringLiteral("5"),
                                      QStringLiteral("--data"), m_data, QStringLiteral("--threads"), QStringLiteral("2")});
        QVERIFY2(result.code == 0, qPrintable(result.err));
        QVERIFY(result.out.contains(QLatin1String("wrote 40 images")));

        const QByteArray csv = readAll(QDir(out).filePath(QStringLiteral("labels.csv")));
        QVERIFY(csv.startsWith("image_name,tags\n"));
        QStringList order;
        const QMap<QString, QStringList> labels = readLabels(QDir(out).filePath(QStringLiteral("labels.csv")), &order);
        QCOMPARE(labels.size(), 40);
        QCOMPARE(order.first(), QStringLiteral("train_000000"));
        QCOMPARE(order.last(), QStringLiteral("train_000039"));
        const QStringList files = QDir(QDir(out).filePath(QStringLiteral("images"))).entryList(QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 40);
        const QSet<QString> known(FashionMnist::tagNames().begin(), FashionMnist::tagNames().end());
        for (auto it = labels.constBegin(); it != labels.constEnd(); ++it) {
            QVERIFY2(files.contains(it.key() + QStringLiteral(".png")), qPrintable(it.key()));
            QVERIFY(!it.value().isEmpty() && it.value().size() <= 4);
            QCOMPARE(QSet<QString>(it.value().begin(), it.value().end()).size(), it.value().size());
            for (const QString &tag : it.value())
                QVERIFY2(known.contains(tag), qPrintable(tag));
            const cv::Mat image = cv::imread(QDir(out).filePath(QStringLiteral("images/") + it.key() + QStringLiteral(".png")).toStdString(),
                                             cv::IMREAD_UNCHANGED);
            QCOMPARE(image.cols, 64);
            QCOMPARE(image.rows, 64);
            QCOMPARE(image.channels(), 3);
        }

        // The images are what MosaicBuilder makes for that seed.
        const FashionMnist source = FashionMnist::load(FashionMnist::Part::Train, m_data);
        const MosaicBuilder builder(source, {}, 5);
        QCOMPARE(labels.value(QStringLiteral("train_000007")), builder.build(7).tags);

        // --start continues the set: the same names give the same images.
        const QString more = path(QStringLiteral("csv-more"));
        const CliResult again = runCli({QStringLiteral("mosaics"), QStringLiteral("--out"), more, QStringLiteral("--count"),
                                     QStringLiteral("10"), QStringLiteral("--seed"), QStringLiteral("5"),
                                     QStringLiteral("--start"), QStringLiteral("30"), QStringLiteral("--data"), m_data});
        QVERIFY2(again.code == 0, qPrintable(again.err));
        QStringList moreOrder;
        const QMap<QString, QStringList> moreLabels = readLabels(QDir(more).filePath(QStringLiteral("labels.csv")), &moreOrder);
        QCOMPARE(moreOrder.first(), QStringLiteral("train_000030"));
        QCOMPARE(moreOrder.size(), 10);
        for (const QString &name : moreOrder) {
            QCOMPARE(moreLabels.value(name), labels.value(name));
            const QString file = QStringLiteral("images/") + name + QStringLiteral(".png");
            QCOMPARE(readAll(QDir(more).filePath(file)), readAll(QDir(out).filePath(file)));
        }
    }

    void mosaicsWritesClassFolders()
    {
        const QString folders = path(QStringLiteral("folders"));
        const QString csvTwin = path(QStringLiteral("folders-csv"));
        const QStringList common = {QStringLiteral("--count"), QStringLiteral("30"), QStringLiteral("--source"),
                                    QStringLiteral("test"), QStringLiteral("--seed"), QStringLiteral("9"),
                                    QStringLiteral("--data"), m_data};
        const CliResult result = runCli(QStringList{QStringLiteral("mosaics"), QStringLiteral("--out"), folders,
                                                 QStringLiteral("--layout"), QStringLiteral("folders")} + common);
        QVERIFY2(result.code == 0, qPrintable(result.err));
        QVERIFY(!QFileInfo::exists(QDir(folders).filePath(QStringLiteral("labels.csv"))));

        // The same set as single-item CSV rows: each image sits in the folder of its one tag.
        const CliResult twin = runCli(QStringList{QStringLiteral("mosaics"), QStringLiteral("--out"), csvTwin,
                                               QStringLiteral("--max-items"), QStringLiteral("1")} + common);
        QVERIFY2(twin.code == 0, qPrintable(twin.err));
        const QMap<QString, QStringList> labels = readLabels(QDir(csvTwin).filePath(QStringLiteral("labels.csv")));
        QCOMPARE(labels.size(), 30);
        int found = 0;
        for (const QString &tag : QDir(folders).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            QVERIFY(FashionMnist::tagNames().contains(tag));
            for (const QString &file : QDir(QDir(folders).filePath(tag)).entryList(QDir::Files)) {
                QVERIFY(file.startsWith(QLatin1String("test_")) && file.endsWith(QLatin1String(".png")));
                QCOMPARE(labels.value(file.chopped(4)), QStringList{tag});
                ++found;
            }
        }
        QCOMPARE(found, 30);
    }

    void mosaicsRefusesBadArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        const QString out = path(QStringLiteral("never"));
        QTest::newRow("no out") << QStringList{QStringLiteral("--count"), QStringLiteral("3")} << 2 << QStringLiteral("--out is required");
        QTest::newRow("no count") << QStringList{QStringLiteral("--out"), out} << 2 << QStringLiteral("--count is required");
        QTest::newRow("zero count") << QStringList{QStringLiteral("--out"), out, QStringLiteral("--count"), QStringLiteral("0")} << 2 << QStringLiteral("--count: '0' is not a whole number from 1 to");
        QTest::newRow("bad source") << QStringList{QStringLiteral("--out"), out, QStringLiteral("--count"), QStringLiteral("3"), QStringLiteral("--source"), QStringLiteral("val")} << 2 << QStringLiteral("--source: 'val' is not one of train, test");
        QTest::newRow("bad layout") << QStringList{QStringLiteral("--out"), out, QStringLiteral("--count"), QStringLiteral("3"), QStringLiteral("--layout"), QStringLiteral("coco")} << 2 << QStringLiteral("--layout: 'coco' is not one of csv, folders");
        QTest::newRow("folders with many items") << QStringList{QStringLiteral("--out"), out, QStringLiteral("--count"), QStringLiteral("3"), QStringLiteral("--layout"), QStringLiteral("folders"), QStringLiteral("--max-items"), QStringLiteral("2")} << 2 << QStringLiteral("--max-items must be 1");
        QTest::newRow("min over max") << QStringList{QStringLiteral("--out"), out, QStringLiteral("--count"), QStringLiteral("3"), QStringLiteral("--min-items"), QStringLiteral("3"), QStringLiteral("--max-items"), QStringLiteral("2")} << 2 << QStringLiteral("is more than");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--out"), out, QStringLiteral("--count"), QStringLiteral("3"), QStringLiteral("--colour")} << 2 << QStringLiteral("colour");
        QTest::newRow("data set missing") << QStringList{QStringLiteral("--out"), out, QStringLiteral("--count"), QStringLiteral("3"), QStringLiteral("--data"), path(QStringLiteral("nothing-here"))} << 1 << QStringLiteral("install the package dataset-fashion-mnist");
    }

    void mosaicsRefusesBadArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        const CliResult result = runCli(QStringList{QStringLiteral("mosaics")} + args);
        QCOMPARE(result.code, code);
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
        QVERIFY(result.out.isEmpty());
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("never/labels.csv"))));
    }

    void demoMakesAProject()
    {
        const QString root = path(QStringLiteral("demo"));
        const CliResult result = runCli({QStringLiteral("demo"), QStringLiteral("--out"), root, QStringLiteral("--count"),
                                      QStringLiteral("30"), QStringLiteral("--data"), m_data});
        QVERIFY2(result.code == 0, qPrintable(result.err));
        QVERIFY(result.out.contains(QLatin1String("30 images, 20 tagged and 10 left to label")));
        QVERIFY(ProjectStore::exists(root));

        const FashionMnist source = FashionMnist::load(FashionMnist::Part::Train, m_data);
        const MosaicBuilder builder(source, {}, 1); // the demo's default seed
        {
            const std::unique_ptr<ProjectStore> store = ProjectStore::open(root);
            QCOMPARE(store->imageCount(), 30);
            QStringList tagNames;
            for (const TagInfo &tag : store->tags())
                tagNames << tag.name;
            QCOMPARE(tagNames, FashionMnist::tagNames());
            QCOMPARE(store->tags().first().shortcut, QStringLiteral("1"));
            int reviewed = 0;
            for (const ImageRecord &image : store->images()) {
                QVERIFY(!image.missing);
                QVERIFY(QFileInfo(store->absolutePath(image.path)).isFile());
                const QString name = QFileInfo(image.path).completeBaseName();
                QVERIFY2(image.path.startsWith(QLatin1String("images/demo_")), qPrintable(image.path));
                const int index = name.section(QLatin1Char('_'), 1).toInt();
                if (index % 3 == 2) {
                    QVERIFY(!image.reviewed);
                    QVERIFY(image.tags.empty());
                } else {
                    QVERIFY(image.reviewed);
                    QCOMPARE(store->tagNames(image), builder.build(index).tags);
                    ++reviewed;
                }
            }
            QCOMPARE(reviewed, 20);
        }

        // A second demo in the same folder is refused and changes nothing.
        const CliResult again = runCli({QStringLiteral("demo"), QStringLiteral("--out"), root, QStringLiteral("--data"), m_data});
        QCOMPARE(again.code, 1);
        QVERIFY2(again.err.contains(QLatin1String("already holds a Tagwise project")), qPrintable(again.err));
        QCOMPARE(ProjectStore::open(root)->imageCount(), 30);
    }

    void demoFailsCleanly()
    {
        // Data set missing: nothing is created.
        const QString root = path(QStringLiteral("demo-no-data"));
        const CliResult noData = runCli({QStringLiteral("demo"), QStringLiteral("--out"), root, QStringLiteral("--data"),
                                      path(QStringLiteral("no-such-dir"))});
        QCOMPARE(noData.code, 1);
        QVERIFY2(noData.err.contains(QLatin1String("train-images-idx3-ubyte.gz"))
                     && noData.err.contains(QLatin1String("install the package dataset-fashion-mnist")),
                 qPrintable(noData.err));
        QVERIFY(!QFileInfo::exists(root));

        // A folder with other things in it is not taken over.
        const QString busy = path(QStringLiteral("demo-busy"));
        QVERIFY(QDir().mkpath(busy));
        QFile mine(QDir(busy).filePath(QStringLiteral("mine.txt")));
        QVERIFY(mine.open(QIODevice::WriteOnly));
        mine.write("keep me");
        mine.close();
        const CliResult notEmpty = runCli({QStringLiteral("demo"), QStringLiteral("--out"), busy, QStringLiteral("--data"), m_data});
        QCOMPARE(notEmpty.code, 1);
        QVERIFY2(notEmpty.err.contains(QLatin1String("not an empty folder")), qPrintable(notEmpty.err));
        QCOMPARE(QDir(busy).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList{QStringLiteral("mine.txt")});
        QVERIFY(!ProjectStore::exists(busy));

        const CliResult usage = runCli({QStringLiteral("demo"), QStringLiteral("--count"), QStringLiteral("5")});
        QCOMPARE(usage.code, 2);
        QVERIFY(usage.err.contains(QLatin1String("--out is required")));
    }

    void theToolRunsThem()
    {
        // Through the real binary, as scripts/run and the benchmarks call it.
        QProcess help;
        help.start(QStringLiteral(TAGWISE_CLI_PATH), {QStringLiteral("--help")});
        QVERIFY(help.waitForFinished(60000));
        const QString usage = QString::fromUtf8(help.readAllStandardOutput());
        QVERIFY2(usage.contains(QLatin1String("mosaics --out DIR --count N")), qPrintable(usage));
        QVERIFY2(usage.contains(QLatin1String("demo --out DIR")), qPrintable(usage));

        const QString root = path(QStringLiteral("demo-binary"));
        QProcess demo;
        demo.start(QStringLiteral(TAGWISE_CLI_PATH), {QStringLiteral("demo"), QStringLiteral("--out"), root,
                                                      QStringLiteral("--count"), QStringLiteral("12"),
                                                      QStringLiteral("--data"), m_data});
        QVERIFY(demo.waitForFinished(120000));
        QVERIFY2(demo.exitStatus() == QProcess::NormalExit && demo.exitCode() == 0,
                 demo.readAllStandardError().constData());
        QVERIFY(ProjectStore::exists(root));
        QCOMPARE(ProjectStore::open(root)->imageCount(), 12);
    }
};

QTEST_GUILESS_MAIN(TestDemoCli)
#include "tst_democli.moc"
