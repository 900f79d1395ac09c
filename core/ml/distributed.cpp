#include "core/ml/distributed.h"

#include "core/ml/mlerror.h"

#include <torch/torch.h>

#ifdef TAGWISE_HAVE_C10D
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#endif
#ifdef TAGWISE_HAVE_C10D_NCCL
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

#include <cstdlib>
#include <mutex>

namespace tagwise::ml {

namespace {

int integerVariable(const std::function<const char *(const char *)> &environment, const char *name, int low, int high)
{
    const char *text = environment(name);
    if (!text || !*text)
        throw MlError(std::string("data-parallel training: ") + name + " is not set (WORLD_SIZE is)");
    char *end = nullptr;
    const long value = std::strtol(text, &end, 10);
    if (*end != '\0' || value < low || value > high)
        throw MlError(std::string("data-parallel training: ") + name + "=" + text + " is not a whole number from "
                      + std::to_string(low) + " to " + std::to_string(high));
    return int(value);
}

}

std::optional<DistributedEnv> DistributedEnv::fromEnvironment(const std::function<const char *(const char *)> &given)
{
    const std::function<const char *(const char *)> environment
        = given ? given : [](const char *name) -> const char * { return std::getenv(name); };
    const char *world = environment("WORLD_SIZE");
    if (!world || !*world)
        return std::nullopt;
    DistributedEnv env;
    env.worldSize = integerVariable(environment, "WORLD_SIZE", 1, 65536);
    env.rank = integerVariable(environment, "RANK", 0, env.worldSize - 1);
    const char *local = environment("LOCAL_RANK");
    env.localRank = local && *local ? integerVariable(environment, "LOCAL_RANK", 0, 65535) : 0;
    if (env.worldSize > 1) {
        const char *address = environment("MASTER_ADDR");
        if (!address || !*address)
            throw MlError("data-parallel training: MASTER_ADDR is not set (WORLD_SIZE is)");
        env.masterAddress = address;
        env.masterPort = integerVariable(environment, "MASTER_PORT", 1, 65535);
    }
    return env;
}

std::map<std::string, std::string> DistributedEnv::variables() const
{
    return {{"MASTER_ADDR", masterAddress},
            {"MASTER_PORT", std::to_string(masterPort)},
            {"RANK", std::to_string(rank)},
            {"WORLD_SIZE", std::to_string(worldSize)},
            {"LOCAL_RANK", std::to_string(localRank)}};
}

#ifdef TAGWISE_HAVE_C10D

bool haveDistributed()
{
    return true;
}

namespace {

// Gloo for every tensor; where the LibTorch has NCCL, CUDA tensors go through
// NCCL instead (as PyTorch's "cpu:gloo,cuda:nccl"), unless TAGWISE_DIST_CUDA=gloo.
class C10dCommunicator final : public Communicator
{
    /// What a collective returns (c10d's Work; its class moved between LibTorch 1.13 and 2.x).
    using WorkPointer =
        decltype(std::declval<c10d::ProcessGroupGloo &>().allreduce(std::declval<std::vector<at::Tensor> &>()));

public:
    C10dCommunicator(const DistributedEnv &env, std::chrono::milliseconds timeout)
        : m_env(env)
    {
        const std::string where = env.masterAddress + ":" + std::to_string(env.masterPort);
        try {
            c10d::TCPStoreOptions options;
            options.port = std::uint16_t(env.masterPort);
            options.isServer = env.rank == 0;
            options.numWorkers = std::size_t(env.worldSize);
            options.waitWorkers = true;
            options.timeout = timeout;
            m_store = c10::make_intrusive<c10d::TCPStore>(env.masterAddress, options);
        } catch (const std::exception &error) {
            throw MlError("data-parallel training: rank " + std::to_string(env.rank) + " of "
                          + std::to_string(env.worldSize)
                          + (env.rank == 0 ? " cannot serve the job at " + where : " cannot reach rank 0 at " + where)
                          + " within " + std::to_string(timeout.count() / 1000) + " s: " + describeError(error));
        }
        try {
            auto options = c10d::ProcessGroupGloo::Options::create(timeout);
            const bool loopback = env.masterAddress.rfind("127.", 0) == 0 || env.masterAddress == "localhost"
                                  || env.masterAddress == "::1";
            const char *interface = std::getenv("GLOO_SOCKET_IFNAME");
            if (interface && *interface)
                options->devices.push_back(c10d::ProcessGroupGloo::createDeviceForInterface(interface));
            else if (loopback)
                options->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname(env.masterAddress));
            else
                options->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
            m_group = c10::make_intrusive<c10d::ProcessGroupGloo>(m_store, env.rank, env.worldSize, options);
        } catch (const std::exception &error) {
            throw MlError(context() + ": the ranks could not connect to each other: " + describeError(error));
        }
#ifdef TAGWISE_HAVE_C10D_NCCL
        const char *cudaBackend = std::getenv("TAGWISE_DIST_CUDA");
        if (torch::cuda::is_available() && !(cudaBackend && std::string(cudaBackend) == "gloo")) {
            try {
                auto options = c10d::ProcessGroupNCCL::Options::create();
                options->timeout = timeout;
                m_nccl = c10::make_intrusive<c10d::ProcessGroupNCCL>(
                    c10::make_intrusive<c10d::PrefixStore>("nccl", m_store), env.rank, env.worldSize, options);
            } catch (const std::exception &error) {
                throw MlError(context() + ": NCCL could not start (TAGWISE_DIST_CUDA=gloo uses Gloo for GPUs too): "
                              + describeError(error));
            }
        }
#endif
    }

