#pragma once

#include "core/ml/json.h"

#include <vector>

namespace tagwise::ml {

/// What one training epoch measured. Validation metrics use thresholds of 0.5.
struct EpochRecord
{
    int epoch = 0;                 ///< 1-based
    double trainLoss = 0.0;        ///< mean BCE over the training samples
    double validationLoss = 0.0;   ///< mean BCE over the validation samples
    double fbeta = 0.0;            ///< validation F-beta averaged over samples
    double f1Micro = 0.0;
    double f1Macro = 0.0;
    double meanAveragePrecision = 0.0;
    double learningRate = 0.0;     ///< at the end of the epoch
    double imagesPerSecond = 0.0;  ///< training images per second of the training phase
    double seconds = 0.0;          ///< this epoch, training and validation
    double elapsedSeconds = 0.0;   ///< since the run started, over every resume
    std::vector<double> tagFbeta;  ///< validation F-beta of each tag (in the snapshot's tag order)

    Json toJson() const;
    /// Throws std::runtime_error naming a missing or malformed key.
    static EpochRecord fromJson(const Json &json);
};

/// Progress within an epoch, after each batch.
struct BatchProgress
{
    int epoch = 0;        ///< 1-based
    int epochs = 0;
    long long batch = 0;  ///< 1-based
    long long batches = 0;
    double loss = 0.0;    ///< of this batch
    double learningRate = 0.0;
};

}
