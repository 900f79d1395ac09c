#include "core/imaging/thumbnailcache.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentMap>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

using namespace tagwise;

class TestThumbnailCache : public QObject
{
    Q_OBJECT

private:
    QString writeImage(const QString &name, int width, int height, const cv::Scalar &colour)
    {
        const QString path = m_dir.filePath(name);
        cv::Mat image(height, width, CV_8UC3, colour);
        // A left/right difference, so a wrong orientation or crop would show.
        image(cv::Rect(0, 0, width / 2, height)).setTo(cv::Scalar(0, 0, 255));
        if (!cv::imwrite(path.toStdString(), image))
            qFatal("cannot write a fixture");
        return path;
    }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void makesJpegWithLongestSideEdge_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("edge");
        QTest::addColumn<int>("expectedWidth");
        QTest::addColumn<int>("expectedHeight");
        QTest::newRow("landscape") << 300 << 150 << 64 << 64 << 32;
        QTest::newRow("portrait") << 90 << 270 << 60 << 20 << 60;
        QTest::newRow("square") << 200 << 200 << 160 << 160 << 160;
        QTest::newRow("small image is enlarged") << 40 << 20 << 160 << 160 << 80;
    }

    void makesJpegWithLongestSideEdge()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, edge);
        QFETCH(int, expectedWidth);
        QFETCH(int, expectedHeight);
        const QString image = writeImage(QStringLiteral("%1x%2.png").arg(width).arg(height), width, height,
                                         cv::Scalar(255, 0, 0));
        ThumbnailCache cache(m_dir.filePath(QStringLiteral("thumbs-%1").arg(edge)), edge);
        QCOMPARE(cache.edge(), edge);
        QString error;
        const QString thumb = cache.thumbnail(image, &error);
        QVERIFY2(!thumb.isEmpty(), qPrintable(error));
        QVERIFY(error.isEmpty());
        QVERIFY(thumb.endsWith(QLatin1String(".jpg")));
        QFile file(thumb);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xFF\xD8\xFF"));
        const cv::Mat decoded = cv::imread(thumb.toStdString(), cv::IMREAD_COLOR);
        QCOMPARE(decoded.cols, expectedWidth);
        QCOMPARE(decoded.rows, expectedHeight);
        // left half red, right half blue (BGR), within JPEG error
        const cv::Vec3b left = decoded.at<cv::Vec3b>(expectedHeight / 2, 2);
        const cv::Vec3b right = decoded.at<cv::Vec3b>(expectedHeight / 2, expectedWidth - 3);
        QVERIFY2(left[2] > 200 && left[0] < 60, "left side should be red");
        QVERIFY2(right[0] > 200 && right[2] < 60, "right side should be blue");
    }

    void reusesAndRenewsOnChange()
    {
        const QString image = writeImage(QStringLiteral("change.png"), 120, 80, cv::Scalar(0, 255, 0));
        ThumbnailCache cache(m_dir.filePath(QStringLiteral("thumbs-change")), 40);
        const QString first = cache.thumbnail(image);
        QVERIFY(!first.isEmpty());
        QCOMPARE(cache.thumbnail(image), first);
        // Prove reuse: a thumbnail that exists is served as it is, not remade.
        {
            QFile marker(first);
            QVERIFY(marker.open(QIODevice::Append));
            marker.write("trailer");
        }
        const qint64 markedSize = QFileInfo(first).size();
        QCOMPARE(cache.thumbnail(image), first);
        QCOMPARE(QFileInfo(first).size(), markedSize);

        // Another size of the image -> another key, a fresh thumbnail.
        writeImage(QStringLiteral("change.png"), 60, 120, cv::Scalar(0, 255, 0));
        const QString second = cache.thumbnail(image);
        QVERIFY(!second.isEmpty());
        QVERIFY(second != first);
        const cv::Mat decoded = cv::imread(second.toStdString());
        QCOMPARE(decoded.cols, 20);
        QCOMPARE(decoded.rows, 40);

        // Another edge -> another key.
        ThumbnailCache bigger(m_dir.filePath(QStringLiteral("thumbs-change")), 80);
        QVERIFY(bigger.thumbnail(image) != second);
    }

    void reportsUnreadableImages()
    {
        ThumbnailCache cache(m_dir.filePath(QStringLiteral("thumbs-bad")), 64);
        QString error;
        const QString missing = m_dir.filePath(QStringLiteral("missing.png"));
        QVERIFY(cache.thumbnail(missing, &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("missing.png")) && error.contains(QLatin1String("not found")),
                 qPrintable(error));

        const QString garbage = m_dir.filePath(QStringLiteral("garbage.jpg"));
        QFile file(garbage);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(500, 'x'));
        file.close();
        error.clear();
        QVERIFY(cache.thumbnail(garbage, &error).isEmpty());
        QVERIFY2(error.startsWith(garbage) && error.contains(QLatin1String("not an image")), qPrintable(error));
        QVERIFY(cache.thumbnail(garbage).isEmpty()); // a null error pointer is allowed
    }

    void isThreadSafe()
    {
        QStringList images;
        for (int i = 0; i < 6; ++i)
            images << writeImage(QStringLiteral("thread%1.png").arg(i), 100 + 10 * i, 100, cv::Scalar(10 * i, 0, 0));
        QStringList requests;
        for (int round = 0; round < 8; ++round)
            requests << images; // the same images from several threads at once
        const ThumbnailCache cache(m_dir.filePath(QStringLiteral("thumbs-threads")), 50);
        const QStringList results = QtConcurrent::blockingMapped(requests, [&cache](const QString &path) {
            return cache.thumbnail(path);
        });
        QCOMPARE(results.size(), requests.size());
        for (int i = 0; i < results.size(); ++i) {
            QCOMPARE(results.at(i), results.at(i % images.size()));
            const cv::Mat decoded = cv::imread(results.at(i).toStdString());
            QVERIFY(!decoded.empty());
            QCOMPARE(decoded.cols, 50);
        }
        QCOMPARE(QDir(m_dir.filePath(QStringLiteral("thumbs-threads"))).entryList(QDir::Files).size(),
                 int(images.size()));
    }
};

QTEST_GUILESS_MAIN(TestThumbnailCache)
#include "tst_thumbnailcache.moc"
