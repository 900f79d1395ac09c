#include "core/ml/datasetsnapshot.h"

#include "core/ml/json.h"
#include "core/ml/mlerror.h"

#include <nlohmann/json.hpp>

namespace tagwise::ml {

namespace {

Json samplesToJson(const std::vector<Sample> &samples)
{
    Json array = Json::array();
    for (const Sample &sample : samples) {
        // The indexes of the tags it carries: short, and readable by a person.
        Json tags = Json::array();
        for (std::size_t t = 0; t < sample.target.size(); ++t) {
            if (sample.target[t])
                tags.push_back(t);
        }
        array.push_back(Json{{"path", sample.path}, {"tags", std::move(tags)}});
    }
    return array;
}

std::vector<Sample> samplesFromJson(const Json &json, const char *key, std::size_t tagCount)
{
    if (!json.contains(key) || !json.at(key).is_array())
        throw MlError(std::string("\"") + key + "\" must be a list of samples");
    std::vector<Sample> samples;
    samples.reserve(json.at(key).size());
    for (const Json &item : json.at(key)) {
        Sample sample;
        sample.path = jsonValue<std::string>(item, "path");
        sample.target.assign(tagCount, 0);
        if (!item.contains("tags") || !item.at("tags").is_array())
            throw MlError(sample.path + ": \"tags\" must be a list of tag indexes");
        for (const Json &tag : item.at("tags")) {
            if (!tag.is_number_integer() || tag.get<long long>() < 0 || tag.get<long long>() >= (long long)tagCount)
                throw MlError("tag index " + tag.dump() + " out of range for " + sample.path);
            sample.target[tag.get<std::size_t>()] = 1;
        }
        samples.push_back(std::move(sample));
    }
    return samples;
}

}

void DatasetSnapshot::validate() const
{
    if (tags.empty())
        throw MlError("the data set has no tags");
    for (const auto *list : {&train, &validation}) {
        for (const Sample &sample : *list) {
            if (sample.target.size() != tags.size())
                throw MlError(sample.path + ": has " + std::to_string(sample.target.size()) + " target values for "
                              + std::to_string(tags.size()) + " tags");
        }
    }
}

void DatasetSnapshot::save(const std::string &path) const
{
    const Json json{{"tags", tags}, {"train", samplesToJson(train)}, {"validation", samplesToJson(validation)}};
    writeJsonFile(path, json, 1);
}

DatasetSnapshot DatasetSnapshot::load(const std::string &path)
{
    try {
        const Json json = readJsonFile(path);
        DatasetSnapshot snapshot;
        if (!json.is_object() || !json.contains("tags") || !json.at("tags").is_array())
            throw MlError("\"tags\" must be a list of tag names");
        for (const Json &tag : json.at("tags")) {
            if (!tag.is_string())
                throw MlError("\"tags\" must be a list of tag names");
            snapshot.tags.push_back(tag.get<std::string>());
        }
        snapshot.train = samplesFromJson(json, "train", snapshot.tags.size());
        snapshot.validation = samplesFromJson(json, "validation", snapshot.tags.size());
        snapshot.validate();
        return snapshot;
    } catch (const std::exception &error) {
        const std::string what = describeError(error);
        throw MlError(what.rfind(path, 0) == 0 ? what : path + ": " + what);
    }
}

}
