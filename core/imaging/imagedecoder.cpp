#include "core/imaging/imagedecoder.h"

#include "core/io/imageheader.h"

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
    // A FIFO would block and a device never end: only regular files are read.
    if (!info.isFile())
        return {{}, QStringLiteral("%1: not a regular file").arg(name)};
    if (info.size() > MaxFileBytes)
        return {{}, QStringLiteral("%1: too large (%2 MB; image files up to %3 MB are read)")
                        .arg(name).arg(info.size() >> 20).arg(MaxFileBytes >> 20)};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {{}, QStringLiteral("%1: cannot be read (%2)").arg(name, file.errorString())};
    QByteArray data;
    try {
        // At most the cap, even if the file grew since it was looked at.
        data = file.read(MaxFileBytes + 1);
    } catch (const std::bad_alloc &) {
        return {{}, QStringLiteral("%1: not enough memory to read it").arg(name)};
    }
    if (file.error() != QFileDevice::NoError)
        return {{}, QStringLiteral("%1: cannot be read (%2)").arg(name, file.errorString())};
    if (data.size() > MaxFileBytes)
        return {{}, QStringLiteral("%1: too large (image files up to %2 MB are read)").arg(name).arg(MaxFileBytes >> 20)};
    return decodeData(data, path, minSide);
}

DecodedImage ImageDecoder::decodeData(const QByteArray &data, const QString &fileName, int minSide) const
{
    const QString name = QDir::toNativeSeparators(fileName);
    auto failure = [&name](const QString &reason) { return DecodedImage{{}, name + QStringLiteral(": ") + reason}; };
    if (data.isEmpty())
        return failure(QStringLiteral("empty file"));

    const io::ImageHeader header = io::parseImageHeader(data);
    const QString format = io::formatName(header.format);
    if (header.format == io::ImageFormat::Gif || header.format == io::ImageFormat::Heif)
        return failure(QStringLiteral("unsupported format (%1)").arg(format));
    // TIFF and JPEG 2000 headers vary more than the reader here knows (BigTIFF,
    // odd boxes): for them OpenCV decides.
    const bool lenient = header.format == io::ImageFormat::Tiff || header.format == io::ImageFormat::Jpeg2000;
    if (header.truncated && !lenient)
        return failure(QStringLiteral("truncated %1 data").arg(format));
    if (!header.problem.isEmpty() && !lenient)
        return failure(header.problem);
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
        int flags = header.format == io::ImageFormat::Jpeg ? cv::IMREAD_COLOR : cv::IMREAD_UNCHANGED;
        if (header.format == io::ImageFormat::Jpeg && minSide > 0 && header.width > 0 && header.height > 0) {
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
        if (header.format == io::ImageFormat::Unknown)
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
