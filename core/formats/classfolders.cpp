#include "core/formats/classfolders.h"

#include "core/formats/exportselection.h"
#include "core/formats/imageresolver.h"
#include "core/formats/reportbuilder.h"
#include "core/formats/stagingfolder.h"
#include "core/project/projecterror.h"
#include "core/project/projectstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QObject>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace tagwise::formats {

namespace {

struct FoundImage
{
    QString path; ///< relative to the root
    QString absolutePath;
    QStringList tags;
};

QByteArray contentHash(const QString &file)
{
    QFile in(file);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!in.open(QIODevice::ReadOnly) || !hash.addData(&in))
        throw ProjectError(QObject::tr("%1: cannot read: %2").arg(file, in.errorString()));
    return hash.result();
}

// Same name, size and bytes: the same image stored in several class folders.
bool sameContents(const FoundImage &a, const FoundImage &b, QHash<QString, QByteArray> &hashes)
{
    if (QFileInfo(a.absolutePath).size() != QFileInfo(b.absolutePath).size())
        return false;
    for (const FoundImage *image : {&a, &b}) {
        if (!hashes.contains(image->absolutePath))
            hashes.insert(image->absolutePath, contentHash(image->absolutePath));
    }
    return hashes.value(a.absolutePath) == hashes.value(b.absolutePath);
}

/// Copies \a from to the new file \a to, every write checked (QFile::copy can say "Unknown error").
void copyFile(const QString &from, const QString &to)
{
    QFile source(from);
    if (!source.open(QIODevice::ReadOnly))
        throw ProjectError(QObject::tr("%1: cannot read: %2").arg(from, source.errorString()));
    QFile target(to);
    if (!target.open(QIODevice::WriteOnly | QIODevice::NewOnly | QIODevice::Unbuffered))
        throw ProjectError(QObject::tr("%1: cannot create: %2").arg(to, target.errorString()));
    QByteArray buffer;
    while (!(buffer = source.read(1 << 20)).isEmpty()) {
        if (target.write(buffer) != buffer.size())
            throw ProjectError(QObject::tr("%1: cannot write: %2").arg(to, target.errorString()));
    }
    if (source.error() != QFileDevice::NoError)
        throw ProjectError(QObject::tr("%1: cannot read: %2").arg(from, source.errorString()));
    target.close();
    if (target.error() != QFileDevice::NoError)
        throw ProjectError(QObject::tr("%1: cannot write: %2").arg(to, target.errorString()));
}

void exportFile(const QString &from, const QString &to, ExportedFiles files)
{
#ifdef Q_OS_UNIX
    if (files == ExportedFiles::HardLinks
        && ::link(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0)
        return;
#endif
    copyFile(from, to);
}

bool isInside(const QString &path, const QString &dir)
{
    const QString relative = QDir(dir).relativeFilePath(path);
    return relative == QLatin1String(".")
           || !(relative == QLatin1String("..") || relative.startsWith(QLatin1String("../")) || QDir::isAbsolutePath(relative));
}

}

