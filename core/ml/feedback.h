#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <string>

namespace tagwise::ml {

/**
 * Carries cancellation and progress between a long job and whoever waits for
 * it (the GUI, the CLI). Thread-safe: the job calls setProgress() and reads
 * isCanceled(); the owner calls cancel() from any thread.
 */
class Feedback
{
public:
    using ProgressFunction = std::function<void(double fraction, const std::string &stage)>;

    void cancel() { m_canceled.store(true); }
    bool isCanceled() const { return m_canceled.load(); }

    /// Called (from the job's thread) at most every 100 ms, and always for 0 and 1.
    void setProgressFunction(ProgressFunction function);
    void setProgress(double fraction, const std::string &stage);

private:
    std::atomic<bool> m_canceled{false};
    std::mutex m_mutex;
    ProgressFunction m_function;
    std::chrono::steady_clock::time_point m_last{};
};

}
