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
    const std::int64_t height = x.size(2);
    const std::int64_t width = x.size(3);
    const AugmentationConfig &a = m_augmentation;
    std::mt19937_64 rng(seed);

    // Draw every parameter up front, in a fixed order, whatever is switched on.
    const auto n = static_cast<std::size_t>(count);
    const std::int64_t maxShift = std::int64_t(std::floor(a.shiftFraction * double(std::min(height, width))));
    std::vector<float> flipH(n), flipV(n), brightness(n), contrast(n);
    std::vector<std::int64_t> shiftX(n), shiftY(n), warped;
    std::vector<float> theta;
    for (std::size_t i = 0; i < n; ++i) {
        flipH[i] = a.horizontalFlip && coin(rng) ? 1.0f : 0.0f;
        flipV[i] = a.verticalFlip && coin(rng) ? 1.0f : 0.0f;
        shiftX[i] = std::int64_t(rng() % std::uint64_t(2 * maxShift + 1)) - maxShift;
        shiftY[i] = std::int64_t(rng() % std::uint64_t(2 * maxShift + 1)) - maxShift;
        const bool warp = uniform(rng, 0.0, 1.0) < a.warpProbability;
        const double angle = uniform(rng, -a.rotationDegrees, a.rotationDegrees) * std::numbers::pi / 180.0;
        const double zoom = uniform(rng, 1.0 - a.scaleFraction, 1.0 + a.scaleFraction);
        brightness[i] = uniform(rng, -a.brightness, a.brightness);
        contrast[i] = uniform(rng, 1.0 - a.contrast, 1.0 + a.contrast);
        if (warp) {
            // Output -> input coordinates (affine_grid's [-1, 1]): R(angle) / zoom.
            warped.push_back(std::int64_t(i));
            const double c = std::cos(angle) / zoom;
            const double s = std::sin(angle) / zoom;
            theta.insert(theta.end(), {float(c), float(-s), 0.0f, float(s), float(c), 0.0f});
        }
    }

    // Flips move whole pixels: exact.
    if (a.horizontalFlip)
        x = torch::where(torch::from_blob(flipH.data(), {count, 1, 1, 1}, torch::kFloat).to(torch::kBool), x.flip({3}), x);
    if (a.verticalFlip)
        x = torch::where(torch::from_blob(flipV.data(), {count, 1, 1, 1}, torch::kFloat).to(torch::kBool), x.flip({2}), x);

    // Shifts by whole pixels, the uncovered edge filled by repeating the border:
    // exact too, unlike a sub-pixel resampling, which blurs every training image
    // (while the test images stay sharp).
    if (maxShift > 0) {
        namespace F = torch::nn::functional;
        const auto padded = F::pad(x, F::PadFuncOptions({maxShift, maxShift, maxShift, maxShift}).mode(torch::kReplicate));
        std::vector<torch::Tensor> images;
        images.reserve(n);
        for (std::size_t i = 0; i < n; ++i)
            images.push_back(padded[std::int64_t(i)]
                                 .narrow(1, maxShift - shiftY[i], height)
                                 .narrow(2, maxShift - shiftX[i], width));
        x = torch::stack(images);
    }

    // Rotation and zoom resample (bilinear): only the images drawn for a warp.
    if (!warped.empty()) {
        namespace F = torch::nn::functional;
        const auto index = torch::from_blob(warped.data(), {std::int64_t(warped.size())}, torch::kLong);
        const auto subset = x.index_select(0, index).contiguous();
        const auto thetaTensor = torch::from_blob(theta.data(), {std::int64_t(warped.size()), 2, 3}, torch::kFloat);
        const auto grid = F::affine_grid(thetaTensor, subset.sizes(), /*align_corners=*/false);
        // Border padding repeats the edge, like the shift: no mirrored copies of
        // objects that touch the border (reflection made those), no black wedges.
        const auto out = F::grid_sample(subset, grid,
                                        F::GridSampleFuncOptions().mode(torch::kBilinear).padding_mode(torch::kBorder)
                                            .align_corners(false));
        x = x.contiguous().index_copy(0, index, out);
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
