#include "core/ml/network.h"

#include "core/ml/syncbatchnorm.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/torch.h>

#include <cmath>

namespace tagwise::ml {

DropoutImpl::DropoutImpl(double probability)
    : m_designed(probability)
    , m_probability(probability)
{
    if (probability < 0.0 || probability >= 1.0)
        throw std::invalid_argument("dropout probability must be in [0, 1)");
}

torch::Tensor DropoutImpl::forward(const torch::Tensor &x)
{
    if (!is_training() || m_probability == 0.0)
        return x;
    // As ATen's CPU dropout: a Bernoulli mask scaled by 1 / (1 - p).
    const double keep = 1.0 - m_probability;
    torch::Tensor mask = torch::empty_like(x);
    if (m_generator) {
        mask.bernoulli_(keep, *m_generator); // takes the generator's lock itself
    } else {
        mask.bernoulli_(keep);
    }
    return x * mask.div_(keep);
}

torch::Tensor NetworkImpl::forward(torch::Tensor x)
{
    return head(features(std::move(x)));
}

torch::Tensor NetworkImpl::embedding(torch::Tensor x)
{
    return features(std::move(x)).mean({2, 3});
}

void NetworkImpl::initialize(at::Generator &generator)
{
    // The sampling functions take the generator's lock themselves.
    torch::NoGradGuard noGrad;
    const auto fanIn = [](const torch::Tensor &w) { return double(w.numel() / w.size(0)); };
    for (auto &module : modules(/*include_self=*/false)) {
        if (auto *conv = module->as<torch::nn::Conv2d>()) {
            // kaiming_normal_(mode="fan_out", nonlinearity="relu"): std = sqrt(2 / fan_out).
            const torch::Tensor &w = conv->weight;
            const double fanOut = double(w.size(0) * w.size(2) * w.size(3));
            w.normal_(0.0, std::sqrt(2.0 / fanOut), generator);
            if (conv->bias.defined())
                conv->bias.zero_();
        } else if (auto *linear = module->as<torch::nn::Linear>()) {
            if (linearInit() == LinearInit::Normal) {
                linear->weight.normal_(0.0, 0.01, generator);
                linear->bias.zero_();
            } else {
                // kaiming_uniform_(a=sqrt(5)) and its bias: both uniform in +-1/sqrt(fan_in).
                const double bound = 1.0 / std::sqrt(fanIn(linear->weight));
                linear->weight.uniform_(-bound, bound, generator);
                linear->bias.uniform_(-bound, bound, generator);
            }
        } else if (auto *bn = module->as<SyncBatchNorm>()) {
            bn->weight.fill_(1.0);
            bn->bias.zero_();
        }
    }
}

void NetworkImpl::setDropoutGenerator(const std::optional<at::Generator> &generator)
{
    for (auto &module : modules(/*include_self=*/false)) {
        if (auto *dropout = module->as<Dropout>())
            dropout->setGenerator(generator);
    }
}

void NetworkImpl::setDropoutScale(double scale)
{
    if (!(scale >= 0.0 && scale <= 1.0))
        throw std::invalid_argument("the dropout scale must be in [0, 1]");
    for (auto &module : modules(/*include_self=*/false)) {
        if (auto *dropout = module->as<Dropout>())
            dropout->setScale(scale);
    }
}

}
