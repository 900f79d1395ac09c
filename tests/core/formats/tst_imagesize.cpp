#include "core/formats/imageheader.h"
#include "core/project/projecterror.h"

#include "core/formats/formatsfixture.h"

#include <QTemporaryDir>
#include <QtTest>

using tagwise::ProjectError;
using tagwise::formats::ImageHeader;
using tagwise::formats::readImageHeader;

class TestImageSize final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Files written by OpenCV 4.6 (tests/data/formats); sizes as OpenCV reads them back.
    void readsSize_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("channels");

        QTest::newRow("png grey") << "gray.png" << 5 << 3 << 1;
        QTest::newRow("png rgb") << "rgb.png" << 5 << 3 << 3;
        QTest::newRow("png rgba") << "rgba.png" << 5 << 3 << 4;
        QTest::newRow("jpeg rgb") << "rgb.jpg" << 5 << 3 << 3;
        QTest::newRow("jpeg grey") << "gray.jpg" << 5 << 3 << 1;
        QTest::newRow("jpeg progressive") << "progressive.jpg" << 5 << 3 << 3;
        QTest::newRow("bmp") << "rgb.bmp" << 5 << 3 << 3;
        QTest::newRow("tiff rgb") << "rgb.tif" << 5 << 3 << 3;
        QTest::newRow("tiff grey") << "gray.tif" << 5 << 3 << 1;
        QTest::newRow("webp lossy") << "lossy.webp" << 5 << 3 << 3;
        QTest::newRow("webp lossless") << "lossless.webp" << 5 << 3 << 4;
        QTest::newRow("jpeg 2000") << "rgb.jp2" << 64 << 48 << 3;
        QTest::newRow("pgm") << "gray.pgm" << 5 << 3 << 1;
        QTest::newRow("ppm") << "rgb.ppm" << 5 << 3 << 3;
    }

    void readsSize()
    {
        QFETCH(QString, file);
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, channels);
        const ImageHeader header = readImageHeader(QStringLiteral(TAGWISE_TEST_DATA "/formats/") + file);
        QCOMPARE(header.width, width);
        QCOMPARE(header.height, height);
        QCOMPARE(header.channels, channels);
    }

    void readsGeneratedPng()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("x.png"));
        QVERIFY(tagwise::test::writeImage(path, 1, 7, 2));
        const ImageHeader header = readImageHeader(path);
        QCOMPARE(header.width, 7);
        QCOMPARE(header.height, 2);
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");

        QTest::newRow("empty") << QByteArray() << QStringLiteral("not an image format");
        QTest::newRow("text") << QByteArray("hello, world") << QStringLiteral("not an image format");
        QTest::newRow("truncated png") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0", 18) << QStringLiteral("truncated header");
        QTest::newRow("jpeg without frame") << QByteArray("\xFF\xD8\xFF\xD9", 4) << QStringLiteral("JPEG without a frame header");
        QTest::newRow("zero size pnm") << QByteArray("P5 0 3 255\n") << QStringLiteral("invalid image size 0x3");
    }

    void rejects()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.png"));
        QVERIFY(tagwise::test::writeFile(path, bytes));
        try {
            readImageHeader(path);
            QFAIL("no error");
        } catch (const ProjectError &error) {
            QVERIFY2(error.message().startsWith(path + QStringLiteral(": cannot read the image size: ")),
                     qPrintable(error.message()));
            QVERIFY2(error.message().contains(reason), qPrintable(error.message()));
        }
    }

    void missingFile()
    {
        QVERIFY_THROWS_EXCEPTION(ProjectError, readImageHeader(QStringLiteral("/nonexistent/x.png")));
    }
};

QTEST_GUILESS_MAIN(TestImageSize)
#include "tst_imagesize.moc"
