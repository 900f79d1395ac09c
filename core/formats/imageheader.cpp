#include "core/formats/imageheader.h"

#include "core/io/imageheader.h"
#include "core/project/projecterror.h"

#include <QFileInfo>
#include <QObject>

namespace tagwise::formats {

ImageHeader readImageHeader(const QString &fileName)
{
    const QFileInfo info(fileName);
    if (!info.exists())
        throw ProjectError(QObject::tr("%1: cannot open: %2").arg(fileName, QObject::tr("no such file")));
    if (!info.isFile())
        throw ProjectError(QObject::tr("%1: cannot open: %2").arg(fileName, QObject::tr("not a regular file")));
    const io::ImageHeader header = io::readImageHeader(fileName);
    QString reason;
    if (header.format == io::ImageFormat::Unknown && !header.problem.isEmpty())
        throw ProjectError(QObject::tr("%1: cannot open: %2").arg(fileName, header.problem));
    if (header.format == io::ImageFormat::Unknown || header.format == io::ImageFormat::Gif
        || header.format == io::ImageFormat::Heif)
        reason = QObject::tr("not an image format whose size can be read (PNG, JPEG, BMP, TIFF, WebP, JPEG 2000, PNM)");
    else if (!header.problem.isEmpty())
        reason = header.problem;
    else if (header.truncated && !header.sizeKnown())
        reason = QObject::tr("truncated header");
    else if (!header.sizeKnown() || header.width > INT_MAX || header.height > INT_MAX)
        reason = QObject::tr("invalid image size %1x%2").arg(header.width).arg(header.height);
    if (!reason.isEmpty())
        throw ProjectError(QObject::tr("%1: cannot read the image size: %2").arg(fileName, reason));
    return {int(header.width), int(header.height), header.channels};
}

}
