#pragma once

#include "core/ml/normalization.h"
#include "core/ml/trainconfig.h"

#include <torch/types.h>

#include <cstdint>

namespace tagwise::ml {

/**
 * Turns decoded pixels into network input: uint8 B x S x S x 3 (HWC) in,
 * float B x 3 x S x S in channels_last memory out, normalised. With
 * augmentation it first applies, per image, random flips and whole-pixel
 * shifts (exact), a rotation and zoom for a share of the images (bilinear),
 * and brightness / contrast, all drawn from \a seed alone — so a batch is
 * the same whichever thread makes it. Thread-safe (const).
 */
class BatchTransform final
{
public:
    explicit BatchTransform(Normalization normalization, AugmentationConfig augmentation = {}, bool augment = false);

    torch::Tensor apply(const torch::Tensor &pixels, std::uint64_t seed) const;
    /// apply() without augmentation, whatever the settings.
    torch::Tensor normalize(const torch::Tensor &pixels) const;

    const Normalization &normalization() const { return m_normalization; }
    bool augments() const { return m_augment; }

private:
    torch::Tensor toUnitFloat(const torch::Tensor &pixels) const;
    torch::Tensor standardize(torch::Tensor x) const;

    Normalization m_normalization;
    AugmentationConfig m_augmentation;
    bool m_augment;
    torch::Tensor m_mean; // 1 x 3 x 1 x 1
    torch::Tensor m_std;
};

/// A 64-bit mix of several values, for per-epoch and per-batch random streams (splitmix64).
std::uint64_t mixSeed(std::uint64_t a, std::uint64_t b, std::uint64_t c = 0);

}
