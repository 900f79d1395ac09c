#include "core/ml/gradcam.h"

#include <c10/core/InferenceMode.h>
#include <torch/autograd.h>
#include <torch/nn/functional/upsampling.h>

#include <stdexcept>
#include <string>

namespace tagwise::ml {

namespace {

// Restores train/eval mode however gradCam() leaves.
class ModeRestorer final
{
public:
    explicit ModeRestorer(NetworkImpl &network)
        : m_network(network)
        , m_wasTraining(network.is_training())
    {
    }
    ~ModeRestorer() { m_network.train(m_wasTraining); }
    ModeRestorer(const ModeRestorer &) = delete;
    ModeRestorer &operator=(const ModeRestorer &) = delete;

private:
    NetworkImpl &m_network;
    bool m_wasTraining;
};

}

torch::Tensor gradCam(NetworkImpl &network, const torch::Tensor &batch, int tagIndex, CamMethod method)
{
    if (batch.dim() != 4)
        throw std::invalid_argument("gradCam: the batch must be N x C x H x W, it has "
                                    + std::to_string(batch.dim()) + " dimensions");
    ModeRestorer restorer(network);
    network.eval();
    // Gradients are needed even when the caller predicts under InferenceMode.
    c10::InferenceMode inferenceOff(false);

    // The backbone runs without a graph: only d logit / d features is needed,
    // so no parameter gradient is ever computed or stored.
    torch::Tensor features;
    {
        torch::NoGradGuard noGrad;
        features = network.features(batch);
    }
    features = features.detach().requires_grad_(true);

    torch::Tensor gradients;
    {
        torch::AutoGradMode enableGrad(true);
        const auto logits = network.head(features);
        if (logits.dim() != 2 || tagIndex < 0 || tagIndex >= logits.size(1))
            throw std::invalid_argument("gradCam: tag index " + std::to_string(tagIndex) + " is out of range (the network has "
                                        + std::to_string(logits.dim() == 2 ? logits.size(1) : 0) + " outputs)");
        // Images are independent in eval mode, so the sum's gradient is each image's own.
        const auto target = logits.select(1, tagIndex).sum();
        gradients = torch::autograd::grad({target}, {features}, /*grad_outputs=*/{}, /*retain_graph=*/false,
                                          /*create_graph=*/false, /*allow_unused=*/true)[0];
    }

    torch::NoGradGuard noGrad;
    const auto f = features.detach();
    if (!gradients.defined())
        gradients = torch::zeros_like(f); // the logit ignores the features entirely
    torch::Tensor weights;
    if (method == CamMethod::GradCam) {
        weights = gradients.mean({2, 3}, /*keepdim=*/true);
    } else {
        // Grad-CAM++ with the exponential of the logit as the score: its higher
        // derivatives are powers of the first, so alpha = g^2 / (2 g^2 + sum(A) g^3).
        const auto g2 = gradients.pow(2);
        const auto denominator = 2 * g2 + f.sum({2, 3}, /*keepdim=*/true) * gradients.pow(3);
        const auto alpha = torch::where(denominator != 0, g2 / torch::where(denominator != 0, denominator, torch::ones_like(denominator)),
                                        torch::zeros_like(g2));
        weights = (alpha * torch::relu(gradients)).sum({2, 3}, /*keepdim=*/true);
    }
    auto cam = torch::relu((weights * f).sum(1, /*keepdim=*/true));
    cam = torch::nn::functional::interpolate(
        cam.to(torch::kFloat), torch::nn::functional::InterpolateFuncOptions()
                                   .size(std::vector<int64_t>{batch.size(2), batch.size(3)})
                                   .mode(torch::kBilinear)
                                   .align_corners(false));
    cam = cam.squeeze(1).contiguous();
    // Bilinear interpolation of non-negative values stays non-negative, so the
    // maximum alone scales each map to [0, 1].
    const auto maxima = std::get<0>(cam.flatten(1).max(1)).view({-1, 1, 1});
    return torch::where(maxima > 0, cam / maxima.clamp_min(1e-12), torch::zeros_like(cam));
}

torch::Tensor gradCam(const NetworkPtr &network, const torch::Tensor &batch, int tagIndex, CamMethod method)
{
    if (!network)
        throw std::invalid_argument("gradCam: no network");
    return gradCam(*network, batch, tagIndex, method);
}

}
