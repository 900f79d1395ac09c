#include "core/ml/resnet18.h"

#include <torch/nn/functional/pooling.h>

#include <stdexcept>
#include <string>

namespace tagwise::ml {

namespace {

torch::nn::Conv2d conv3x3(int in, int out, int stride)
{
    return torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 3).stride(stride).padding(1).bias(false));
}

// torchvision.models.resnet.BasicBlock, same child names.
class BasicBlockImpl final : public torch::nn::Module
{
public:
    BasicBlockImpl(int in, int out, int stride)
        : m_conv1(register_module("conv1", conv3x3(in, out, stride)))
        , m_bn1(register_module("bn1", torch::nn::BatchNorm2d(out)))
        , m_conv2(register_module("conv2", conv3x3(out, out, 1)))
        , m_bn2(register_module("bn2", torch::nn::BatchNorm2d(out)))
    {
        if (stride != 1 || in != out) {
            m_downsample = register_module(
                "downsample",
                torch::nn::Sequential(
                    torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 1).stride(stride).bias(false)),
                    torch::nn::BatchNorm2d(out)));
        }
    }

    torch::Tensor forward(torch::Tensor x)
    {
        auto out = torch::relu(m_bn1(m_conv1(x)));
        out = m_bn2(m_conv2(out));
        const auto identity = m_downsample ? m_downsample->forward(x) : x;
        return torch::relu(out + identity);
    }

private:
    torch::nn::Conv2d m_conv1;
    torch::nn::BatchNorm2d m_bn1;
    torch::nn::Conv2d m_conv2;
    torch::nn::BatchNorm2d m_bn2;
    torch::nn::Sequential m_downsample{nullptr};
};
TORCH_MODULE(BasicBlock);

torch::nn::Sequential makeLayer(int in, int out, int stride)
{
    return torch::nn::Sequential(BasicBlock(in, out, stride), BasicBlock(out, out, 1));
}

}

ResNet18::ResNet18(int numTags, int inputSize)
{
    if (inputSize < 32)
        throw std::invalid_argument("resnet18: input size " + std::to_string(inputSize)
                                    + " is too small (at least 32 pixels)");
    m_conv1 = register_module(
        "conv1", torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 64, 7).stride(2).padding(3).bias(false)));
    m_bn1 = register_module("bn1", torch::nn::BatchNorm2d(64));
    m_layer1 = register_module("layer1", makeLayer(64, 64, 1));
    m_layer2 = register_module("layer2", makeLayer(64, 128, 2));
    m_layer3 = register_module("layer3", makeLayer(128, 256, 2));
    m_layer4 = register_module("layer4", makeLayer(256, 512, 2));
    m_fc = register_module("fc", torch::nn::Linear(512, numTags));
}

torch::Tensor ResNet18::features(torch::Tensor x)
{
    x = torch::relu(m_bn1(m_conv1(x)));
    x = torch::nn::functional::max_pool2d(
        x, torch::nn::functional::MaxPool2dFuncOptions(3).stride(2).padding(1));
    x = m_layer1->forward(x);
    x = m_layer2->forward(x);
    x = m_layer3->forward(x);
    return m_layer4->forward(x);
}

torch::Tensor ResNet18::head(torch::Tensor features)
{
    auto x = torch::nn::functional::adaptive_avg_pool2d(
        features, torch::nn::functional::AdaptiveAvgPool2dFuncOptions(1));
    return m_fc(x.flatten(1));
}

}
