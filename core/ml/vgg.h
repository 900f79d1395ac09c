#pragma once

#include "core/ml/network.h"

#include <torch/nn/modules/container/sequential.h>

namespace tagwise::ml {

/**
 * VGG16 or VGG16-BN with torchvision's layer layout, parameter names and
 * initialisation (state-dict keys features.0, ..., classifier.0, classifier.3,
 * classifier.6), so torchvision weights load by name; classifier.6 has
 * numTags outputs. features() is the output of the last convolutional block
 * before its max pool (512 channels, inputSize/16 a side, for Grad-CAM);
 * head() is that pool and torchvision's head: an adaptive
 * average pool to 7 x 7, then 25088 -> 4096 -> 4096 -> numTags with ReLU and
 * dropout 0.5. Any input size of at least 32 works.
 */
class Vgg16 final : public NetworkImpl
{
public:
    Vgg16(bool batchNorm, int numTags, int inputSize);

    torch::Tensor features(torch::Tensor x) override;
    torch::Tensor head(torch::Tensor features) override;
    /// The global average of the last block's output after its max pool (torchvision's `features`).
    torch::Tensor embedding(torch::Tensor x) override;
    std::vector<std::string> headModules() const override { return {"classifier"}; }

private:
    static torch::Tensor lastPool(const torch::Tensor &features);

    torch::nn::Sequential m_features{nullptr};
    torch::nn::Sequential m_classifier{nullptr};
};

}
