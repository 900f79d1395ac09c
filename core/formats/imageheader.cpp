#include "core/formats/imageheader.h"

#include "core/project/projecterror.h"

#include <QByteArray>
#include <QFile>
#include <QObject>

namespace tagwise::formats {

namespace {

// Thrown inside the parsers, turned into a ProjectError naming the file.
struct HeaderError
{
    QString reason;
};

[[noreturn]] void bad(const QString &reason)
{
    throw HeaderError{reason};
}

class Reader final
{
public:
    explicit Reader(QFile &file) : m_file(file) {}

    QByteArray read(qint64 offset, qint64 size)
    {
        if (!m_file.seek(offset))
            bad(QObject::tr("truncated header"));
        const QByteArray bytes = m_file.read(size);
        if (bytes.size() != size)
            bad(QObject::tr("truncated header"));
        return bytes;
    }
    quint32 be(qint64 offset, int size)
    {
        const QByteArray bytes = read(offset, size);
        quint32 value = 0;
        for (int i = 0; i < size; ++i)
            value = (value << 8) | quint8(bytes.at(i));
        return value;
    }
    quint32 le(qint64 offset, int size)
    {
        const QByteArray bytes = read(offset, size);
        quint32 value = 0;
        for (int i = size - 1; i >= 0; --i)
            value = (value << 8) | quint8(bytes.at(i));
        return value;
    }
    quint32 uint(bool bigEndian, qint64 offset, int size) { return bigEndian ? be(offset, size) : le(offset, size); }
    qint64 size() const { return m_file.size(); }

private:
    QFile &m_file;
};

ImageHeader png(Reader &in)
{
    if (in.read(12, 4) != "IHDR")
        bad(QObject::tr("PNG without an IHDR chunk"));
    const int colorType = int(in.be(25, 1));
    static const int channels[] = {1, 0, 3, 3, 2, 0, 4};
    if (colorType > 6 || channels[colorType] == 0)
        bad(QObject::tr("PNG with an unknown colour type %1").arg(colorType));
    return {int(in.be(16, 4)), int(in.be(20, 4)), channels[colorType]};
}

ImageHeader jpeg(Reader &in)
{
    qint64 pos = 2;
    while (true) {
        if (in.be(pos, 1) != 0xFF)
            bad(QObject::tr("JPEG marker expected at byte %1").arg(pos));
        while (in.be(pos, 1) == 0xFF) // fill bytes
            ++pos;
        const quint32 marker = in.be(pos, 1);
        ++pos;
        if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7))
            continue; // markers without a length
        if (marker == 0xD9 || marker == 0xDA)
            bad(QObject::tr("JPEG without a frame header"));
        const quint32 length = in.be(pos, 2);
        if (length < 2)
            bad(QObject::tr("JPEG segment of length %1 at byte %2").arg(length).arg(pos));
        const bool frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (frame)
            return {int(in.be(pos + 5, 2)), int(in.be(pos + 3, 2)), int(in.be(pos + 7, 1))};
        pos += length;
    }
}

ImageHeader bmp(Reader &in)
{
    const quint32 headerSize = in.le(14, 4);
    if (headerSize == 12) // OS/2 BITMAPCOREHEADER
        return {int(in.le(18, 2)), int(in.le(20, 2)), int(in.le(24, 2)) == 32 ? 4 : 3};
    const qint32 width = qint32(in.le(18, 4));
    const qint32 height = qint32(in.le(22, 4)); // negative: stored top-down
    const int bits = int(in.le(28, 2));
    return {width, height < 0 ? -height : height, bits == 32 ? 4 : 3};
}

ImageHeader tiff(Reader &in)
{
    const bool bigEndian = in.read(0, 2) == "MM";
    const quint32 version = in.uint(bigEndian, 2, 2);
    if (version != 42)
        bad(version == 43 ? QObject::tr("BigTIFF is not supported") : QObject::tr("not a TIFF file"));
    const qint64 ifd = in.uint(bigEndian, 4, 4);
    const quint32 count = in.uint(bigEndian, ifd, 2);
    ImageHeader header;
    header.channels = 1; // SamplesPerPixel defaults to 1
    for (quint32 i = 0; i < count; ++i) {
        const qint64 entry = ifd + 2 + 12 * qint64(i);
        const quint32 tag = in.uint(bigEndian, entry, 2);
        const quint32 type = in.uint(bigEndian, entry + 2, 2);
        if (tag != 256 && tag != 257 && tag != 277)
            continue;
        const int value = int(type == 3 ? in.uint(bigEndian, entry + 8, 2) : in.uint(bigEndian, entry + 8, 4));
        if (tag == 256)
            header.width = value;
        else if (tag == 257)
            header.height = value;
        else
            header.channels = value;
    }
    return header;
}

