#pragma once

#include "core/ml/json.h"

#include <cstdint>
#include <string>

namespace tagwise::ml {

enum class OptimizerKind { Adam, AdamW, Sgd };
enum class ScheduleKind { None, OneCycle, Cosine, Plateau };
enum class DeviceChoice { Auto, Cpu, Cuda };

/// Random changes applied to training batches; each can be switched off.
struct AugmentationConfig
{
    bool horizontalFlip = true;
    bool verticalFlip = false;   ///< off: most photos have an up and a down
    bool affine = true;          ///< small rotation, shift and scale together
    double rotationDegrees = 10.0;
    double shiftFraction = 0.08; ///< of the image side
    double scaleFraction = 0.1;  ///< zoom in [1 - s, 1 + s]
    bool colour = true;          ///< brightness and contrast
    double brightness = 0.15;    ///< added, on the 0..1 scale
    double contrast = 0.15;      ///< factor in [1 - c, 1 + c]

    /// Whether any augmentation is switched on.
    bool any() const { return horizontalFlip || verticalFlip || affine || colour; }
};

/**
 * Everything that defines a training run. The defaults train well with one
 * click; config.json in the run folder records the values a run used.
 */
struct TrainConfig
{
    std::string architecture = "smallervggnet";
    int inputSize = 96;
    int epochs = 20;
    int batchSize = 32;
    double learningRate = 1e-3;
    OptimizerKind optimizer = OptimizerKind::AdamW;
    double weightDecay = 1e-4;
    double momentum = 0.9;          ///< SGD only
    ScheduleKind schedule = ScheduleKind::Cosine;
    int warmupEpochs = 1;           ///< cosine only
    int patience = 5;               ///< early stop after this many epochs without a better F-beta; 0 = never
    double beta = 2.0;              ///< of the validation F-beta that picks the best epoch
    int threads = 0;                ///< LibTorch intra-op threads; 0 = every core
    std::uint64_t seed = 42;
    DeviceChoice device = DeviceChoice::Auto;
    bool mixedPrecision = true;     ///< bfloat16 autocast on CUDA
    bool cpuBfloat16 = false;       ///< bfloat16 autocast on the CPU (needs AVX-512 BF16 to pay off)
    AugmentationConfig augmentation;
    bool positiveWeights = false;   ///< BCE pos_weight per tag from the tag counts
    int workers = 2;                ///< batch-assembly threads; 0 = on the training thread
    bool tuneThresholds = true;     ///< per-tag thresholds tuned on validation, else 0.5

    /// Throws std::invalid_argument naming the first setting out of range.
    void validate() const;

    Json toJson() const;
    /// Reads what toJson() wrote; missing keys keep their defaults. Throws
    /// std::runtime_error naming a key of the wrong type.
    static TrainConfig fromJson(const Json &json);
};

std::string optimizerName(OptimizerKind kind);
std::string scheduleName(ScheduleKind kind);
std::string deviceChoiceName(DeviceChoice choice);
/// Parse names as written by the functions above; throw std::invalid_argument listing the choices.
OptimizerKind optimizerFromName(const std::string &name);
ScheduleKind scheduleFromName(const std::string &name);
DeviceChoice deviceChoiceFromName(const std::string &name);

}
