#pragma once

#include <cstdint>
#include <vector>

// Plain C++ (no LibTorch), like metrics.h.

namespace tagwise::ml {

/**
 * Per tag, the threshold that maximises that tag's F-beta (sklearn's binary
 * fbeta_score of the column, prediction rule p >= threshold) on these
 * predictions; 0.5 for a tag with no positives. \a probabilities and \a truth
 * are N x numTags row-major.
 *
 * The candidates are 0.5 and every distinct probability of the tag (any other
 * threshold predicts the same set as the next candidate above it). Among
 * candidates that reach the best F-beta, the one nearest 0.5 wins, so the
 * default is kept whenever it is already optimal.
 * Throws std::invalid_argument when the sizes disagree or beta < 0.
 */
std::vector<float> tuneThresholds(const std::vector<float> &probabilities, const std::vector<std::uint8_t> &truth,
                                  int numTags, double beta = 2.0);

}
