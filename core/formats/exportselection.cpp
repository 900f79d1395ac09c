#include "core/formats/exportselection.h"

#include "core/io/atomicwrite.h"
#include "core/project/projecterror.h"
#include "core/project/projectstore.h"

#include <QDir>
#include <QFileInfo>
#include <QObject>

namespace tagwise::formats {

namespace {

/// \a path with every symbolic link resolved, also when the file does not exist yet.
QString resolved(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists())
        return info.canonicalFilePath();
    const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
    return folder.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : folder + QLatin1Char('/') + info.fileName();
}

bool isInside(const QString &path, const QString &folder)
{
    return path == folder || path.startsWith(folder + QLatin1Char('/'));
}

}

QList<const ImageRecord *> exportedImages(const ProjectStore &store)
{
    QList<const ImageRecord *> result;
    for (const ImageRecord &image : store.images()) {
        if (image.isLabeled())
            result.append(&image);
    }
    return result;
}

void checkExportTarget(const ProjectStore &store, const QString &target)
{
    const QString path = resolved(target);
    const QString data = resolved(store.dataPath());
    if (isInside(path, data))
        throw ProjectError(QObject::tr("%1: is inside the project's own folder %2; export somewhere else")
                               .arg(target, QDir::toNativeSeparators(store.dataPath())));
    const QString root = resolved(store.rootPath());
    if (isInside(path, root) && store.indexOfPath(QDir(root).relativeFilePath(path)) >= 0)
        throw ProjectError(QObject::tr("%1: is an image of the project; an export never overwrites one").arg(target));
}

void writeExportFile(const ProjectStore &store, const QString &fileName, const QByteArray &contents)
{
    checkExportTarget(store, fileName);
    const QString error = io::writeFileAtomically(fileName, contents);
    if (!error.isEmpty())
        throw ProjectError(error);
}

}
