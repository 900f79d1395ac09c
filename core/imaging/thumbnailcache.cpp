#include "core/imaging/thumbnailcache.h"

#include "core/io/atomicwrite.h"

#include "core/imaging/imagedecoder.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <vector>

namespace tagwise {

namespace {

constexpr int JpegQuality = 85;

}

ThumbnailCache::ThumbnailCache(const QString &cacheDir, int edge)
    : m_dir(QDir(cacheDir).absolutePath())
    , m_edge(edge)
{
    QDir().mkpath(m_dir);
}

QString ThumbnailCache::thumbnail(const QString &imagePath, QString *error) const
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return QString();
    };
    const QFileInfo info(imagePath);
    if (!info.isFile())
        return fail(QStringLiteral("%1: not found").arg(QDir::toNativeSeparators(imagePath)));

    // A changed image (size or time) gets a new key, so a stale thumbnail is never served.
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(info.absoluteFilePath().toUtf8());
    hash.addData(QByteArray('\n' + QByteArray::number(info.size()) + '\n'
                            + QByteArray::number(info.lastModified().toMSecsSinceEpoch()) + '\n'
                            + QByteArray::number(m_edge)));
    const QString target = m_dir + QLatin1Char('/') + QString::fromLatin1(hash.result().toHex()) + QStringLiteral(".jpg");
    if (QFileInfo::exists(target))
        return target;

    const DecodedImage decoded = ImageDecoder().decodeFile(imagePath, m_edge);
    if (!decoded.ok())
        return fail(decoded.error);

    std::vector<uchar> bytes;
    try {
        const cv::Mat small = ImageDecoder::resizeToFit(decoded.image, m_edge);
        if (!cv::imencode(".jpg", small, bytes, {cv::IMWRITE_JPEG_QUALITY, JpegQuality}))
            return fail(QStringLiteral("%1: the thumbnail cannot be encoded").arg(QDir::toNativeSeparators(imagePath)));
    } catch (const cv::Exception &e) {
        return fail(QStringLiteral("%1: the thumbnail cannot be made (%2)")
                        .arg(QDir::toNativeSeparators(imagePath), QString::fromStdString(e.err)));
    }

    // Written to a temporary file and renamed: a reader never sees half a JPEG,
    // and two threads making the same thumbnail both end up with a whole one.
    QDir().mkpath(m_dir);
    io::AtomicFile file(target, io::AtomicFile::Sync::No);
    if (!file.open() || !file.write(reinterpret_cast<const char *>(bytes.data()), qint64(bytes.size())) || !file.commit()) {
        if (QFileInfo::exists(target)) // another thread won the race
            return target;
        return fail(QStringLiteral("cannot write the thumbnail: %1").arg(file.error()));
    }
    return target;
}

}
