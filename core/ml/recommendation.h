#pragma once

#include "core/ml/trainconfig.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tagwise::ml {

/// What the one-click settings are chosen from: the data and the machine.
struct DataProfile
{
    std::int64_t trainImages = 0;
    std::int64_t validationImages = 0;
    int tags = 0;
    int typicalSide = 0;      ///< the median shorter side of the images in pixels; 0 when not known
    bool cuda = false;        ///< a CUDA device will train
    bool cpuBfloat16 = false; ///< the CPU computes bfloat16 natively (AVX512-BF16 or AMX)
    int cores = 1;
    double minutes = 10.0;    ///< how long a run may take, about
};

/// Settings the user chose; the others are chosen to suit them.
struct FixedSettings
{
    std::optional<std::string> architecture;
    std::optional<int> inputSize;
    std::optional<int> epochs;
};

/**
 * A piece of a reason: English text with %1, %2, ... for its arguments. The
 * texts are marked for translation (context "Recommendation"), so that the
 * GUI shows them in its language; an argument made of digits alone is a
 * number, shown as the reader's locale writes numbers.
 */
struct ReasonPart
{
    ReasonPart(const char *text, std::vector<std::string> arguments = {})
        : text(text)
        , arguments(std::move(arguments))
    {
    }

    const char *text;
    std::vector<std::string> arguments;
};

/// One choice of recommendSettings() and why, in a line a user reads.
struct Reason
{
    std::string setting; ///< as the command line names it: "arch", "size", "epochs", ...
    std::string value;
    std::string why;     ///< in English, as tagwise-cli prints it: the parts, filled in and joined
    std::vector<ReasonPart> parts;
};

/// \a text with %1, %2, ... replaced by \a arguments; an argument of digits alone is written by
/// \a number (when empty: grouped by thousands in English, "67,520"). A % without its argument stays.
std::string fillReasonText(const std::string &text, const std::vector<std::string> &arguments,
                           const std::function<std::string(std::int64_t)> &number = {});

struct Recommendation
{
    TrainConfig config;
    std::vector<Reason> reasons;
};

/// The fewest epochs for which the defaults let the rate fall (cosine, to 0) instead of keeping it constant.
inline constexpr int kCosineMinEpochs = 20;

/// The fewest optimiser steps (batches over the whole run) of a long run, for which the defaults
/// take SGD with momentum and weight decay instead of Adam (SGD starts slower and ends better,
/// given the steps) and keep SmallerVGGNet's dropout (shorter runs learn faster without).
inline constexpr std::int64_t kLongRunMinSteps = 40000;

/// The smallest input size at which the defaults train in bfloat16 on a CPU that computes it.
inline constexpr int kBfloat16MinSize = 48;
/// The same for smallervggnet_p2, whose convolutions see larger maps at one size.
inline constexpr int kBfloat16MinSizeP2 = 28;

/// The largest input size for which the defaults choose smallervggnet_p2 (a first pool of 2).
inline constexpr int kFinePoolMaxSize = 32;

/**
 * The settings a run gets when the user clicks Train (or gives tagwise-cli
 * train no settings): each chosen from the data, the machine and the time a
 * run may take, with its reason. The rules and the measurements behind them
 * are in bench/README.md (recipes.sh); what the user fixed is kept
 * and the rest adapt to it (fewer epochs, lighter augmentation).
 */
Recommendation recommendSettings(const DataProfile &profile, const FixedSettings &fixed = {});

/// Whether this CPU computes bfloat16 natively: AVX512-BF16 or AMX-BF16 (cpuid).
bool cpuHasBfloat16();

/// A rough training speed (images per second) of \a arch at \a size px on this kind of device,
/// with SmallerVGGNet's dropout on when \a dropout.
double estimatedImagesPerSecond(const std::string &arch, int size, bool cuda, bool bfloat16, int cores,
                                bool dropout = false);

}
