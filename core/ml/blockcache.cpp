#include "core/ml/blockcache.h"

#include <c10/core/Allocator.h>
#include <c10/core/CPUAllocator.h>
#include <c10/core/impl/alloc_cpu.h>

#include <map>
#include <mutex>
#include <unordered_map>

namespace tagwise::ml {

struct ScopedBlockCache::Pool
{
    std::size_t minimumBytes = 0;
    std::size_t maximumCachedBytes = 0;
    std::mutex mutex;
    bool open = true;
    std::multimap<std::size_t, void *> free; // size -> block
    std::size_t freeBytes = 0;
    std::size_t hits = 0;
    std::size_t misses = 0;
};

namespace {

/// The pool of the innermost cache of this thread (a pointer to its member).
thread_local const std::shared_ptr<ScopedBlockCache::Pool> *t_pool = nullptr;

/**
 * The blocks a pool handed out, by address: LibTorch's raw allocations
 * (raw_allocate) need the context of a block to be its address, so the
 * deleter finds the pool here.
 */
struct Registry
{
    std::mutex mutex;
    std::unordered_map<void *, std::pair<std::shared_ptr<ScopedBlockCache::Pool>, std::size_t>> blocks;
};

Registry &registry()
{
    static Registry *instance = new Registry; // never destroyed: deleters may run at exit
    return *instance;
}

void deleteBlock(void *data)
{
    if (!data)
        return;
    std::shared_ptr<ScopedBlockCache::Pool> pool;
    std::size_t size = 0;
    {
        Registry &r = registry();
        std::lock_guard lock(r.mutex);
        const auto it = r.blocks.find(data);
        if (it != r.blocks.end()) {
            pool = std::move(it->second.first);
            size = it->second.second;
            r.blocks.erase(it);
        }
    }
    if (pool) {
        std::lock_guard lock(pool->mutex);
        if (pool->open && pool->freeBytes + size <= pool->maximumCachedBytes) {
            pool->free.emplace(size, data);
            pool->freeBytes += size;
            return;
        }
    }
    c10::free_cpu(data);
}

/// LibTorch's CPU allocator while a cache exists: the default one, but for
/// large blocks on a thread with a cache.
class CachingAllocator final : public c10::Allocator
{
public:
    explicit CachingAllocator(c10::Allocator *fallback)
        : m_fallback(fallback)
    {
    }

    c10::DataPtr allocate(std::size_t bytes) const override
    {
        if (!t_pool || bytes < (*t_pool)->minimumBytes)
            return m_fallback->allocate(bytes);
        ScopedBlockCache::Pool *pool = t_pool->get();
        void *data = nullptr;
        {
            std::lock_guard lock(pool->mutex);
            const auto it = pool->free.find(bytes);
            if (it != pool->free.end()) {
                data = it->second;
                pool->free.erase(it);
                pool->freeBytes -= bytes;
                ++pool->hits;
            } else {
                ++pool->misses;
            }
        }
        if (!data)
            data = c10::alloc_cpu(bytes);
        {
            Registry &r = registry();
            std::lock_guard lock(r.mutex);
            r.blocks[data] = {*t_pool, bytes};
        }
        return {data, data, &deleteBlock, c10::Device(c10::DeviceType::CPU)};
    }

    c10::DeleterFnPtr raw_deleter() const override
    {
        // Only right for blocks this allocator made; LibTorch asks it of the
        // allocator that made a block, and deleteBlock frees unknown ones plainly.
        return &deleteBlock;
    }

private:
    c10::Allocator *m_fallback;
};

void installAllocator()
{
    static std::once_flag once;
    std::call_once(once, [] {
        static CachingAllocator allocator(c10::GetCPUAllocator());
        // A higher priority than LibTorch's own default (0).
        c10::SetCPUAllocator(&allocator, 1);
    });
}

}

ScopedBlockCache::ScopedBlockCache(std::size_t minimumBytes, std::size_t maximumCachedBytes)
    : m_pool(std::make_shared<Pool>())
    , m_outer(t_pool)
{
    installAllocator();
    m_pool->minimumBytes = minimumBytes;
    m_pool->maximumCachedBytes = maximumCachedBytes;
    t_pool = &m_pool;
}

ScopedBlockCache::~ScopedBlockCache()
{
    t_pool = m_outer;
    std::lock_guard lock(m_pool->mutex);
    m_pool->open = false;
    for (const auto &[size, data] : m_pool->free)
        c10::free_cpu(data);
    m_pool->free.clear();
    m_pool->freeBytes = 0;
}

std::size_t ScopedBlockCache::hits() const
{
    std::lock_guard lock(m_pool->mutex);
    return m_pool->hits;
}

std::size_t ScopedBlockCache::misses() const
{
    std::lock_guard lock(m_pool->mutex);
    return m_pool->misses;
}

}
