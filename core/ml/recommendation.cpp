#include "core/ml/recommendation.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

namespace tagwise::ml {

namespace {

std::string format(const char *pattern, double value)
{
    char buffer[64];
    std::snprintf(buffer, sizeof(buffer), pattern, value);
    return buffer;
}

std::string thousands(std::int64_t value)
{
    const std::string digits = std::to_string(value < 0 ? -value : value);
    std::string text = value < 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            text += ',';
        text += digits[i];
    }
    return text;
}

}

bool cpuHasBfloat16()
{
#if defined(__x86_64__) || defined(__i386__)
    unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx))
        return false;
    const bool amxBf16 = (edx >> 22) & 1u;
    const unsigned maxSubleaf = eax;
    bool avx512Bf16 = false;
    if (maxSubleaf >= 1 && __get_cpuid_count(7, 1, &eax, &ebx, &ecx, &edx))
        avx512Bf16 = (eax >> 5) & 1u;
    return avx512Bf16 || amxBf16;
#else
    return false;
#endif
}

double estimatedImagesPerSecond(const std::string &arch, int size, bool cuda, bool bfloat16, int cores, bool dropout)
{
    // Measured with bench/recipes.sh on 2 cores: SmallerVGGNet at 64 px trains
    // about 290 images/s in float32 and 470 in bfloat16; the work grows with
    // the pixels. Its variant with a first pool of 2 does some 1.9 times the
    // work (528 against 1,011 images/s at 28 px in float32). A GPU is taken to
    // be some 30 times faster, ResNet-18 and MobileNetV2 some 3 times slower
    // than SmallerVGGNet at one size.
    double rate = 290.0 * (64.0 / double(size)) * (64.0 / double(size)) * std::max(1, cores) / 2.0;
    if (bfloat16 && !cuda)
        rate *= 1.6;
    if (arch == "smallervggnet_p2")
        rate /= 1.9;
    else if (arch != "smallervggnet")
        rate /= 3.0;
    // The figures above are without SmallerVGGNet's dropout over its feature maps.
    // With it, the training runs of bench/README.md were slower: 930 against 1,236
    // images/s for smallervggnet_p2 at 28 px, 410 against 465 for SmallerVGGNet
    // at 64 px (bfloat16, 2 cores, medians of the epochs).
    if (dropout && !cuda)
        rate /= arch == "smallervggnet_p2" ? 1.33 : arch == "smallervggnet" ? 1.14 : 1.0;
    if (cuda)
        rate *= 30.0;
    return rate;
}

