#include "core/ml/lrschedule.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace tagwise::ml {

namespace {

constexpr int kPlateauPatience = 2;
constexpr double kPlateauFactor = 0.1;
constexpr double kMinFactor = 1e-4;

double cosineBetween(double from, double to, double fraction)
{
    return to + (from - to) * 0.5 * (1.0 + std::cos(std::numbers::pi * std::clamp(fraction, 0.0, 1.0)));
}

}

LrSchedule::LrSchedule(ScheduleKind kind, double baseRate, int epochs, std::int64_t stepsPerEpoch, int warmupEpochs)
    : m_kind(kind)
    , m_base(baseRate)
    , m_epochs(std::max(1, epochs))
    , m_steps(std::max<std::int64_t>(1, stepsPerEpoch))
    , m_warmup(std::max(0, warmupEpochs))
{
}

double LrSchedule::rate(int epoch, std::int64_t step) const
{
    const double total = double(m_epochs) * double(m_steps);
    const double t = double(epoch - 1) * double(m_steps) + double(step);
    switch (m_kind) {
    case ScheduleKind::None:
        return m_base;
    case ScheduleKind::Plateau:
        return m_base * m_factor;
    case ScheduleKind::OneCycle: {
        const double initial = m_base / 25.0;
        const double minimum = initial / 1e4;
        const double peak = std::max(1.0, 0.3 * total - 1.0);
        if (t <= peak)
            return cosineBetween(initial, m_base, t / peak);
        return cosineBetween(m_base, minimum, (t - peak) / std::max(1.0, total - 1.0 - peak));
    }
    case ScheduleKind::Cosine: {
        const double warmup = double(std::min(m_warmup, m_epochs - 1)) * double(m_steps);
        if (t < warmup)
            return m_base * (t + 1.0) / warmup;
        return cosineBetween(m_base, 0.0, (t - warmup) / std::max(1.0, total - warmup));
    }
    }
    return m_base;
}

void LrSchedule::epochEnded(double score)
{
    if (m_kind != ScheduleKind::Plateau)
        return;
    if (score > m_best + 1e-4) {
        m_best = score;
        m_badEpochs = 0;
        return;
    }
    if (++m_badEpochs > kPlateauPatience) {
        m_factor = std::max(kMinFactor, m_factor * kPlateauFactor);
        m_badEpochs = 0;
    }
}

Json LrSchedule::state() const
{
    return Json{{"factor", m_factor}, {"best", m_best}, {"bad_epochs", m_badEpochs}};
}

void LrSchedule::restore(const Json &state)
{
    m_factor = jsonValue<double>(state, "factor");
    m_best = jsonValue<double>(state, "best");
    m_badEpochs = jsonValue<int>(state, "bad_epochs");
}

}
