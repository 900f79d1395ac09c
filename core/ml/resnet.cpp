#include "core/ml/resnet.h"

#include <torch/nn/functional/pooling.h>

#include <stdexcept>
#include <string>

namespace tagwise::ml {

namespace {

torch::nn::Conv2d conv(int in, int out, int kernel, int stride)
{
    return torch::nn::Conv2d(
        torch::nn::Conv2dOptions(in, out, kernel).stride(stride).padding(kernel / 2).bias(false));
}

torch::nn::Sequential downsample(int in, int out, int stride)
{
    return torch::nn::Sequential(conv(in, out, 1, stride), SyncBatchNorm(out));
}

// torchvision.models.resnet.BasicBlock, same child names.
class BasicBlockImpl final : public torch::nn::Module
{
public:
    static constexpr int kExpansion = 1;

    BasicBlockImpl(int in, int width, int stride)
        : m_conv1(register_module("conv1", conv(in, width, 3, stride)))
        , m_bn1(register_module("bn1", SyncBatchNorm(width)))
        , m_conv2(register_module("conv2", conv(width, width, 3, 1)))
        , m_bn2(register_module("bn2", SyncBatchNorm(width)))
    {
        if (stride != 1 || in != width)
            m_downsample = register_module("downsample", downsample(in, width, stride));
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
    SyncBatchNorm m_bn1;
    torch::nn::Conv2d m_conv2;
    SyncBatchNorm m_bn2;
    torch::nn::Sequential m_downsample{nullptr};
};
TORCH_MODULE(BasicBlock);

// torchvision.models.resnet.Bottleneck (stride on the 3x3 convolution), same child names.
class BottleneckImpl final : public torch::nn::Module
{
public:
    static constexpr int kExpansion = 4;

    BottleneckImpl(int in, int width, int stride)
        : m_conv1(register_module("conv1", conv(in, width, 1, 1)))
        , m_bn1(register_module("bn1", SyncBatchNorm(width)))
        , m_conv2(register_module("conv2", conv(width, width, 3, stride)))
        , m_bn2(register_module("bn2", SyncBatchNorm(width)))
        , m_conv3(register_module("conv3", conv(width, width * kExpansion, 1, 1)))
        , m_bn3(register_module("bn3", SyncBatchNorm(width * kExpansion)))
    {
        if (stride != 1 || in != width * kExpansion)
            m_downsample = register_module("downsample", downsample(in, width * kExpansion, stride));
    }

    torch::Tensor forward(torch::Tensor x)
    {
        auto out = torch::relu(m_bn1(m_conv1(x)));
        out = torch::relu(m_bn2(m_conv2(out)));
        out = m_bn3(m_conv3(out));
        const auto identity = m_downsample ? m_downsample->forward(x) : x;
        return torch::relu(out + identity);
    }

private:
    torch::nn::Conv2d m_conv1;
    SyncBatchNorm m_bn1;
    torch::nn::Conv2d m_conv2;
    SyncBatchNorm m_bn2;
    torch::nn::Conv2d m_conv3;
    SyncBatchNorm m_bn3;
    torch::nn::Sequential m_downsample{nullptr};
};
TORCH_MODULE(Bottleneck);

/// One stage of \a blocks blocks of \a width channels; \a in is updated to the stage's output channels.
template<typename Block>
torch::nn::Sequential makeLayer(int &in, int width, int blocks, int stride)
{
    torch::nn::Sequential layer;
    for (int i = 0; i < blocks; ++i) {
        layer->push_back(Block(in, width, i == 0 ? stride : 1));
        in = width * Block::Impl::kExpansion;
    }
    return layer;
}

}

ResNet::ResNet(int depth, int numTags, int inputSize)
{
    const std::string name = "resnet" + std::to_string(depth);
    if (depth != 18 && depth != 34 && depth != 50)
        throw std::invalid_argument(name + ": no such depth (18, 34 or 50)");
    if (inputSize < 32)
        throw std::invalid_argument(name + ": input size " + std::to_string(inputSize)
                                    + " is too small (at least 32 pixels)");
    m_conv1 = register_module(
        "conv1", torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 64, 7).stride(2).padding(3).bias(false)));
    m_bn1 = register_module("bn1", SyncBatchNorm(64));
    const std::array<int, 4> blocks = depth == 18 ? std::array<int, 4>{2, 2, 2, 2} : std::array<int, 4>{3, 4, 6, 3};
    int in = 64;
    const auto layer = [&](int width, int count, int stride) {
        return depth == 50 ? makeLayer<Bottleneck>(in, width, count, stride)
                           : makeLayer<BasicBlock>(in, width, count, stride);
    };
    m_layer1 = register_module("layer1", layer(64, blocks[0], 1));
    m_layer2 = register_module("layer2", layer(128, blocks[1], 2));
    m_layer3 = register_module("layer3", layer(256, blocks[2], 2));
    m_layer4 = register_module("layer4", layer(512, blocks[3], 2));
    m_fc = register_module("fc", torch::nn::Linear(in, numTags));
}

torch::Tensor ResNet::features(torch::Tensor x)
{
    x = torch::relu(m_bn1(m_conv1(x)));
    x = torch::nn::functional::max_pool2d(
        x, torch::nn::functional::MaxPool2dFuncOptions(3).stride(2).padding(1));
    x = m_layer1->forward(x);
    x = m_layer2->forward(x);
    x = m_layer3->forward(x);
    return m_layer4->forward(x);
}

torch::Tensor ResNet::head(torch::Tensor features)
{
    auto x = torch::nn::functional::adaptive_avg_pool2d(
        features, torch::nn::functional::AdaptiveAvgPool2dFuncOptions(1));
    return m_fc(x.flatten(1));
}

}
