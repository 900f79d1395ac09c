#include "core/ml/smallervggnet.h"

#include <torch/nn/functional/pooling.h>

#include <stdexcept>
#include <string>

namespace tagwise::ml {

namespace {

torch::nn::Conv2d sameConv(int in, int out)
{
    return torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 3).padding(1));
}

// Keras' MaxPooling2D(pool_size=k): stride k, "valid" padding.
torch::Tensor kerasPool(const torch::Tensor &x, int k)
{
    return torch::nn::functional::max_pool2d(x, torch::nn::functional::MaxPool2dFuncOptions(k).stride(k));
}

}

SmallerVggNet::SmallerVggNet(int numTags, int inputSize, int firstPool)
    : m_firstPool(firstPool)
{
    if (firstPool != 2 && firstPool != 3)
        throw std::invalid_argument("smallervggnet: the first pool is 2 or 3, not " + std::to_string(firstPool));
    // Spatial sizes: POOL(firstPool) then POOL(2) before features(), one POOL(2) in head().
    const int afterPool1 = inputSize / firstPool;
    m_featureSize = afterPool1 / 2;
    const int flatSide = m_featureSize / 2;
    if (flatSide < 1)
        throw std::invalid_argument(std::string(firstPool == 3 ? "smallervggnet" : "smallervggnet_p2") + ": input size "
                                    + std::to_string(inputSize) + " is too small (at least "
                                    + std::to_string(4 * firstPool) + " pixels)");

    m_conv1 = register_module("conv1", sameConv(3, 32));
    m_bn1 = register_module("bn1", SyncBatchNorm(32));
    m_drop1 = register_module("drop1", Dropout(0.25));
    m_conv2 = register_module("conv2", sameConv(32, 64));
    m_bn2 = register_module("bn2", SyncBatchNorm(64));
    m_conv3 = register_module("conv3", sameConv(64, 64));
    m_bn3 = register_module("bn3", SyncBatchNorm(64));
    m_drop2 = register_module("drop2", Dropout(0.25));
    m_conv4 = register_module("conv4", sameConv(64, 128));
    m_bn4 = register_module("bn4", SyncBatchNorm(128));
    m_conv5 = register_module("conv5", sameConv(128, 128));
    m_bn5 = register_module("bn5", SyncBatchNorm(128));
    m_drop3 = register_module("drop3", Dropout(0.25));
    m_fc1 = register_module("fc1", torch::nn::Linear(128 * flatSide * flatSide, 1024));
    m_bnFc = register_module("bn_fc", SyncBatchNorm(1024));
    m_drop4 = register_module("drop4", Dropout(0.5));
    m_fc2 = register_module("fc2", torch::nn::Linear(1024, numTags));

}

torch::Tensor SmallerVggNet::features(torch::Tensor x)
{
    // Keras order: CONV => RELU => BN.
    x = m_drop1(kerasPool(m_bn1(torch::relu(m_conv1(x))), m_firstPool));
    x = m_bn2(torch::relu(m_conv2(x)));
    x = m_bn3(torch::relu(m_conv3(x)));
    x = m_drop2(kerasPool(x, 2));
    x = m_bn4(torch::relu(m_conv4(x)));
    return m_bn5(torch::relu(m_conv5(x)));
}

torch::Tensor SmallerVggNet::head(torch::Tensor features)
{
    auto x = m_drop3(kerasPool(features, 2));
    // Flatten in (C, H, W) order whatever the memory format, as the PyTorch twin does.
    x = x.contiguous().flatten(1);
    x = m_drop4(m_bnFc(torch::relu(m_fc1(x))));
    return m_fc2(x);
}

}
