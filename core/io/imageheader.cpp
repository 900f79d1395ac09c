#include "core/io/imageheader.h"

#include <QFile>
#include <QFileInfo>
#include <QObject>

#include <cstring>
#include <optional>

namespace tagwise::io {

namespace {

/// Random access to the bytes of an image: in memory, or read from a file on demand.
class Source
{
public:
    explicit Source(const QByteArray &data)
        : m_data(data)
        , m_size(data.size())
    {
    }
    explicit Source(QFile &file)
        : m_file(&file)
        , m_size(file.size())
    {
    }

    qint64 size() const { return m_size; }

    /// \a n bytes at \a offset, or nullopt when the data ends before.
    std::optional<QByteArray> read(qint64 offset, qint64 n) const
    {
        if (offset < 0 || n < 0 || offset + n > m_size)
            return std::nullopt;
        if (!m_file)
            return m_data.mid(offset, n);
        if (!m_file->seek(offset))
            return std::nullopt;
        QByteArray bytes = m_file->read(n);
        if (bytes.size() != n)
            return std::nullopt;
        return bytes;
    }

    /// The position of the first byte \a value at or after \a from, or -1.
    qint64 find(uchar value, qint64 from) const
    {
        if (!m_file) {
            if (from >= m_size)
                return -1;
            const void *hit = std::memchr(m_data.constData() + from, value, size_t(m_size - from));
            return hit ? static_cast<const char *>(hit) - m_data.constData() : -1;
        }
        for (qint64 pos = from; pos < m_size; pos += kChunk) {
            const auto chunk = read(pos, std::min(kChunk, m_size - pos));
            if (!chunk)
                return -1;
            const qint64 hit = chunk->indexOf(char(value));
            if (hit >= 0)
                return pos + hit;
        }
        return -1;
    }

