#include "core/ml/thresholds.h"

#include "core/ml/metrics.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace tagwise::ml {

namespace {

constexpr float kDefaultThreshold = 0.5f;

// Equal counts give bit-identical scores; different counts can give equal
// fractions that differ in the last bit, which must still count as a tie.
constexpr double kTieTolerance = 1e-12;

struct Scored
{
    float score;
    bool positive;
};

float tuneOne(std::vector<Scored> &column, double beta)
{
    long long positives = 0;
    for (const auto &s : column)
        positives += s.positive;
    if (positives == 0)
        return kDefaultThreshold;

    // Ascending scores: at candidate column[i].score every item from i on is predicted.
    std::sort(column.begin(), column.end(), [](const Scored &a, const Scored &b) { return a.score < b.score; });
    const long long n = static_cast<long long>(column.size());

    float best = kDefaultThreshold;
    double bestScore = -1.0;
    auto consider = [&](float threshold, double score) {
        const bool better = score > bestScore + kTieTolerance;
        const bool tieButNearer = std::abs(score - bestScore) <= kTieTolerance
                                  && std::abs(threshold - kDefaultThreshold) < std::abs(best - kDefaultThreshold);
        if (better || tieButNearer) {
            best = threshold;
            bestScore = std::max(score, bestScore);
        }
    };

    // Counts for the default threshold itself.
    {
        const auto first = std::lower_bound(column.begin(), column.end(), kDefaultThreshold,
                                            [](const Scored &s, float t) { return s.score < t; });
        long long tp = 0;
        for (auto it = first; it != column.end(); ++it)
            tp += it->positive;
        const long long predicted = column.end() - first;
        consider(kDefaultThreshold, fbetaFromCounts(tp, predicted - tp, positives - tp, beta));
    }

    // Sweep the distinct scores upwards, keeping the counts of items >= score.
    long long tp = positives;
    long long fp = n - positives;
    for (long long i = 0; i < n;) {
        const float threshold = column[i].score;
        consider(threshold, fbetaFromCounts(tp, fp, positives - tp, beta));
        for (; i < n && column[i].score == threshold; ++i)
            (column[i].positive ? tp : fp) -= 1;
    }
    return best;
}

}

std::vector<float> tuneThresholds(const std::vector<float> &probabilities, const std::vector<std::uint8_t> &truth,
                                  int numTags, double beta)
{
    if (numTags < 1)
        throw std::invalid_argument("tuneThresholds: the number of tags must be at least 1");
    const std::size_t tags = static_cast<std::size_t>(numTags);
    if (probabilities.size() % tags != 0 || truth.size() != probabilities.size())
        throw std::invalid_argument("tuneThresholds: " + std::to_string(probabilities.size()) + " probabilities and "
                                    + std::to_string(truth.size()) + " truth cells do not make rows of "
                                    + std::to_string(numTags) + " tags");
    if (!(beta >= 0))
        throw std::invalid_argument("tuneThresholds: beta must be >= 0");

    const std::size_t samples = probabilities.size() / tags;
    std::vector<float> thresholds(tags, kDefaultThreshold);
    std::vector<Scored> column(samples);
    for (std::size_t t = 0; t < tags; ++t) {
        for (std::size_t i = 0; i < samples; ++i)
            column[i] = {probabilities[i * tags + t], truth[i * tags + t] != 0};
        thresholds[t] = tuneOne(column, beta);
    }
    return thresholds;
}

}
