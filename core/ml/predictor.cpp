#include "core/ml/predictor.h"

#include "core/ml/batchtransform.h"
#include "core/ml/device.h"
#include "core/ml/mlerror.h"
#include "core/ml/modelweights.h"
#include "core/ml/network.h"

#include <torch/torch.h>

#include <filesystem>

namespace tagwise::ml {

struct Predictor::Private
{
    std::string directory;
    ModelBundle bundle;
    NetworkPtr network;
    torch::Device device{torch::kCPU};
    std::unique_ptr<BatchTransform> transform;
};

Predictor::Predictor(std::unique_ptr<Private> p)
    : d(std::move(p))
{
}

Predictor::~Predictor() = default;

std::unique_ptr<Predictor> Predictor::load(const std::string &path, DeviceChoice device)
{
    auto p = std::make_unique<Private>();
    p->directory = ModelBundle::locate(path);
    p->bundle = ModelBundle::read(p->directory);
    p->device = selectDevice(device);
    const std::string weights = (std::filesystem::path(p->directory) / ModelBundle::kWeightsName).string();
    try {
        p->network = createNetwork(p->bundle.architecture, int(p->bundle.tags.size()), p->bundle.inputSize);
    } catch (const std::exception &error) {
        throw MlError(p->directory + "/" + ModelBundle::kJsonName + ": " + describeError(error));
    }
    loadWeights(*p->network, weights, p->device);
    p->network->eval();
    p->transform = std::make_unique<BatchTransform>(p->bundle.normalization);
    return std::unique_ptr<Predictor>(new Predictor(std::move(p)));
}

const ModelBundle &Predictor::bundle() const
{
    return d->bundle;
}

std::shared_ptr<NetworkImpl> Predictor::network() const
{
    return d->network;
}

at::Tensor Predictor::input(const std::uint8_t *pixels, std::size_t count) const
{
    const int s = d->bundle.inputSize;
    const auto view = torch::from_blob(const_cast<std::uint8_t *>(pixels), {std::int64_t(count), s, s, 3},
                                       torch::kUInt8);
    return d->transform->normalize(view).to(d->device);
}

std::vector<float> Predictor::predict(const std::uint8_t *pixels, std::size_t count, int batchSize) const
{
    const std::size_t tags = d->bundle.tags.size();
    std::vector<float> probabilities(count * tags);
    const std::size_t imageBytes = std::size_t(d->bundle.inputSize) * std::size_t(d->bundle.inputSize) * 3;
    const std::size_t step = std::size_t(std::max(1, batchSize));
    torch::InferenceMode inference;
    for (std::size_t start = 0; start < count; start += step) {
        const std::size_t n = std::min(step, count - start);
        const auto logits = d->network->forward(input(pixels + start * imageBytes, n));
        if (logits.dim() != 2 || logits.size(1) != std::int64_t(tags))
            throw MlError(d->directory + ": the network answers " + c10::str(logits.sizes()) + " for "
                          + std::to_string(tags) + " tags");
        const auto p = torch::sigmoid(logits.to(torch::kFloat)).to(torch::kCPU).contiguous();
        std::copy_n(p.data_ptr<float>(), n * tags, probabilities.data() + start * tags);
    }
    return probabilities;
}

std::vector<std::size_t> Predictor::predictedTags(const float *row) const
{
    std::vector<std::size_t> tags;
    for (std::size_t t = 0; t < d->bundle.tags.size(); ++t) {
        if (row[t] >= d->bundle.thresholds[t])
            tags.push_back(t);
    }
    return tags;
}

}