    int rank() const override { return m_env.rank; }
    int size() const override { return m_env.worldSize; }
    int localRank() const override { return m_env.localRank; }

    std::string backend() const override
    {
#ifdef TAGWISE_HAVE_C10D_NCCL
        if (m_nccl)
            return "NCCL for GPU tensors, Gloo for the rest";
#endif
        return "Gloo";
    }

    void allReduce(torch::Tensor &tensor) override
    {
        std::vector<at::Tensor> tensors{tensor};
        guarded([&] { withGroup(tensor, [&](auto &group) { return group.allreduce(tensors); })->wait(); });
    }

    std::unique_ptr<Pending> allReduceAsync(torch::Tensor tensor) override
    {
        class Work final : public Pending
        {
        public:
            Work(C10dCommunicator &owner, std::vector<at::Tensor> tensors)
                : m_owner(owner)
                , m_tensors(std::move(tensors))
            {
                m_owner.guarded([&] {
                    m_work = m_owner.withGroup(m_tensors.front(), [&](auto &group) { return group.allreduce(m_tensors); });
                });
            }
            void wait() override
            {
                m_owner.guarded([&] { m_work->wait(); });
            }

        private:
            C10dCommunicator &m_owner;
            std::vector<at::Tensor> m_tensors;
            WorkPointer m_work;
        };
        return std::make_unique<Work>(*this, std::vector<at::Tensor>{std::move(tensor)});
    }

    void broadcast(std::vector<torch::Tensor> &tensors, int root) override
    {
        c10d::BroadcastOptions options;
        options.rootRank = root;
        for (auto &tensor : tensors) {
            std::vector<at::Tensor> one{tensor};
            guarded([&] { withGroup(tensor, [&](auto &group) { return group.broadcast(one, options); })->wait(); });
        }
    }

private:
    std::string context() const
    {
        return "data-parallel training (rank " + std::to_string(m_env.rank) + " of " + std::to_string(m_env.worldSize)
               + ", job at " + m_env.masterAddress + ":" + std::to_string(m_env.masterPort) + ")";
    }

    /// \a operation on the process group that carries \a tensor.
    template<typename F>
    WorkPointer withGroup(const at::Tensor &tensor, F &&operation)
    {
#ifdef TAGWISE_HAVE_C10D_NCCL
        if (m_nccl && tensor.is_cuda())
            return operation(*m_nccl);
#endif
        return operation(*m_group);
    }

    template<typename F>
    void guarded(F &&operation)
    {
        try {
            operation();
        } catch (const MlError &) {
            throw;
        } catch (const std::exception &error) {
            throw MlError(context() + ": another rank stopped or stopped answering: " + describeError(error));
        }
    }

