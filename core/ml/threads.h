#pragma once

namespace tagwise::ml {

/// Whether this LibTorch sees a CUDA GPU (torch::cuda::is_available()).
bool cudaAvailable();

/// The cores this machine has (at least 1).
int coreCount();

/**
 * The intra-op thread count a run gets for \a requested threads: every core
 * for 0, else \a requested, capped at the cores there are (more threads than
 * cores only make OpenMP's teams wait for each other). The environment
 * variable TAGWISE_THREADS, when set to a positive number, overrides both:
 * it pins the whole engine to that many threads (to test on 1 and on 2).
 */
int effectiveThreadCount(int requested);

/// Sets LibTorch's intra-op thread count to effectiveThreadCount(\a threads) and returns it.
int applyThreadCount(int threads);

/**
 * How many threads a run may take. A run in the command-line tool takes
 * every core; a run beside the GUI leaves a core to the GUI thread and the
 * thumbnail pool where there are four or more, and runs its threads at a
 * lower scheduling priority, so that the window answers at once however busy
 * the run keeps the other cores.
 */
struct ThreadBudget
{
    int threads = 0;          ///< intra-op threads; 0 = every core
    int workers = 2;          ///< batch-assembly threads
    bool lowPriority = false; ///< run the training thread (and those it starts) below normal priority

    static ThreadBudget commandLine();
    static ThreadBudget interactive(int cores = coreCount());
};

/**
 * Lowers the scheduling priority of the calling thread (Linux: nice 10)
 * while it lives, and with it that of the threads the thread starts meanwhile
 * (OpenMP's team, batch workers), which keep it. Does nothing when
 * \a enabled is false or the system refuses.
 */
class LowPriorityScope final
{
public:
    explicit LowPriorityScope(bool enabled);
    ~LowPriorityScope();
    LowPriorityScope(const LowPriorityScope &) = delete;
    LowPriorityScope &operator=(const LowPriorityScope &) = delete;

    bool active() const { return m_active; }

private:
    int m_previous = 0;
    bool m_active = false;
};

/**
 * Makes LibTorch's operations on the calling thread run single-threaded.
 * For helper threads (batch assembly): with OpenMP each thread that calls a
 * parallel operation gets a team of its own, whose spinning threads would
 * compete with the training thread's team for the same cores.
 */
void runSingleThreadedHere();

}
