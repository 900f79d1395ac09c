#include "core/workflow/classification.h"

#include "core/imaging/opencvimageloader.h"
#include "core/io/atomicwrite.h"
#include "core/ml/predictor.h"
#include "core/project/projecterror.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QSet>

namespace tagwise::workflow {

QStringList imageFilesIn(const QStringList &inputs, QStringList *missing, const std::atomic<bool> *cancel)
{
    QStringList files;
    const QStringList &suffixes = ProjectStore::imageSuffixes();
    for (const QString &input : inputs) {
        const QFileInfo info(input);
        if (info.isDir()) {
            QStringList found;
            QDirIterator it(input, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext() && !(cancel && cancel->load())) {
                const QString file = it.next();
                if (suffixes.contains(QFileInfo(file).suffix().toLower()))
                    found << QDir::cleanPath(file);
            }
            found.sort();
            files += found;
        } else if (info.exists()) {
            files << QDir::cleanPath(input);
        } else if (missing) {
            *missing << QStringLiteral("%1: no such file or folder").arg(input);
        }
    }
    return files;
}

namespace {

/// Whether files \a a and \a b hold the same bytes.
bool sameBytes(const QString &a, const QString &b)
{
    QFile first(a), second(b);
    if (first.size() != second.size() || !first.open(QIODevice::ReadOnly) || !second.open(QIODevice::ReadOnly))
        return false;
    constexpr qint64 kBlock = 1 << 20;
    while (!first.atEnd()) {
        if (first.read(kBlock) != second.read(kBlock))
            return false;
    }
    return true;
}

/// Copies \a source to \a target whole or not at all; returns the reason when it cannot.
QString copyWhole(const QString &source, const QString &target)
{
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly))
        return in.errorString();
    io::AtomicFile out(target);
    if (!out.open())
        return out.error();
    constexpr qint64 kBlock = 1 << 20;
    while (!in.atEnd()) {
        const QByteArray block = in.read(kBlock);
        if (block.isEmpty() && in.error() != QFileDevice::NoError) {
            out.cancel();
            return in.errorString();
        }
        if (!out.write(block))
            return out.error();
    }
    return out.commit() ? QString() : out.error();
}

}

CopiedImages copyIntoProject(const QString &root, const QList<ImageTags> &images, const QString &folder,
                             const std::function<void(int, int)> &progress, const std::atomic<bool> *cancel)
{
    const QDir rootDir(root);
    const auto relativePath = [&rootDir](const QString &path) {
        return rootDir.relativeFilePath(QDir::cleanPath(QFileInfo(path).absoluteFilePath()));
    };
    const QString relativeFolder = QDir::cleanPath(folder.trimmed());
    const bool atRoot = relativeFolder.isEmpty() || relativeFolder == QLatin1String(".");
    if (!atRoot) {
        if (const QString problem = ProjectStore::pathProblem(relativeFolder + QStringLiteral("/x.png")); !problem.isEmpty())
            throw ProjectError(QObject::tr("%1: not a folder of the project for images: %2").arg(folder, problem));
    }
    const QString targetDir = atRoot ? root : root + QLatin1Char('/') + relativeFolder;
    if (!QDir().mkpath(targetDir))
        throw ProjectError(QObject::tr("%1: cannot create the folder").arg(targetDir));

    CopiedImages result;
    QSet<QString> taken; // targets chosen in this call
    const int total = int(images.size());
    for (int i = 0; i < total; ++i) {
        if (progress && i > 0)
            progress(i, total);
        if (cancel && cancel->load()) {
            result.notReached = total - i;
            break;
        }
        const ImageTags &image = images[i];
        const QFileInfo source(image.path);
        if (!source.isFile()) {
            result.problems << QObject::tr("%1: the file is gone").arg(image.path);
            continue;
        }
        // A file of the project stays where it is.
        const QString inside = relativePath(source.absoluteFilePath());
        if (!inside.isEmpty() && ProjectStore::pathProblem(inside).isEmpty()) {
            result.rows.append({inside, image.tags});
            ++result.reused;
            continue;
        }
        const QString base = source.completeBaseName();
        const QString suffix = source.suffix().isEmpty() ? QString() : QLatin1Char('.') + source.suffix();
        QString target;
        bool reuse = false;
        for (int n = 1;; ++n) {
            const QString name = n == 1 ? base + suffix : QStringLiteral("%1-%2%3").arg(base).arg(n).arg(suffix);
            target = targetDir + QLatin1Char('/') + name;
            if (taken.contains(target))
                continue;
            if (!QFileInfo::exists(target))
                break;
            if (sameBytes(source.absoluteFilePath(), target)) {
                reuse = true;
                break;
            }
        }
        taken.insert(target);
        if (!reuse) {
            if (const QString reason = copyWhole(source.absoluteFilePath(), target); !reason.isEmpty()) {
                result.problems << QObject::tr("%1: cannot copy it into the project: %2").arg(image.path, reason);
                continue;
            }
            ++result.copied;
        } else {
            ++result.reused;
        }
        result.rows.append({relativePath(target), image.tags});
    }
    if (progress && result.notReached == 0)
        progress(total, total);
    return result;
}

std::vector<ClassifiedImage> classifyImages(const ml::Predictor &predictor, const QStringList &paths,
                                            const std::function<void(int, int)> &progress,
                                            const std::atomic<bool> *cancel, int chunk)
{
    std::vector<ClassifiedImage> results;
    const int size = predictor.inputSize();
    const std::size_t block = std::size_t(size) * std::size_t(size) * 3;
    const std::size_t tags = predictor.tagCount();
    OpenCvImageLoader loader; // no disk cache: dropped images are seldom seen twice
    for (qsizetype first = 0; first < paths.size(); first += chunk) {
        if (cancel && cancel->load())
            break;
        const QStringList part = paths.mid(first, chunk);
        std::vector<std::string> names;
        for (const QString &path : part)
            names.push_back(path.toStdString());
        std::vector<std::uint8_t> pixels;
        std::vector<std::string> errors;
        loader.loadAll(names, size, pixels, errors, nullptr);
        // The readable images, packed, through the network as one batch.
        std::vector<std::uint8_t> packed;
        std::vector<qsizetype> rows;
        for (qsizetype i = 0; i < part.size(); ++i) {
            if (!errors[std::size_t(i)].empty())
                continue;
            packed.insert(packed.end(), pixels.begin() + std::ptrdiff_t(std::size_t(i) * block),
                          pixels.begin() + std::ptrdiff_t(std::size_t(i + 1) * block));
            rows.push_back(i);
        }
        const std::vector<float> probabilities
            = rows.empty() ? std::vector<float>() : predictor.predict(packed.data(), rows.size());
        std::size_t next = 0;
        for (qsizetype i = 0; i < part.size(); ++i) {
            ClassifiedImage image;
            image.path = part[i];
            if (!errors[std::size_t(i)].empty()) {
                image.error = QString::fromStdString(errors[std::size_t(i)]);
            } else {
                image.probabilities.assign(probabilities.begin() + std::ptrdiff_t(next * tags),
                                           probabilities.begin() + std::ptrdiff_t((next + 1) * tags));
                ++next;
            }
            results.push_back(std::move(image));
        }
        if (progress)
            progress(int(results.size()), int(paths.size()));
    }
    return results;
}

}
