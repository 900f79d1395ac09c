// Whole-file writes that survive a full disk, and the one image-header parser.

#include "common/fulldisk.h"
#include "core/io/atomicwrite.h"
#include "core/io/imageheader.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

#include <sys/stat.h>

using namespace tagwise;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray pngHeader(quint32 width, quint32 height, bool withEnd)
{
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    const auto be32 = [&png](quint32 v) {
        for (int i = 3; i >= 0; --i)
            png.append(char((v >> (8 * i)) & 0xff));
    };
    be32(13);
    png.append("IHDR");
    be32(width);
    be32(height);
    png.append(QByteArray("\x08\x02\x00\x00\x00", 5)); // 8-bit RGB
    be32(0);                                            // CRC (not checked here)
    if (withEnd) {
        be32(0);
        png.append("IEND");
        be32(0);
    }
    return png;
}

}

class TestIo final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesAndReplaces();
    void fullDiskKeepsTheOldFile_data();
    void fullDiskKeepsTheOldFile();
    void writesThroughAPipe();
    void headerOfBytes_data();
    void headerOfBytes();
    void headerOfAFileReadsOnlyItsHead();
    void headerRefusesWhatIsNotAFile();
};

void TestIo::writesAndReplaces()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("a.csv");
    QCOMPARE(io::writeFileAtomically(path, "one"), QString());
    QCOMPARE(readAll(path), QByteArray("one"));
    QCOMPARE(io::writeFileAtomically(path, "two"), QString());
    QCOMPARE(readAll(path), QByteArray("two"));
    // Nothing is left beside it.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"a.csv"});
    // A folder is not a file.
    QVERIFY(io::writeFileAtomically(dir.path(), "x").contains("is a folder"));
}

void TestIo::fullDiskKeepsTheOldFile_data()
{
    QTest::addColumn<int>("size");
    // Small enough to sit in Qt's write buffer until commit(), where QSaveFile
    // alone reported success; and larger than the buffer.
    QTest::newRow("fits Qt's buffer") << 600;
    QTest::newRow("larger than the buffer") << 200000;
}

void TestIo::fullDiskKeepsTheOldFile()
{
    QFETCH(int, size);
    test::FullDisk disk;
    const QString path = disk.path() + QStringLiteral("/labels.csv");
    QVERIFY(writeBytes(path, "old contents\n"));
    disk.fill();
    QVERIFY(disk.isFull());
    const QString error = io::writeFileAtomically(path, QByteArray(size, 'n'));
    disk.release();
    QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
    QVERIFY2(error.contains(disk.reason()), qPrintable(error));
    QCOMPARE(readAll(path), QByteArray("old contents\n"));
    // No temporary file is left behind.
    const QStringList left = QDir(disk.path()).entryList(QDir::Files);
    QCOMPARE(left, QStringList{"labels.csv"});
}

void TestIo::writesThroughAPipe()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath("pipe");
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QByteArray received;
    std::thread reader([&] {
        QFile in(fifo);
        if (in.open(QIODevice::ReadOnly))
            received = in.readAll();
    });
    QCOMPARE(io::writeFileAtomically(fifo, "through the pipe"), QString());
    reader.join();
    QCOMPARE(received, QByteArray("through the pipe"));
    QVERIFY(QFileInfo(fifo).exists() && !QFileInfo(fifo).isFile()); // still a pipe, not replaced
}

void TestIo::headerOfBytes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("format");
    QTest::addColumn<qint64>("width");
    QTest::addColumn<qint64>("height");
    QTest::addColumn<bool>("truncated");
    QTest::addColumn<QString>("problem");
    const QByteArray jpeg = readAll(QStringLiteral(TAGWISE_TEST_DATA "/formats/rgb.jpg"));
    QTest::newRow("png") << pngHeader(7, 5, true) << int(io::ImageFormat::Png) << 7LL << 5LL << false << "";
    QTest::newRow("png without IEND") << pngHeader(7, 5, false) << int(io::ImageFormat::Png) << 7LL << 5LL << true << "";
    QTest::newRow("png cut in its header") << pngHeader(7, 5, true).left(18) << int(io::ImageFormat::Png) << 0LL << 0LL << true
                                           << "truncated header";
    QTest::newRow("png without IHDR") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\x0dXXXX0123456789abcdefgh", 36)
                                      << int(io::ImageFormat::Png) << 0LL << 0LL << false << "corrupt PNG header";
    QTest::newRow("jpeg") << jpeg << int(io::ImageFormat::Jpeg) << 5LL << 3LL << false << "";
    QTest::newRow("jpeg cut in half") << jpeg.left(jpeg.size() / 2) << int(io::ImageFormat::Jpeg) << 5LL << 3LL << true << "";
    QTest::newRow("jpeg without a frame") << QByteArray("\xFF\xD8\xFF\xD9", 4) << int(io::ImageFormat::Jpeg) << 0LL << 0LL
                                          << false << "JPEG without a frame header";
    QTest::newRow("gif") << QByteArray("GIF89a\x01\x00\x01\x00\x00\x00\x00;", 13) << int(io::ImageFormat::Gif) << 0LL << 0LL
                         << false << "";
    QTest::newRow("text") << QByteArray("hello, world") << int(io::ImageFormat::Unknown) << 0LL << 0LL << false << "";
    QTest::newRow("empty") << QByteArray() << int(io::ImageFormat::Unknown) << 0LL << 0LL << false << "";
    QTest::newRow("pnm") << QByteArray("P6\n# a comment\n640 480\n255\n") << int(io::ImageFormat::Pnm) << 640LL << 480LL
                         << false << "";
}

void TestIo::headerOfBytes()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, format);
    QFETCH(qint64, width);
    QFETCH(qint64, height);
    QFETCH(bool, truncated);
    QFETCH(QString, problem);
    const io::ImageHeader header = io::parseImageHeader(bytes);
    QCOMPARE(int(header.format), format);
    QCOMPARE(header.width, width);
    QCOMPARE(header.height, height);
    QCOMPARE(header.truncated, truncated);
    if (problem.isEmpty())
        QCOMPARE(header.problem, QString());
    else
        QVERIFY2(header.problem.contains(problem), qPrintable(header.problem));
}

void TestIo::headerOfAFileReadsOnlyItsHead()
{
    // The size comes from the head; a file cut after it still has one (only
    // decoding, which reads it all, calls it truncated).
    QTemporaryDir dir;
    const QString path = dir.filePath("big.png");
    QVERIFY(writeBytes(path, pngHeader(40000, 30000, false) + QByteArray(1 << 20, '\0')));
    const io::ImageHeader header = io::readImageHeader(path);
    QCOMPARE(header.format, io::ImageFormat::Png);
    QCOMPARE(header.width, 40000LL);
    QCOMPARE(header.height, 30000LL);
    QCOMPARE(header.channels, 3);
    QVERIFY(!header.truncated);
    QVERIFY(io::parseImageHeader(readAll(path)).truncated);
}

void TestIo::headerRefusesWhatIsNotAFile()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath("pipe.png");
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    // No writer: opening it for reading would block forever.
    const io::ImageHeader header = io::readImageHeader(fifo);
    QCOMPARE(header.format, io::ImageFormat::Unknown);
    QVERIFY2(header.problem.contains("not a regular file"), qPrintable(header.problem));
    QVERIFY(!io::readImageHeader(dir.filePath("missing.png")).problem.isEmpty());
}

QTEST_GUILESS_MAIN(TestIo)
#include "tst_io.moc"
