#include "core/ml/batchloader.h"

#include "core/ml/device.h"

#include <torch/torch.h>

#include <algorithm>
#include <random>

namespace tagwise::ml {

BatchLoader::BatchLoader(const DecodedSet &set, BatchTransform transform, int batchSize, bool shuffle, int workers,
                         std::uint64_t seed, DataShard shard)
    : m_set(set)
    , m_transform(std::move(transform))
    , m_shuffle(shuffle)
    , m_workerCount(std::max(0, workers))
    , m_prefetch(std::max(2, 2 * workers))
    , m_seed(seed)
    , m_shard{std::clamp(shard.rank, 0, std::max(1, shard.ranks) - 1), std::max(1, shard.ranks), shard.pad}
{
    const std::int64_t all = set.size();
    const std::int64_t ranks = m_shard.ranks;
    const std::int64_t n = m_shard.pad ? (all + ranks - 1) / ranks
                                       : (all - m_shard.rank + ranks - 1) / ranks;
    const std::int64_t b = std::max(1, batchSize);
    m_bounds.push_back(0);
    for (std::int64_t start = b; start < n; start += b)
        m_bounds.push_back(start);
    if (n > 0)
        m_bounds.push_back(n);
    if (m_bounds.size() > 2 && n - m_bounds[m_bounds.size() - 2] == 1)
        m_bounds.erase(m_bounds.end() - 2); // a lone last sample joins the batch before it
}

BatchLoader::~BatchLoader()
{
    stop();
}

void BatchLoader::start(int epoch)
{
    stop();
    const std::int64_t n = m_set.size();
    std::vector<std::int64_t> order(std::size_t(n), 0);
    for (std::int64_t i = 0; i < n; ++i)
        order[std::size_t(i)] = i;
    if (m_shuffle) {
        // Fisher-Yates on raw engine bits: the same order on every standard library.
        std::mt19937_64 rng(mixSeed(m_seed, std::uint64_t(epoch), 0x5348554646ull));
        for (std::int64_t i = n - 1; i > 0; --i)
            std::swap(order[std::size_t(i)], order[std::size_t(rng() % std::uint64_t(i + 1))]);
    }
    if (m_shard.ranks > 1) {
        const std::size_t ranks = std::size_t(m_shard.ranks);
        if (m_shard.pad) {
            const std::size_t total = (order.size() + ranks - 1) / ranks * ranks;
            for (std::size_t i = 0; order.size() < total; ++i)
                order.push_back(order[i]);
        }
        std::vector<std::int64_t> mine;
        for (std::size_t i = std::size_t(m_shard.rank); i < order.size(); i += ranks)
            mine.push_back(order[i]);
        order = std::move(mine);
    }
    std::lock_guard lock(m_mutex);
    m_order = std::move(order);
    m_epoch = epoch;
    m_nextToMake = 0;
    m_nextToServe = 0;
    m_stopping = false;
    m_ready.clear();
    m_failed.clear();
    for (int w = 0; w < m_workerCount && w < batchCount(); ++w)
        m_workers.emplace_back(&BatchLoader::work, this);
}

void BatchLoader::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    for (auto &worker : m_workers)
        worker.join();
    m_workers.clear();
    std::lock_guard lock(m_mutex);
    m_ready.clear();
    m_failed.clear();
}

BatchLoader::Batch BatchLoader::make(std::int64_t index, const std::vector<std::int64_t> &order, int epoch) const
{
    const std::int64_t begin = m_bounds[std::size_t(index)];
    const std::int64_t end = m_bounds[std::size_t(index) + 1];
    const auto indexes = torch::from_blob(const_cast<std::int64_t *>(order.data()) + begin, {end - begin},
                                          torch::kLong);
    Batch batch;
    batch.index = index;
    batch.rows = indexes.clone();
    const auto pixels = m_set.pixels.index_select(0, indexes);
    batch.targets = m_set.targets.index_select(0, indexes);
    // Each rank augments its samples with draws of its own (rank 0 as a single process).
    const std::uint64_t stream = std::uint64_t(index) + 1 + (std::uint64_t(m_shard.rank) << 32);
    batch.images = m_transform.apply(pixels, mixSeed(m_seed, std::uint64_t(epoch), stream));
    if (m_pinned) {
        batch.images = batch.images.pin_memory();
        batch.targets = batch.targets.pin_memory();
    }
    return batch;
}

void BatchLoader::work()
{
    runSingleThreadedHere();
    std::unique_lock lock(m_mutex);
    while (true) {
        m_changed.wait(lock, [this] {
            return m_stopping || m_nextToMake >= batchCount() || m_nextToMake < m_nextToServe + m_prefetch;
        });
        if (m_stopping || m_nextToMake >= batchCount())
            return;
        const std::int64_t index = m_nextToMake++;
        const int epoch = m_epoch;
        lock.unlock();
        // m_order is not touched while workers run (start() and stop() join them first).
        Batch batch;
        std::exception_ptr error;
        try {
            batch = make(index, m_order, epoch);
        } catch (...) {
            error = std::current_exception();
        }
        lock.lock();
        if (error)
            m_failed[index] = error;
        else
            m_ready[index] = std::move(batch);
        m_changed.notify_all();
    }
}

bool BatchLoader::next(Batch &batch)
{
    if (m_workerCount == 0 || m_workers.empty()) {
        if (m_nextToServe >= batchCount())
            return false;
        batch = make(m_nextToServe++, m_order, m_epoch);
        return true;
    }
    std::unique_lock lock(m_mutex);
    if (m_nextToServe >= batchCount())
        return false;
    const std::int64_t index = m_nextToServe;
    m_changed.wait(lock, [&] { return m_ready.count(index) || m_failed.count(index); });
    if (const auto failed = m_failed.find(index); failed != m_failed.end()) {
        const auto error = failed->second;
        m_failed.erase(failed);
        lock.unlock();
        std::rethrow_exception(error);
    }
    batch = std::move(m_ready[index]);
    m_ready.erase(index);
    ++m_nextToServe;
    lock.unlock();
    m_changed.notify_all();
    return true;
}

}
