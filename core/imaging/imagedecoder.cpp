#include "core/imaging/imagedecoder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <new>

namespace tagwise {

namespace {

/// What the first bytes of a file say about it.
struct Probe
{
    enum class Format { Unknown, Jpeg, Png, Bmp, WebP, Tiff, Gif, Heif };
    Format format = Format::Unknown;
    qint64 width = 0;  ///< 0 when the header does not say (or is not read)
    qint64 height = 0;
    bool truncated = false;
    QString problem; ///< a structural fault found in the header, if any
};

quint32 be16(const uchar *p) { return (quint32(p[0]) << 8) | p[1]; }
quint32 be32(const uchar *p) { return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | p[3]; }
quint32 le16(const uchar *p) { return quint32(p[0]) | (quint32(p[1]) << 8); }
quint32 le24(const uchar *p) { return quint32(p[0]) | (quint32(p[1]) << 8) | (quint32(p[2]) << 16); }
quint32 le32(const uchar *p) { return le24(p) | (quint32(p[3]) << 24); }

QString formatName(Probe::Format format)
{
    switch (format) {
    case Probe::Format::Jpeg: return QStringLiteral("JPEG");
    case Probe::Format::Png: return QStringLiteral("PNG");
    case Probe::Format::Bmp: return QStringLiteral("BMP");
    case Probe::Format::WebP: return QStringLiteral("WebP");
    case Probe::Format::Tiff: return QStringLiteral("TIFF");
    case Probe::Format::Gif: return QStringLiteral("GIF");
    case Probe::Format::Heif: return QStringLiteral("HEIF");
    case Probe::Format::Unknown: break;
    }
    return QStringLiteral("image");
}

// Walks the JPEG markers: the frame header gives the size, and a stream that
// ends before its EOI marker is truncated. libjpeg only warns about that and
// fills the rest with grey, so OpenCV would hand back a half-grey image.
void probeJpeg(const uchar *d, qint64 n, Probe &probe)
{
    qint64 pos = 2;
    while (true) {
        while (pos < n && d[pos] != 0xFF)
            ++pos; // stray bytes between segments: libjpeg skips them too
        while (pos < n && d[pos] == 0xFF)
            ++pos;
        if (pos >= n) {
            probe.truncated = true;
            return;
        }
        const uchar marker = d[pos++];
        if (marker == 0xD9) // EOI
            return;
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8))
            continue; // no length field
        if (pos + 2 > n) {
            probe.truncated = true;
            return;
        }
        const qint64 length = be16(d + pos);
        if (length < 2) {
            probe.problem = QStringLiteral("corrupt JPEG marker segment");
            return;
        }
        if (pos + length > n) {
            probe.truncated = true;
            return;
        }
        const bool frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (frame && length >= 7 && probe.width == 0) {
            probe.height = be16(d + pos + 3);
            probe.width = be16(d + pos + 5);
        }
        pos += length;
        if (marker == 0xDA) { // start of scan: entropy-coded data up to the next real marker
            while (true) {
                const void *ff = std::memchr(d + pos, 0xFF, size_t(n - pos));
                if (!ff) {
                    probe.truncated = true;
                    return;
                }
                pos = static_cast<const uchar *>(ff) - d;
                if (pos + 1 >= n) {
                    probe.truncated = true;
                    return;
                }
                const uchar next = d[pos + 1];
                if (next == 0x00 || next == 0xFF || (next >= 0xD0 && next <= 0xD7)) {
                    pos += next == 0xFF ? 1 : 2;
                    continue;
                }
                break;
            }
        }
    }
}

// Walks the PNG chunks: IHDR gives the size, a missing IEND means truncated.
void probePng(const uchar *d, qint64 n, Probe &probe)
{
    if (n < 33) {
        probe.truncated = true;
        return;
    }
    if (std::memcmp(d + 12, "IHDR", 4) != 0) {
        probe.problem = QStringLiteral("corrupt PNG header");
        return;
    }
    probe.width = be32(d + 16);
    probe.height = be32(d + 20);
    qint64 pos = 8;
    while (pos + 12 <= n) {
        const qint64 length = be32(d + pos);
        if (std::memcmp(d + pos + 4, "IEND", 4) == 0)
            return;
        pos += 12 + length;
    }
    probe.truncated = true;
}