Recommendation recommendSettings(const DataProfile &profile, const FixedSettings &fixed)
{
    Recommendation r;
    TrainConfig &c = r.config;
    const auto note = [&r](const std::string &setting, const std::string &value, const std::string &why) {
        r.reasons.push_back({setting, value, why});
    };

    // Input size: the images' own, within what trains in reasonable time.
    const int cap = profile.cuda ? 224 : 128;
    if (fixed.inputSize) {
        c.inputSize = *fixed.inputSize;
    } else if (profile.typicalSide <= 0) {
        c.inputSize = 96;
        note("size", "96", "the image sizes are not known; 96 px keeps detail at a modest cost");
    } else {
        c.inputSize = std::clamp(profile.typicalSide, 16, cap);
        note("size", std::to_string(c.inputSize),
             profile.typicalSide > cap
                 ? "the images are " + std::to_string(profile.typicalSide) + " px; " + std::to_string(cap)
                       + " px keeps training within minutes on " + (profile.cuda ? "this GPU" : "a CPU")
                 : "the images' own size (" + std::to_string(profile.typicalSide) + " px): nothing is lost or invented");
    }

    // Architecture: SmallerVGGNet is the fastest on a CPU and the best measured at
    // small sizes; ResNet-18 suits larger photos on a GPU. Up to 32 px its first
    // pool halves instead of thirding (smallervggnet_p2), so that a 28 px
    // garment keeps its detail for the next convolutions; at 64 px that cost
    // twice the time and did no better (mosaics, 5 epochs).
    if (fixed.architecture) {
        c.architecture = *fixed.architecture;
    } else if (profile.cuda && c.inputSize >= 96) {
        c.architecture = "resnet18";
        note("arch", c.architecture, "a GPU and images of " + std::to_string(c.inputSize) + " px: a residual network has the capacity and the speed for them");
    } else if (c.inputSize <= kFinePoolMaxSize) {
        c.architecture = "smallervggnet_p2";
        note("arch", c.architecture, "images of " + std::to_string(c.inputSize) + " px: the small VGG-style network, "
                                     "its first pool halving instead of thirding so that small images keep their "
                                     "detail (measured on Fashion-MNIST at 28 px over 25 epochs: top-1 0.934 against 0.929)");
    } else {
        c.architecture = "smallervggnet";
        note("arch", c.architecture, std::string(profile.cuda ? "small images" : "training on the CPU")
                                         + ": the small VGG-style network trains fastest and measured best here");
    }
    const int smallest = c.architecture == "smallervggnet" ? 12 : c.architecture == "smallervggnet_p2" ? 8 : 32;
    c.inputSize = std::max(c.inputSize, smallest);

    // bfloat16 on CPUs that compute it natively, where the convolutions are large
    // enough to gain: SmallerVGGNet measured 1.6 times faster at 64 px and no
    // faster at 28 px; with a first pool of 2, 1.55 times faster at 28 px.
    const int bfloat16MinSize = c.architecture == "smallervggnet_p2" ? kBfloat16MinSizeP2 : kBfloat16MinSize;
    c.cpuBfloat16 = !profile.cuda && profile.cpuBfloat16 && c.inputSize >= bfloat16MinSize;
    if (c.cpuBfloat16)
        note("bf16", "on", "this CPU computes bfloat16 natively (AVX512-BF16 or AMX): about 1.6 times faster at equal accuracy");
    else if (!profile.cuda && profile.cpuBfloat16)
        note("bf16", "off", "at " + std::to_string(c.inputSize) + " px the convolutions are too small for bfloat16 to gain "
                            "(measured no faster at 28 px with a first pool of 3), and float32 is exact");
    else if (profile.cuda)
        note("amp", "on", "mixed precision on the GPU: faster, with the loss kept in float32");

    // Epochs: as many as fit in the time, within reason. A long run (from
    // kLongRunMinSteps steps) keeps SmallerVGGNet's dropout, which slows each
    // epoch, so its epochs are fitted at that speed; where the slower epochs no
    // longer make a long run, the run stops just short of one, without dropout.
    const bool smallVgg = c.architecture == "smallervggnet" || c.architecture == "smallervggnet_p2";
    const std::int64_t batches = (std::max<std::int64_t>(profile.trainImages, 1) + c.batchSize - 1) / c.batchSize;
    const auto longRun = [batches](int epochs) { return std::int64_t(epochs) * batches >= kLongRunMinSteps; };
    const auto epochSecondsAt = [&](bool dropout) {
        const double rate = estimatedImagesPerSecond(c.architecture, c.inputSize, profile.cuda, c.cpuBfloat16,
                                                     profile.cores, dropout && smallVgg);
        return std::max((double(profile.trainImages) + 0.4 * double(profile.validationImages)) / rate, 1e-3);
    };
    const auto fitting = [&](double epochSeconds) { return int(std::floor(profile.minutes * 60.0 / epochSeconds)); };
    if (fixed.epochs) {
        c.epochs = *fixed.epochs;
    } else {
        int fit = fitting(epochSecondsAt(false));
        c.epochs = std::clamp(fit, 5, 40);
        bool shortOfLong = false;
        if (smallVgg && longRun(c.epochs)) {
            fit = fitting(epochSecondsAt(true));
            c.epochs = std::clamp(fit, 5, 40);
            if (!longRun(c.epochs)) {
                c.epochs = int((kLongRunMinSteps - 1) / batches);
                shortOfLong = true;
            }
        }
        const double epochSeconds = epochSecondsAt(longRun(c.epochs));
        const double runMinutes = std::max(1.0, std::ceil(double(c.epochs) * epochSeconds / 60.0));
        note("epochs", std::to_string(c.epochs),
             format("about %.0f s an epoch here", std::max(1.0, epochSeconds)) + " for " + thousands(profile.trainImages)
                 + " images: " + std::to_string(c.epochs) + " epochs take about "
                 + format(runMinutes == 1.0 ? "%.0f minute" : "%.0f minutes", runMinutes)
                 + (shortOfLong ? " (one more would make a long run, whose dropout would not fit in the time)"
                    : fit > 40  ? " (more seldom pay off)"
                    : fit < 5   ? " (fewer learn too little)"
                                : ""));
    }

    // Optimiser and rate. Adam at 1e-3 without weight decay starts fastest: on
    // mosaics over 5 and 15 epochs (bench/README.md, the results of recipes.sh) a
    // cosine fall, a warm-up, rates of 5e-4, 2e-3 or 3e-3, batches of 16, AdamW's
    // decay of 1e-4 and a weight average all did no better or worse: at these
    // lengths the network is still learning fast at the end.
    // A long run is different. On Fashion-MNIST over 25 epochs a cosine fall to 0
    // (no warm-up) lifted test top-1 from 0.924 to 0.929 against a constant rate:
    // from 20 epochs on the network has time to settle while the rate falls. And
    // given enough steps, SGD with Nesterov momentum and a decay of 5e-4, falling
    // from 0.02, ends better than Adam: 0.936 against 0.934 over those 25 epochs
    // (42,200 steps; mAP 0.977 against 0.972), while over 20 epochs of the
    // mosaics (3,760 steps) it was still far behind.
    const std::int64_t steps = std::int64_t(c.epochs) * batches;
    c.warmupEpochs = 0;
    if (steps >= kLongRunMinSteps) {
        c.optimizer = OptimizerKind::Sgd;
        c.momentum = 0.9;
        c.weightDecay = 5e-4;
        c.learningRate = 0.02;
        note("lr", "0.02", "where SGD's rate starts its fall (measured on Fashion-MNIST)");
    } else {
        c.optimizer = OptimizerKind::Adam;
        c.weightDecay = 0.0;
        c.learningRate = 1e-3;
        note("lr", "0.001", "Adam's rate of 1e-3: lower and higher rates did worse in the measured runs");
    }
    if (c.epochs >= kCosineMinEpochs) {
        c.schedule = ScheduleKind::Cosine;
        note("schedule", "cosine", std::to_string(c.epochs) + " epochs are long enough for the rate to fall to 0 over "
                                       "the run, which settles the weights (measured better from 20 epochs on)");
    } else {
        c.schedule = ScheduleKind::None;
        note("schedule", "none", std::to_string(c.epochs) + (c.epochs == 1 ? " epoch is" : " epochs are")
                                     + " short: the network still learns fast at the end, and a falling rate cost "
                                       "more than it saved (measured)");
    }
    const std::string stepsText = thousands(steps) + (steps == 1 ? " step" : " steps");
    if (c.optimizer == OptimizerKind::Sgd) {
        note("optimizer", "sgd", stepsText + " are enough for SGD with Nesterov momentum 0.9 to overtake Adam "
                                             "(measured on Fashion-MNIST over 42,200: top-1 0.936 against 0.934, mAP "
                                             "0.977 against 0.972)");
        note("weight-decay", "0.0005", "keeps the weights small over a long run of SGD");
    } else {
        note("optimizer", "adam", "Adam without weight decay starts fastest: over " + stepsText
                                      + " SGD would still lag (measured)");
    }

    // Augmentation pays off only when a run is long enough to fit the harder images;
    // flips and whole-pixel shifts change no pixel value, so they cost least.
    const AugmentationLevel level = c.epochs < 10 ? AugmentationLevel::None : AugmentationLevel::Light;
    c.augmentation = AugmentationConfig::preset(level);
    note("augment", augmentationLevelName(level),
         level == AugmentationLevel::None
             ? std::to_string(c.epochs) + (c.epochs == 1 ? " epoch is" : " epochs are")
                   + " too few for changed images to pay off; they only slow the learning"
             : "flips and shifts by whole pixels keep " + std::to_string(c.epochs)
                   + " epochs from memorising the images, and blur nothing");

    // SmallerVGGNet's dropout (a quarter after each block, half in the head)
    // only slowed the learning of the mosaics' runs (up to 20 epochs, 3,760
    // steps); over Fashion-MNIST's 25 epochs (42,200 steps) it kept the
    // probabilities better ranked (bench/README.md, recipes.sh).
    c.dropoutScale = smallVgg && steps < kLongRunMinSteps ? 0.0 : 1.0;
    if (smallVgg && c.dropoutScale == 0.0)
        note("dropout", "0", stepsText + (steps == 1 ? " is" : " are")
                                 + " few: without dropout the network learns faster (measured on mosaics: mAP 0.845 "
                                   "against 0.800 over 940 steps, 0.910 against 0.871 over 2,820)");
    else if (smallVgg)
        note("dropout", "1", stepsText + " are many: the network's own dropout keeps it from growing overconfident "
                                         "(measured on Fashion-MNIST over 42,200: mAP 0.972 with it against 0.960 "
                                         "without, top-1 alike)");
    c.emaDecay = 0.0;
    c.tuneThresholds = true;
    note("thresholds", "tuned", "each tag's threshold is chosen on the validation images for the best F-beta");
    c.patience = std::max(5, c.epochs / 4);
    return r;
}

}