    DistributedEnv m_env;
    c10::intrusive_ptr<c10d::Store> m_store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> m_group;
#ifdef TAGWISE_HAVE_C10D_NCCL
    c10::intrusive_ptr<c10d::ProcessGroupNCCL> m_nccl;
#endif
};

}

std::unique_ptr<Communicator> Communicator::connect(const DistributedEnv &env, std::chrono::milliseconds timeout)
{
    return std::make_unique<C10dCommunicator>(env, timeout);
}

#else

bool haveDistributed()
{
    return false;
}

std::unique_ptr<Communicator> Communicator::connect(const DistributedEnv &, std::chrono::milliseconds)
{
    throw MlError("data-parallel training: this build of Tagwise has no c10d with Gloo "
                  "(install libgloo-dev and build again)");
}

#endif

void broadcastModule(Communicator &communicator, torch::nn::Module &module)
{
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> tensors;
    for (const auto &parameter : module.parameters())
        tensors.push_back(parameter);
    for (const auto &buffer : module.buffers())
        tensors.push_back(buffer);
    // channels_last tensors are dense too: broadcast their storage as it lies.
    std::vector<torch::Tensor> flat;
    for (auto &tensor : tensors)
        flat.push_back(tensor.is_non_overlapping_and_dense() ? tensor.as_strided({tensor.numel()}, {1})
                                                              : tensor.contiguous().view(-1));
    communicator.broadcast(flat, 0);
    for (std::size_t i = 0; i < tensors.size(); ++i) {
        if (!tensors[i].is_non_overlapping_and_dense())
            tensors[i].copy_(flat[i].view(tensors[i].sizes()));
    }
}

void broadcastBytes(Communicator &communicator, std::string &bytes, int root)
{
    std::vector<torch::Tensor> size{torch::tensor({std::int64_t(bytes.size())}, torch::kInt64)};
    communicator.broadcast(size, root);
    const std::int64_t count = size.front().item<std::int64_t>();
    if (communicator.rank() != root)
        bytes.assign(std::size_t(count), '\0');
    if (count == 0)
        return;
    std::vector<torch::Tensor> data{torch::from_blob(bytes.data(), {count}, torch::kUInt8)};
    communicator.broadcast(data, root);
}

struct GradientAverager::State
{
    struct Slot
    {
        std::size_t bucket = 0;
        std::int64_t offset = 0;
        bool seen = false;
    };
    struct Bucket
    {
        torch::Tensor buffer;
        std::vector<std::size_t> parameters;
        std::size_t remaining = 0;
        std::unique_ptr<Communicator::Pending> pending;
    };

    Communicator &communicator;
    std::vector<torch::Tensor> parameters;
    std::int64_t bucketBytes;
    std::vector<unsigned> hooks;  // per parameter; kNoHook until one is registered
    std::vector<bool> layout;      // which parameters trained when the buckets were laid out
    std::map<std::size_t, Slot> slots;
    std::vector<Bucket> buckets;
    std::mutex mutex;             // backward may run on another thread (a CUDA device's)

    static constexpr unsigned kNoHook = ~0u;

    State(Communicator &c, std::vector<torch::Tensor> p, std::int64_t bytes)
        : communicator(c)
        , parameters(std::move(p))
        , bucketBytes(bytes)
        , hooks(parameters.size(), kNoHook)
    {
    }

    void launch(Bucket &bucket) { bucket.pending = communicator.allReduceAsync(bucket.buffer); }

    void gradientReady(std::size_t index, const torch::Tensor &gradient)
    {
        std::lock_guard lock(mutex);
        const auto slot = slots.find(index);
        if (slot == slots.end())
            return;
        if (slot->second.seen)
            throw MlError("data-parallel training: a parameter got two gradients in one step "
                          "(a network that uses a layer twice cannot be averaged bucket by bucket)");
        Bucket &bucket = buckets[slot->second.bucket];
        const torch::Tensor &parameter = parameters[index];
        bucket.buffer.narrow(0, slot->second.offset, parameter.numel()).view(parameter.sizes()).copy_(gradient);
        slot->second.seen = true;
        if (--bucket.remaining == 0)
            launch(bucket);
    }
};

