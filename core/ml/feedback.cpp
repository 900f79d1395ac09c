#include "core/ml/feedback.h"

namespace tagwise::ml {

void Feedback::setProgressFunction(ProgressFunction function)
{
    std::lock_guard lock(m_mutex);
    m_function = std::move(function);
}

void Feedback::setProgress(double fraction, const std::string &stage)
{
    std::lock_guard lock(m_mutex);
    if (!m_function)
        return;
    const auto now = std::chrono::steady_clock::now();
    const bool edge = fraction <= 0.0 || fraction >= 1.0;
    if (!edge && now - m_last < std::chrono::milliseconds(100))
        return;
    m_last = now;
    m_function(fraction, stage);
}

}
