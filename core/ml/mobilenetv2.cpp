#include "core/ml/mobilenetv2.h"

#include "core/ml/syncbatchnorm.h"

#include <torch/nn/functional/pooling.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>

#include <stdexcept>
#include <string>

namespace tagwise::ml {

namespace {

// torchvision's Conv2dNormActivation(..., activation_layer=ReLU6): children
// "0" (conv, no bias) and "1" (BN); the ReLU6 has no state, so it is applied
// in forward() rather than registered.
class ConvBnRelu6Impl final : public torch::nn::Module
{
public:
    ConvBnRelu6Impl(int in, int out, int kernel, int stride, int groups)
        : m_conv(register_module("0", torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, kernel)
                                                             .stride(stride)
                                                             .padding((kernel - 1) / 2)
                                                             .groups(groups)
                                                             .bias(false))))
        , m_bn(register_module("1", SyncBatchNorm(out)))
    {
    }

    torch::Tensor forward(torch::Tensor x) { return torch::clamp(m_bn(m_conv(x)), 0.0, 6.0); }

private:
    torch::nn::Conv2d m_conv;
    SyncBatchNorm m_bn;
};
TORCH_MODULE(ConvBnRelu6);

// torchvision.models.mobilenetv2.InvertedResidual: one child "conv" holding
// [expand 1x1 (if t != 1)], depthwise 3x3, project 1x1 conv, BN.
class InvertedResidualImpl final : public torch::nn::Module
{
public:
    InvertedResidualImpl(int in, int out, int stride, int expandRatio)
        : m_useResidual(stride == 1 && in == out)
    {
        const int hidden = in * expandRatio;
        torch::nn::Sequential conv;
        if (expandRatio != 1)
            conv->push_back(ConvBnRelu6(in, hidden, 1, 1, 1));
        conv->push_back(ConvBnRelu6(hidden, hidden, 3, stride, hidden));
        conv->push_back(torch::nn::Conv2d(torch::nn::Conv2dOptions(hidden, out, 1).bias(false)));
        conv->push_back(SyncBatchNorm(out));
        m_conv = register_module("conv", conv);
    }

    torch::Tensor forward(torch::Tensor x)
    {
        auto y = m_conv->forward(x);
        return m_useResidual ? x + y : y;
    }

private:
    bool m_useResidual;
    torch::nn::Sequential m_conv{nullptr};
};
TORCH_MODULE(InvertedResidual);

}

MobileNetV2::MobileNetV2(int numTags, int inputSize)
{
    if (inputSize < 32)
        throw std::invalid_argument("mobilenetv2: input size " + std::to_string(inputSize)
                                    + " is too small (at least 32 pixels)");
    struct Stage { int expand, channels, repeats, stride; };
    // torchvision's inverted_residual_setting (t, c, n, s) at width 1.0.
    const Stage stages[] = {{1, 16, 1, 1}, {6, 24, 2, 2},  {6, 32, 3, 2}, {6, 64, 4, 2},
                            {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1}};
    constexpr int firstChannels = 32;
    constexpr int lastChannels = 1280;

    torch::nn::Sequential features;
    features->push_back(ConvBnRelu6(3, firstChannels, 3, 2, 1));
    int in = firstChannels;
    for (const auto &stage : stages) {
        for (int i = 0; i < stage.repeats; ++i) {
            features->push_back(InvertedResidual(in, stage.channels, i == 0 ? stage.stride : 1, stage.expand));
            in = stage.channels;
        }
    }
    features->push_back(ConvBnRelu6(in, lastChannels, 1, 1, 1));
    m_features = register_module("features", features);
    m_classifier = register_module(
        "classifier", torch::nn::Sequential(Dropout(0.2), torch::nn::Linear(lastChannels, numTags)));
}

torch::Tensor MobileNetV2::features(torch::Tensor x)
{
    return m_features->forward(x);
}

torch::Tensor MobileNetV2::head(torch::Tensor features)
{
    auto x = torch::nn::functional::adaptive_avg_pool2d(
        features, torch::nn::functional::AdaptiveAvgPool2dFuncOptions(1));
    return m_classifier->forward(x.flatten(1));
}

}
