#include "core/ml/trainconfig.h"

#include <nlohmann/json.hpp>

#include "core/ml/networkfactory.h"

#include <stdexcept>

namespace tagwise::ml {

namespace {

void require(bool ok, const std::string &message)
{
    if (!ok)
        throw std::invalid_argument(message);
}

template<typename Kind>
Kind fromName(const std::string &name, const char *what, std::initializer_list<Kind> kinds,
              std::string (*nameOf)(Kind))
{
    std::string known;
    for (const Kind kind : kinds) {
        if (nameOf(kind) == name)
            return kind;
        known += (known.empty() ? "" : ", ") + nameOf(kind);
    }
    throw std::invalid_argument("unknown " + std::string(what) + " \"" + name + "\" (known: " + known + ")");
}

Json augmentationToJson(const AugmentationConfig &a)
{
    return Json{{"hflip", a.horizontalFlip},
                {"vflip", a.verticalFlip},
                {"shift_fraction", a.shiftFraction},
                {"warp_probability", a.warpProbability},
                {"rotation_degrees", a.rotationDegrees},
                {"scale_fraction", a.scaleFraction},
                {"colour", a.colour},
                {"brightness", a.brightness},
                {"contrast", a.contrast}};
}

template<typename T>
void read(const Json &json, const char *key, T &value)
{
    value = jsonValue<T>(json, key, value);
}

}

void TrainConfig::validate() const
{
    if (!isArchitecture(architecture)) {
        std::string known;
        for (const auto &name : architectureNames())
            known += (known.empty() ? "" : ", ") + name;
        throw std::invalid_argument("unknown architecture \"" + architecture + "\" (known: " + known + ")");
    }
    require(inputSize >= 16 && inputSize <= 1024, "input size must be between 16 and 1024 pixels");
    require(epochs >= 1 && epochs <= 100000, "epochs must be between 1 and 100000");
    require(batchSize >= 2 && batchSize <= 4096, "batch size must be between 2 and 4096");
    require(learningRate > 0.0 && learningRate < 10.0, "learning rate must be above 0 and below 10");
    require(weightDecay >= 0.0 && weightDecay < 1.0, "weight decay must be in [0, 1)");
    require(momentum >= 0.0 && momentum < 1.0, "momentum must be in [0, 1)");
    require(warmupEpochs >= 0 && warmupEpochs < epochs + 1, "warm-up epochs must be between 0 and the epoch count");
    require(patience >= 0, "patience must not be negative");
    require(beta > 0.0 && beta <= 100.0, "beta must be above 0 and at most 100");
    require(threads >= 0 && threads <= 1024, "threads must be between 0 (all cores) and 1024");
    require(emaDecay == 0.0 || (emaDecay >= 0.5 && emaDecay < 1.0), "the weight average's decay must be 0 (off) or in [0.5, 1)");
    require(dropoutScale >= 0.0 && dropoutScale <= 1.0, "the dropout scale must be in [0, 1] (0: no dropout)");
    require(workers >= 0 && workers <= 64, "workers must be between 0 and 64");
    require(freeze == "none" || freeze == "backbone" || (freeze.rfind("until:", 0) == 0 && freeze.size() > 6),
            "freeze must be none, backbone or until:LAYER");
    require(freezeEpochs >= 0, "freeze epochs must not be negative");
    require(backboneLrScale > 0.0 && backboneLrScale <= 10.0, "the backbone's learning-rate scale must be above 0 and at most 10");
    const AugmentationConfig &a = augmentation;
    require(a.warpProbability >= 0.0 && a.warpProbability <= 1.0, "warp probability must be between 0 and 1");
    require(a.rotationDegrees >= 0.0 && a.rotationDegrees <= 180.0, "rotation must be between 0 and 180 degrees");
    require(a.shiftFraction >= 0.0 && a.shiftFraction <= 0.5, "shift must be between 0 and 0.5");
    require(a.scaleFraction >= 0.0 && a.scaleFraction < 0.9, "scale must be between 0 and 0.9");
    require(a.brightness >= 0.0 && a.brightness <= 1.0, "brightness must be between 0 and 1");
    require(a.contrast >= 0.0 && a.contrast < 1.0, "contrast must be between 0 and 1");
}

Json TrainConfig::toJson() const
{
    Json json = Json::object();
    json["arch"] = architecture;
    json["input_size"] = inputSize;
    json["epochs"] = epochs;
    json["batch_size"] = batchSize;
    json["learning_rate"] = learningRate;
    json["optimizer"] = optimizerName(optimizer);
    json["weight_decay"] = weightDecay;
    json["momentum"] = momentum;
    json["schedule"] = scheduleName(schedule);
    json["warmup_epochs"] = warmupEpochs;
    json["patience"] = patience;
    json["beta"] = beta;
    json["threads"] = threads;
    // A string: a 64-bit seed does not survive a double.
    json["seed"] = std::to_string(seed);
    json["device"] = deviceChoiceName(device);
    json["mixed_precision"] = mixedPrecision;
    json["cpu_bf16"] = cpuBfloat16;
    json["augmentation"] = augmentationToJson(augmentation);
    json["positive_weights"] = positiveWeights;
    json["workers"] = workers;
    json["tune_thresholds"] = tuneThresholds;
    json["ema_decay"] = emaDecay;
    json["dropout_scale"] = dropoutScale;
    json["weights"] = weights;
    json["freeze"] = freeze;
    json["freeze_epochs"] = freezeEpochs;
    json["backbone_lr_scale"] = backboneLrScale;
    return json;
}

TrainConfig TrainConfig::fromJson(const Json &json)
{
    TrainConfig c;
    read(json, "arch", c.architecture);
    read(json, "input_size", c.inputSize);
    read(json, "epochs", c.epochs);
    read(json, "batch_size", c.batchSize);
    read(json, "learning_rate", c.learningRate);
    c.optimizer = optimizerFromName(jsonValue<std::string>(json, "optimizer", optimizerName(c.optimizer)));
    read(json, "weight_decay", c.weightDecay);
    read(json, "momentum", c.momentum);
    c.schedule = scheduleFromName(jsonValue<std::string>(json, "schedule", scheduleName(c.schedule)));
    read(json, "warmup_epochs", c.warmupEpochs);
    read(json, "patience", c.patience);
    read(json, "beta", c.beta);
    read(json, "threads", c.threads);
    if (json.contains("seed")) {
        const Json &seed = json.at("seed");
        if (seed.is_string()) {
            const std::string text = seed.get<std::string>();
            std::size_t end = 0;
            try {
                c.seed = std::stoull(text, &end);
            } catch (const std::exception &) {
                end = 0;
            }
            if (end == 0 || end != text.size())
                throw std::runtime_error("\"seed\" must be a whole number, not \"" + text + "\"");
        } else {
            c.seed = static_cast<std::uint64_t>(jsonValue<long long>(json, "seed"));
        }
    }
    c.device = deviceChoiceFromName(jsonValue<std::string>(json, "device", deviceChoiceName(c.device)));
    read(json, "mixed_precision", c.mixedPrecision);
    read(json, "cpu_bf16", c.cpuBfloat16);
    if (json.contains("augmentation")) {
        const Json &a = json.at("augmentation");
        read(a, "hflip", c.augmentation.horizontalFlip);
        read(a, "vflip", c.augmentation.verticalFlip);
        // Runs made before the warp had a probability warped every image ("affine").
        if (a.contains("affine") && !a.contains("warp_probability"))
            c.augmentation.warpProbability = jsonValue<bool>(a, "affine") ? 1.0 : 0.0;
        read(a, "warp_probability", c.augmentation.warpProbability);
        read(a, "rotation_degrees", c.augmentation.rotationDegrees);
        read(a, "shift_fraction", c.augmentation.shiftFraction);
        read(a, "scale_fraction", c.augmentation.scaleFraction);
        read(a, "colour", c.augmentation.colour);
        read(a, "brightness", c.augmentation.brightness);
        read(a, "contrast", c.augmentation.contrast);
    }
    read(json, "positive_weights", c.positiveWeights);
    read(json, "workers", c.workers);
    read(json, "tune_thresholds", c.tuneThresholds);
    read(json, "ema_decay", c.emaDecay);
    read(json, "dropout_scale", c.dropoutScale);
    read(json, "weights", c.weights);
    read(json, "freeze", c.freeze);
    read(json, "freeze_epochs", c.freezeEpochs);
    read(json, "backbone_lr_scale", c.backboneLrScale);
    return c;
}

AugmentationConfig AugmentationConfig::preset(AugmentationLevel level)
{
    AugmentationConfig a;
    switch (level) {
    case AugmentationLevel::None:
        a.horizontalFlip = false;
        a.shiftFraction = 0.0;
        break;
    case AugmentationLevel::Light:
        break;
    case AugmentationLevel::Standard:
        a.warpProbability = 0.25;
        a.colour = true;
        break;
    case AugmentationLevel::Strong:
        a.shiftFraction = 0.1;
        a.warpProbability = 0.5;
        a.rotationDegrees = 15.0;
        a.scaleFraction = 0.15;
        a.colour = true;
        a.brightness = 0.2;
        a.contrast = 0.2;
        break;
    }
    return a;
}

std::string augmentationLevelName(AugmentationLevel level)
{
    switch (level) {
    case AugmentationLevel::None: return "none";
    case AugmentationLevel::Light: return "light";
    case AugmentationLevel::Standard: return "standard";
    case AugmentationLevel::Strong: return "strong";
    }
    return "?";
}

AugmentationLevel augmentationLevelFromName(const std::string &name)
{
    return fromName(name, "augmentation level",
                    {AugmentationLevel::None, AugmentationLevel::Light, AugmentationLevel::Standard,
                     AugmentationLevel::Strong},
                    &augmentationLevelName);
}

std::string optimizerName(OptimizerKind kind)
{
    switch (kind) {
    case OptimizerKind::Adam: return "adam";
    case OptimizerKind::AdamW: return "adamw";
    case OptimizerKind::Sgd: return "sgd";
    }
    return "?";
}

std::string scheduleName(ScheduleKind kind)
{
    switch (kind) {
    case ScheduleKind::None: return "none";
    case ScheduleKind::OneCycle: return "onecycle";
    case ScheduleKind::Cosine: return "cosine";
    case ScheduleKind::Plateau: return "plateau";
    }
    return "?";
}

std::string deviceChoiceName(DeviceChoice choice)
{
    switch (choice) {
    case DeviceChoice::Auto: return "auto";
    case DeviceChoice::Cpu: return "cpu";
    case DeviceChoice::Cuda: return "cuda";
    }
    return "?";
}

OptimizerKind optimizerFromName(const std::string &name)
{
    return fromName(name, "optimizer", {OptimizerKind::Adam, OptimizerKind::AdamW, OptimizerKind::Sgd}, &optimizerName);
}

ScheduleKind scheduleFromName(const std::string &name)
{
    return fromName(name, "schedule",
                    {ScheduleKind::None, ScheduleKind::OneCycle, ScheduleKind::Cosine, ScheduleKind::Plateau},
                    &scheduleName);
}

DeviceChoice deviceChoiceFromName(const std::string &name)
{
    return fromName(name, "device", {DeviceChoice::Auto, DeviceChoice::Cpu, DeviceChoice::Cuda}, &deviceChoiceName);
}

}