    std::optional<quint32> be(qint64 offset, int n) const { return number(offset, n, true); }
    std::optional<quint32> le(qint64 offset, int n) const { return number(offset, n, false); }
    std::optional<quint32> number(qint64 offset, int n, bool bigEndian) const
    {
        const auto bytes = read(offset, n);
        if (!bytes)
            return std::nullopt;
        quint32 value = 0;
        for (int i = 0; i < n; ++i)
            value |= quint32(quint8(bytes->at(bigEndian ? i : n - 1 - i))) << (8 * (n - 1 - i));
        return value;
    }
    bool startsWith(qint64 offset, const char *bytes, qint64 n) const
    {
        const auto data = read(offset, n);
        return data && std::memcmp(data->constData(), bytes, size_t(n)) == 0;
    }

private:
    static constexpr qint64 kChunk = 64 * 1024;
    QByteArray m_data;
    QFile *m_file = nullptr;
    qint64 m_size = 0;
};

/// Thrown inside the parsers when the data ends early or is malformed.
struct Stop
{
    bool truncated;
    QString problem;
};

quint32 need(std::optional<quint32> value)
{
    if (!value)
        throw Stop{true, QObject::tr("truncated header")};
    return *value;
}

[[noreturn]] void bad(const QString &problem)
{
    throw Stop{false, problem};
}

void png(const Source &in, bool complete, ImageHeader &h)
{
    if (!in.startsWith(12, "IHDR", 4)) {
        need(in.be(12, 4));
        bad(QObject::tr("corrupt PNG header (no IHDR chunk)"));
    }
    h.width = need(in.be(16, 4));
    h.height = need(in.be(20, 4));
    const int colorType = int(need(in.be(25, 1)));
    static const int channels[] = {1, 0, 3, 3, 2, 0, 4};
    if (colorType > 6 || channels[colorType] == 0)
        bad(QObject::tr("corrupt PNG header (colour type %1)").arg(colorType));
    h.channels = channels[colorType];
    if (!complete)
        return;
    // Walk the chunks: a missing IEND means the file was cut short.
    qint64 pos = 8;
    while (pos + 12 <= in.size()) {
        if (in.startsWith(pos + 4, "IEND", 4))
            return;
        pos += 12 + qint64(need(in.be(pos, 4)));
    }
    h.truncated = true;
}

// Walks the JPEG markers as libjpeg does (stray bytes between segments are
// skipped): the frame header gives the size. With \a complete it goes on
// through the entropy-coded data to EOI, so that a cut stream is noticed.
void jpeg(const Source &in, bool complete, ImageHeader &h)
{
    qint64 pos = 2;
    const qint64 n = in.size();
    while (true) {
        pos = in.find(0xFF, pos);
        if (pos < 0)
            throw Stop{true, {}};
        while (pos < n && need(in.be(pos, 1)) == 0xFF)
            ++pos;
        if (pos >= n)
            throw Stop{true, {}};
        const quint32 marker = need(in.be(pos++, 1));
        if (marker == 0xD9) { // EOI
            if (h.width == 0)
                bad(QObject::tr("JPEG without a frame header"));
            return;
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8))
            continue; // no length field
        const qint64 length = need(in.be(pos, 2));
        if (length < 2)
            bad(QObject::tr("corrupt JPEG marker segment at byte %1").arg(pos));
        if (pos + length > n)
            throw Stop{true, {}};
        const bool frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (frame && length >= 8 && h.width == 0) {
            h.height = need(in.be(pos + 3, 2));
            h.width = need(in.be(pos + 5, 2));
            h.channels = int(need(in.be(pos + 7, 1)));
            if (!complete)
                return;
        }
        pos += length;
        if (marker == 0xDA) { // start of scan
            if (h.width == 0)
                bad(QObject::tr("JPEG without a frame header"));
            // Entropy-coded data runs up to the next marker that is not a stuffed
            // byte (FF 00), a fill byte or a restart marker.
            while (true) {
                pos = in.find(0xFF, pos);
                if (pos < 0 || pos + 1 >= n)
                    throw Stop{true, {}};
                const quint32 next = need(in.be(pos + 1, 1));
                if (next == 0x00 || next == 0xFF || (next >= 0xD0 && next <= 0xD7)) {
                    pos += next == 0xFF ? 1 : 2;
                    continue;
                }
                break;
            }
        }
    }
}

void bmp(const Source &in, ImageHeader &h)
{
    const quint32 headerSize = need(in.le(14, 4));
    if (headerSize == 12) { // OS/2 BITMAPCOREHEADER
        h.width = need(in.le(18, 2));
        h.height = need(in.le(20, 2));
        h.channels = need(in.le(24, 2)) == 32 ? 4 : 3;
        return;
    }
    h.width = qAbs(qint64(qint32(need(in.le(18, 4)))));
    h.height = qAbs(qint64(qint32(need(in.le(22, 4))))); // negative: stored top-down
    h.channels = need(in.le(28, 2)) == 32 ? 4 : 3;
}

void tiff(const Source &in, ImageHeader &h)
{
    const bool bigEndian = in.startsWith(0, "MM", 2);
    const quint32 version = need(in.number(2, 2, bigEndian));
    if (version != 42)
        bad(version == 43 ? QObject::tr("BigTIFF is not supported") : QObject::tr("not a TIFF file"));
    const qint64 ifd = need(in.number(4, 4, bigEndian));
    const quint32 count = need(in.number(ifd, 2, bigEndian));
    h.channels = 1; // SamplesPerPixel defaults to 1
    for (quint32 i = 0; i < count; ++i) {
        const qint64 entry = ifd + 2 + 12 * qint64(i);
        const quint32 tag = need(in.number(entry, 2, bigEndian));
        const quint32 type = need(in.number(entry + 2, 2, bigEndian));
        if (tag != 256 && tag != 257 && tag != 277)
            continue;
        const qint64 value = type == 3 ? need(in.number(entry + 8, 2, bigEndian)) : need(in.number(entry + 8, 4, bigEndian));
        if (tag == 256)
            h.width = value;
        else if (tag == 257)
            h.height = value;
        else
            h.channels = int(value);
    }
}

void webp(const Source &in, ImageHeader &h)
{
    if (in.startsWith(12, "VP8 ", 4)) {
        if (!in.startsWith(23, "\x9d\x01\x2a", 3)) {
            need(in.be(23, 3));
            bad(QObject::tr("WebP with a bad VP8 frame"));
        }
        h.width = need(in.le(26, 2)) & 0x3fff;
        h.height = need(in.le(28, 2)) & 0x3fff;
        h.channels = 3;
    } else if (in.startsWith(12, "VP8L", 4)) {
        if (need(in.be(20, 1)) != 0x2f)
            bad(QObject::tr("WebP with a bad VP8L signature"));
        const quint32 bits = need(in.le(21, 4));
        h.width = qint64(bits & 0x3fff) + 1;
        h.height = qint64((bits >> 14) & 0x3fff) + 1;
        h.channels = (bits >> 28) & 1 ? 4 : 3;
    } else if (in.startsWith(12, "VP8X", 4)) {
        const bool alpha = need(in.be(20, 1)) & 0x10;
        h.width = qint64(need(in.le(24, 3))) + 1;
        h.height = qint64(need(in.le(27, 3))) + 1;
        h.channels = alpha ? 4 : 3;
    } else {
        need(in.be(12, 4));
        bad(QObject::tr("WebP with an unknown chunk"));
    }
}

void jpeg2000Codestream(const Source &in, qint64 pos, ImageHeader &h)
{
    // SOC, then the SIZ segment: Xsiz, Ysiz, XOsiz, YOsiz, ..., Csiz.
    if (need(in.be(pos, 2)) != 0xFF4F || need(in.be(pos + 2, 2)) != 0xFF51)
        bad(QObject::tr("JPEG 2000 codestream without a SIZ segment"));
    const qint64 siz = pos + 6;
    h.width = qint64(need(in.be(siz + 2, 4))) - need(in.be(siz + 10, 4));
    h.height = qint64(need(in.be(siz + 6, 4))) - need(in.be(siz + 14, 4));
    h.channels = int(need(in.be(siz + 34, 2)));
}

void jp2(const Source &in, ImageHeader &h)
{
    // A sequence of boxes; the image header box sits in the 'jp2h' super box.
    qint64 pos = 0;
    qint64 end = in.size();
    while (pos + 8 <= end) {
        qint64 length = need(in.be(pos, 4));
        qint64 header = 8;
        if (length == 1) {
            length = (qint64(need(in.be(pos + 8, 4))) << 32) | need(in.be(pos + 12, 4));
            header = 16;
        } else if (length == 0) {
            length = end - pos;
        }
        if (length < header)
            bad(QObject::tr("JPEG 2000 box of length %1 at byte %2").arg(length).arg(pos));
        if (in.startsWith(pos + 4, "jp2h", 4)) {
            end = pos + length;
            pos += header;
            continue;
        }
        if (in.startsWith(pos + 4, "ihdr", 4)) {
            h.height = need(in.be(pos + header, 4));
            h.width = need(in.be(pos + header + 4, 4));
            h.channels = int(need(in.be(pos + header + 8, 2)));
            return;
        }
        pos += length;
    }
    bad(QObject::tr("JPEG 2000 file without an image header box"));
}

void pnm(const Source &in, ImageHeader &h)
{
    const QByteArray text = *in.read(0, qMin<qint64>(in.size(), 1024));
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
        throw Stop{true, QObject::tr("truncated header")};
    h.width = numbers.at(0).toLongLong();
    h.height = numbers.at(1).toLongLong();
    h.channels = (kind == '3' || kind == '6') ? 3 : 1;
}

ImageHeader parse(const Source &in, bool complete)
{
    ImageHeader h;
    const auto magic = in.read(0, qMin<qint64>(in.size(), 16)).value_or(QByteArray());
    const auto starts = [&magic](const char *bytes, int n) { return magic.startsWith(QByteArray(bytes, n)); };
    if (starts("\xFF\xD8\xFF", 3))
        h.format = ImageFormat::Jpeg;
    else if (starts("\x89PNG\r\n\x1a\n", 8))
        h.format = ImageFormat::Png;
    else if (starts("BM", 2) && in.size() >= 26)
        h.format = ImageFormat::Bmp;
    else if (starts("RIFF", 4) && magic.mid(8, 4) == "WEBP")
        h.format = ImageFormat::WebP;
    else if (starts("II*\0", 4) || starts("MM\0*", 4) || starts("II+\0", 4) || starts("MM\0+", 4))
        h.format = ImageFormat::Tiff;
    else if (starts("\0\0\0\x0cjP  ", 8) || starts("\xFF\x4F\xFF\x51", 4))
        h.format = ImageFormat::Jpeg2000;
    else if (magic.size() >= 3 && magic.at(0) == 'P' && magic.at(1) >= '1' && magic.at(1) <= '6'
             && QByteArray(" \t\r\n#").contains(magic.at(2)))
        h.format = ImageFormat::Pnm;
    else if (starts("GIF87a", 6) || starts("GIF89a", 6))
        h.format = ImageFormat::Gif;
    else if (magic.size() >= 12 && magic.mid(4, 4) == "ftyp"
             && (magic.mid(8, 3) == "hei" || magic.mid(8, 4) == "mif1" || magic.mid(8, 4) == "avif"))
        h.format = ImageFormat::Heif;

    try {
        switch (h.format) {
        case ImageFormat::Jpeg: jpeg(in, complete, h); break;
        case ImageFormat::Png: png(in, complete, h); break;
        case ImageFormat::Bmp: bmp(in, h); break;
        case ImageFormat::WebP: webp(in, h); break;
        case ImageFormat::Tiff: tiff(in, h); break;
        case ImageFormat::Jpeg2000:
            if (starts("\xFF\x4F", 2))
                jpeg2000Codestream(in, 0, h);
            else
                jp2(in, h);
            break;
        case ImageFormat::Pnm: pnm(in, h); break;
        case ImageFormat::Gif:
        case ImageFormat::Heif:
        case ImageFormat::Unknown: break;
        }
    } catch (const Stop &stop) {
        h.truncated = stop.truncated;
        h.problem = stop.problem;
    }
    return h;
}

}

