#include "core/formats/imageresolver.h"

#include "core/project/projecterror.h"
#include "core/project/projectstore.h"

#include <QFileInfo>
#include <QObject>

namespace tagwise::formats {

ImageResolver::ImageResolver(const QString &imagesDir)
    : m_dir(QDir::cleanPath(QFileInfo(imagesDir).absoluteFilePath()))
{
    // Else every row would be reported as a missing image.
    if (!QFileInfo(m_dir.path()).isDir())
        throw ProjectError(QObject::tr("%1: the images folder does not exist").arg(imagesDir));
}

bool ImageResolver::isImageFile(const QString &fileName)
{
    return ProjectStore::imageSuffixes().contains(QFileInfo(fileName).suffix().toLower());
}

ImageResolver::Result ImageResolver::resolve(const QString &name) const
{
    Result result;
    if (name.trimmed().isEmpty()) {
        result.problem = QObject::tr("empty image name");
        return result;
    }
    const QString absolute = QDir::cleanPath(m_dir.absoluteFilePath(name));
    const QString relative = m_dir.relativeFilePath(absolute);
    if (relative == QLatin1String("..") || relative.startsWith(QLatin1String("../")) || QDir::isAbsolutePath(relative)) {
        result.problem = QObject::tr("image outside the images folder %1: %2").arg(m_dir.path(), name);
        return result;
    }

    if (isImageFile(absolute)) {
        if (QFileInfo(absolute).isFile())
            result.path = relative;
        else
            result.problem = QObject::tr("image not found: %1").arg(name);
        return result;
    }
    for (const QString &suffix : ProjectStore::imageSuffixes()) {
        for (const QString &candidate : {suffix, suffix.toUpper()}) {
            if (QFileInfo(absolute + QLatin1Char('.') + candidate).isFile()) {
                result.path = relative + QLatin1Char('.') + candidate;
                return result;
            }
        }
    }
    result.problem = QFileInfo(absolute).isFile() ? QObject::tr("not an image file: %1").arg(name)
                                                   : QObject::tr("image not found: %1").arg(name);
    return result;
}

}
