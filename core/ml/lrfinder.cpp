#include "core/ml/lrfinder.h"

#include <algorithm>
#include <cmath>

namespace tagwise::ml {

double sweepRate(const LrSweepOptions &options, int step)
{
    const double fraction = options.steps > 1 ? double(step) / double(options.steps - 1) : 0.0;
    return options.startRate * std::pow(options.endRate / options.startRate, fraction);
}

double suggestLearningRate(const std::vector<double> &rates, const std::vector<double> &smoothedLosses)
{
    const std::size_t n = std::min(rates.size(), smoothedLosses.size());
    if (n < 3)
        return 0.0;
    const auto minimum = std::min_element(smoothedLosses.begin(), smoothedLosses.begin() + std::ptrdiff_t(n));
    const std::size_t last = std::size_t(minimum - smoothedLosses.begin());
    // A central difference over a window: slope of the loss against log(rate).
    const std::size_t half = std::max<std::size_t>(1, n / 50);
    double best = 0.0;
    double rate = 0.0;
    for (std::size_t i = half; i + half < n && i <= last; ++i) {
        const double run = std::log(rates[i + half]) - std::log(rates[i - half]);
        if (run <= 0.0)
            continue;
        const double slope = (smoothedLosses[i + half] - smoothedLosses[i - half]) / run;
        if (slope < best) {
            best = slope;
            rate = rates[i];
        }
    }
    return rate;
}

}
