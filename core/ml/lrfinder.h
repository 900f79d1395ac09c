#pragma once

#include <cstdint>
#include <vector>

namespace tagwise::ml {

/// How a learning-rate sweep runs (fastai's lr_find).
struct LrSweepOptions
{
    double startRate = 1e-7;
    double endRate = 10.0;
    int steps = 100;              ///< batches, the rate growing exponentially from start to end
    double smoothing = 0.98;      ///< of the exponential moving average of the loss (debiased)
    double divergeFactor = 4.0;   ///< stop once the smoothed loss exceeds this many times its minimum
};

/// What a sweep measured: one point per batch, and the rate it suggests.
struct LrSweep
{
    std::vector<double> rates;
    std::vector<double> losses;         ///< of each batch
    std::vector<double> smoothedLosses; ///< the debiased moving average: what to plot
    double suggestedRate = 0.0;         ///< where the smoothed loss falls fastest; 0 when it never fell
    bool diverged = false;              ///< stopped early because the loss blew up
};

/**
 * The rate where \a smoothedLosses falls fastest against log(rate): the most
 * negative slope, over a window of a few points so that one noisy batch does
 * not decide, looking only before the minimum of the curve (beyond it the
 * loss is already rising). 0 when the loss never falls.
 */
double suggestLearningRate(const std::vector<double> &rates, const std::vector<double> &smoothedLosses);

/// The rate of step \a step (0-based) of \a options' sweep.
double sweepRate(const LrSweepOptions &options, int step);

}
