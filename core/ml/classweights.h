#pragma once

#include <torch/types.h>

#include <cstdint>

namespace tagwise::ml {

/**
 * BCE's pos_weight for each tag from its positive count among \a samples
 * training images: negatives / positives, as PyTorch's documentation
 * suggests, bounded to [0.05, 50] so that a tag with a single example does
 * not dominate the loss (a tag without one counts as having one). Float.
 */
torch::Tensor positiveClassWeights(const torch::Tensor &counts, std::int64_t samples);

}
