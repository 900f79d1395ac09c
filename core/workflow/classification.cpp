#include "core/workflow/classification.h"

#include "core/imaging/opencvimageloader.h"
#include "core/ml/predictor.h"
#include "core/project/projectstore.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

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
