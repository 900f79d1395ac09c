#pragma once

#include "core/ml/network.h"
#include "core/ml/syncbatchnorm.h"

#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>

namespace tagwise::ml {

/**
 * The SmallerVGGNet of the PyImageSearch tutorial "Multi-label classification
 * with Keras", layer for layer (with \a firstPool 3, architecture
 * "smallervggnet"):
 * CONV(32)-RELU-BN-POOL(3)-DROP(0.25); [CONV(64)-RELU-BN]x2-POOL(2)-DROP(0.25);
 * [CONV(128)-RELU-BN]x2-POOL(2)-DROP(0.25); FLATTEN-FC(1024)-RELU-BN-DROP(0.5)-FC(numTags).
 * Convolutions are 3x3 with "same" padding; pools are Keras-style (stride =
 * window, no padding). Because of the flatten, the network takes inputs of
 * exactly \a inputSize x \a inputSize (at least 4 \a firstPool pixels).
 *
 * With \a firstPool 2 (architecture "smallervggnet_p2") the first pool halves
 * instead of thirding, for small images: at 28 px the 64-channel convolutions
 * see 14 x 14 maps instead of 9 x 9, for about twice the work.
 *
 * features() ends at the BN after the last (second 128-channel) convolution,
 * before the last pool, so Grad-CAM sees a map of inputSize/(2 firstPool)
 * pixels a side.
 */
class SmallerVggNet final : public NetworkImpl
{
public:
    SmallerVggNet(int numTags, int inputSize, int firstPool = 3);

    torch::Tensor features(torch::Tensor x) override;
    torch::Tensor head(torch::Tensor features) override;
    std::vector<std::string> headModules() const override { return {"fc1", "bn_fc", "fc2"}; }

    /// The side of the feature maps for this input size (before the last pool).
    int featureSize() const { return m_featureSize; }

private:
    int m_firstPool = 3;
    int m_featureSize = 0;
    torch::nn::Conv2d m_conv1{nullptr}, m_conv2{nullptr}, m_conv3{nullptr}, m_conv4{nullptr},
        m_conv5{nullptr};
    SyncBatchNorm m_bn1{nullptr}, m_bn2{nullptr}, m_bn3{nullptr}, m_bn4{nullptr},
        m_bn5{nullptr};
    Dropout m_drop1{nullptr}, m_drop2{nullptr}, m_drop3{nullptr}, m_drop4{nullptr};
    torch::nn::Linear m_fc1{nullptr}, m_fc2{nullptr};
    SyncBatchNorm m_bnFc{nullptr};
};

}
