#pragma once

#include <cstddef>
#include <memory>

namespace tagwise::ml {

/**
 * Keeps the large memory blocks a training loop frees for its next step, on
 * the thread that created it and for as long as it lives.
 *
 * glibc serves blocks above 32 MB (a batch's activations, their gradients)
 * with fresh mmap()s, whose pages the kernel faults in and zeroes at every
 * step; that cost a quarter of the training time of SmallerVGGNet at 64 px.
 * Changing malloc's thresholds would fix it for the whole process; this
 * instead serves LibTorch's CPU allocations of at least minimumBytes made on
 * this thread from a pool of blocks freed earlier (same size), and leaves
 * every other thread and every other allocation as it was. Blocks still in
 * use when the cache goes are freed normally later.
 *
 * Nesting on one thread is allowed (the inner cache serves until it goes).
 */
class ScopedBlockCache final
{
public:
    static constexpr std::size_t kDefaultMinimumBytes = std::size_t(1) << 20;
    /// Free blocks beyond this many bytes go back to the system.
    static constexpr std::size_t kDefaultMaximumCachedBytes = std::size_t(4) << 30;

    explicit ScopedBlockCache(std::size_t minimumBytes = kDefaultMinimumBytes,
                              std::size_t maximumCachedBytes = kDefaultMaximumCachedBytes);
    ~ScopedBlockCache();

    ScopedBlockCache(const ScopedBlockCache &) = delete;
    ScopedBlockCache &operator=(const ScopedBlockCache &) = delete;

    /// Allocations this cache served from its pool, and those it had to make.
    std::size_t hits() const;
    std::size_t misses() const;

    struct Pool;

private:
    std::shared_ptr<Pool> m_pool;
    const std::shared_ptr<Pool> *m_outer;
};

}
