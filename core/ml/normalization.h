#pragma once

#include "core/ml/json.h"

#include <array>

namespace at {
class Tensor;
}

namespace tagwise::ml {

/**
 * Per-channel (R, G, B) mean and standard deviation of the training pixels on
 * the 0..1 scale. Inputs are (x - mean) / std; the bundle stores the values
 * so prediction normalises exactly as training did.
 */
struct Normalization
{
    std::array<float, 3> mean{0.5f, 0.5f, 0.5f};
    std::array<float, 3> std{0.25f, 0.25f, 0.25f};

    /// Measured on \a pixels (N x S x S x 3 uint8), in slices to keep memory flat.
    static Normalization measure(const at::Tensor &pixels);

    Json toJson() const;
    /// Throws std::runtime_error on a malformed value or a standard deviation <= 0.
    static Normalization fromJson(const Json &json);
};

}