void probeWebP(const uchar *d, qint64 n, Probe &probe)
{
    if (n < 30)
        return;
    if (std::memcmp(d + 12, "VP8X", 4) == 0) {
        probe.width = qint64(le24(d + 24)) + 1;
        probe.height = qint64(le24(d + 27)) + 1;
    } else if (std::memcmp(d + 12, "VP8L", 4) == 0) {
        const quint32 bits = le32(d + 21);
        probe.width = qint64(bits & 0x3FFF) + 1;
        probe.height = qint64((bits >> 14) & 0x3FFF) + 1;
    } else if (std::memcmp(d + 12, "VP8 ", 4) == 0) {
        probe.width = le16(d + 26) & 0x3FFF;
        probe.height = le16(d + 28) & 0x3FFF;
    }
}

Probe probe(const QByteArray &data)
{
    Probe result;
    const auto *d = reinterpret_cast<const uchar *>(data.constData());
    const qint64 n = data.size();
    if (n >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF) {
        result.format = Probe::Format::Jpeg;
        probeJpeg(d, n, result);
    } else if (n >= 8 && std::memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0) {
        result.format = Probe::Format::Png;
        probePng(d, n, result);
    } else if (n >= 26 && d[0] == 'B' && d[1] == 'M') {
        result.format = Probe::Format::Bmp;
        result.width = qAbs(qint64(qint32(le32(d + 18))));
        result.height = qAbs(qint64(qint32(le32(d + 22))));
    } else if (n >= 12 && std::memcmp(d, "RIFF", 4) == 0 && std::memcmp(d + 8, "WEBP", 4) == 0) {
        result.format = Probe::Format::WebP;
        probeWebP(d, n, result);
    } else if (n >= 4 && (std::memcmp(d, "II*\0", 4) == 0 || std::memcmp(d, "MM\0*", 4) == 0)) {
        result.format = Probe::Format::Tiff;
    } else if (n >= 6 && (std::memcmp(d, "GIF87a", 6) == 0 || std::memcmp(d, "GIF89a", 6) == 0)) {
        result.format = Probe::Format::Gif;
    } else if (n >= 12 && std::memcmp(d + 4, "ftyp", 4) == 0
               && (std::memcmp(d + 8, "hei", 3) == 0 || std::memcmp(d + 8, "mif1", 4) == 0
                   || std::memcmp(d + 8, "avif", 4) == 0)) {
        result.format = Probe::Format::Heif;
    }
    return result;
}

// Any depth and channel count OpenCV returns with IMREAD_UNCHANGED -> 8-bit BGR.
cv::Mat toBgr8(const cv::Mat &input, QString *problem)
{
    cv::Mat image = input;
    switch (image.depth()) {
    case CV_8U:
        break;
    case CV_16U:
        image.convertTo(image, CV_8U, 1.0 / 257.0);
        break;
    case CV_32F:
    case CV_64F: // HDR/EXR and float TIFF hold 0..1 (brighter clips)
        image.convertTo(image, CV_8U, 255.0);
        break;
    default:
        *problem = QStringLiteral("unsupported sample type (OpenCV depth %1)").arg(image.depth());
        return {};
    }
    switch (image.channels()) {
    case 1:
        cv::cvtColor(image, image, cv::COLOR_GRAY2BGR);
        return image;
    case 3:
        return image;
    case 2:
    case 4: {
        std::vector<cv::Mat> planes;
        cv::split(image, planes);
        cv::Mat alpha;
        planes.back().convertTo(alpha, CV_32F, 1.0 / 255.0);
        planes.pop_back();
        if (planes.size() == 1)
            planes = {planes[0], planes[0], planes[0]};
        cv::Mat colour;
        cv::merge(planes, colour);
        colour.convertTo(colour, CV_32FC3);
        cv::Mat alpha3;
        cv::merge(std::vector<cv::Mat>{alpha, alpha, alpha}, alpha3);
        // out = colour * a + white * (1 - a)
        cv::Mat out = colour.mul(alpha3) + (cv::Scalar::all(1.0) - alpha3) * 255.0;
        out.convertTo(out, CV_8UC3);
        return out;
    }
    default:
        *problem = QStringLiteral("unsupported channel count %1").arg(image.channels());
        return {};
    }
}

}

ImageDecoder::ImageDecoder(qint64 maxPixels)
    : m_maxPixels(maxPixels)
{
}

DecodedImage ImageDecoder::decodeFile(const QString &path, int minSide) const
{
    const QString name = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (!info.exists())
        return {{}, QStringLiteral("%1: not found").arg(name)};
    if (info.isDir())
        return {{}, QStringLiteral("%1: is a folder, not an image").arg(name)};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {{}, QStringLiteral("%1: cannot be read (%2)").arg(name, file.errorString())};
    QByteArray data;
    try {
        data = file.readAll();
    } catch (const std::bad_alloc &) {
        return {{}, QStringLiteral("%1: not enough memory to read it").arg(name)};
    }
    if (file.error() != QFileDevice::NoError)
        return {{}, QStringLiteral("%1: cannot be read (%2)").arg(name, file.errorString())};
    return decodeData(data, path, minSide);
}

