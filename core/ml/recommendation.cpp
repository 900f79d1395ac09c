#include "core/ml/recommendation.h"

#include <algorithm>
#include <cmath>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

// Marks a reason's text for translation: lupdate collects it for the GUI, which
// translates it; tagwise-cli prints it as it is.
#define QT_TRANSLATE_NOOP(context, text) text

namespace tagwise::ml {

namespace {

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

std::string fillReasonText(const std::string &text, const std::vector<std::string> &arguments,
                           const std::function<std::string(std::int64_t)> &number)
{
    std::string out;
    for (std::size_t p = 0; p < text.size(); ++p) {
        const bool placeholder = text[p] == '%' && p + 1 < text.size() && text[p + 1] >= '1' && text[p + 1] <= '9';
        const std::size_t index = placeholder ? std::size_t(text[p + 1] - '1') : arguments.size();
        if (index >= arguments.size()) {
            out += text[p];
            continue;
        }
        const std::string &argument = arguments[index];
        const auto digit = [](char c) { return c >= '0' && c <= '9'; };
        if (!argument.empty() && argument.size() <= 18 && std::all_of(argument.begin(), argument.end(), digit))
            out += number ? number(std::stoll(argument)) : thousands(std::stoll(argument));
        else
            out += argument;
        ++p;
    }
    return out;
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
    // With it, the training runs of bench/README.md were slower: 929 against 1,236
    // images/s for smallervggnet_p2 at 28 px, 410 against 453 for SmallerVGGNet
    // at 64 px (bfloat16, 2 cores, medians).
    if (dropout && !cuda)
        rate /= arch == "smallervggnet_p2" ? 1.33 : arch == "smallervggnet" ? 1.10 : 1.0;
    if (cuda)
        rate *= 30.0;
    return rate;
}

Recommendation recommendSettings(const DataProfile &profile, const FixedSettings &fixed)
{
    Recommendation r;
    TrainConfig &c = r.config;
    const auto note = [&r](std::string setting, std::string value, std::vector<ReasonPart> parts) {
        std::string why;
        for (const ReasonPart &part : parts)
            why += fillReasonText(part.text, part.arguments);
        r.reasons.push_back({std::move(setting), std::move(value), std::move(why), std::move(parts)});
    };
    const auto number = [](std::int64_t value) { return std::to_string(value); };

    // Input size: the images' own, within what trains in reasonable time.
    const int cap = profile.cuda ? 224 : 128;
    if (fixed.inputSize) {
        c.inputSize = *fixed.inputSize;
    } else if (profile.typicalSide <= 0) {
        c.inputSize = 96;
        note("size", "96",
             {{QT_TRANSLATE_NOOP("Recommendation",
                                 "the image sizes are not known; 96 px keeps detail at a modest cost")}});
    } else {
        c.inputSize = std::clamp(profile.typicalSide, 16, cap);
        if (profile.typicalSide > cap)
            note("size", std::to_string(c.inputSize),
                 {{profile.cuda
                       ? QT_TRANSLATE_NOOP("Recommendation",
                                           "the images are %1 px; %2 px keeps training within minutes on this GPU")
                       : QT_TRANSLATE_NOOP("Recommendation",
                                           "the images are %1 px; %2 px keeps training within minutes on a CPU"),
                   {number(profile.typicalSide), number(cap)}}});
        else
            note("size", std::to_string(c.inputSize),
                 {{QT_TRANSLATE_NOOP("Recommendation", "the images' own size (%1 px): nothing is lost or invented"),
                   {number(profile.typicalSide)}}});
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
        note("arch", c.architecture,
             {{QT_TRANSLATE_NOOP(
                   "Recommendation",
                   "a GPU and images of %1 px: a residual network has the capacity and the speed for them"),
               {number(c.inputSize)}}});
    } else if (c.inputSize <= kFinePoolMaxSize) {
        c.architecture = "smallervggnet_p2";
        note("arch", c.architecture,
             {{QT_TRANSLATE_NOOP(
                   "Recommendation",
                   "images of %1 px: the small VGG-style network, its first pool halving instead of thirding so that "
                   "small images keep their detail (measured on Fashion-MNIST at 28 px over 25 epochs: top-1 0.934 "
                   "against 0.929)"),
               {number(c.inputSize)}}});
    } else {
        c.architecture = "smallervggnet";
        note("arch", c.architecture,
             {{profile.cuda ? QT_TRANSLATE_NOOP("Recommendation", "small images: the small VGG-style network trains "
                                                                  "fastest and measured best here")
                            : QT_TRANSLATE_NOOP("Recommendation", "training on the CPU: the small VGG-style network "
                                                                  "trains fastest and measured best here")}});
    }
    const int smallest = c.architecture == "smallervggnet" ? 12 : c.architecture == "smallervggnet_p2" ? 8 : 32;
    c.inputSize = std::max(c.inputSize, smallest);

    // bfloat16 on CPUs that compute it natively, where the convolutions are large
    // enough to gain: SmallerVGGNet measured 1.6 times faster at 64 px and no
    // faster at 28 px; with a first pool of 2, 1.55 times faster at 28 px.
    const int bfloat16MinSize = c.architecture == "smallervggnet_p2" ? kBfloat16MinSizeP2 : kBfloat16MinSize;
    c.cpuBfloat16 = !profile.cuda && profile.cpuBfloat16 && c.inputSize >= bfloat16MinSize;
    if (c.cpuBfloat16)
        note("bf16", "on",
             {{QT_TRANSLATE_NOOP("Recommendation",
                                 "this CPU computes bfloat16 natively (AVX512-BF16 or AMX): about 1.6 times faster at "
                                 "equal accuracy")}});
    else if (!profile.cuda && profile.cpuBfloat16)
        note("bf16", "off",
             {{QT_TRANSLATE_NOOP(
                   "Recommendation",
                   "at %1 px the convolutions are too small for bfloat16 to gain (measured no faster at 28 px with a "
                   "first pool of 3), and float32 is exact"),
               {number(c.inputSize)}}});
    else if (profile.cuda)
        note("amp", "on",
             {{QT_TRANSLATE_NOOP("Recommendation",
                                 "mixed precision on the GPU: faster, with the loss kept in float32")}});

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
        const auto runMinutes = std::int64_t(std::max(1.0, std::ceil(double(c.epochs) * epochSeconds / 60.0)));
        std::vector<ReasonPart> parts{
            {runMinutes == 1
                 ? QT_TRANSLATE_NOOP("Recommendation",
                                     "about %1 s an epoch here for %2 images: %3 epochs take about 1 minute")
                 : QT_TRANSLATE_NOOP("Recommendation",
                                     "about %1 s an epoch here for %2 images: %3 epochs take about %4 minutes"),
             {number(std::llround(std::max(1.0, epochSeconds))), number(profile.trainImages), number(c.epochs),
              number(runMinutes)}}};
        if (shortOfLong)
            parts.push_back({QT_TRANSLATE_NOOP(
                "Recommendation", " (one more would make a long run, whose dropout would not fit in the time)")});
        else if (fit > 40)
            parts.push_back({QT_TRANSLATE_NOOP("Recommendation", " (more seldom pay off)")});
        else if (fit < 5)
            parts.push_back({QT_TRANSLATE_NOOP("Recommendation", " (fewer learn too little)")});
        note("epochs", std::to_string(c.epochs), std::move(parts));
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
        note("lr", "0.02",
             {{QT_TRANSLATE_NOOP("Recommendation", "where SGD's rate starts its fall (measured on Fashion-MNIST)")}});
    } else {
        c.optimizer = OptimizerKind::Adam;
        c.weightDecay = 0.0;
        c.learningRate = 1e-3;
        note("lr", "0.001",
             {{QT_TRANSLATE_NOOP("Recommendation",
                                 "Adam's rate of 1e-3: lower and higher rates did worse in the measured runs")}});
    }
    if (c.epochs >= kCosineMinEpochs) {
        c.schedule = ScheduleKind::Cosine;
        note("schedule", "cosine",
             {{QT_TRANSLATE_NOOP(
                   "Recommendation",
                   "%1 epochs are long enough for the rate to fall to 0 over the run, which settles the weights "
                   "(measured better from 20 epochs on)"),
               {number(c.epochs)}}});
    } else {
        c.schedule = ScheduleKind::None;
        const char *why = c.epochs == 1
                              ? QT_TRANSLATE_NOOP("Recommendation", "1 epoch is short: the network still learns fast "
                                                                    "at the end, and a falling rate cost more than it "
                                                                    "saved (measured)")
                              : QT_TRANSLATE_NOOP("Recommendation", "%1 epochs are short: the network still learns "
                                                                    "fast at the end, and a falling rate cost more "
                                                                    "than it saved (measured)");
        note("schedule", "none", {{why, {number(c.epochs)}}});
    }
    if (c.optimizer == OptimizerKind::Sgd) {
        note("optimizer", "sgd",
             {{QT_TRANSLATE_NOOP("Recommendation",
                                 "%1 steps are enough for SGD with Nesterov momentum 0.9 to overtake Adam (measured on "
                                 "Fashion-MNIST over 42,200: top-1 0.936 against 0.934, mAP 0.977 against 0.972)"),
               {number(steps)}}});
        note("weight-decay", "0.0005",
             {{QT_TRANSLATE_NOOP("Recommendation", "keeps the weights small over a long run of SGD")}});
    } else {
        const char *why = steps == 1 ? QT_TRANSLATE_NOOP("Recommendation", "Adam without weight decay starts "
                                                                           "fastest: over 1 step SGD would still lag "
                                                                           "(measured)")
                                     : QT_TRANSLATE_NOOP("Recommendation", "Adam without weight decay starts "
                                                                           "fastest: over %1 steps SGD would still "
                                                                           "lag (measured)");
        note("optimizer", "adam", {{why, {number(steps)}}});
    }

