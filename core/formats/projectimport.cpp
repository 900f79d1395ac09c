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

QString projectPath(const QString &prefix, const QString &rowPath)
{
    return QDir::cleanPath(prefix.isEmpty() ? rowPath : prefix + QLatin1Char('/') + rowPath);
}

/// Why the scanner would not list \a path (relative to \a root); empty when it would.
class ScannerRule final
{
public:
    explicit ScannerRule(const QString &root) : m_root(root) {}

    QString problem(const QString &path)
    {
        if (const QString lexical = ProjectStore::pathProblem(path); !lexical.isEmpty())
            return lexical;
        // Every folder on the way must be a real folder, not a link to one.
        qsizetype slash = path.indexOf(QLatin1Char('/'));
        while (slash > 0) {
            const QString folder = path.left(slash);
            auto known = m_linked.constFind(folder);
            if (known == m_linked.cend())
                known = m_linked.insert(folder, QFileInfo(m_root + QLatin1Char('/') + folder).isSymLink());
            if (known.value())
                return QObject::tr("lies in %1, a symbolic link to a folder (the project's scan does not follow "
                                   "those, as the folder may lie outside the project)")
                    .arg(folder);
            slash = path.indexOf(QLatin1Char('/'), slash + 1);
        }
        return {};
    }

private:
    QString m_root;
    QHash<QString, bool> m_linked;
};

}

ImportReport keepProjectImages(ImportReport report, const QString &rootDir, const QString &imagesDir)
{
    const QString prefix = imagesDirInProject(rootDir, imagesDir);
    ScannerRule rule(QDir::cleanPath(QFileInfo(rootDir).absoluteFilePath()));
    QList<ImageTags> kept;
    kept.reserve(report.rows.size());
    for (ImageTags &row : report.rows) {
        const QString path = projectPath(prefix, row.path);
        const QString problem = row.path.isEmpty() || escapes(path) ? QObject::tr("lies outside the project folder")
                                                                    : rule.problem(path);
        if (problem.isEmpty())
            kept.append(std::move(row));
        else
            report.problems.append(QObject::tr("%1: not imported: %2").arg(QDir(imagesDir).filePath(row.path), problem));
    }
    report.rows = std::move(kept);
    return report;
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
    ScannerRule rule(store.rootPath());
    QList<ImageTags> rows;
    rows.reserve(report.rows.size());
    for (const ImageTags &row : report.rows) {
        const QString path = projectPath(prefix, row.path);
        if (row.path.isEmpty() || escapes(path))
            throw ProjectError(QObject::tr("%1: the image \"%2\" does not lie inside the project folder %3")
                                   .arg(imagesDir, row.path, store.rootPath()));
        if (const QString problem = rule.problem(path); !problem.isEmpty())
            throw ProjectError(QObject::tr("%1: the image \"%2\" %3").arg(imagesDir, row.path, problem));
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
