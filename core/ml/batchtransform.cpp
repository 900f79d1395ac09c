#include "core/ml/batchtransform.h"

#include <torch/torch.h>

#include <cmath>
#include <numbers>
#include <random>

namespace tagwise::ml {

namespace {

std::uint64_t splitmix(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

/// Uniform in [lo, hi) from raw engine bits: portable, unlike std::uniform_real_distribution.
float uniform(std::mt19937_64 &rng, double lo, double hi)
{
    const double unit = double(rng() >> 11) * 0x1.0p-53;
    return float(lo + (hi - lo) * unit);
}

bool coin(std::mt19937_64 &rng)
{
    return (rng() >> 63) != 0;
}

}

std::uint64_t mixSeed(std::uint64_t a, std::uint64_t b, std::uint64_t c)
{
    return splitmix(splitmix(splitmix(a) ^ b) ^ c);
}

BatchTransform::BatchTransform(Normalization normalization, AugmentationConfig augmentation, bool augment)
    : m_normalization(normalization)
    , m_augmentation(augmentation)
    , m_augment(augment && augmentation.any())
{
    m_mean = torch::tensor({normalization.mean[0], normalization.mean[1], normalization.mean[2]}).view({1, 3, 1, 1});
    m_std = torch::tensor({normalization.std[0], normalization.std[1], normalization.std[2]}).view({1, 3, 1, 1});
}

torch::Tensor BatchTransform::toUnitFloat(const torch::Tensor &pixels) const
{
    // NHWC viewed as NCHW has exactly the channels_last layout: no copy of the layout.
    return pixels.permute({0, 3, 1, 2}).to(torch::kFloat).mul_(1.0f / 255.0f);
}

torch::Tensor BatchTransform::standardize(torch::Tensor x) const
{
    x = x.sub_(m_mean).div_(m_std);
    return x.contiguous(torch::MemoryFormat::ChannelsLast);
}

torch::Tensor BatchTransform::normalize(const torch::Tensor &pixels) const
{
    torch::NoGradGuard noGrad;
    return standardize(toUnitFloat(pixels));
}

torch::Tensor BatchTransform::apply(const torch::Tensor &pixels, std::uint64_t seed) const
{
    if (!m_augment)
        return normalize(pixels);
    torch::NoGradGuard noGrad;
    torch::Tensor x = toUnitFloat(pixels);
    const std::int64_t count = x.size(0);
    const AugmentationConfig &a = m_augmentation;
    std::mt19937_64 rng(seed);

    // Draw every parameter up front, in a fixed order, whatever is switched on.
    const auto n = static_cast<std::size_t>(count);
    std::vector<float> theta(n * 6);
    std::vector<float> flipH(n), flipV(n), brightness(n), contrast(n);
    for (std::int64_t i = 0; i < count; ++i) {
        const bool h = a.horizontalFlip && coin(rng);
        const bool v = a.verticalFlip && coin(rng);
        const double angle = uniform(rng, -a.rotationDegrees, a.rotationDegrees) * std::numbers::pi / 180.0;
        const double zoom = uniform(rng, 1.0 - a.scaleFraction, 1.0 + a.scaleFraction);
        // affine_grid works in [-1, 1]: a shift by a fraction f of the side is 2f.
        const double tx = uniform(rng, -2.0 * a.shiftFraction, 2.0 * a.shiftFraction);
        const double ty = uniform(rng, -2.0 * a.shiftFraction, 2.0 * a.shiftFraction);
        brightness[std::size_t(i)] = uniform(rng, -a.brightness, a.brightness);
        contrast[std::size_t(i)] = uniform(rng, 1.0 - a.contrast, 1.0 + a.contrast);
        flipH[std::size_t(i)] = h ? 1.0f : 0.0f;
        flipV[std::size_t(i)] = v ? 1.0f : 0.0f;
        // Output -> input coordinates: R(angle) * diag(fx, fy) / zoom, then the shift.
        const double fx = h ? -1.0 : 1.0;
        const double fy = v ? -1.0 : 1.0;
        const double c = a.affine ? std::cos(angle) / zoom : 1.0;
        const double s = a.affine ? std::sin(angle) / zoom : 0.0;
        float *t = theta.data() + i * 6;
        t[0] = float(c * fx);
        t[1] = float(-s * fy);
        t[2] = a.affine ? float(tx) : 0.0f;
        t[3] = float(s * fx);
        t[4] = float(c * fy);
        t[5] = a.affine ? float(ty) : 0.0f;
    }

    if (a.affine) {
        const auto thetaTensor = torch::from_blob(theta.data(), {count, 2, 3}, torch::kFloat);
        const auto grid = torch::nn::functional::affine_grid(thetaTensor, x.sizes(), /*align_corners=*/false);
        // Reflection keeps the borders looking like image instead of black wedges.
        x = torch::nn::functional::grid_sample(x, grid,
                                               torch::nn::functional::GridSampleFuncOptions()
                                                   .mode(torch::kBilinear)
                                                   .padding_mode(torch::kReflection)
                                                   .align_corners(false));
    } else if (a.horizontalFlip || a.verticalFlip) {
        // Plain flips are exact; no resampling.
        const auto h = torch::from_blob(flipH.data(), {count, 1, 1, 1}, torch::kFloat).to(torch::kBool);
        const auto v = torch::from_blob(flipV.data(), {count, 1, 1, 1}, torch::kFloat).to(torch::kBool);
        if (a.horizontalFlip)
            x = torch::where(h, x.flip({3}), x);
        if (a.verticalFlip)
            x = torch::where(v, x.flip({2}), x);
    }

    if (a.colour) {
        const auto b = torch::from_blob(brightness.data(), {count, 1, 1, 1}, torch::kFloat);
        const auto k = torch::from_blob(contrast.data(), {count, 1, 1, 1}, torch::kFloat);
        // Contrast around each image's own mean grey, as torchvision does.
        const auto grey = x.mean({1, 2, 3}, /*keepdim=*/true);
        x = ((x - grey) * k + grey + b).clamp_(0.0, 1.0);
    }
    return standardize(x);
}

}