ImportReport readClassFolders(const QString &rootDir, const QString &separator)
{
    const QDir root(rootDir);
    if (!QFileInfo(rootDir).isDir())
        throw ProjectError(QObject::tr("%1: the folder does not exist").arg(rootDir));
    ReportBuilder builder(rootDir);
    const QDir::Filters filters = QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System;
    const QDir::SortFlags sort = QDir::Name;

    QList<FoundImage> images;
    QHash<QString, QList<qsizetype>> byName; // file name -> indexes into images
    QHash<QString, QByteArray> hashes;
    for (const QFileInfo &entry : root.entryInfoList(filters, sort)) {
        if (!entry.isDir()) {
            if (ImageResolver::isImageFile(entry.fileName()))
                builder.addProblem(QObject::tr("%1: image outside any class folder").arg(entry.filePath()));
            continue;
        }
        const QStringList tags = separator.isEmpty() ? QStringList{entry.fileName()}
                                                     : entry.fileName().split(separator, Qt::SkipEmptyParts);
        bool anyTag = false;
        for (const QString &tag : tags)
            anyTag = anyTag || !tag.trimmed().isEmpty();
        if (!anyTag) {
            builder.addProblem(QObject::tr("%1: the folder name gives no tag; its images were not read").arg(entry.filePath()));
            continue;
        }
        for (const QFileInfo &file : QDir(entry.filePath()).entryInfoList(filters, sort)) {
            if (file.isDir()) {
                builder.addProblem(QObject::tr("%1: a folder inside a class folder is not read").arg(file.filePath()));
                continue;
            }
            if (!ImageResolver::isImageFile(file.fileName())) {
                builder.addProblem(QObject::tr("%1: not an image file").arg(file.filePath()));
                continue;
            }
            FoundImage found{entry.fileName() + QLatin1Char('/') + file.fileName(), file.absoluteFilePath(), tags};
            QList<qsizetype> &sameName = byName[file.fileName()];
            bool merged = false;
            for (qsizetype index : std::as_const(sameName)) {
                if (sameContents(images.at(index), found, hashes)) {
                    for (const QString &tag : tags) {
                        if (!images[index].tags.contains(tag))
                            images[index].tags.append(tag);
                    }
                    merged = true;
                    break;
                }
            }
            if (!merged) {
                sameName.append(images.size());
                images.append(found);
            }
        }
    }
    for (const FoundImage &image : std::as_const(images))
        builder.addRow(image.path, image.tags);
    return builder.report();
}

void writeClassFolders(const ProjectStore &store, const QString &outDir, ExportedFiles files)
{
    const QString target = QDir::cleanPath(QFileInfo(outDir).absoluteFilePath());
    if (isInside(target, store.rootPath()))
        throw ProjectError(QObject::tr("%1: the export folder lies inside the project %2, whose next scan would "
                                       "take the copies for new images")
                               .arg(outDir, store.rootPath()));
    for (const TagInfo &tag : store.tags()) {
        if (tag.name.startsWith(QLatin1Char('.')) || tag.name.contains(QLatin1Char('/'))
            || tag.name.contains(QLatin1Char('\\')))
            throw ProjectError(QObject::tr("%1: tag \"%2\" cannot be a folder name").arg(outDir, tag.name));
    }

    QList<const ImageRecord *> images;
    QHash<QString, int> nameCount;
    for (const ImageRecord *image : exportedImages(store)) {
        if (image->tags.empty())
            continue;
        images.append(image);
        ++nameCount[QFileInfo(image->path).fileName()];
    }
    QHash<const ImageRecord *, QString> names;
    QHash<QString, QString> owner; // exported name -> image path
    for (const ImageRecord *image : std::as_const(images)) {
        const QString fileName = QFileInfo(image->path).fileName();
        const QString name = nameCount.value(fileName) > 1 ? QString(image->path).replace(QLatin1Char('/'), QLatin1String("__"))
                                                           : fileName;
        if (owner.contains(name))
            throw ProjectError(QObject::tr("%1: %2 and %3 would both be exported as %4")
                                   .arg(outDir, owner.value(name), image->path, name));
        owner.insert(name, image->path);
        names.insert(image, name);
    }

    StagingFolder staging(outDir);
    const QDir dir(staging.path());
    for (const TagInfo &tag : store.tags()) {
        bool made = false;
        for (const ImageRecord *image : std::as_const(images)) {
            if (!image->hasTag(tag.id))
                continue;
            if (!made && !dir.mkdir(tag.name))
                throw ProjectError(QObject::tr("%1: cannot create the folder %2").arg(outDir, tag.name));
            made = true;
            exportFile(store.absolutePath(image->path), dir.filePath(tag.name + QLatin1Char('/') + names.value(image)), files);
        }
    }
    staging.commit();
}

}
