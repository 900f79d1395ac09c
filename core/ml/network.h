#pragma once

#include <ATen/core/Generator.h>
#include <torch/nn/cloneable.h>
#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>
#include <torch/types.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tagwise::ml {

/**
 * Dropout whose masks come from a generator of its own, so that training
 * neither reseeds nor draws from LibTorch's global generator (which the rest
 * of a process, a GUI for instance, may use). Without a generator it draws
 * from the global one, as torch::nn::Dropout does. No parameters: it changes
 * no state-dict key.
 */
class DropoutImpl final : public torch::nn::Cloneable<DropoutImpl>
{
public:
    explicit DropoutImpl(double probability = 0.5);

    void reset() override {}
    torch::Tensor forward(const torch::Tensor &x);
    void setGenerator(std::optional<at::Generator> generator) { m_generator = std::move(generator); }
    /// Drops \a scale times the probability the network was built with (0: none).
    void setScale(double scale) { m_probability = m_designed * scale; }
    double probability() const { return m_probability; }

private:
    double m_designed;
    double m_probability;
    std::optional<at::Generator> m_generator;
};
TORCH_MODULE(Dropout);

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
    /// What the backbone says of each image: features() averaged over the map, N x C.
    virtual torch::Tensor embedding(torch::Tensor x);
    /**
     * The modules of the head (names of direct children, e.g. "fc" or
     * "classifier"): their parameters depend on the tag count, are replaced
     * when pretrained weights come from another task, and keep training when
     * the backbone is frozen.
     */
    virtual std::vector<std::string> headModules() const = 0;

    /**
     * Draws every parameter anew from \a generator, as torchvision initialises
     * the architecture: He-normal (fan_out) convolutions with zero bias, batch
     * norm at identity, and linear layers as linearInit() says.
     */
    void initialize(at::Generator &generator);
    /// The generator of every Dropout of the network (nullopt: LibTorch's global one).
    void setDropoutGenerator(const std::optional<at::Generator> &generator);
    /// Every Dropout drops \a scale (in [0, 1]) times its designed probability; 0 turns them off.
    void setDropoutScale(double scale);

protected:
    enum class LinearInit {
        Normal,  ///< N(0, 0.01) weights and zero bias (VGG, MobileNetV2)
        Default, ///< nn.Linear's own: uniform in +-1/sqrt(fan_in) (ResNet's fc)
    };
    virtual LinearInit linearInit() const { return LinearInit::Normal; }
};

using NetworkPtr = std::shared_ptr<NetworkImpl>;

/**
 * A freshly initialised network of architecture \a arch (one of
 * architectureNames() in networkfactory.h) with \a numTags outputs, for square
 * inputs of \a inputSize pixels, its parameters drawn from a generator seeded
 * with \a seed: the same seed gives the same network, and LibTorch's global
 * generator is left as it was. Throws std::invalid_argument naming an unknown
 * architecture, a tag count below 1, or an input size the architecture cannot take.
 */
NetworkPtr createNetwork(const std::string &arch, int numTags, int inputSize, std::uint64_t seed = 0);

}
