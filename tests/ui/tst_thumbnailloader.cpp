#include "ui/labeling/thumbnailloader.h"

#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace tagwise;

class TestThumbnailLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadsAndCaches();
    void failureNamesTheFile();
    void queueIsBoundedAndPrunable();
    void newCacheDirForgetsEverything();
};

void TestThumbnailLoader::loadsAndCaches()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QImage image(400, 200, QImage::Format_RGB32);
    image.fill(QColor(20, 140, 220));
    const QString file = dir.filePath(QStringLiteral("wide.png"));
    QVERIFY(image.save(file));

    ThumbnailLoader loader;
    loader.setCacheDir(dir.filePath(QStringLiteral("cache")));
    QSignalSpy ready(&loader, &ThumbnailLoader::thumbnailReady);
    ThumbnailLoader::State state;
    QVERIFY(loader.thumbnail(7, file, &state).isNull());
    QCOMPARE(state, ThumbnailLoader::State::Pending);
    // Asking again while it loads queues nothing more.
    loader.thumbnail(7, file, &state);
    QCOMPARE(loader.queuedCount() + loader.runningCount(), 1);

    QTRY_COMPARE(ready.count(), 1);
    QCOMPARE(ready.first().first().toLongLong(), qint64(7));
    const QPixmap pixmap = loader.thumbnail(7, file, &state);
    QCOMPARE(state, ThumbnailLoader::State::Ready);
    QCOMPARE(pixmap.size(), QSize(loader.edge(), loader.edge() / 2)); // aspect kept
    const QColor centre = pixmap.toImage().pixelColor(pixmap.width() / 2, pixmap.height() / 2);
    QVERIFY2(std::abs(centre.blue() - 220) < 16 && std::abs(centre.red() - 20) < 16, qPrintable(centre.name()));
    QCOMPARE(loader.queuedCount() + loader.runningCount(), 0);

    // Forgetting the pixmaps loads them again (from the disk cache).
    loader.invalidate();
    loader.thumbnail(7, file, &state);
    QCOMPARE(state, ThumbnailLoader::State::Pending);
    QTRY_COMPARE(ready.count(), 2);
}

void TestThumbnailLoader::failureNamesTheFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString corrupt = dir.filePath(QStringLiteral("corrupt.jpg"));
    QFile file(corrupt);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is not a JPEG");
    file.close();

    ThumbnailLoader loader;
    loader.setCacheDir(dir.filePath(QStringLiteral("cache")));
    QSignalSpy ready(&loader, &ThumbnailLoader::thumbnailReady);
    loader.thumbnail(1, corrupt);
    loader.thumbnail(2, dir.filePath(QStringLiteral("gone.png")));
    QTRY_COMPARE(ready.count(), 2);
    ThumbnailLoader::State state;
    QString error;
    QVERIFY(loader.thumbnail(1, corrupt, &state, &error).isNull());
    QCOMPARE(state, ThumbnailLoader::State::Failed);
    QVERIFY2(error.contains(QStringLiteral("corrupt.jpg")), qPrintable(error));
    loader.thumbnail(2, dir.filePath(QStringLiteral("gone.png")), &state, &error);
    QCOMPARE(state, ThumbnailLoader::State::Failed);
    QVERIFY2(error.contains(QStringLiteral("gone.png")), qPrintable(error));
    // A failure is remembered, not retried on every paint.
    QCOMPARE(loader.queuedCount() + loader.runningCount(), 0);
}

void TestThumbnailLoader::queueIsBoundedAndPrunable()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ThumbnailLoader loader;
    loader.setCacheDir(dir.filePath(QStringLiteral("cache")));
    QSignalSpy ready(&loader, &ThumbnailLoader::thumbnailReady);

    // Results come back through the event loop, so while this runs the
    // first requests stay "running" and the rest wait in the queue.
    const int total = ThumbnailLoader::maxQueued + 200;
    for (int id = 1; id <= total; ++id)
        loader.thumbnail(id, dir.filePath(QStringLiteral("none_%1.png").arg(id)));
    const int running = loader.runningCount();
    QVERIFY(running >= 1);
    QCOMPARE(loader.queuedCount(), ThumbnailLoader::maxQueued);

    // Keep two of the newest and one of the dropped oldest: only the two stay.
    loader.retainOnly({qint64(total), qint64(total - 1), qint64(running + 1)});
    QCOMPARE(loader.queuedCount(), 2);

    QTRY_COMPARE(ready.count(), running + 2);
    QTRY_COMPARE(loader.runningCount(), 0);
    QCOMPARE(loader.queuedCount(), 0);
    QSet<qint64> done;
    for (const QList<QVariant> &arguments : std::as_const(ready))
        done.insert(arguments.first().toLongLong());
    QVERIFY(done.contains(total));
    QVERIFY(done.contains(total - 1));
    QVERIFY(!done.contains(running + 1));
}

void TestThumbnailLoader::newCacheDirForgetsEverything()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ThumbnailLoader loader;
    loader.setCacheDir(dir.filePath(QStringLiteral("a")));
    for (int id = 1; id <= 50; ++id)
        loader.thumbnail(id, dir.filePath(QStringLiteral("none_%1.png").arg(id)));
    QVERIFY(loader.queuedCount() > 0);
    QSignalSpy ready(&loader, &ThumbnailLoader::thumbnailReady);
    loader.setCacheDir(dir.filePath(QStringLiteral("b")));
    QCOMPARE(loader.queuedCount(), 0);
    // Results of the old project's running requests are dropped, not reported.
    QTRY_COMPARE(loader.runningCount(), 0);
    QCOMPARE(ready.count(), 0);
}

QTEST_MAIN(TestThumbnailLoader)
#include "tst_thumbnailloader.moc"
