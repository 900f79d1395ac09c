#include "core/cli/decodedimages.h"

#include "core/imaging/opencvimageloader.h"

#include <QTextStream>

#include <cstring>

namespace tagwise::cli {

DecodedImages DecodedImages::decode(const QStringList &paths, int size, const QString &cacheDir, QTextStream &err)
{
    std::vector<std::string> files;
    files.reserve(std::size_t(paths.size()));
    for (const QString &path : paths)
        files.push_back(path.toStdString());
    OpenCvImageLoader loader(cacheDir);
    std::vector<std::uint8_t> pixels;
    std::vector<std::string> errors;
    loader.loadAll(files, size, pixels, errors, nullptr);

    DecodedImages result;
    const std::size_t imageBytes = std::size_t(size) * std::size_t(size) * 3;
    result.pixels.reserve(pixels.size());
    for (qsizetype i = 0; i < paths.size(); ++i) {
        const std::string &error = errors[std::size_t(i)];
        if (!error.empty()) {
            const QString reason = QString::fromStdString(error);
            err << (reason.contains(paths[i]) ? reason : paths[i] + QStringLiteral(": ") + reason) << '\n';
            ++result.failed;
            continue;
        }
        result.paths << paths[i];
        const auto *begin = pixels.data() + std::size_t(i) * imageBytes;
        result.pixels.insert(result.pixels.end(), begin, begin + imageBytes);
    }
    return result;
}

}
