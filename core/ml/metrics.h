#pragma once

#include <cstdint>
#include <string>
#include <vector>

// Plain C++ (no LibTorch), so any layer can compute metrics and it compiles fast.

namespace tagwise::ml {

/// One tag's counts and scores, as scikit-learn's multilabel_confusion_matrix,
/// precision/recall/f1 (average=None) and average_precision_score (average=None).
struct TagMetrics
{
    std::string tag;
    long long tp = 0, fp = 0, fn = 0, tn = 0;
    double precision = 0, recall = 0, f1 = 0, ap = 0;
    long long support = 0; ///< positives in the truth (tp + fn)
    float threshold = 0.5f;
};

/// Whole-set scores; every definition is scikit-learn's (1.2) with its default zero_division.
struct MetricsReport
{
    double beta = 2;
    double fbetaSamples = 0, f1Micro = 0, f1Macro = 0, map = 0, hammingLoss = 0;
    std::vector<TagMetrics> perTag;
};

/**
 * Scores \a probabilities against \a truth, both N x T row-major (T =
 * tags.size(); truth cells are 0 or 1). A tag is predicted when its
 * probability >= its entry of \a thresholds (T entries).
 *
 * Zero divisions give 0, as scikit-learn's default: a tag never predicted has
 * precision 0, a tag with no positives recall 0, a sample with neither labels
 * nor predictions F-beta 0. AP is threshold-free (average_precision_score:
 * sum over distinct scores of (R_k - R_k-1) P_k); a tag with no positives gets
 * AP 0, as sklearn's average=None gives it, and it still counts in mAP (the
 * plain mean over all tags, sklearn's average="macro").
 * Throws std::invalid_argument when the sizes disagree or beta < 0.
 */
MetricsReport computeMetrics(const std::vector<float> &probabilities, const std::vector<std::uint8_t> &truth,
                             const std::vector<std::string> &tags, const std::vector<float> &thresholds,
                             double beta = 2.0);

/**
 * The same with each tag's AP given (\a averagePrecisions, one per tag, as
 * averagePrecision() gives them): AP does not depend on the thresholds, so a
 * caller that scores the same predictions at many thresholds computes it once.
 */
MetricsReport computeMetrics(const std::vector<float> &probabilities, const std::vector<std::uint8_t> &truth,
                             const std::vector<std::string> &tags, const std::vector<float> &thresholds,
                             double beta, const std::vector<double> &averagePrecisions);

/**
 * Which tags the model mixes up: a T x T matrix (row-major) whose cell (i, j)
 * counts the images that truly have tag i and for which tag j is predicted
 * (probability >= threshold j). The diagonal holds each tag's true positives.
 * Same inputs as computeMetrics(); throws std::invalid_argument when the sizes disagree.
 */
std::vector<long long> tagConfusion(const std::vector<float> &probabilities, const std::vector<std::uint8_t> &truth,
                                    const std::vector<float> &thresholds);

/// sklearn's F-beta from counts: (1 + b^2) P R / (b^2 P + R), 0 when that is 0/0.
double fbetaFromCounts(long long tp, long long fp, long long fn, double beta);

/**
 * sklearn's average_precision_score for one tag: \a scores and \a truth are
 * the tag's column (\a count values, \a stride apart). 0 when there are no positives.
 */
double averagePrecision(const float *scores, const std::uint8_t *truth, std::size_t count, std::size_t stride = 1);

}
