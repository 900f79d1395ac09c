#pragma once

#include <QTimer>

#include <functional>

namespace tagwise::cli {

/**
 * While it lives, SIGINT and SIGTERM call \a onSignal on \a context's thread
 * (polled every 100 ms: the handler itself only sets an atomic flag, which is
 * all a signal handler may safely do). The former handlers come back after.
 */
class SignalStop final
{
public:
    SignalStop(QObject *context, std::function<void()> onSignal);
    ~SignalStop();
    SignalStop(const SignalStop &) = delete;
    SignalStop &operator=(const SignalStop &) = delete;

private:
    QTimer m_poll;
    void (*m_int)(int) = nullptr;
    void (*m_term)(int) = nullptr;
};

}