GradientAverager::GradientAverager(Communicator &communicator, std::vector<torch::Tensor> parameters,
                                   std::int64_t bucketBytes)
    : m_state(std::make_shared<State>(communicator, std::move(parameters), std::max<std::int64_t>(bucketBytes, 1)))
{
}

GradientAverager::~GradientAverager()
{
    for (std::size_t i = 0; i < m_state->parameters.size(); ++i) {
        if (m_state->hooks[i] != State::kNoHook)
            m_state->parameters[i].remove_hook(m_state->hooks[i]);
    }
}

void GradientAverager::prepare()
{
    State &s = *m_state;
    std::vector<bool> training(s.parameters.size());
    for (std::size_t i = 0; i < s.parameters.size(); ++i)
        training[i] = s.parameters[i].requires_grad();
    if (training != s.layout || s.buckets.empty()) {
        s.layout = training;
        s.slots.clear();
        s.buckets.clear();
        std::int64_t bytes = 0;
        // Backward produces the last layers' gradients first.
        for (std::size_t i = s.parameters.size(); i-- > 0;) {
            if (!training[i])
                continue;
            const torch::Tensor &parameter = s.parameters[i];
            const std::int64_t size = parameter.numel() * std::int64_t(parameter.element_size());
            if (s.buckets.empty() || (bytes > 0 && bytes + size > s.bucketBytes)) {
                s.buckets.emplace_back();
                bytes = 0;
            }
            State::Bucket &bucket = s.buckets.back();
            const std::int64_t offset = bytes / std::int64_t(parameter.element_size());
            s.slots[i] = State::Slot{s.buckets.size() - 1, offset, false};
            bucket.parameters.push_back(i);
            bytes += size;
            if (s.hooks[i] == State::kNoHook) {
                std::weak_ptr<State> weak = m_state;
                s.hooks[i] = s.parameters[i].register_hook([weak, i](const torch::Tensor &gradient) {
                    if (const auto state = weak.lock())
                        state->gradientReady(i, gradient);
                });
            }
        }
        for (auto &bucket : s.buckets) {
            std::int64_t elements = 0;
            for (const std::size_t i : bucket.parameters)
                elements += s.parameters[i].numel();
            const auto &first = s.parameters[bucket.parameters.front()];
            bucket.buffer = torch::empty({elements}, first.options().requires_grad(false));
        }
    }
    for (auto &[index, slot] : s.slots)
        slot.seen = false;
    for (auto &bucket : s.buckets) {
        bucket.remaining = bucket.parameters.size();
        bucket.pending.reset();
    }
}

void GradientAverager::finish()
{
    State &s = *m_state;
    {
        std::lock_guard lock(s.mutex);
        for (auto &bucket : s.buckets) {
            if (bucket.pending)
                continue;
            // A parameter that got no gradient here (unused in this forward pass) adds zeros.
            for (const std::size_t i : bucket.parameters) {
                State::Slot &slot = s.slots[i];
                if (!slot.seen)
                    bucket.buffer.narrow(0, slot.offset, s.parameters[i].numel()).zero_();
            }
            s.launch(bucket);
        }
    }
    torch::NoGradGuard noGrad;
    const double ranks = double(s.communicator.size());
    for (auto &bucket : s.buckets) {
        bucket.pending->wait();
        bucket.pending.reset();
        bucket.buffer.div_(ranks);
        for (const std::size_t i : bucket.parameters) {
            torch::Tensor &parameter = s.parameters[i];
            const auto average = bucket.buffer.narrow(0, s.slots[i].offset, parameter.numel()).view(parameter.sizes());
            if (parameter.grad().defined())
                parameter.mutable_grad().copy_(average);
            else
                parameter.mutable_grad() = average.clone();
        }
    }
}

std::size_t GradientAverager::bucketCount() const
{
    return m_state->buckets.size();
}

std::int64_t GradientAverager::bytesPerStep() const
{
    std::int64_t bytes = 0;
    for (const auto &bucket : m_state->buckets)
        bytes += bucket.buffer.numel() * std::int64_t(bucket.buffer.element_size());
    return bytes;
}

}
