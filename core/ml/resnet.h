#pragma once

#include "core/ml/network.h"
#include "core/ml/syncbatchnorm.h"

#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>

namespace tagwise::ml {

/**
 * ResNet-18, -34 or -50 with torchvision's layer layout, parameter names and
 * initialisation (state-dict keys conv1, bn1, layer1.0.conv1, ...,
 * layer2.0.downsample.0, ..., fc), so torchvision weights load by name; fc has
 * numTags outputs. ResNet-50 uses torchvision's bottleneck blocks (the stride
 * on the 3x3 convolution, "ResNet v1.5"). features() is layer4's output
 * (inputSize/32 a side; 512 channels, 2048 for ResNet-50); head() is the
 * global average pool and fc. Any input size of at least 32 works.
 */
class ResNet final : public NetworkImpl
{
public:
    /// \a depth: 18, 34 or 50.
    ResNet(int depth, int numTags, int inputSize);

    torch::Tensor features(torch::Tensor x) override;
    torch::Tensor head(torch::Tensor features) override;
    std::vector<std::string> headModules() const override { return {"fc"}; }

protected:
    LinearInit linearInit() const override { return LinearInit::Default; }

private:
    torch::nn::Conv2d m_conv1{nullptr};
    SyncBatchNorm m_bn1{nullptr};
    torch::nn::Sequential m_layer1{nullptr}, m_layer2{nullptr}, m_layer3{nullptr}, m_layer4{nullptr};
    torch::nn::Linear m_fc{nullptr};
};

}
