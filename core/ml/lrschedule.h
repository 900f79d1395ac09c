#pragma once

#include "core/ml/json.h"
#include "core/ml/trainconfig.h"

#include <cstdint>

namespace tagwise::ml {

/**
 * The learning rate of every step. Computed from (epoch, step) rather than
 * stepped, so that a resumed run lands on the same rate; only the plateau
 * schedule has state, which state()/restore() carry through checkpoints.
 *
 * - none: the base rate throughout;
 * - onecycle: PyTorch's OneCycleLR defaults (30 % cosine rise from base/25,
 *   cosine fall to base/25e4);
 * - cosine: linear warm-up over warmupEpochs, then a cosine fall to 0;
 * - plateau: the base rate, divided by 10 whenever the validation F-beta has
 *   not improved for 2 epochs.
 */
class LrSchedule final
{
public:
    LrSchedule(ScheduleKind kind, double baseRate, int epochs, std::int64_t stepsPerEpoch, int warmupEpochs);

    /// The rate for step \a step (0-based) of epoch \a epoch (1-based).
    double rate(int epoch, std::int64_t step) const;
    /// Tells the schedule an epoch's validation score (higher is better).
    void epochEnded(double score);

    Json state() const;
    /// Throws std::runtime_error naming a missing or malformed key.
    void restore(const Json &state);

private:
    ScheduleKind m_kind;
    double m_base;
    int m_epochs;
    std::int64_t m_steps;
    int m_warmup;
    double m_factor = 1.0;
    double m_best = -1.0;
    int m_badEpochs = 0;
};

}
