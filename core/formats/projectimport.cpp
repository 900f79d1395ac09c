#include "core/formats/projectimport.h"

#include "core/project/projecterror.h"
#include "core/project/projectstore.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QObject>
#include <QSet>

namespace tagwise::formats {

namespace {

bool escapes(const QString &relative)
{
    return relative == QLatin1String("..") || relative.startsWith(QLatin1String("../")) || QDir::isAbsolutePath(relative);
}

QString relativeTo(const QString &root, const QString &path)
{
    const QString relative = QDir(root).relativeFilePath(path);
    return relative == QLatin1String(".") ? QString() : relative;
}

}

QString imagesDirInProject(const QString &rootDir, const QString &imagesDir)
{
    const QString root = QDir::cleanPath(QFileInfo(rootDir).absoluteFilePath());
    const QString images = QDir::cleanPath(QFileInfo(imagesDir).absoluteFilePath());
    QString relative = relativeTo(root, images);
    if (escapes(relative)) {
        // The same folder may be reached through a symbolic link.
        const QString canonicalRoot = QFileInfo(root).canonicalFilePath();
        const QString canonicalImages = QFileInfo(images).canonicalFilePath();
        if (!canonicalRoot.isEmpty() && !canonicalImages.isEmpty())
            relative = relativeTo(canonicalRoot, canonicalImages);
    }
    if (escapes(relative))
        throw ProjectError(QObject::tr("%1: the images folder does not lie inside the project folder %2")
                               .arg(imagesDir, rootDir));
    return relative;
}

int importIntoProject(ProjectStore &store, const ImportReport &report, const QString &imagesDir, bool replace)
{
    const QString prefix = imagesDirInProject(store.rootPath(), imagesDir);
    QList<ImageTags> rows;
    rows.reserve(report.rows.size());
    for (const ImageTags &row : report.rows) {
        const QString path = QDir::cleanPath(prefix.isEmpty() ? row.path : prefix + QLatin1Char('/') + row.path);
        if (row.path.isEmpty() || escapes(path))
            throw ProjectError(QObject::tr("%1: the image \"%2\" does not lie inside the project folder %3")
                                   .arg(imagesDir, row.path, store.rootPath()));
        rows.append(ImageTags{path, row.tags});
    }

    // Snapshot of the listed images, to count what the import changes.
    QHash<QString, std::pair<bool, std::vector<qint64>>> before;
    for (const ImageTags &row : std::as_const(rows)) {
        const int index = store.indexOfPath(row.path);
        if (index >= 0) {
            const ImageRecord &image = store.images()[size_t(index)];
            before.insert(row.path, {image.reviewed, image.tags});
        }
    }

    store.applyImageTags(rows, replace);

    int changed = 0;
    QSet<QString> counted;
    for (const ImageTags &row : std::as_const(rows)) {
        if (counted.contains(row.path))
            continue;
        counted.insert(row.path);
        const auto old = before.constFind(row.path);
        const int index = store.indexOfPath(row.path);
        if (old == before.cend() || index < 0) {
            ++changed;
            continue;
        }
        const ImageRecord &image = store.images()[size_t(index)];
        if (old.value().first != image.reviewed || old.value().second != image.tags)
            ++changed;
    }
    return changed;
}

}
