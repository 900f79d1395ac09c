#include "core/imaging/imagedecoder.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <sys/stat.h>

using namespace tagwise;

namespace {

QByteArray encode(const cv::Mat &image, const char *extension, const std::vector<int> &params = {})
{
    std::vector<uchar> bytes;
    if (!cv::imencode(extension, image, bytes, params))
        qFatal("cannot encode a fixture");
    return QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()));
}

/// 40 x 20, left half red, right half blue (BGR): every orientation looks different.
cv::Mat twoColourImage()
{
    cv::Mat image(20, 40, CV_8UC3, cv::Scalar(255, 0, 0));
    image(cv::Rect(0, 0, 20, 20)).setTo(cv::Scalar(0, 0, 255));
    return image;
}

/// A JPEG with an EXIF APP1 segment carrying only the orientation tag, written by hand.
QByteArray jpegWithOrientation(const cv::Mat &image, quint16 orientation)
{
    QByteArray tiff("II*\0", 4);
    auto le16 = [](QByteArray &b, quint16 v) { b.append(char(v & 0xFF)).append(char(v >> 8)); };
    auto le32 = [&le16](QByteArray &b, quint32 v) { le16(b, quint16(v & 0xFFFF)); le16(b, quint16(v >> 16)); };
    le32(tiff, 8);           // offset of IFD0
    le16(tiff, 1);           // one entry
    le16(tiff, 0x0112);      // Orientation
    le16(tiff, 3);           // SHORT
    le32(tiff, 1);           // count
    le16(tiff, orientation); // value, padded to four bytes
    le16(tiff, 0);
    le32(tiff, 0);           // no next IFD
    const QByteArray payload = QByteArray("Exif\0\0", 6) + tiff;
    QByteArray segment("\xFF\xE1", 2);
    const quint16 length = quint16(payload.size() + 2);
    segment.append(char(length >> 8)).append(char(length & 0xFF)).append(payload);

    const QByteArray jpeg = encode(image, ".jpg", {cv::IMWRITE_JPEG_QUALITY, 95});
    return jpeg.left(2) + segment + jpeg.mid(2); // right after SOI
}

QByteArray chunk(const char *type, const QByteArray &data)
{
    QByteArray out(4, '\0');
    qToBigEndian(quint32(data.size()), out.data());
    out.append(type, 4).append(data);
    out.append(4, '\0'); // CRC: the decoder refuses before it would look
    return out;
}

/// A PNG whose header claims \a width x \a height, with no pixel data to speak of.
QByteArray pngHeader(quint32 width, quint32 height)
{
    QByteArray ihdr(13, '\0');
    qToBigEndian(width, ihdr.data());
    qToBigEndian(height, ihdr.data() + 4);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 2; // RGB
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr) + chunk("IDAT", QByteArray(16, '\0'))
        + chunk("IEND", {});
}

bool near(const cv::Vec3b &pixel, int b, int g, int r, int tolerance = 40)
{
    return qAbs(pixel[0] - b) <= tolerance && qAbs(pixel[1] - g) <= tolerance && qAbs(pixel[2] - r) <= tolerance;
}

}

