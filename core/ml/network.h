#pragma once

#include <torch/nn/module.h>
#include <torch/types.h>

#include <memory>
#include <string>

namespace tagwise::ml {

/**
 * A multi-label classifier split where Grad-CAM needs it: forward(x) is
 * head(features(x)). Inputs are N x 3 x H x W float images, normalised as the
 * trainer does; either memory format (NCHW or channels_last) works.
 */
class NetworkImpl : public torch::nn::Module
{
public:
    /// The last convolutional feature maps, N x C x h x w.
    virtual torch::Tensor features(torch::Tensor x) = 0;
    /// Logits (no sigmoid), N x numTags, from features().
    virtual torch::Tensor head(torch::Tensor features) = 0;
    /// head(features(x)).
    torch::Tensor forward(torch::Tensor x);
};

using NetworkPtr = std::shared_ptr<NetworkImpl>;

/**
 * A freshly initialised network of architecture \a arch (one of
 * architectureNames() in networkfactory.h) with \a numTags outputs, for square
 * inputs of \a inputSize pixels. Throws std::invalid_argument naming an unknown
 * architecture, a tag count below 1, or an input size the architecture cannot take.
 */
NetworkPtr createNetwork(const std::string &arch, int numTags, int inputSize);

}
