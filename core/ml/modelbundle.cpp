#include "core/ml/modelbundle.h"

#include "core/ml/atomicfile.h"
#include "core/ml/json.h"
#include "core/ml/mlerror.h"
#include "core/ml/networkfactory.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>

namespace tagwise::ml {

namespace fs = std::filesystem;

std::string ModelBundle::locate(const std::string &path)
{
    std::error_code error;
    if (fs::is_regular_file(fs::path(path) / kJsonName, error))
        return path;
    if (fs::is_regular_file(fs::path(path) / "model" / kJsonName, error))
        return (fs::path(path) / "model").string();
    if (!fs::exists(path, error))
        throw MlError(path + ": no such folder");
    throw MlError(path + ": no model bundle here (neither " + kJsonName + " nor model/" + kJsonName
                  + "); has training finished?");
}

ModelBundle ModelBundle::read(const std::string &dir)
{
    const std::string file = (fs::path(dir) / kJsonName).string();
    try {
        const Json json = readJsonFile(file);
        ModelBundle bundle;
        bundle.architecture = jsonValue<std::string>(json, "arch");
        bundle.inputSize = jsonValue<int>(json, "input_size");
        for (const char *key : {"tags", "thresholds"}) {
            if (!json.at(key).is_array())
                throw MlError(std::string("\"") + key + "\" must be a list");
        }
        for (const Json &tag : json.at("tags")) {
            if (!tag.is_string())
                throw MlError("\"tags\" must be a list of tag names");
            bundle.tags.push_back(tag.get<std::string>());
        }
        for (const Json &threshold : json.at("thresholds")) {
            if (!threshold.is_number())
                throw MlError("\"thresholds\" must be a list of numbers");
            bundle.thresholds.push_back(threshold.get<float>());
        }
        bundle.normalization = Normalization::fromJson(json.at("normalization"));
        bundle.beta = jsonValue<double>(json, "beta", bundle.beta);
        bundle.epoch = jsonValue<int>(json, "epoch", bundle.epoch);
        const double fbeta = jsonValue<double>(json, "fbeta", bundle.fbeta);
        bundle.fbeta = std::isnan(fbeta) ? 0.0 : fbeta;
        bundle.validate();
        return bundle;
    } catch (const std::exception &error) {
        const std::string what = describeError(error);
        throw MlError(what.rfind(file, 0) == 0 ? what : file + ": " + what);
    }
}

void ModelBundle::write(const std::string &dir) const
{
    validate();
    std::vector<double> thresholdValues(thresholds.begin(), thresholds.end());
    const Json json{{"format", "tagwise-model-1"},
                    {"arch", architecture},
                    {"input_size", inputSize},
                    {"tags", tags},
                    {"thresholds", thresholdValues},
                    {"normalization", normalization.toJson()},
                    {"beta", beta},
                    {"epoch", epoch},
                    {"fbeta", fbeta},
                    {"weights", kWeightsName}};
    writeJsonFile((fs::path(dir) / kJsonName).string(), json);
}

void ModelBundle::validate() const
{
    if (!isArchitecture(architecture))
        throw MlError("unknown architecture \"" + architecture + "\"");
    if (inputSize < 8 || inputSize > 4096)
        throw MlError("input size " + std::to_string(inputSize) + " out of range");
    if (tags.empty())
        throw MlError("no tags");
    if (thresholds.size() != tags.size())
        throw MlError(std::to_string(thresholds.size()) + " thresholds for " + std::to_string(tags.size()) + " tags");
    for (const float threshold : thresholds) {
        if (!(threshold >= 0.0f && threshold <= 1.0f))
            throw MlError("threshold " + std::to_string(threshold) + " outside [0, 1]");
    }
}

}