ImageHeader webp(Reader &in)
{
    const QByteArray chunk = in.read(12, 4);
    if (chunk == "VP8 ") {
        if (in.read(23, 3) != QByteArray("\x9d\x01\x2a", 3))
            bad(QObject::tr("WebP with a bad VP8 frame"));
        return {int(in.le(26, 2) & 0x3fff), int(in.le(28, 2) & 0x3fff), 3};
    }
    if (chunk == "VP8L") {
        if (in.be(20, 1) != 0x2f)
            bad(QObject::tr("WebP with a bad VP8L signature"));
        const quint32 bits = in.le(21, 4);
        return {int(bits & 0x3fff) + 1, int((bits >> 14) & 0x3fff) + 1, (bits >> 28) & 1 ? 4 : 3};
    }
    if (chunk == "VP8X") {
        const bool alpha = in.be(20, 1) & 0x10;
        return {int(in.le(24, 3)) + 1, int(in.le(27, 3)) + 1, alpha ? 4 : 3};
    }
    bad(QObject::tr("WebP with an unknown chunk"));
}

ImageHeader jpeg2000Codestream(Reader &in, qint64 pos)
{
    // SOC, then the SIZ segment: Xsiz, Ysiz, XOsiz, YOsiz, ..., Csiz.
    if (in.be(pos, 2) != 0xFF4F || in.be(pos + 2, 2) != 0xFF51)
        bad(QObject::tr("JPEG 2000 codestream without a SIZ segment"));
    const qint64 siz = pos + 6;
    const qint64 width = qint64(in.be(siz + 2, 4)) - in.be(siz + 10, 4);
    const qint64 height = qint64(in.be(siz + 6, 4)) - in.be(siz + 14, 4);
    return {int(width), int(height), int(in.be(siz + 34, 2))};
}

ImageHeader jp2(Reader &in)
{
    // A sequence of boxes; the image header box sits in the 'jp2h' super box.
    qint64 pos = 0;
    qint64 end = in.size();
    while (pos + 8 <= end) {
        qint64 length = in.be(pos, 4);
        const QByteArray type = in.read(pos + 4, 4);
        qint64 header = 8;
        if (length == 1) {
            length = (qint64(in.be(pos + 8, 4)) << 32) | in.be(pos + 12, 4);
            header = 16;
        } else if (length == 0) {
            length = end - pos;
        }
        if (length < header)
            bad(QObject::tr("JPEG 2000 box of length %1 at byte %2").arg(length).arg(pos));
        if (type == "jp2h") {
            end = pos + length;
            pos += header;
            continue;
        }
        if (type == "ihdr")
            return {int(in.be(pos + header + 4, 4)), int(in.be(pos + header, 4)), int(in.be(pos + header + 8, 2))};
        pos += length;
    }
    bad(QObject::tr("JPEG 2000 file without an image header box"));
}

ImageHeader pnm(Reader &in)
{
    const QByteArray text = in.read(0, qMin<qint64>(in.size(), 1024));
    const char kind = text.at(1);
    QList<QByteArray> numbers;
    qsizetype pos = 2;
    while (numbers.size() < 2 && pos < text.size()) {
        const char c = text.at(pos);
        if (c == '#') {
            while (pos < text.size() && text.at(pos) != '\n')
                ++pos;
        } else if (c >= '0' && c <= '9') {
            const qsizetype start = pos;
            while (pos < text.size() && text.at(pos) >= '0' && text.at(pos) <= '9')
                ++pos;
            numbers.append(text.mid(start, pos - start));
            continue;
        } else if (!(c == ' ' || c == '\t' || c == '\r' || c == '\n')) {
            bad(QObject::tr("PNM header with an unexpected character"));
        }
        ++pos;
    }
    if (numbers.size() < 2)
        bad(QObject::tr("truncated header"));
    const int channels = (kind == '3' || kind == '6') ? 3 : 1;
    return {numbers.at(0).toInt(), numbers.at(1).toInt(), channels};
}

}

ImageHeader readImageHeader(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        throw ProjectError(QObject::tr("%1: cannot open: %2").arg(fileName, file.errorString()));
    Reader in(file);
    try {
        const QByteArray magic = file.read(16);
        ImageHeader header;
        if (magic.startsWith("\x89PNG\r\n\x1a\n"))
            header = png(in);
        else if (magic.startsWith("\xFF\xD8"))
            header = jpeg(in);
        else if (magic.startsWith("BM"))
            header = bmp(in);
        else if (magic.startsWith(QByteArray("II*\0", 4)) || magic.startsWith(QByteArray("MM\0*", 4))
                 || magic.startsWith(QByteArray("II+\0", 4)) || magic.startsWith(QByteArray("MM\0+", 4)))
            header = tiff(in);
        else if (magic.startsWith("RIFF") && magic.mid(8, 4) == "WEBP")
            header = webp(in);
        else if (magic.startsWith(QByteArray("\0\0\0\x0cjP  ", 8)))
            header = jp2(in);
        else if (magic.startsWith(QByteArray("\xFF\x4F\xFF\x51", 4)))
            header = jpeg2000Codestream(in, 0);
        else if (magic.size() >= 2 && magic.at(0) == 'P' && magic.at(1) >= '1' && magic.at(1) <= '6')
            header = pnm(in);
        else
            bad(QObject::tr("not an image format whose size can be read (PNG, JPEG, BMP, TIFF, WebP, JPEG 2000, PNM)"));
        if (header.width <= 0 || header.height <= 0)
            bad(QObject::tr("invalid image size %1x%2").arg(header.width).arg(header.height));
        return header;
    } catch (const HeaderError &error) {
        throw ProjectError(QObject::tr("%1: cannot read the image size: %2").arg(fileName, error.reason));
    }
}

}
