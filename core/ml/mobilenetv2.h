#pragma once

#include "core/ml/network.h"

#include <torch/nn/modules/container/sequential.h>

namespace tagwise::ml {

/**
 * MobileNetV2 (width 1.0) with torchvision's layer layout, parameter names and
 * initialisation (state-dict keys features.0.0, features.1.conv.0.0, ...,
 * features.18.1, classifier.1), so torchvision weights load by name; the
 * classifier has numTags outputs. features() is the output of features.18
 * (1280 channels, inputSize/32 a side); head() is the global average pool,
 * dropout 0.2 and the classifier. Any input size of at least 32 works.
 */
class MobileNetV2 final : public NetworkImpl
{
public:
    MobileNetV2(int numTags, int inputSize);

    torch::Tensor features(torch::Tensor x) override;
    torch::Tensor head(torch::Tensor features) override;
    std::vector<std::string> headModules() const override { return {"classifier"}; }

private:
    torch::nn::Sequential m_features{nullptr};
    torch::nn::Sequential m_classifier{nullptr};
};

}
