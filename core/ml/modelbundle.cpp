#include "core/ml/modelbundle.h"

#include "core/ml/atomicfile.h"
#include "core/ml/jsonvalue.h"
#include "core/ml/mlerror.h"
#include "core/ml/networkfactory.h"

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
        const JsonValue json = JsonValue::readFile(file);
        ModelBundle bundle;
        bundle.architecture = json.at("arch").toString();
        bundle.inputSize = int(json.at("input_size").toInteger());
        for (const JsonValue &tag : json.at("tags").items())
            bundle.tags.push_back(tag.toString());
        for (const JsonValue &threshold : json.at("thresholds").items())
            bundle.thresholds.push_back(float(threshold.toDouble()));
        bundle.normalization = Normalization::fromJson(json.at("normalization"));
        if (json.contains("beta"))
            bundle.beta = json.at("beta").toDouble();
        if (json.contains("epoch"))
            bundle.epoch = int(json.at("epoch").toInteger());
        if (json.contains("fbeta") && !json.at("fbeta").isNull())
            bundle.fbeta = json.at("fbeta").toDouble();
        bundle.validate();
        return bundle;
    } catch (const std::exception &error) {
        const std::string what = error.what();
        throw MlError(what.rfind(file, 0) == 0 ? what : file + ": " + what);
    }
}

void ModelBundle::write(const std::string &dir) const
{
    validate();
    JsonValue json = JsonValue::object();
    json.set("format", "tagwise-model-1");
    json.set("arch", architecture);
    json.set("input_size", inputSize);
    JsonValue tagArray = JsonValue::array();
    for (const auto &tag : tags)
        tagArray.append(tag);
    json.set("tags", std::move(tagArray));
    JsonValue thresholdArray = JsonValue::array();
    for (const float threshold : thresholds)
        thresholdArray.append(double(threshold));
    json.set("thresholds", std::move(thresholdArray));
    json.set("normalization", normalization.toJson());
    json.set("beta", beta);
    json.set("epoch", epoch);
    json.set("fbeta", fbeta);
    json.set("weights", kWeightsName);
    writeFileAtomically((fs::path(dir) / kJsonName).string(), json.dump());
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