class TestImageDecoder : public QObject
{
    Q_OBJECT

private:
    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write a fixture");
        return path;
    }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void decodesGoodImages_data()
    {
        QTest::addColumn<QString>("extension");
        QTest::addColumn<int>("tolerance");
        QTest::newRow("png") << QStringLiteral(".png") << 0;
        QTest::newRow("jpeg") << QStringLiteral(".jpg") << 40;
        QTest::newRow("bmp") << QStringLiteral(".bmp") << 0;
        if (cv::haveImageWriter(".webp"))
            QTest::newRow("webp lossless") << QStringLiteral(".webp") << 0;
        if (cv::haveImageWriter(".tiff"))
            QTest::newRow("tiff") << QStringLiteral(".tiff") << 0;
    }

    void decodesGoodImages()
    {
        QFETCH(QString, extension);
        QFETCH(int, tolerance);
        const std::vector<int> params = extension == QLatin1String(".webp")
            ? std::vector<int>{cv::IMWRITE_WEBP_QUALITY, 101}
            : std::vector<int>{};
        const QString path = write(QStringLiteral("good") + extension,
                                   encode(twoColourImage(), extension.toLatin1().constData(), params));
        const DecodedImage decoded = ImageDecoder().decodeFile(path);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        QCOMPARE(decoded.image.type(), CV_8UC3);
        QCOMPARE(decoded.image.cols, 40);
        QCOMPARE(decoded.image.rows, 20);
        QVERIFY(near(decoded.image.at<cv::Vec3b>(10, 5), 0, 0, 255, tolerance));
        QVERIFY(near(decoded.image.at<cv::Vec3b>(10, 35), 255, 0, 0, tolerance));
    }

    void appliesExifOrientation_data()
    {
        QTest::addColumn<int>("orientation");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<QPoint>("redAt"); // a point (x, y) that must be red; the opposite end is blue
        QTest::addColumn<QPoint>("blueAt");
        QTest::newRow("1 normal") << 1 << 40 << 20 << QPoint(5, 10) << QPoint(35, 10);
        QTest::newRow("2 mirrored") << 2 << 40 << 20 << QPoint(35, 10) << QPoint(5, 10);
        QTest::newRow("3 rotated 180") << 3 << 40 << 20 << QPoint(35, 10) << QPoint(5, 10);
        QTest::newRow("6 rotated 90 cw") << 6 << 20 << 40 << QPoint(10, 5) << QPoint(10, 35);
        QTest::newRow("8 rotated 90 ccw") << 8 << 20 << 40 << QPoint(10, 35) << QPoint(10, 5);
    }

    void appliesExifOrientation()
    {
        QFETCH(int, orientation);
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(QPoint, redAt);
        QFETCH(QPoint, blueAt);
        const QString path = write(QStringLiteral("exif%1.jpg").arg(orientation),
                                   jpegWithOrientation(twoColourImage(), quint16(orientation)));
        const DecodedImage decoded = ImageDecoder().decodeFile(path);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        QCOMPARE(decoded.image.cols, width);
        QCOMPARE(decoded.image.rows, height);
        QVERIFY(near(decoded.image.at<cv::Vec3b>(redAt.y(), redAt.x()), 0, 0, 255));
        QVERIFY(near(decoded.image.at<cv::Vec3b>(blueAt.y(), blueAt.x()), 255, 0, 0));
    }

    void decodesLargeJpegsReduced_data()
    {
        QTest::addColumn<int>("minSide");
        QTest::addColumn<QSize>("expected");
        QTest::newRow("no reduction asked") << 0 << QSize(800, 400);
        QTest::newRow("eighth") << 50 << QSize(100, 50);
        QTest::newRow("quarter") << 100 << QSize(200, 100);
        QTest::newRow("half") << 150 << QSize(400, 200);
        QTest::newRow("too small to reduce") << 201 << QSize(800, 400);
    }

    void decodesLargeJpegsReduced()
    {
        QFETCH(int, minSide);
        QFETCH(QSize, expected);
        cv::Mat image(400, 800, CV_8UC3, cv::Scalar(255, 0, 0));
        image(cv::Rect(0, 0, 400, 400)).setTo(cv::Scalar(0, 0, 255));
        const DecodedImage decoded = ImageDecoder().decodeData(encode(image, ".jpg"), QStringLiteral("big.jpg"), minSide);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        QCOMPARE(QSize(decoded.image.cols, decoded.image.rows), expected);
        QVERIFY(near(decoded.image.at<cv::Vec3b>(expected.height() / 2, 2), 0, 0, 255));

        // Other formats are decoded whole.
        const DecodedImage png = ImageDecoder().decodeData(encode(image, ".png"), QStringLiteral("big.png"), minSide);
        QCOMPARE(png.image.cols, 800);
    }

    void reducedJpegKeepsOrientation()
    {
        const QByteArray jpeg = jpegWithOrientation(twoColourImage(), 6);
        const DecodedImage decoded = ImageDecoder().decodeData(jpeg, QStringLiteral("small.jpg"), 5);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        QCOMPARE(decoded.image.cols, 5); // 40 x 20 at a quarter, turned upright
        QCOMPARE(decoded.image.rows, 10);
    }

    void convertsGreyscale()
    {
        cv::Mat grey(16, 16, CV_8UC1, cv::Scalar(77));
        const DecodedImage png = ImageDecoder().decodeData(encode(grey, ".png"), QStringLiteral("grey.png"));
        QVERIFY2(png.ok(), qPrintable(png.error));
        QCOMPARE(png.image.type(), CV_8UC3);
        QCOMPARE(png.image.at<cv::Vec3b>(3, 3), cv::Vec3b(77, 77, 77));
        const DecodedImage jpeg = ImageDecoder().decodeData(encode(grey, ".jpg"), QStringLiteral("grey.jpg"));
        QVERIFY2(jpeg.ok(), qPrintable(jpeg.error));
        QCOMPARE(jpeg.image.type(), CV_8UC3);
        QVERIFY(near(jpeg.image.at<cv::Vec3b>(3, 3), 77, 77, 77, 3));
    }

    void compositesAlphaOnWhite()
    {
        cv::Mat rgba(4, 3, CV_8UC4);
        rgba.at<cv::Vec4b>(0, 0) = {0, 0, 0, 0};       // transparent black -> white
        rgba.at<cv::Vec4b>(0, 1) = {0, 0, 255, 255};   // opaque red stays red
        rgba.at<cv::Vec4b>(0, 2) = {0, 0, 0, 128};     // half black -> mid grey
        const DecodedImage decoded = ImageDecoder().decodeData(encode(rgba, ".png"), QStringLiteral("alpha.png"));
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        QCOMPARE(decoded.image.type(), CV_8UC3);
        QCOMPARE(decoded.image.at<cv::Vec3b>(0, 0), cv::Vec3b(255, 255, 255));
        QCOMPARE(decoded.image.at<cv::Vec3b>(0, 1), cv::Vec3b(0, 0, 255));
        QVERIFY(near(decoded.image.at<cv::Vec3b>(0, 2), 127, 127, 127, 1));

        cv::Mat greyAlpha(2, 2, CV_16UC4, cv::Scalar(65535, 65535, 65535, 0)); // 16-bit with alpha
        greyAlpha.at<cv::Vec4w>(1, 1) = {0, 0, 0, 65535};
        const DecodedImage deep = ImageDecoder().decodeData(encode(greyAlpha, ".png"), QStringLiteral("alpha16.png"));
        QVERIFY2(deep.ok(), qPrintable(deep.error));
        QCOMPARE(deep.image.at<cv::Vec3b>(0, 0), cv::Vec3b(255, 255, 255));
        QCOMPARE(deep.image.at<cv::Vec3b>(1, 1), cv::Vec3b(0, 0, 0));
    }

    void scales16BitTo8Bit()
    {
        cv::Mat deep(2, 2, CV_16UC3, cv::Scalar(0, 257 * 100, 65535));
        deep.at<cv::Vec3w>(1, 1) = {257, 0, 0};
        const DecodedImage decoded = ImageDecoder().decodeData(encode(deep, ".png"), QStringLiteral("deep.png"));
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        QCOMPARE(decoded.image.type(), CV_8UC3);
        QCOMPARE(decoded.image.at<cv::Vec3b>(0, 0), cv::Vec3b(0, 100, 255));
        QCOMPARE(decoded.image.at<cv::Vec3b>(1, 1), cv::Vec3b(1, 0, 0));

        cv::Mat deepGrey(2, 2, CV_16UC1, cv::Scalar(257 * 200));
        const DecodedImage grey = ImageDecoder().decodeData(encode(deepGrey, ".png"), QStringLiteral("deepgrey.png"));
        QVERIFY2(grey.ok(), qPrintable(grey.error));
        QCOMPARE(grey.image.at<cv::Vec3b>(1, 0), cv::Vec3b(200, 200, 200));
    }

    void reportsBadFiles_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes"); // null: do not create the file
        QTest::addColumn<QString>("reason");

        const QByteArray jpeg = encode(twoColourImage(), ".jpg");
        const QByteArray png = encode(twoColourImage(), ".png");
        QByteArray randomBytes(4096, '\0');
        quint32 state = 12345;
        for (char &c : randomBytes) {
            state = state * 1664525u + 1013904223u;
            c = char(state >> 24);
        }
        randomBytes[0] = 'Q'; // not by chance a JPEG/PNG signature
        QByteArray corruptPng = png;
        const qsizetype idat = corruptPng.indexOf("IDAT");
        for (qsizetype i = idat + 4; i < idat + 20 && i < corruptPng.size() - 12; ++i)
            corruptPng[i] = char(~corruptPng[i]);

        QTest::newRow("missing") << QStringLiteral("missing.png") << QByteArray() << QStringLiteral("not found");
        QTest::newRow("empty") << QStringLiteral("empty.jpg") << QByteArray("") << QStringLiteral("empty file");
        QTest::newRow("truncated jpeg") << QStringLiteral("half.jpg") << jpeg.left(jpeg.size() / 2)
                                        << QStringLiteral("truncated JPEG");
        QTest::newRow("truncated png") << QStringLiteral("half.png") << png.left(png.size() / 2)
                                       << QStringLiteral("truncated PNG");
        QTest::newRow("corrupt png") << QStringLiteral("corrupt.png") << corruptPng << QStringLiteral("corrupt PNG");
        QTest::newRow("random bytes") << QStringLiteral("random.jpg") << randomBytes << QStringLiteral("not an image");
        QTest::newRow("text") << QStringLiteral("notes.png") << QByteArray("hello, world\n")
                              << QStringLiteral("not an image");
        QTest::newRow("gif") << QStringLiteral("anim.gif") << QByteArray("GIF89a\x01\x00\x01\x00\x00\x00\x00;", 13)
                             << QStringLiteral("unsupported format (GIF)");
        QTest::newRow("huge png header") << QStringLiteral("huge.png") << pngHeader(20000, 20000)
                                         << QStringLiteral("too large (20000 x 20000 pixels");
        QTest::newRow("png header over OpenCV's limit") << QStringLiteral("giant.png") << pngHeader(1u << 30, 1u << 30)
                                                        << QStringLiteral("too large");
    }

    void reportsBadFiles()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        const QString path = bytes.isNull() ? m_dir.filePath(name) : write(name, bytes);
        const DecodedImage decoded = ImageDecoder().decodeFile(path);
        QVERIFY(!decoded.ok());
        QVERIFY(decoded.image.empty());
        QVERIFY2(decoded.error.startsWith(path + QLatin1String(": ")), qPrintable(decoded.error));
        QVERIFY2(decoded.error.contains(reason), qPrintable(decoded.error));
    }

    void readsOnlyRegularFiles()
    {
        // A FIFO would block the reader forever, /dev/zero would fill the memory:
        // both are refused before a byte is read.
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("pipe.png"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const QString zero = dir.filePath(QStringLiteral("zero.png"));
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), zero));
        const ImageDecoder decoder;
        for (const QString &path : {fifo, zero}) {
            const DecodedImage decoded = decoder.decodeFile(path);
            QVERIFY2(decoded.error == path + QStringLiteral(": not a regular file"), qPrintable(decoded.error));
        }
        // A file past the size cap is refused from its size alone (a sparse file: no disk used).
        const QString huge = dir.filePath(QStringLiteral("huge.png"));
        QFile file(huge);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(ImageDecoder::MaxFileBytes + 1));
        file.close();
        const DecodedImage decoded = decoder.decodeFile(huge);
        QVERIFY2(decoded.error.startsWith(huge + QStringLiteral(": too large")), qPrintable(decoded.error));
    }

    void refusesOverOwnLimit()
    {
        const QByteArray png = encode(cv::Mat(100, 100, CV_8UC3, cv::Scalar::all(9)), ".png");
        QVERIFY(ImageDecoder(10000).decodeData(png, QStringLiteral("a.png")).ok());
        const DecodedImage refused = ImageDecoder(9999).decodeData(png, QStringLiteral("a.png"));
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error.contains(QLatin1String("too large (100 x 100 pixels")), qPrintable(refused.error));

        // Formats whose size this code does not read are checked after decoding.
        if (cv::haveImageWriter(".tiff")) {
            const QByteArray tiff = encode(cv::Mat(100, 100, CV_8UC3, cv::Scalar::all(9)), ".tiff");
            const DecodedImage big = ImageDecoder(9999).decodeData(tiff, QStringLiteral("a.tiff"));
            QVERIFY(!big.ok());
            QVERIFY2(big.error.contains(QLatin1String("too large")), qPrintable(big.error));
        }
    }

    void resizes_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("size");
        QTest::addColumn<QSize>("fit");
        QTest::newRow("shrink landscape") << 100 << 50 << 32 << QSize(32, 16);
        QTest::newRow("enlarge portrait") << 10 << 20 << 64 << QSize(32, 64);
        QTest::newRow("same") << 64 << 64 << 64 << QSize(64, 64);
        QTest::newRow("thin") << 1000 << 2 << 100 << QSize(100, 1);
    }

    void resizes()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, size);
        QFETCH(QSize, fit);
        cv::Mat image(height, width, CV_8UC3, cv::Scalar(10, 20, 30));
        const cv::Mat square = ImageDecoder::resizeSquare(image, size);
        QCOMPARE(square.cols, size);
        QCOMPARE(square.rows, size);
        QCOMPARE(square.type(), CV_8UC3);
        QCOMPARE(square.at<cv::Vec3b>(size / 2, size / 2), cv::Vec3b(10, 20, 30));
        QVERIFY(square.data != image.data); // never aliases the input
        const cv::Mat fitted = ImageDecoder::resizeToFit(image, size);
        QCOMPARE(QSize(fitted.cols, fitted.rows), fit);
    }

    void shrinksWithAreaAveraging()
    {
        // A one-pixel checkerboard averages to grey with INTER_AREA; nearest or
        // linear sampling at an exact factor of 2 would alias to one colour.
        cv::Mat board(64, 64, CV_8UC3);
        for (int y = 0; y < 64; ++y)
            for (int x = 0; x < 64; ++x)
                board.at<cv::Vec3b>(y, x) = (x + y) % 2 ? cv::Vec3b(255, 255, 255) : cv::Vec3b(0, 0, 0);
        const cv::Mat small = ImageDecoder::resizeSquare(board, 16);
        const cv::Scalar mean = cv::mean(small);
        double lo = 0;
        double hi = 0;
        cv::minMaxLoc(small.reshape(1), &lo, &hi);
        QVERIFY(qAbs(mean[0] - 127.5) < 2);
        QVERIFY(hi - lo < 3);
    }
};

QTEST_GUILESS_MAIN(TestImageDecoder)
#include "tst_imagedecoder.moc"
