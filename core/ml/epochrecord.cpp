#include "core/ml/epochrecord.h"

#include <nlohmann/json.hpp>

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
                {"elapsed_seconds", elapsedSeconds}};
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
    return r;
}

}
