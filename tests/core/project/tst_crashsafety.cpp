// Kills a process in the middle of a stream of edits and checks that every
// edit it reported as done is in the project when it is opened again.
#include "core/project/projectstore.h"

#include <QCoreApplication>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>

using namespace tagwise;

namespace {

constexpr int kImages = 400;

/**
 * The random choices of this test (where the random kill lands, how long the
 * writer goes on), from one printed seed: TAGWISE_TEST_SEED=N replays a run.
 */
QRandomGenerator &testRandom()
{
    static QRandomGenerator generator = [] {
        bool ok = false;
        quint32 seed = qEnvironmentVariable("TAGWISE_TEST_SEED").toUInt(&ok);
        if (!ok)
            seed = QRandomGenerator::system()->generate();
        qInfo("random seed %u (replay with TAGWISE_TEST_SEED=%u)", seed, seed);
        return QRandomGenerator(seed);
    }();
    return generator;
}

// The child: edits one image at a time and says so on stdout once the call returned.
int runChild(const QString &dir)
{
    auto store = ProjectStore::open(dir);
    QList<ScannedFile> files;
    for (int i = 0; i < kImages; ++i)
        files.append({QStringLiteral("img_%1.png").arg(i, 4, 10, QLatin1Char('0')), 100, 1});
    store->addImages(files);
    const qint64 tag = store->addTag(QStringLiteral("edited"));
    std::printf("ready\n");
    std::fflush(stdout);
    for (int i = 0; i < kImages; ++i) {
        const qint64 id = store->images()[size_t(i)].id;
        store->setTag({id}, tag, true);
        if (i % 3 == 0)
            store->setReviewed({id}, true);
        // Bulk edits are one transaction each: all of it or none of it.
        if (i % 50 == 49) {
            QList<ImageTags> rows;
            for (int j = 0; j < kImages; ++j)
                rows.append({store->images()[size_t(j)].path, {QStringLiteral("bulk%1").arg(i)}});
            store->applyImageTags(rows, false);
        }
        std::printf("done %d\n", i);
        std::fflush(stdout);
    }
    return 0;
}

}

class TestCrashSafety final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedWriterLosesNothing_data();
    void killedWriterLosesNothing();
};

void TestCrashSafety::killedWriterLosesNothing_data()
{
    QTest::addColumn<int>("killAfter");
    QTest::newRow("early") << 3;
    QTest::newRow("around a bulk edit") << 49;
    QTest::newRow("random") << int(testRandom().bounded(60, 300));
}

void TestCrashSafety::killedWriterLosesNothing()
{
    QFETCH(int, killAfter);
    QTemporaryDir dir;
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child"), dir.path()});
    QVERIFY(child.waitForStarted());

    int lastDone = -1;
    QByteArray pending;
    while (lastDone < killAfter) {
        QVERIFY2(child.state() == QProcess::Running || child.bytesAvailable() > 0, "the writer stopped early");
        if (!child.waitForReadyRead(20000))
            QFAIL("the writer went silent");
        pending += child.readAll();
        qsizetype newline;
        while ((newline = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(newline);
            pending.remove(0, newline + 1);
            if (line.startsWith("done "))
                lastDone = line.mid(5).toInt();
        }
    }
    // Let it go on a little so the kill lands inside a later edit.
    QTest::qWait(int(testRandom().bounded(0, 20)));
    child.kill();
    QVERIFY(child.waitForFinished());
    pending += child.readAll();
    for (const QByteArray &line : pending.split('\n')) {
        if (line.startsWith("done "))
            lastDone = line.mid(5).toInt();
    }

    // The database is sound...
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(dir.filePath(QStringLiteral(".tagwise/project.db")));
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("PRAGMA integrity_check")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("ok"));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));

    // ...and holds every edit that was reported done.
    auto store = ProjectStore::open(dir.path());
    QCOMPARE(store->imageCount(), kImages);
    const TagInfo *edited = store->tagByName(QStringLiteral("edited"));
    QVERIFY(edited);
    for (int i = 0; i <= lastDone; ++i) {
        const ImageRecord &image = store->images()[size_t(i)];
        QVERIFY2(image.hasTag(edited->id), qPrintable(image.path));
        if (i % 3 == 0)
            QVERIFY2(image.reviewed, qPrintable(image.path));
    }
    // A bulk edit is either wholly there or wholly absent.
    for (const TagInfo &tag : store->tags()) {
        if (!tag.name.startsWith(QLatin1String("bulk")))
            continue;
        int count = 0;
        for (const ImageRecord &image : store->images())
            count += image.hasTag(tag.id) ? 1 : 0;
        QCOMPARE(count, kImages);
    }
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--child") == 0)
        return runChild(QString::fromLocal8Bit(argv[2]));
    TestCrashSafety test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_crashsafety.moc"