    // Augmentation pays off only when a run is long enough to fit the harder images;
    // flips and whole-pixel shifts change no pixel value, so they cost least.
    const AugmentationLevel level = c.epochs < 10 ? AugmentationLevel::None : AugmentationLevel::Light;
    c.augmentation = AugmentationConfig::preset(level);
    const char *augmentWhy = nullptr;
    if (level != AugmentationLevel::None)
        augmentWhy = QT_TRANSLATE_NOOP("Recommendation", "flips and shifts by whole pixels keep %1 epochs from "
                                                         "memorising the images, and blur nothing");
    else if (c.epochs == 1)
        augmentWhy = QT_TRANSLATE_NOOP("Recommendation", "1 epoch is too few for changed images to pay off; they "
                                                         "only slow the learning");
    else
        augmentWhy = QT_TRANSLATE_NOOP("Recommendation", "%1 epochs are too few for changed images to pay off; "
                                                         "they only slow the learning");
    note("augment", augmentationLevelName(level), {{augmentWhy, {number(c.epochs)}}});

    // SmallerVGGNet's dropout (a quarter after each block, half in the head)
    // only slowed the learning of the mosaics' runs (up to 20 epochs, 3,760
    // steps); over Fashion-MNIST's 25 epochs (42,200 steps) it kept the
    // probabilities better ranked (bench/README.md, recipes.sh).
    c.dropoutScale = smallVgg && steps < kLongRunMinSteps ? 0.0 : 1.0;
    if (smallVgg && c.dropoutScale == 0.0) {
        const char *why = steps == 1 ? QT_TRANSLATE_NOOP("Recommendation", "1 step is few: without dropout the "
                                                                           "network learns faster (measured on "
                                                                           "mosaics: mAP 0.845 against 0.800 over "
                                                                           "940 steps, 0.910 against 0.871 over "
                                                                           "2,820)")
                                     : QT_TRANSLATE_NOOP("Recommendation", "%1 steps are few: without dropout the "
                                                                           "network learns faster (measured on "
                                                                           "mosaics: mAP 0.845 against 0.800 over "
                                                                           "940 steps, 0.910 against 0.871 over "
                                                                           "2,820)");
        note("dropout", "0", {{why, {number(steps)}}});
    }
    else if (smallVgg)
        note("dropout", "1",
             {{QT_TRANSLATE_NOOP(
                   "Recommendation",
                   "%1 steps are many: the network's own dropout keeps it from growing overconfident (measured on "
                   "Fashion-MNIST over 42,200: mAP 0.972 with it against 0.960 without, top-1 alike)"),
               {number(steps)}}});
    c.emaDecay = 0.0;
    c.tuneThresholds = true;
    note("thresholds", "tuned",
         {{QT_TRANSLATE_NOOP("Recommendation",
                             "each tag's threshold is chosen on the validation images for the best F-beta")}});
    c.patience = std::max(5, c.epochs / 4);
    return r;
}

}
