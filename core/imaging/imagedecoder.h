#pragma once

#include <QByteArray>
#include <QString>

#include <opencv2/core/mat.hpp>

namespace tagwise {

/// The result of decoding one image: the pixels, or why there are none.
struct DecodedImage
{
    cv::Mat image; ///< 8-bit BGR (CV_8UC3), OpenCV's channel order; empty on failure
    QString error; ///< "<file>: <reason>" on failure, else empty

    bool ok() const { return error.isEmpty(); }
};

/**
 * Decodes image files with OpenCV into 8-bit BGR, whatever they hold:
 * - JPEG: EXIF orientation applied (OpenCV 4.6 reads EXIF from JPEG only);
 * - greyscale becomes three equal channels, 16-bit and float samples are scaled
 *   to 8 bits;
 * - an alpha channel is composited on white (transparent areas of icons and
 *   cut-outs are usually black underneath, which would mislead a model);
 * - images over the pixel limit are refused before decoding, from the size in
 *   their header (io/imageheader.h), and checked again after decoding;
 * - only regular files are read (not FIFOs or devices), up to MaxFileBytes.
 * Errors are values naming the file and the reason: not found, empty, truncated,
 * corrupt, not an image, unsupported format, too large. Thread-safe.
 */
class ImageDecoder final
{
public:
    static constexpr qint64 DefaultMaxPixels = 100'000'000;
    /// Larger files are refused before reading (a 100-megapixel BMP is 300 MB).
    static constexpr qint64 MaxFileBytes = qint64(512) << 20;

    explicit ImageDecoder(qint64 maxPixels = DefaultMaxPixels);

    qint64 maxPixels() const { return m_maxPixels; }

    /**
     * Reads and decodes the file \a path. With \a minSide > 0 the caller is going
     * to shrink the image anyway: a JPEG is then decoded at 1/2, 1/4 or 1/8 scale
     * (libjpeg's scaled IDCT, several times faster) as long as both sides stay at
     * least \a minSide pixels.
     */
    DecodedImage decodeFile(const QString &path, int minSide = 0) const;

    /// Decodes the bytes \a data of a file; \a name is used in error messages.
    DecodedImage decodeData(const QByteArray &data, const QString &name, int minSide = 0) const;

    /**
     * Stretches \a image to \a size x \a size (aspect ratio not kept, as the
     * usual training recipes do): INTER_AREA where a side shrinks, else linear.
     */
    static cv::Mat resizeSquare(const cv::Mat &image, int size);

    /// Scales \a image so that its longest side is \a edge pixels, keeping the aspect ratio.
    static cv::Mat resizeToFit(const cv::Mat &image, int edge);

private:
    qint64 m_maxPixels;
};

}
