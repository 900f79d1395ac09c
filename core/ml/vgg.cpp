#include "core/ml/vgg.h"

#include "core/ml/syncbatchnorm.h"

#include <torch/nn/functional/pooling.h>
#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/pooling.h>

#include <stdexcept>
#include <string>

namespace tagwise::ml {

Vgg16::Vgg16(bool batchNorm, int numTags, int inputSize)
{
    if (inputSize < 32)
        throw std::invalid_argument(std::string(batchNorm ? "vgg16_bn" : "vgg16") + ": input size "
                                    + std::to_string(inputSize) + " is too small (at least 32 pixels)");
    // torchvision's cfg "D"; 0 is a max pool. Indices of `features` follow torchvision's.
    const int config[] = {64, 64, 0, 128, 128, 0, 256, 256, 256, 0, 512, 512, 512, 0, 512, 512, 512, 0};
    torch::nn::Sequential features;
    int in = 3;
    for (const int channels : config) {
        if (channels == 0) {
            features->push_back(torch::nn::MaxPool2d(torch::nn::MaxPool2dOptions(2).stride(2)));
            continue;
        }
        features->push_back(torch::nn::Conv2d(torch::nn::Conv2dOptions(in, channels, 3).padding(1)));
        if (batchNorm)
            features->push_back(SyncBatchNorm(channels));
        features->push_back(torch::nn::ReLU(torch::nn::ReLUOptions(true)));
        in = channels;
    }
    m_features = register_module("features", features);
    m_classifier = register_module(
        "classifier", torch::nn::Sequential(torch::nn::Linear(512 * 7 * 7, 4096), torch::nn::ReLU(true), Dropout(0.5),
                                            torch::nn::Linear(4096, 4096), torch::nn::ReLU(true), Dropout(0.5),
                                            torch::nn::Linear(4096, numTags)));
}

torch::Tensor Vgg16::features(torch::Tensor x)
{
    // All but the last max pool: Grad-CAM gets the last convolution's map.
    const std::size_t last = m_features->size() - 1;
    for (std::size_t i = 0; i < last; ++i)
        x = m_features->begin()[std::ptrdiff_t(i)].forward(x);
    return x;
}

torch::Tensor Vgg16::lastPool(const torch::Tensor &features)
{
    return torch::nn::functional::max_pool2d(features, torch::nn::functional::MaxPool2dFuncOptions(2).stride(2));
}

torch::Tensor Vgg16::head(torch::Tensor features)
{
    const auto x = torch::nn::functional::adaptive_avg_pool2d(lastPool(features),
                                                              torch::nn::functional::AdaptiveAvgPool2dFuncOptions(7));
    return m_classifier->forward(x.flatten(1));
}

torch::Tensor Vgg16::embedding(torch::Tensor x)
{
    return lastPool(features(std::move(x))).mean({2, 3});
}

}