DecodedImage ImageDecoder::decodeData(const QByteArray &data, const QString &fileName, int minSide) const
{
    const QString name = QDir::toNativeSeparators(fileName);
    auto failure = [&name](const QString &reason) { return DecodedImage{{}, name + QStringLiteral(": ") + reason}; };
    if (data.isEmpty())
        return failure(QStringLiteral("empty file"));

    const Probe header = probe(data);
    const QString format = formatName(header.format);
    if (header.format == Probe::Format::Gif || header.format == Probe::Format::Heif)
        return failure(QStringLiteral("unsupported format (%1)").arg(format));
    if (!header.problem.isEmpty())
        return failure(header.problem);
    if (header.truncated)
        return failure(QStringLiteral("truncated %1 data").arg(format));
    auto tooLarge = [&](qint64 width, qint64 height) {
        return failure(QStringLiteral("too large (%1 x %2 pixels; the limit is %3 megapixels)")
                           .arg(width).arg(height).arg(double(m_maxPixels) / 1e6, 0, 'g', 4));
    };
    if (header.width > 0 && header.height > 0 && header.width * header.height > m_maxPixels)
        return tooLarge(header.width, header.height);

    cv::Mat decoded;
    try {
        const cv::Mat buffer(1, int(data.size()), CV_8U, const_cast<char *>(data.constData()));
        // JPEG: IMREAD_COLOR applies the EXIF orientation (IMREAD_UNCHANGED would not),
        // and a JPEG never has alpha. Others: IMREAD_UNCHANGED keeps alpha and depth
        // so that they are converted here, not truncated by OpenCV.
        int flags = header.format == Probe::Format::Jpeg ? cv::IMREAD_COLOR : cv::IMREAD_UNCHANGED;
        if (header.format == Probe::Format::Jpeg && minSide > 0 && header.width > 0 && header.height > 0) {
            const qint64 shortest = qMin(header.width, header.height);
            if (shortest >= 8 * qint64(minSide))
                flags = cv::IMREAD_REDUCED_COLOR_8;
            else if (shortest >= 4 * qint64(minSide))
                flags = cv::IMREAD_REDUCED_COLOR_4;
            else if (shortest >= 2 * qint64(minSide))
                flags = cv::IMREAD_REDUCED_COLOR_2;
        }
        decoded = cv::imdecode(buffer, flags);
    } catch (const cv::Exception &e) {
        return failure(QStringLiteral("cannot be decoded (%1)").arg(QString::fromStdString(e.err)));
    } catch (const std::bad_alloc &) {
        return failure(QStringLiteral("not enough memory to decode it"));
    }
    if (decoded.empty()) {
        if (header.format == Probe::Format::Unknown)
            return failure(QStringLiteral("not an image, or a format this program cannot read"));
        return failure(QStringLiteral("corrupt %1 data").arg(format));
    }
    if (qint64(decoded.cols) * decoded.rows > m_maxPixels)
        return tooLarge(decoded.cols, decoded.rows);

    QString problem;
    cv::Mat bgr;
    try {
        bgr = toBgr8(decoded, &problem);
    } catch (const cv::Exception &e) {
        problem = QStringLiteral("cannot be converted (%1)").arg(QString::fromStdString(e.err));
    } catch (const std::bad_alloc &) {
        problem = QStringLiteral("not enough memory to convert it");
    }
    if (bgr.empty())
        return failure(problem);
    return {bgr, {}};
}

cv::Mat ImageDecoder::resizeSquare(const cv::Mat &image, int size)
{
    if (image.cols == size && image.rows == size)
        return image.clone();
    const bool shrinking = image.cols > size || image.rows > size;
    cv::Mat out;
    cv::resize(image, out, cv::Size(size, size), 0, 0, shrinking ? cv::INTER_AREA : cv::INTER_LINEAR);
    return out;
}

cv::Mat ImageDecoder::resizeToFit(const cv::Mat &image, int edge)
{
    const int longest = std::max(image.cols, image.rows);
    if (longest == edge)
        return image.clone();
    const double scale = double(edge) / longest;
    const cv::Size target(std::max(1, int(std::lround(image.cols * scale))),
                          std::max(1, int(std::lround(image.rows * scale))));
    cv::Mat out;
    cv::resize(image, out, target, 0, 0, scale < 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR);
    return out;
}

}
