#include "core/ml/datasetsnapshot.h"

#include "core/ml/atomicfile.h"
#include "core/ml/jsonvalue.h"
#include "core/ml/mlerror.h"

namespace tagwise::ml {

namespace {

JsonValue samplesToJson(const std::vector<Sample> &samples)
{
    JsonValue array = JsonValue::array();
    for (const Sample &sample : samples) {
        JsonValue item = JsonValue::object();
        item.set("path", sample.path);
        // The indexes of the tags it carries: short, and readable by a person.
        JsonValue tags = JsonValue::array();
        for (std::size_t t = 0; t < sample.target.size(); ++t) {
            if (sample.target[t])
                tags.append(int(t));
        }
        item.set("tags", std::move(tags));
        array.append(std::move(item));
    }
    return array;
}

std::vector<Sample> samplesFromJson(const JsonValue &array, std::size_t tagCount)
{
    std::vector<Sample> samples;
    samples.reserve(array.size());
    for (const JsonValue &item : array.items()) {
        Sample sample;
        sample.path = item.at("path").toString();
        sample.target.assign(tagCount, 0);
        for (const JsonValue &tag : item.at("tags").items()) {
            const long long t = tag.toInteger();
            if (t < 0 || std::size_t(t) >= tagCount)
                throw MlError("tag index " + std::to_string(t) + " out of range for " + sample.path);
            sample.target[std::size_t(t)] = 1;
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

std::vector<long long> DatasetSnapshot::trainTagCounts() const
{
    std::vector<long long> counts(tags.size(), 0);
    for (const Sample &sample : train) {
        for (std::size_t t = 0; t < counts.size() && t < sample.target.size(); ++t)
            counts[t] += sample.target[t] ? 1 : 0;
    }
    return counts;
}

void DatasetSnapshot::save(const std::string &path) const
{
    JsonValue json = JsonValue::object();
    JsonValue tagArray = JsonValue::array();
    for (const auto &tag : tags)
        tagArray.append(tag);
    json.set("tags", std::move(tagArray));
    json.set("train", samplesToJson(train));
    json.set("validation", samplesToJson(validation));
    writeFileAtomically(path, json.dump(1));
}

DatasetSnapshot DatasetSnapshot::load(const std::string &path)
{
    try {
        const JsonValue json = JsonValue::readFile(path);
        DatasetSnapshot snapshot;
        for (const JsonValue &tag : json.at("tags").items())
            snapshot.tags.push_back(tag.toString());
        snapshot.train = samplesFromJson(json.at("train"), snapshot.tags.size());
        snapshot.validation = samplesFromJson(json.at("validation"), snapshot.tags.size());
        snapshot.validate();
        return snapshot;
    } catch (const MlError &error) {
        throw MlError(path + ": " + error.what());
    } catch (const std::exception &error) {
        const std::string what = error.what();
        throw MlError(what.rfind(path, 0) == 0 ? what : path + ": " + what);
    }
}

}