QString formatName(ImageFormat format)
{
    switch (format) {
    case ImageFormat::Jpeg: return QStringLiteral("JPEG");
    case ImageFormat::Png: return QStringLiteral("PNG");
    case ImageFormat::Bmp: return QStringLiteral("BMP");
    case ImageFormat::WebP: return QStringLiteral("WebP");
    case ImageFormat::Tiff: return QStringLiteral("TIFF");
    case ImageFormat::Jpeg2000: return QStringLiteral("JPEG 2000");
    case ImageFormat::Pnm: return QStringLiteral("PNM");
    case ImageFormat::Gif: return QStringLiteral("GIF");
    case ImageFormat::Heif: return QStringLiteral("HEIF");
    case ImageFormat::Unknown: break;
    }
    return QStringLiteral("image");
}

ImageHeader parseImageHeader(const QByteArray &data, bool complete)
{
    return parse(Source(data), complete);
}

ImageHeader readImageHeader(const QString &fileName)
{
    // A FIFO would block and a device never end: only regular files are read.
    const QFileInfo info(fileName);
    if (info.exists() && !info.isFile()) {
        ImageHeader h;
        h.problem = QObject::tr("not a regular file");
        return h;
    }
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        ImageHeader h;
        h.problem = file.errorString();
        return h;
    }
    return parse(Source(file), false);
}

}
