#include "core/ml/predictionset.h"

#include "core/ml/atomicfile.h"
#include "core/ml/json.h"
#include "core/ml/mlerror.h"

#include <nlohmann/json.hpp>

#include <bit>
#include <cstring>

namespace tagwise::ml {

namespace {

constexpr char kMagic[] = "TWPRED01";
constexpr std::size_t kMagicSize = sizeof(kMagic) - 1;

static_assert(std::endian::native == std::endian::little, "the prediction file is little-endian");

}

std::string PredictionSet::fileName(const std::string &split)
{
    return split + ".bin";
}

void PredictionSet::validate() const
{
    const std::size_t cells = rows() * tags.size();
    if (tags.empty())
        throw MlError("predictions of '" + split + "': no tags");
    if (probabilities.size() != cells || truth.size() != cells)
        throw MlError("predictions of '" + split + "': " + std::to_string(rows()) + " images and "
                      + std::to_string(tags.size()) + " tags need " + std::to_string(cells) + " values, not "
                      + std::to_string(probabilities.size()) + " probabilities and " + std::to_string(truth.size())
                      + " truth cells");
}

void PredictionSet::save(const std::string &path) const
{
    validate();
    const Json header{{"split", split}, {"epoch", epoch}, {"tags", tags}, {"paths", paths}};
    const std::string text = dumpJson(header, -1);
    const std::uint64_t length = text.size();
    std::string bytes;
    bytes.reserve(kMagicSize + 8 + text.size() + probabilities.size() * 5);
    bytes.append(kMagic, kMagicSize);
    bytes.append(reinterpret_cast<const char *>(&length), sizeof length);
    bytes += text;
    bytes.append(reinterpret_cast<const char *>(probabilities.data()), probabilities.size() * sizeof(float));
    bytes.append(reinterpret_cast<const char *>(truth.data()), truth.size());
    writeChecksummedFile(path, bytes);
}

PredictionSet PredictionSet::load(const std::string &path)
{
    const std::string bytes = readChecksummedFile(path);
    if (bytes.size() < kMagicSize + 8 || bytes.compare(0, kMagicSize, kMagic) != 0)
        throw MlError(path + ": not a prediction file");
    std::uint64_t length = 0;
    std::memcpy(&length, bytes.data() + kMagicSize, sizeof length);
    const std::size_t begin = kMagicSize + 8;
    if (length > bytes.size() - begin)
        throw MlError(path + ": the header runs past the end of the file");
    PredictionSet set;
    try {
        const Json header = parseJson(bytes.substr(begin, length), path);
        set.split = jsonValue<std::string>(header, "split");
        set.epoch = jsonValue<int>(header, "epoch", 0);
        set.tags = header.at("tags").get<std::vector<std::string>>();
        set.paths = header.at("paths").get<std::vector<std::string>>();
    } catch (const MlError &) {
        throw;
    } catch (const std::exception &e) {
        throw MlError(path + ": " + e.what());
    }
    const std::size_t cells = set.rows() * set.tags.size();
    const std::size_t rest = bytes.size() - begin - length;
    if (rest != cells * (sizeof(float) + 1))
        throw MlError(path + ": " + std::to_string(set.rows()) + " images and " + std::to_string(set.tags.size())
                      + " tags need " + std::to_string(cells * (sizeof(float) + 1)) + " bytes of values, the file has "
                      + std::to_string(rest));
    set.probabilities.resize(cells);
    set.truth.resize(cells);
    const char *values = bytes.data() + begin + length;
    std::memcpy(set.probabilities.data(), values, cells * sizeof(float));
    std::memcpy(set.truth.data(), values + cells * sizeof(float), cells);
    for (std::uint8_t &cell : set.truth)
        cell = cell ? 1 : 0;
    set.validate();
    return set;
}

}
