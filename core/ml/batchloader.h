#pragma once

#include "core/ml/batchtransform.h"
#include "core/ml/decodeddataset.h"

#include <torch/types.h>

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace tagwise::ml {

/// A data-parallel rank's part of the data (BatchLoader).
struct DataShard
{
    int rank = 0;
    int ranks = 1;
    bool pad = true; ///< lengthen the order so that every rank has as many samples
};

/**
 * Serves the batches of one epoch in a fixed order while worker threads
 * assemble and transform the next ones (a bounded prefetch queue), so the
 * model does not wait for data. The order of samples is a shuffle drawn from
 * (seed, epoch) alone, and every batch's augmentation from (seed, epoch,
 * batch), so a run is reproducible whatever the thread timing.
 *
 * Every sample is served exactly once per epoch. Batches hold batchSize
 * samples; the last one holds the rest, except that a rest of one joins the
 * batch before it (batch norm cannot train on a single sample).
 *
 * In a data-parallel run each rank serves its shard, as PyTorch's
 * DistributedSampler: every rank draws the same epoch order, and rank r
 * serves its samples r, r + ranks, r + 2 ranks, ... With padding (training)
 * the order is first lengthened with its own start to a multiple of the
 * ranks, so that every rank has as many samples and batches; step k of all
 * ranks together then covers samples k B .. (k + 1) B - 1 of the order, the
 * batch a single process with batch size B = ranks x batchSize would train on.
 */
class BatchLoader final
{
public:
    struct Batch
    {
        torch::Tensor images;   ///< float B x 3 x S x S, channels_last
        torch::Tensor targets;  ///< float B x T
        torch::Tensor rows;     ///< long B: the samples' rows in the set
        std::int64_t index = -1;
    };

    /// \a set must outlive the loader. \a workers == 0 makes each batch on the caller's thread.
    BatchLoader(const DecodedSet &set, BatchTransform transform, int batchSize, bool shuffle, int workers,
                std::uint64_t seed, DataShard shard = {});
    ~BatchLoader();

    BatchLoader(const BatchLoader &) = delete;
    BatchLoader &operator=(const BatchLoader &) = delete;

    std::int64_t batchCount() const { return std::int64_t(m_bounds.size()) - 1; }
    /// The samples this rank serves per epoch (all of them without a shard).
    std::int64_t sampleCount() const { return m_bounds.back(); }

    /// Puts batches in page-locked memory, so that copies to a CUDA device can overlap compute.
    void setPinnedMemory(bool pinned) { m_pinned = pinned; }

    /// Starts serving epoch \a epoch (ends the one before, if any).
    void start(int epoch);
    /// The next batch of the epoch; false when the epoch is over. Rethrows a worker's exception.
    bool next(Batch &batch);
    /// Ends the epoch early; joins the workers.
    void stop();

private:
    Batch make(std::int64_t index, const std::vector<std::int64_t> &order, int epoch) const;
    void work();

    const DecodedSet &m_set;
    const BatchTransform m_transform;
    const bool m_shuffle;
    const int m_workerCount;
    const int m_prefetch;
    const std::uint64_t m_seed;
    const DataShard m_shard;
    std::vector<std::int64_t> m_bounds; // batch i is order[m_bounds[i] .. m_bounds[i + 1])
    bool m_pinned = false;

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<std::thread> m_workers;
    std::vector<std::int64_t> m_order;
    int m_epoch = 0;
    std::int64_t m_nextToMake = 0;
    std::int64_t m_nextToServe = 0;
    bool m_stopping = false;
    std::map<std::int64_t, Batch> m_ready;
    std::map<std::int64_t, std::exception_ptr> m_failed;
};

}
