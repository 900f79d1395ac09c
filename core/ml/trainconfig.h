#pragma once

#include "core/ml/json.h"

#include <cstdint>
#include <string>

namespace tagwise::ml {

enum class OptimizerKind { Adam, AdamW, Sgd };
enum class ScheduleKind { None, OneCycle, Cosine, Plateau };
enum class DeviceChoice { Auto, Cpu, Cuda };

/// How strongly training images are changed at random (AugmentationConfig::preset()).
enum class AugmentationLevel { None, Light, Standard, Strong };

/**
 * Random changes applied to training batches; each can be switched off.
 * Flips and shifts move whole pixels, so they change no pixel value: an image
 * that is only flipped and shifted looks exactly like an unchanged one (a
 * warp resamples, which blurs a little, so it is applied to a share of the
 * images only).
 */
struct AugmentationConfig
{
    bool horizontalFlip = true;
    bool verticalFlip = false;     ///< off: most photos have an up and a down
    double shiftFraction = 0.06;   ///< whole-pixel shift up to this share of the side; edges repeat; 0 = off
    double warpProbability = 0.0;  ///< share of images also rotated and zoomed (bilinear)
    double rotationDegrees = 10.0; ///< of a warp
    double scaleFraction = 0.1;    ///< zoom of a warp in [1 - s, 1 + s]
    bool colour = false;           ///< brightness and contrast
    double brightness = 0.1;       ///< added, on the 0..1 scale
    double contrast = 0.1;         ///< factor in [1 - c, 1 + c]

    /// Whether any augmentation is switched on.
    bool any() const { return horizontalFlip || verticalFlip || shiftFraction > 0.0 || warpProbability > 0.0 || colour; }

    /**
     * none: nothing; light: horizontal flips and shifts up to 6 %; standard:
     * light plus a warp (±10°, ±10 % zoom) of a quarter of the images and
     * ±10 % brightness and contrast; strong: shifts up to 10 %, warps of half
     * the images (±15°, ±15 %) and ±20 % brightness and contrast.
     */
    static AugmentationConfig preset(AugmentationLevel level);
};

std::string augmentationLevelName(AugmentationLevel level);
/// Throws std::invalid_argument listing the levels.
AugmentationLevel augmentationLevelFromName(const std::string &name);

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
    /// Validation, checkpoints and the model use an exponential moving average
    /// of the weights with this decay per step (0: the weights themselves).
    double emaDecay = 0.0;
    /// Every dropout of the network drops this share of its designed probability:
    /// 1 as the architecture is built, 0 none (its weights are the same either way).
    double dropoutScale = 1.0;
    /// Pretrained weights to start from (.safetensors or torch.save), by torchvision's
    /// names; empty: random initialisation. Inputs are then normalised as ImageNet's.
    std::string weights;
    /// What does not train: "none", "backbone" or "until:LAYER" (see frozenParameters()).
    std::string freeze = "none";
    /// Epochs the freeze lasts; 0: the whole run. Afterwards everything trains.
    int freezeEpochs = 0;
    /// The backbone's learning rate as a share of learningRate (the head keeps learningRate).
    double backboneLrScale = 1.0;

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
