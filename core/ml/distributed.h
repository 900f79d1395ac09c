#pragma once

#include "core/ml/runtimeinfo.h"

#include <torch/types.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace torch::nn {
class Module;
}

namespace tagwise::ml {

/**
 * Where one process stands in a data-parallel job: torchrun's environment
 * (MASTER_ADDR, MASTER_PORT, RANK, WORLD_SIZE, LOCAL_RANK), so that the
 * same launchers work for Tagwise as for PyTorch.
 */
struct DistributedEnv
{
    std::string masterAddress = "127.0.0.1";
    int masterPort = 29500;
    int rank = 0;
    int worldSize = 1;
    int localRank = 0;

    /**
     * The job \a environment describes (the process's own when null): nullopt
     * when WORLD_SIZE is unset. Throws MlError naming the variable when one is
     * missing or malformed (RANK outside 0..WORLD_SIZE-1, a port that is no port).
     */
    static std::optional<DistributedEnv> fromEnvironment(
        const std::function<const char *(const char *)> &environment = {});
    /// The variables that describe this process, for a launcher to set.
    std::map<std::string, std::string> variables() const;
};

/**
 * A process group of LibTorch's c10d (ProcessGroupGloo over a TCPStore) for
 * data-parallel training. Every collective is entered by every rank in the
 * same order. A rank that dies, or stops answering for longer than the
 * timeout, makes every collective of the others throw MlError saying which
 * job and why, instead of hanging.
 */
class Communicator
{
public:
    /// A collective under way (allReduceAsync()).
    class Pending
    {
    public:
        virtual ~Pending() = default;
        /// Blocks until done; throws MlError as the synchronous calls do.
        virtual void wait() = 0;
    };

    virtual ~Communicator() = default;

    /**
     * Joins the job \a env describes: rank 0 serves the store at
     * MASTER_ADDR:MASTER_PORT, the others connect to it; then every pair of
     * ranks connects. Throws MlError when the others are not there within
     * \a timeout, or when the build has no c10d (haveDistributed()).
     */
    static std::unique_ptr<Communicator> connect(const DistributedEnv &env, std::chrono::milliseconds timeout);

    virtual int rank() const = 0;
    virtual int size() const = 0;
    /// This process's place among the job's processes on its machine (LOCAL_RANK).
    virtual int localRank() const = 0;
    /// What carries the collectives: "Gloo", or "NCCL for GPU tensors, Gloo for the rest".
    virtual std::string backend() const = 0;

    /// Sums \a tensor (contiguous) over the ranks, in place.
    virtual void allReduce(torch::Tensor &tensor) = 0;
    /// allReduce() in the background; \a tensor must not be touched until wait() returns.
    virtual std::unique_ptr<Pending> allReduceAsync(torch::Tensor tensor) = 0;
    /// Copies rank \a root's \a tensors (contiguous) to every rank, in place.
    virtual void broadcast(std::vector<torch::Tensor> &tensors, int root) = 0;
};

/// Copies rank 0's parameters and buffers of \a module to every rank.
void broadcastModule(Communicator &communicator, torch::nn::Module &module);

/// Copies rank \a root's \a bytes (of any size, none included) to every rank.
void broadcastBytes(Communicator &communicator, std::string &bytes, int root);

/**
 * Averages the gradients of a module's parameters over the ranks while the
 * backward pass runs, as c10d's Reducer does for DistributedDataParallel:
 * the parameters are put in buckets (in reverse order, the order in which
 * backward produces their gradients); a gradient hook copies each gradient
 * into its bucket's flat buffer, and a bucket is all-reduced in the
 * background as soon as its last gradient is in. finish() waits for the
 * buckets and writes the averages back into the gradients.
 *
 * Every parameter that trains is assumed to be used once per forward pass
 * (true of the networks here); the hooks throw otherwise.
 */
class GradientAverager
{
public:
    GradientAverager(Communicator &communicator, std::vector<torch::Tensor> parameters,
                     std::int64_t bucketBytes = std::int64_t(4) << 20);
    ~GradientAverager();

    GradientAverager(const GradientAverager &) = delete;
    GradientAverager &operator=(const GradientAverager &) = delete;

    /**
     * Before each backward pass: lays the buckets out anew over the parameters
     * that require a gradient now (a freeze may have changed them) and empties them.
     */
    void prepare();
    /// After the backward pass: reduces what is left, waits, and sets every gradient to the average.
    void finish();

    std::size_t bucketCount() const;
    /// Bytes each rank contributes per step (the gradients of the parameters that train).
    std::int64_t bytesPerStep() const;

private:
    struct State;
    std::shared_ptr<State> m_state;
};

}
