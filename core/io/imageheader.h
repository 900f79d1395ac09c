#pragma once

#include <QByteArray>
#include <QString>

namespace tagwise::io {

enum class ImageFormat { Unknown, Jpeg, Png, Bmp, WebP, Tiff, Jpeg2000, Pnm, Gif, Heif };

/// "JPEG", "PNG", ...; "image" for Unknown.
QString formatName(ImageFormat format);

/// What the header of an image file says, read without decoding it.
struct ImageHeader
{
    ImageFormat format = ImageFormat::Unknown; ///< recognised by the contents, not the name
    qint64 width = 0;     ///< as stored, before any EXIF orientation; 0 when not known
    qint64 height = 0;
    int channels = 0;     ///< 0 when not known
    bool truncated = false; ///< the data ends before the image does
    QString problem;      ///< a structural fault of the header, if any

    bool sizeKnown() const { return width > 0 && height > 0; }
};

/**
 * Reads the header of the image whose bytes are \a data: the format (PNG,
 * JPEG, BMP, TIFF, WebP, JPEG 2000, PGM/PPM/PNM, and GIF and HEIF by their
 * signature), the size and the channel count. With \a complete (the data is
 * the whole file) JPEG and PNG streams are walked to their end, so that a
 * file cut short is reported as truncated: libjpeg only warns and fills the
 * rest with grey. The one parser of image headers: the decoder uses it
 * before decoding, the VOC and COCO exporters for image sizes.
 */
ImageHeader parseImageHeader(const QByteArray &data, bool complete = true);

/**
 * The header of the file \a fileName, reading only the parts it needs. A file
 * that cannot be opened gives an Unknown format and the reason in problem.
 */
ImageHeader readImageHeader(const QString &fileName);

}
