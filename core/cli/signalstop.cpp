#include "core/cli/signalstop.h"

#include <atomic>
#include <csignal>

namespace tagwise::cli {

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void interruptOnSignal(int)
{
    g_interrupted.store(true);
}

}

SignalStop::SignalStop(QObject *context, std::function<void()> onSignal)
{
    g_interrupted.store(false);
    m_int = std::signal(SIGINT, interruptOnSignal);
    m_term = std::signal(SIGTERM, interruptOnSignal);
    QObject::connect(&m_poll, &QTimer::timeout, context, [onSignal = std::move(onSignal)] {
        if (g_interrupted.exchange(false))
            onSignal();
    });
    m_poll.start(100);
}

SignalStop::~SignalStop()
{
    std::signal(SIGINT, m_int);
    std::signal(SIGTERM, m_term);
}

}
