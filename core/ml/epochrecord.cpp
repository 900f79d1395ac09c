#include "core/ml/epochrecord.h"

#include "core/ml/jsonvalue.h"

#include <limits>

namespace tagwise::ml {

JsonValue EpochRecord::toJson() const
{
    JsonValue json = JsonValue::object();
    json.set("epoch", epoch);
    json.set("train_loss", trainLoss);
    json.set("val_loss", validationLoss);
    json.set("fbeta", fbeta);
    json.set("f1_micro", f1Micro);
    json.set("f1_macro", f1Macro);
    json.set("map", meanAveragePrecision);
    json.set("lr", learningRate);
    json.set("images_per_second", imagesPerSecond);
    json.set("seconds", seconds);
    json.set("elapsed_seconds", elapsedSeconds);
    return json;
}

EpochRecord EpochRecord::fromJson(const JsonValue &json)
{
    // NaN is written as null (JSON has no NaN); read it back as NaN.
    const auto number = [&json](const char *key) {
        const JsonValue &value = json.at(key);
        return value.isNull() ? std::numeric_limits<double>::quiet_NaN() : value.toDouble();
    };
    EpochRecord r;
    r.epoch = int(json.at("epoch").toInteger());
    r.trainLoss = number("train_loss");
    r.validationLoss = number("val_loss");
    r.fbeta = number("fbeta");
    r.f1Micro = number("f1_micro");
    r.f1Macro = number("f1_macro");
    r.meanAveragePrecision = number("map");
    r.learningRate = number("lr");
    r.imagesPerSecond = number("images_per_second");
    r.seconds = number("seconds");
    r.elapsedSeconds = number("elapsed_seconds");
    return r;
}

}
