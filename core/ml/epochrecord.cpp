#include "core/ml/epochrecord.h"

#include <nlohmann/json.hpp>

#include <limits>

namespace tagwise::ml {

Json EpochRecord::toJson() const
{
    // NaN (a loss that diverged) is written as null and read back as NaN.
    return Json{{"epoch", epoch},
                {"train_loss", trainLoss},
                {"val_loss", validationLoss},
                {"fbeta", fbeta},
                {"f1_micro", f1Micro},
                {"f1_macro", f1Macro},
                {"map", meanAveragePrecision},
                {"lr", learningRate},
                {"images_per_second", imagesPerSecond},
                {"seconds", seconds},
                {"elapsed_seconds", elapsedSeconds},
                {"tag_fbeta", tagFbeta}};
}

EpochRecord EpochRecord::fromJson(const Json &json)
{
    EpochRecord r;
    r.epoch = jsonValue<int>(json, "epoch");
    r.trainLoss = jsonValue<double>(json, "train_loss");
    r.validationLoss = jsonValue<double>(json, "val_loss");
    r.fbeta = jsonValue<double>(json, "fbeta");
    r.f1Micro = jsonValue<double>(json, "f1_micro");
    r.f1Macro = jsonValue<double>(json, "f1_macro");
    r.meanAveragePrecision = jsonValue<double>(json, "map");
    r.learningRate = jsonValue<double>(json, "lr");
    r.imagesPerSecond = jsonValue<double>(json, "images_per_second");
    r.seconds = jsonValue<double>(json, "seconds");
    r.elapsedSeconds = jsonValue<double>(json, "elapsed_seconds");
    if (json.contains("tag_fbeta")) { // runs before it was recorded lack it
        if (!json.at("tag_fbeta").is_array())
            throw std::runtime_error("\"tag_fbeta\" must be a list of numbers");
        for (const Json &value : json.at("tag_fbeta"))
            r.tagFbeta.push_back(value.is_number() ? value.get<double>() : std::numeric_limits<double>::quiet_NaN());
    }
    return r;
}

}
