#include "core/ml/metrics.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace tagwise::ml {

namespace {

double safeDivide(double numerator, double denominator)
{
    return denominator == 0.0 ? 0.0 : numerator / denominator;
}

// Computed from precision and recall exactly as sklearn 1.2 does, so results
// agree to the last bits rather than just mathematically.
double fbetaFromRates(double precision, double recall, double beta)
{
    const double beta2 = beta * beta;
    const double denominator = beta2 * precision + recall;
    return denominator == 0.0 ? 0.0 : (1 + beta2) * precision * recall / denominator;
}

}

double fbetaFromCounts(long long tp, long long fp, long long fn, double beta)
{
    return fbetaFromRates(safeDivide(double(tp), double(tp + fp)), safeDivide(double(tp), double(tp + fn)), beta);
}

double averagePrecision(const float *scores, const std::uint8_t *truth, std::size_t count, std::size_t stride)
{
    std::vector<std::size_t> order(count);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return scores[a * stride] > scores[b * stride]; });
    long long positives = 0;
    for (std::size_t i = 0; i < count; ++i)
        positives += truth[i * stride] ? 1 : 0;
    if (positives == 0)
        return 0.0; // sklearn sets recall to 1 at every threshold: the step integral is 0.

    // One operating point per distinct score (ties move together), from the
    // highest score down: AP = sum (R_k - R_{k-1}) P_k.
    double ap = 0.0;
    double previousRecall = 0.0;
    long long tp = 0, fp = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t row = order[i] * stride;
        (truth[row] ? tp : fp) += 1;
        const bool lastOfTie = i + 1 == count || scores[order[i + 1] * stride] != scores[row];
        if (!lastOfTie)
            continue;
        const double recall = double(tp) / double(positives);
        const double precision = double(tp) / double(tp + fp);
        ap += (recall - previousRecall) * precision;
        previousRecall = recall;
    }
    return ap;
}

MetricsReport computeMetrics(const std::vector<float> &probabilities, const std::vector<std::uint8_t> &truth,
                             const std::vector<std::string> &tags, const std::vector<float> &thresholds,
                             double beta)
{
    return computeMetrics(probabilities, truth, tags, thresholds, beta, {});
}

MetricsReport computeMetrics(const std::vector<float> &probabilities, const std::vector<std::uint8_t> &truth,
                             const std::vector<std::string> &tags, const std::vector<float> &thresholds,
                             double beta, const std::vector<double> &averagePrecisions)
{
    const std::size_t numTags = tags.size();
    if (numTags == 0)
        throw std::invalid_argument("computeMetrics: no tags");
    if (probabilities.size() % numTags != 0 || truth.size() != probabilities.size())
        throw std::invalid_argument("computeMetrics: " + std::to_string(probabilities.size()) + " probabilities and "
                                    + std::to_string(truth.size()) + " truth cells do not make rows of "
                                    + std::to_string(numTags) + " tags");
    if (thresholds.size() != numTags)
        throw std::invalid_argument("computeMetrics: " + std::to_string(thresholds.size()) + " thresholds for "
                                    + std::to_string(numTags) + " tags");
    if (!(beta >= 0))
        throw std::invalid_argument("computeMetrics: beta must be >= 0");
    if (!averagePrecisions.empty() && averagePrecisions.size() != numTags)
        throw std::invalid_argument("computeMetrics: " + std::to_string(averagePrecisions.size())
                                    + " average precisions for " + std::to_string(numTags) + " tags");

    const std::size_t numSamples = probabilities.size() / numTags;
    MetricsReport report;
    report.beta = beta;
    report.perTag.resize(numTags);
    for (std::size_t t = 0; t < numTags; ++t) {
        report.perTag[t].tag = tags[t];
        report.perTag[t].threshold = thresholds[t];
    }

    double fbetaSum = 0.0;
    long long mismatches = 0;
    for (std::size_t i = 0; i < numSamples; ++i) {
        long long sampleTp = 0, samplePredicted = 0, sampleTrue = 0;
        for (std::size_t t = 0; t < numTags; ++t) {
            const std::size_t cell = i * numTags + t;
            const bool predicted = probabilities[cell] >= thresholds[t];
            const bool actual = truth[cell] != 0;
            auto &m = report.perTag[t];
            if (predicted && actual)
                ++m.tp;
            else if (predicted)
                ++m.fp;
            else if (actual)
                ++m.fn;
            else
                ++m.tn;
            sampleTp += predicted && actual;
            samplePredicted += predicted;
            sampleTrue += actual;
            mismatches += predicted != actual;
        }
        fbetaSum += fbetaFromCounts(sampleTp, samplePredicted - sampleTp, sampleTrue - sampleTp, beta);
    }
    report.fbetaSamples = numSamples == 0 ? 0.0 : fbetaSum / double(numSamples);
    report.hammingLoss = probabilities.empty() ? 0.0 : double(mismatches) / double(probabilities.size());

    long long tpSum = 0, fpSum = 0, fnSum = 0;
    double f1Sum = 0.0, apSum = 0.0;
    for (std::size_t t = 0; t < numTags; ++t) {
        auto &m = report.perTag[t];
        m.support = m.tp + m.fn;
        m.precision = safeDivide(double(m.tp), double(m.tp + m.fp));
        m.recall = safeDivide(double(m.tp), double(m.tp + m.fn));
        m.f1 = fbetaFromRates(m.precision, m.recall, 1.0);
        m.ap = averagePrecisions.empty() ? averagePrecision(probabilities.data() + t, truth.data() + t, numSamples, numTags)
                                         : averagePrecisions[t];
        tpSum += m.tp;
        fpSum += m.fp;
        fnSum += m.fn;
        f1Sum += m.f1;
        apSum += m.ap;
    }
    report.f1Micro = fbetaFromCounts(tpSum, fpSum, fnSum, 1.0);
    report.f1Macro = f1Sum / double(numTags);
    report.map = apSum / double(numTags);
    return report;
}

std::vector<long long> tagConfusion(const std::vector<float> &probabilities, const std::vector<std::uint8_t> &truth,
                                    const std::vector<float> &thresholds)
{
    const std::size_t tags = thresholds.size();
    if (tags == 0 || probabilities.size() % tags != 0 || truth.size() != probabilities.size())
        throw std::invalid_argument("tagConfusion: " + std::to_string(probabilities.size()) + " probabilities, "
                                    + std::to_string(truth.size()) + " truth cells and " + std::to_string(tags)
                                    + " thresholds do not fit together");
    std::vector<long long> counts(tags * tags, 0);
    std::vector<std::size_t> predicted;
    for (std::size_t row = 0; row < probabilities.size(); row += tags) {
        predicted.clear();
        for (std::size_t j = 0; j < tags; ++j) {
            if (probabilities[row + j] >= thresholds[j])
                predicted.push_back(j);
        }
        for (std::size_t i = 0; i < tags; ++i) {
            if (!truth[row + i])
                continue;
            for (const std::size_t j : predicted)
                ++counts[i * tags + j];
        }
    }
    return counts;
}

}
