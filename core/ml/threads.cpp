#include "core/ml/threads.h"

#include <ATen/Parallel.h>
#include <torch/cuda.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <thread>

#include <dlfcn.h>
#include <sys/resource.h>
#include <unistd.h>

namespace tagwise::ml {

bool cudaAvailable()
{
    return torch::cuda::is_available();
}

int coreCount()
{
    return int(std::max(1u, std::thread::hardware_concurrency()));
}

int effectiveThreadCount(int requested)
{
    if (const char *forced = std::getenv("TAGWISE_THREADS")) {
        char *end = nullptr;
        const long value = std::strtol(forced, &end, 10);
        if (end != forced && *end == '\0' && value > 0 && value <= 1024)
            return int(value);
    }
    const int cores = coreCount();
    return requested > 0 ? std::min(requested, cores) : cores;
}

int applyThreadCount(int threads)
{
    // Debian's LibTorch starts with a single thread; training wants them all.
    const int count = effectiveThreadCount(threads);
    if (at::get_num_threads() != count)
        at::set_num_threads(count);
    return count;
}

ThreadBudget ThreadBudget::commandLine()
{
    return ThreadBudget{0, 2, false};
}

ThreadBudget ThreadBudget::interactive(int cores)
{
    ThreadBudget budget;
    budget.threads = cores >= 4 ? cores - 1 : cores;
    budget.workers = cores >= 4 ? 2 : 1;
    budget.lowPriority = true;
    return budget;
}

LowPriorityScope::LowPriorityScope(bool enabled)
{
    if (!enabled)
        return;
    // On Linux the nice value belongs to the thread (its tid) and is inherited
    // by the threads it creates.
    errno = 0;
    m_previous = ::getpriority(PRIO_PROCESS, id_t(::gettid()));
    if (errno != 0)
        return;
    m_active = ::setpriority(PRIO_PROCESS, id_t(::gettid()), std::max(m_previous, 10)) == 0;
}

LowPriorityScope::~LowPriorityScope()
{
    // Raising it back may need a privilege a normal user lacks; then it stays low.
    if (m_active)
        ::setpriority(PRIO_PROCESS, id_t(::gettid()), m_previous);
}

void runSingleThreadedHere()
{
    // LibTorch sets each thread's OpenMP team size lazily, on its first parallel
    // call, to the global count: trigger that first, then lower this thread's
    // own setting. omp_set_num_threads is looked up at run time because LibTorch
    // brings the OpenMP runtime it was built with (none in a build that uses its
    // own thread pool, which has no per-thread teams to begin with).
    at::get_num_threads();
    using SetThreads = void (*)(int);
    static const auto setThreads = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "omp_set_num_threads"));
    if (setThreads)
        setThreads(1);
}

}
