#include "core/ml/trainer.h"

#include "core/ml/atomicfile.h"
#include "core/ml/autocastscope.h"
#include "core/ml/batchloader.h"
#include "core/ml/blockcache.h"
#include "core/ml/checkpoint.h"
#include "core/ml/classweights.h"
#include "core/ml/decodeddataset.h"
#include "core/ml/device.h"
#include "core/ml/distributed.h"
#include "core/ml/feedback.h"
#include "core/ml/json.h"
#include "core/ml/lrschedule.h"
#include "core/ml/metrics.h"
#include "core/ml/metricsjson.h"
#include "core/ml/mlerror.h"
#include "core/ml/modelbundle.h"
#include "core/ml/predictionset.h"
#include "core/ml/modelweights.h"
#include "core/ml/network.h"
#include "core/ml/pretrained.h"
#include "core/ml/runtimeinfo.h"
#include "core/ml/syncbatchnorm.h"
#include "core/ml/thresholds.h"
#include "core/ml/weightfile.h"

#include <ATen/Context.h>
#include <c10/core/impl/DeviceGuardImplInterface.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <limits>
#include <set>

namespace tagwise::ml {

namespace fs = std::filesystem;

namespace {

constexpr const char *kConfigFile = "config.json";
constexpr const char *kDatasetFile = "dataset.json";
constexpr const char *kMetricsFile = "metrics.json";
constexpr const char *kRunFormat = "tagwise-run-1";
constexpr std::uint64_t kDropoutStream = 0x44524f50ull;

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string statusName(TrainResult::Status status)
{
    switch (status) {
    case TrainResult::Status::Finished: return "finished";
    case TrainResult::Status::StoppedEarly: return "stopped_early";
    case TrainResult::Status::Canceled: return "canceled";
    }
    return "?";
}

/// What a folder holds, for train(): whether a new run may start there.
enum class RunFolder { Empty, Unstarted, Run, Foreign };

RunFolder classifyRunFolder(const fs::path &dir)
{
    std::error_code error;
    if (!fs::exists(dir, error))
        return RunFolder::Empty;
    if (!fs::is_directory(dir, error))
        return RunFolder::Foreign;
    if (fs::exists(dir / Trainer::kLastCheckpoint, error) || fs::exists(dir / "model" / ModelBundle::kJsonName, error))
        return RunFolder::Run;
    bool empty = true;
    bool ours = false;
    for (const auto &entry : fs::directory_iterator(dir, error)) {
        empty = false;
        const std::string name = entry.path().filename().string();
        const bool runFile = name == kConfigFile || name == kDatasetFile || name == kMetricsFile
                             || name == Trainer::kBestCheckpoint
                             || (name.size() > 5 && name.compare(name.size() - 5, 5, ".part") == 0);
        if (!runFile || !entry.is_regular_file(error))
            return RunFolder::Foreign;
        if (name == kConfigFile) {
            try {
                ours = jsonValue<std::string>(readJsonFile(entry.path().string()), "format", "") == kRunFormat;
            } catch (const std::exception &) {
                return RunFolder::Foreign;
            }
        }
    }
    if (error)
        return RunFolder::Foreign;
    if (empty)
        return RunFolder::Empty;
    // A run stopped before its first epoch ended: nothing to resume, safe to start anew.
    return ours ? RunFolder::Unstarted : RunFolder::Foreign;
}

/// Validation outputs: probabilities and truth, N x T row-major, and the mean loss.
struct Predictions
{
    std::vector<float> probabilities;
    std::vector<std::uint8_t> truth;
    double loss = 0.0;
};

}

/// One call of train() or resume(): the data, the model and the loop.
class Trainer::Run
{
public:
    /// \a dir: the folder the run's files are read from, when not the trainer's (see resume()).
    Run(const Trainer &trainer, TrainConfig config, DatasetSnapshot snapshot, std::string dir = {})
        : m_trainer(trainer)
        , m_communicator(trainer.m_runtime.communicator)
        , m_config(std::move(config))
        , m_snapshot(std::move(snapshot))
        , m_dir(dir.empty() ? trainer.m_runDir : std::move(dir))
    {
    }

    TrainResult execute(bool resuming);
    LrSweep sweep(const LrSweepOptions &options);

private:
    std::string path(const char *name) const { return (fs::path(m_dir) / name).string(); }
    void status(const std::string &message) const;
    void warn(const std::string &message) const;
    bool canceled() const { return m_trainer.m_feedback && m_trainer.m_feedback->isCanceled(); }
    int ranks() const { return m_communicator ? m_communicator->size() : 1; }
    int rank() const { return m_communicator ? m_communicator->rank() : 0; }
    /// Whether this process writes the run's files: rank 0 of a data-parallel job, or a single process.
    bool writes() const { return rank() == 0; }
    /// Joins the ranks after buildModel(): the same weights everywhere, gradient averaging, batch norms.
    void joinRanks();

    /// Reads the pretrained weights and takes the normalisation they were trained with.
    void readPretrained();
    void prepareData();
    void buildModel(bool resuming);
    /// Freezes (requires_grad off, batch norm kept in eval) what the config freezes during \a epoch.
    void applyFreeze(int epoch);
    /// Sets the learning rate of every parameter group: the backbone's scaled.
    void setLearningRate(double lr);
    std::unique_ptr<torch::optim::Optimizer> makeOptimizer();
    void restoreState(const Checkpoint &checkpoint);
    void saveCheckpoint();
    void writeMetrics(const std::string &status, const Json *validation) const;
    Json stateJson() const;

    /// Trains one epoch; false when canceled (the epoch is then abandoned).
    bool trainEpoch(int epoch, EpochRecord &record);
    /// Predicts the validation set; false when canceled.
    bool predictValidation(Predictions &out);
    torch::Tensor loss(const torch::Tensor &logits, const torch::Tensor &targets) const;
    /// The network validation, checkpoints and the bundle use: the average when there is one.
    NetworkImpl &evaluated() { return m_average ? *m_average : *m_network; }
    void updateAverage(std::int64_t step);
    void finish(TrainResult &result);

    const Trainer &m_trainer;
    Communicator *const m_communicator;
    TrainConfig m_config;
    DatasetSnapshot m_snapshot;
    std::string m_dir;

    torch::Device m_device{torch::kCPU};
    DecodedDataset m_data;
    Normalization m_normalization;
    bool m_haveNormalization = false;
    NamedTensors m_pretrained; ///< the weights file's tensors, until buildModel() takes them
    std::unique_ptr<BatchLoader> m_trainLoader;
    std::unique_ptr<BatchLoader> m_validationLoader;
    NetworkPtr m_network;
    /// The exponential moving average of m_network's weights, when the config asks for one.
    NetworkPtr m_average;
    std::unique_ptr<torch::optim::Optimizer> m_optimizer;
    std::unique_ptr<GradientAverager> m_averager; ///< in a data-parallel run
    std::vector<double> m_groupScales; ///< of each parameter group's learning rate
    std::vector<std::string> m_frozen;  ///< parameters the freeze covers
    std::unique_ptr<LrSchedule> m_schedule;
    torch::Tensor m_positiveWeight;
    /// Dropout's masks: a generator of the run's own, reseeded every epoch, so
    /// that a resumed run draws the same masks and the global generator is untouched.
    std::optional<at::Generator> m_dropoutGenerator;

    // The run's state, carried by last.pt.
    int m_epochsDone = 0;
    int m_bestEpoch = 0;
    double m_bestFbeta = -1.0;
    int m_badEpochs = 0;
    bool m_stoppedEarly = false;
    double m_elapsedBefore = 0.0;
    std::vector<EpochRecord> m_records;
    Clock::time_point m_started = Clock::now();
    double m_decodeSeconds = 0.0;
};

void Trainer::Run::status(const std::string &message) const
{
    if (m_trainer.m_callbacks.status)
        m_trainer.m_callbacks.status(message);
}

void Trainer::Run::warn(const std::string &message) const
{
    if (m_trainer.m_callbacks.warning)
        m_trainer.m_callbacks.warning(message);
}

torch::Tensor positiveClassWeights(const torch::Tensor &counts, std::int64_t samples)
{
    const auto positives = counts.to(torch::kDouble);
    const double n = double(samples);
    return ((n - positives) / positives.clamp_min(1.0)).clamp(0.05, 50.0).to(torch::kFloat);
}

void Trainer::Run::readPretrained()
{
    std::map<std::string, std::string> metadata;
    m_pretrained = readWeightFile(m_config.weights, &metadata);
    // Weights exported by a run carry its normalisation; others expect ImageNet's.
    if (const auto it = metadata.find("normalization"); it != metadata.end()) {
        try {
            m_normalization = Normalization::fromJson(parseJson(it->second, m_config.weights));
            m_haveNormalization = true;
            status("normalisation: as the run that made " + m_config.weights + " (its metadata)");
        } catch (const std::exception &error) {
            warn(m_config.weights + ": its metadata's normalisation is unreadable (" + describeError(error)
                 + "); using ImageNet's");
        }
    }
    if (!m_haveNormalization) {
        m_normalization = imageNetNormalization();
        m_haveNormalization = true;
    }
}

void Trainer::Run::prepareData()
{
    if (m_config.batchSize % ranks() != 0 || m_config.batchSize / ranks() < 2)
        throw MlError("a batch of " + std::to_string(m_config.batchSize) + " does not split into " + std::to_string(ranks())
                      + " equal shares of at least 2 images; choose a batch size that is a multiple of "
                      + std::to_string(ranks()) + " and at least " + std::to_string(2 * ranks()));
    // The same checks as after decoding, before spending the time to decode.
    if (m_snapshot.validation.empty())
        throw MlError("no validation images: the best epoch, early stopping and the thresholds need some");
    if (m_snapshot.train.size() < 2)
        throw MlError("only " + std::to_string(m_snapshot.train.size()) + " training image; training needs at least 2");
    const std::size_t total = m_snapshot.train.size() + m_snapshot.validation.size();
    status("decoding " + std::to_string(total) + " images at " + std::to_string(m_config.inputSize) + "x"
           + std::to_string(m_config.inputSize));
    const auto start = Clock::now();
    m_data = DecodedDataset::decode(m_snapshot, m_config.inputSize, m_trainer.m_loader,
                                    [this](const std::string &message) { warn(message); }, m_trainer.m_feedback);
    m_decodeSeconds = secondsSince(start);
    if (m_data.train.size() < 2)
        throw MlError("only " + std::to_string(m_data.train.size())
                      + " training image could be read; training needs at least 2");
    if (m_data.validation.size() == 0)
        throw MlError("none of the " + std::to_string(m_snapshot.validation.size()) + " validation images could be read");

    const auto counts = m_data.train.targets.sum(0);
    for (std::size_t t = 0; t < m_snapshot.tags.size(); ++t) {
        if (counts[std::int64_t(t)].item<float>() == 0.0f)
            warn("tag \"" + m_snapshot.tags[t] + "\" has no training images; the model cannot learn it");
    }
    if (!m_haveNormalization) {
        m_normalization = Normalization::measure(m_data.train.pixels);
        m_haveNormalization = true;
    }
    if (m_config.positiveWeights)
        m_positiveWeight = positiveClassWeights(counts, m_data.train.size());

    const BatchTransform trainTransform(m_normalization, m_config.augmentation, true);
    const BatchTransform plainTransform(m_normalization);
    // In a data-parallel run the batch size is the global batch's: each rank takes its share.
    const int batch = m_config.batchSize / ranks();
    m_trainLoader = std::make_unique<BatchLoader>(m_data.train, trainTransform, batch, true, m_config.workers,
                                                  m_config.seed, DataShard{rank(), ranks(), true});
    m_validationLoader = std::make_unique<BatchLoader>(m_data.validation, plainTransform, batch, false,
                                                       m_config.workers, m_config.seed,
                                                       DataShard{rank(), ranks(), false});
    m_trainLoader->setPinnedMemory(m_device.is_cuda());
    m_validationLoader->setPinnedMemory(m_device.is_cuda());
}

std::unique_ptr<torch::optim::Optimizer> Trainer::Run::makeOptimizer()
{
    // One group, or two when the backbone learns at its own rate (backbone first).
    std::vector<std::vector<torch::Tensor>> groups(1);
    m_groupScales = {1.0};
    if (m_config.backboneLrScale != 1.0) {
        groups.assign(2, {});
        m_groupScales = {m_config.backboneLrScale, 1.0};
        for (const auto &item : m_network->named_parameters())
            groups[isHead(*m_network, item.key()) ? 1 : 0].push_back(item.value());
    } else {
        groups[0] = m_network->parameters();
    }
    const double lr = m_config.learningRate;
    const auto make = [&](auto options) {
        using Options = decltype(options);
        std::vector<torch::optim::OptimizerParamGroup> paramGroups;
        for (std::size_t g = 0; g < groups.size(); ++g) {
            auto groupOptions = std::make_unique<Options>(options);
            groupOptions->lr(lr * m_groupScales[g]);
            paramGroups.emplace_back(groups[g], std::move(groupOptions));
        }
        return paramGroups;
    };
    switch (m_config.optimizer) {
    case OptimizerKind::Adam: {
        const auto options = torch::optim::AdamOptions(lr).weight_decay(m_config.weightDecay);
        return std::make_unique<torch::optim::Adam>(make(options), options);
    }
    case OptimizerKind::AdamW: {
        const auto options = torch::optim::AdamWOptions(lr).weight_decay(m_config.weightDecay);
        return std::make_unique<torch::optim::AdamW>(make(options), options);
    }
    case OptimizerKind::Sgd: {
        const auto options = torch::optim::SGDOptions(lr)
                                 .momentum(m_config.momentum)
                                 .nesterov(m_config.momentum > 0.0)
                                 .weight_decay(m_config.weightDecay);
        return std::make_unique<torch::optim::SGD>(make(options), options);
    }
    }
    throw std::invalid_argument("unknown optimiser");
}

void Trainer::Run::setLearningRate(double lr)
{
    auto &groups = m_optimizer->param_groups();
    for (std::size_t g = 0; g < groups.size(); ++g)
        groups[g].options().set_lr(lr * m_groupScales[std::min(g, m_groupScales.size() - 1)]);
}

void Trainer::Run::applyFreeze(int epoch)
{
    if (m_frozen.empty())
        return;
    const bool frozen = m_config.freezeEpochs == 0 || epoch <= m_config.freezeEpochs;
    const std::set<std::string> names(m_frozen.begin(), m_frozen.end());
    for (auto &item : m_network->named_parameters()) {
        if (names.count(item.key()))
            item.value().set_requires_grad(!frozen);
    }
    if (!frozen)
        return;
    // A frozen batch norm keeps the statistics it came with.
    for (const auto &item : m_network->named_modules()) {
        if (!item.value()->as<SyncBatchNorm>())
            continue;
        const auto own = item.value()->named_parameters(false);
        if (!own.is_empty() && names.count(item.key() + "." + own.begin()->key()))
            item.value()->eval();
    }
}

void Trainer::Run::buildModel(bool resuming)
{
    m_network = createNetwork(m_config.architecture, int(m_snapshot.tags.size()), m_config.inputSize, m_config.seed);
    NamedTensors pretrained = std::move(m_pretrained);
    if (!pretrained.empty())
        status("pretrained weights: " + loadPretrained(*m_network, pretrained, m_config.weights).summary());
    try {
        m_frozen = frozenParameters(*m_network, m_config.freeze);
    } catch (const std::invalid_argument &error) {
        throw MlError(error.what());
    }
    m_network->to(m_device);
    toChannelsLast(*m_network);
    // A generator of the device's kind, independent of the device's global one.
    m_dropoutGenerator = at::globalContext().defaultGenerator(m_device).clone();
    m_network->setDropoutGenerator(m_dropoutGenerator);
    m_network->setDropoutScale(m_config.dropoutScale);
    if (m_config.emaDecay > 0.0) {
        // The same seed: the average starts as the network itself.
        m_average = createNetwork(m_config.architecture, int(m_snapshot.tags.size()), m_config.inputSize, m_config.seed);
        if (!pretrained.empty())
            loadPretrained(*m_average, pretrained, m_config.weights);
        m_average->to(m_device);
        toChannelsLast(*m_average);
        m_average->eval();
    }
    if (m_positiveWeight.defined())
        m_positiveWeight = m_positiveWeight.to(m_device);
    m_optimizer = makeOptimizer();
    m_schedule = std::make_unique<LrSchedule>(m_config.schedule, m_config.learningRate, m_config.epochs,
                                              m_trainLoader->batchCount(), m_config.warmupEpochs);
}

void Trainer::Run::joinRanks()
{
    if (!m_communicator)
        return;
    // Every rank resumed from the same epoch (rank 0's checkpoint, see resume())...
    auto epochs = torch::tensor({double(m_epochsDone)}, torch::kDouble);
    m_communicator->allReduce(epochs);
    if (epochs.item<double>() != double(m_epochsDone) * ranks())
        throw MlError(m_trainer.m_runDir + ": the ranks of the job resumed from different epochs (rank "
                      + std::to_string(rank()) + " after epoch " + std::to_string(m_epochsDone) + ")");
    // ... and starts from rank 0's weights, as DistributedDataParallel does.
    broadcastModule(*m_communicator, *m_network);
    if (m_average)
        broadcastModule(*m_communicator, *m_average);
    const int norms = synchronizeBatchNorms(*m_network, m_communicator);
    m_averager = std::make_unique<GradientAverager>(*m_communicator, m_network->parameters());
    std::int64_t parameters = 0;
    for (const auto &parameter : m_network->parameters())
        parameters += parameter.numel();
    status("data-parallel over " + std::to_string(ranks()) + " ranks: gradients: " + std::to_string(parameters)
           + " parameters averaged each step, in buckets while backward runs; " + std::to_string(norms)
           + " batch norms over the global batch of " + std::to_string(m_config.batchSize));
}

Json Trainer::Run::stateJson() const
{
    Json records = Json::array();
    for (const auto &record : m_records)
        records.push_back(record.toJson());
    return Json{{"epoch", m_epochsDone},
                {"best_epoch", m_bestEpoch},
                {"best_fbeta", m_bestFbeta},
                {"bad_epochs", m_badEpochs},
                {"stopped_early", m_stoppedEarly},
                {"elapsed_seconds", m_elapsedBefore + secondsSince(m_started)},
                {"normalization", m_normalization.toJson()},
                {"schedule", m_schedule->state()},
                {"records", std::move(records)}};
}

void Trainer::Run::saveCheckpoint()
{
    if (writes())
        Checkpoint::save(path(kLastCheckpoint), *m_network, *m_optimizer, stateJson(), m_average.get());
}

void Trainer::Run::restoreState(const Checkpoint &checkpoint)
{
    checkpoint.restoreModel(*m_network, m_device);
    if (m_average)
        checkpoint.restoreAverage(*m_average, m_device);
    // The optimiser's state is matched to the parameters by position: make it anew
    // over the loaded parameters, then load its state.
    m_optimizer = makeOptimizer();
    checkpoint.restoreOptimizer(*m_optimizer);
    try {
        const Json &state = checkpoint.state();
        m_epochsDone = jsonValue<int>(state, "epoch");
        m_bestEpoch = jsonValue<int>(state, "best_epoch");
        m_bestFbeta = jsonValue<double>(state, "best_fbeta");
        m_badEpochs = jsonValue<int>(state, "bad_epochs");
        m_stoppedEarly = jsonValue<bool>(state, "stopped_early");
        m_elapsedBefore = jsonValue<double>(state, "elapsed_seconds");
        m_schedule->restore(state.at("schedule"));
        m_records.clear();
        for (const Json &record : state.at("records"))
            m_records.push_back(EpochRecord::fromJson(record));
    } catch (const std::exception &error) {
        throw MlError(path(kLastCheckpoint) + ": malformed checkpoint state: " + describeError(error));
    }
    if (m_epochsDone < 0 || m_epochsDone > m_config.epochs || std::size_t(m_epochsDone) != m_records.size())
        throw MlError(path(kLastCheckpoint) + ": malformed checkpoint state: epoch " + std::to_string(m_epochsDone)
                      + " with " + std::to_string(m_records.size()) + " epoch records");
}

torch::Tensor Trainer::Run::loss(const torch::Tensor &logits, const torch::Tensor &targets) const
{
    namespace F = torch::nn::functional;
    // In float32 whatever autocast did: the loss and its gradient need the range.
    auto options = F::BinaryCrossEntropyWithLogitsFuncOptions();
    if (m_positiveWeight.defined())
        options.pos_weight(m_positiveWeight);
    return F::binary_cross_entropy_with_logits(logits.to(torch::kFloat), targets, options);
}

bool Trainer::Run::trainEpoch(int epoch, EpochRecord &record)
{
    const bool cuda = m_device.is_cuda();
    m_network->train();
    applyFreeze(epoch);
    {
        std::lock_guard lock(m_dropoutGenerator->mutex());
        // Each rank draws masks of its own for its samples (rank 0 as a single process).
        m_dropoutGenerator->set_current_seed(
            mixSeed(m_config.seed, std::uint64_t(epoch), kDropoutStream + std::uint64_t(rank())));
    }
    BatchLoader &loader = *m_trainLoader;
    loader.start(epoch);
    const std::int64_t batches = loader.batchCount();
    const auto start = Clock::now();
    double lossSum = 0.0;
    double samples = 0.0;
    double lr = m_config.learningRate;
    BatchLoader::Batch batch;
    for (std::int64_t step = 0; loader.next(batch); ++step) {
        if (!m_communicator && canceled()) { // the ranks agree on a stop below
            loader.stop();
            return false;
        }
        lr = m_schedule->rate(epoch, step);
        setLearningRate(lr);
        const auto images = batch.images.to(m_device, /*non_blocking=*/true);
        const auto targets = batch.targets.to(m_device, /*non_blocking=*/true);
        for (auto &parameter : m_network->parameters())
            parameter.mutable_grad().reset(); // set_to_none: cheaper than zeroing
        torch::Tensor batchLoss;
        {
            AutocastScope autocast(cuda && m_config.mixedPrecision, !cuda && m_config.cpuBfloat16);
            batchLoss = loss(m_network->forward(images), targets);
        }
        if (m_averager)
            m_averager->prepare();
        batchLoss.backward();
        double value = batchLoss.item<double>();
        double batchSamples = double(batch.targets.size(0));
        if (m_averager) {
            m_averager->finish();
            // The global batch's loss, and whether any rank was asked to stop.
            auto agreed = torch::tensor({value * batchSamples, batchSamples, canceled() ? 1.0 : 0.0}, torch::kDouble);
            m_communicator->allReduce(agreed);
            batchSamples = agreed[1].item<double>();
            value = agreed[0].item<double>() / batchSamples;
            if (agreed[2].item<double>() > 0.0) {
                loader.stop();
                return false;
            }
        }
        m_optimizer->step();
        if (m_average)
            updateAverage(std::int64_t(epoch - 1) * batches + step);
        if (!std::isfinite(value))
            throw MlError("training diverged (the loss is " + std::to_string(value) + ") in epoch "
                          + std::to_string(epoch) + ", batch " + std::to_string(step + 1)
                          + "; try a lower learning rate");
        lossSum += value * batchSamples;
        samples += batchSamples;
        if (m_trainer.m_callbacks.batch)
            m_trainer.m_callbacks.batch({epoch, m_config.epochs, step + 1, batches, value, lr});
        if (m_trainer.m_feedback) {
            const double fraction = (double(epoch - 1) + double(step + 1) / double(batches)) / double(m_config.epochs);
            m_trainer.m_feedback->setProgress(fraction, "training");
        }
    }
    const double seconds = secondsSince(start);
    record.epoch = epoch;
    record.trainLoss = lossSum / std::max(samples, 1.0);
    record.learningRate = lr;
    record.imagesPerSecond = samples / std::max(seconds, 1e-9);
    // The ranks of a job stop together, at a step they agreed on.
    return m_communicator || !canceled();
}

void Trainer::Run::updateAverage(std::int64_t step)
{
    // A short warm-up, as TensorFlow's and timm's averages: early weights are
    // forgotten quickly, or the average would start far behind.
    const double decay = std::min(m_config.emaDecay, (1.0 + double(step)) / (10.0 + double(step)));
    torch::NoGradGuard noGrad;
    const auto averaged = m_average->parameters();
    const auto current = m_network->parameters();
    for (std::size_t i = 0; i < averaged.size(); ++i)
        averaged[i].mul_(decay).add_(current[i].detach(), 1.0 - decay);
    const auto averagedBuffers = m_average->buffers();
    const auto currentBuffers = m_network->buffers();
    for (std::size_t i = 0; i < averagedBuffers.size(); ++i)
        averagedBuffers[i].copy_(currentBuffers[i]);
}

bool Trainer::Run::predictValidation(Predictions &out)
{
    const bool cuda = m_device.is_cuda();
    const std::size_t tags = m_snapshot.tags.size();
    BatchLoader &loader = *m_validationLoader;
    const std::int64_t rows = m_data.validation.size();
    out.probabilities.assign(std::size_t(rows) * tags, 0.0f);
    out.truth.assign(out.probabilities.size(), 0);
    double lossSum = 0.0;
    NetworkImpl &network = evaluated();
    network.eval();
    torch::InferenceMode inference;
    loader.start(0);
    BatchLoader::Batch batch;
    while (loader.next(batch)) {
        if (!m_communicator && canceled()) { // the ranks agree on a stop in the next training step
            loader.stop();
            return false;
        }
        torch::Tensor logits;
        {
            AutocastScope autocast(cuda && m_config.mixedPrecision, !cuda && m_config.cpuBfloat16);
            logits = network.forward(batch.images.to(m_device, /*non_blocking=*/true));
        }
        const auto targets = batch.targets.to(m_device);
        lossSum += loss(logits, targets).item<double>() * double(targets.size(0));
        const auto p = torch::sigmoid(logits.to(torch::kFloat)).to(torch::kCPU).contiguous();
        const auto n = std::size_t(p.size(0));
        const std::int64_t *at = batch.rows.data_ptr<std::int64_t>();
        for (std::size_t i = 0; i < n; ++i)
            std::copy_n(p.data_ptr<float>() + i * tags, tags, out.probabilities.data() + std::size_t(at[i]) * tags);
    }
    if (m_communicator) {
        // Each rank predicted its shard; every rank gets all of it, to decide alike.
        auto all = torch::from_blob(out.probabilities.data(), {std::int64_t(out.probabilities.size())}, torch::kFloat);
        m_communicator->allReduce(all);
        auto total = torch::tensor({lossSum}, torch::kDouble);
        m_communicator->allReduce(total);
        lossSum = total.item<double>();
    }
    const auto truth = m_data.validation.targets.contiguous();
    const float *t = truth.data_ptr<float>();
    for (std::size_t i = 0; i < out.truth.size(); ++i)
        out.truth[i] = t[i] > 0.5f ? 1 : 0;
    out.loss = lossSum / double(std::max<std::int64_t>(1, rows));
    return true;
}

void Trainer::Run::writeMetrics(const std::string &status, const Json *validation) const
{
    if (!writes())
        return;
    Json records = Json::array();
    for (const auto &record : m_records)
        records.push_back(record.toJson());
    Json json{{"status", status},
              {"beta", m_config.beta},
              {"epochs_planned", m_config.epochs},
              {"best_epoch", m_bestEpoch},
              {"best_fbeta", m_bestFbeta},
              {"epochs", std::move(records)}};
    if (validation)
        json["validation"] = *validation;
    writeJsonFile(path(kMetricsFile), json);
}

void Trainer::Run::finish(TrainResult &result)
{
    status("choosing thresholds with the weights of epoch " + std::to_string(m_bestEpoch));
    if (writes())
        loadWeights(evaluated(), path(kBestCheckpoint), m_device);
    if (m_communicator)
        broadcastModule(*m_communicator, evaluated());
    Predictions predictions;
    if (!predictValidation(predictions)) {
        result.status = TrainResult::Status::Canceled;
        return;
    }
    const std::size_t tags = m_snapshot.tags.size();
    const std::vector<float> thresholds
        = m_config.tuneThresholds ? tuneThresholds(predictions.probabilities, predictions.truth, int(tags), m_config.beta)
                                  : std::vector<float>(tags, 0.5f);
    const MetricsReport report
        = computeMetrics(predictions.probabilities, predictions.truth, m_snapshot.tags, thresholds, m_config.beta);

    const std::string modelDir = path("model");
    result.finalFbeta = report.fbetaSamples;
    if (!writes())
        return;
    std::error_code error;
    fs::create_directories(modelDir, error);
    if (error)
        throw MlError(modelDir + ": cannot create: " + error.message());
    saveWeights(evaluated(), (fs::path(modelDir) / ModelBundle::kWeightsName).string());
    ModelBundle bundle;
    bundle.architecture = m_config.architecture;
    bundle.inputSize = m_config.inputSize;
    bundle.tags = m_snapshot.tags;
    bundle.thresholds = thresholds;
    bundle.normalization = m_normalization;
    bundle.beta = m_config.beta;
    bundle.epoch = m_bestEpoch;
    bundle.fbeta = report.fbetaSamples;
    bundle.write(modelDir);

    // Review reads these instead of running the network again.
    PredictionSet stored;
    stored.split = "validation";
    stored.epoch = m_bestEpoch;
    stored.tags = m_snapshot.tags;
    stored.paths = m_data.validation.paths;
    stored.probabilities = std::move(predictions.probabilities);
    stored.truth = std::move(predictions.truth);
    const fs::path predictionsDir = fs::path(m_dir) / PredictionSet::kFolder;
    fs::create_directories(predictionsDir, error);
    if (error)
        throw MlError(predictionsDir.string() + ": cannot create: " + error.message());
    stored.save((predictionsDir / PredictionSet::fileName(stored.split)).string());

    const Json validation = metricsToJson(report);
    writeMetrics(statusName(result.status), &validation);
    result.bundleDir = modelDir;
}

TrainResult Trainer::Run::execute(bool resuming)
{
    // Big blocks are reused between steps on this thread only; see blockcache.h.
    const ScopedBlockCache blockCache;
    m_started = Clock::now();
    TrainResult result;
    m_device = selectDevice(m_config.device);
    if (m_communicator && m_device.is_cuda()) {
        // One GPU per rank on a machine; made current so that what CUDA allocates
        // implicitly (cuBLAS, cuDNN, NCCL) lands there too.
        m_device = rankDevice(m_device, m_communicator->localRank(), int(torch::cuda::device_count()));
        c10::impl::getDeviceGuardImpl(c10::kCUDA)->setDevice(m_device);
    }
    const LowPriorityScope lowPriority(m_trainer.m_runtime.lowPriority);
    const int threads = applyThreadCount(m_config.threads);
    if (m_config.threads > threads)
        warn("asked for " + std::to_string(m_config.threads) + " threads; this machine has " + std::to_string(threads)
             + " cores, so training uses " + std::to_string(threads));
    if (m_device.is_cuda()) {
        // Every batch has the same shape: let cuDNN pick its fastest algorithms once.
        at::globalContext().setBenchmarkCuDNN(true);
    }
    std::optional<Checkpoint> checkpoint;
    if (resuming) {
        checkpoint = Checkpoint::load(path(kLastCheckpoint), m_device);
        // Normalise exactly as the epochs before did, even if some images changed since.
        try {
            m_normalization = Normalization::fromJson(checkpoint->state().at("normalization"));
        } catch (const std::exception &error) {
            throw MlError(path(kLastCheckpoint) + ": malformed checkpoint state: " + describeError(error));
        }
        m_haveNormalization = true;
    }
    if (!m_config.weights.empty() && !resuming) // a resumed run has its weights in its checkpoint
        readPretrained();
    try {
        prepareData();
    } catch (const Canceled &) {
        result.status = TrainResult::Status::Canceled;
        return result;
    }
    result.decodeSeconds = m_decodeSeconds;
    result.trainImages = int(m_data.train.size());
    result.validationImages = int(m_data.validation.size());
    buildModel(resuming);
    if (checkpoint) {
        restoreState(*checkpoint);
        checkpoint.reset();
    }
    joinRanks();

    status("training " + m_config.architecture + " " + std::to_string(m_config.inputSize) + "x"
           + std::to_string(m_config.inputSize) + " on " + deviceText(m_device) + " with " + std::to_string(threads)
           + (threads == 1 ? " thread" : " threads")
           + (m_communicator
                  ? " on each of " + std::to_string(ranks()) + " ranks (c10d, " + m_communicator->backend() + ")"
                  : std::string())
           + ": "
           + std::to_string(result.trainImages) + " training, "
           + std::to_string(result.validationImages) + " validation images, "
           + std::to_string(m_trainLoader->batchCount()) + " batches per epoch"
           + (resuming ? ", resuming after epoch " + std::to_string(m_epochsDone) : std::string()));

    for (int epoch = m_epochsDone + 1; epoch <= m_config.epochs && !m_stoppedEarly; ++epoch) {
        const auto epochStart = Clock::now();
        EpochRecord record;
        Predictions predictions;
        if (!trainEpoch(epoch, record) || !predictValidation(predictions)) {
            result.status = TrainResult::Status::Canceled;
            break;
        }
        const std::vector<float> half(m_snapshot.tags.size(), 0.5f);
        const MetricsReport report
            = computeMetrics(predictions.probabilities, predictions.truth, m_snapshot.tags, half, m_config.beta);
        record.validationLoss = predictions.loss;
        record.fbeta = report.fbetaSamples;
        record.f1Micro = report.f1Micro;
        record.f1Macro = report.f1Macro;
        record.meanAveragePrecision = report.map;
        const double b2 = m_config.beta * m_config.beta;
        for (const TagMetrics &tag : report.perTag) {
            const double denominator = b2 * tag.precision + tag.recall;
            record.tagFbeta.push_back(denominator > 0.0 ? (1.0 + b2) * tag.precision * tag.recall / denominator : 0.0);
        }
        record.seconds = secondsSince(epochStart);
        record.elapsedSeconds = m_elapsedBefore + secondsSince(m_started);

        if (m_bestEpoch == 0 || record.fbeta > m_bestFbeta) {
            m_bestFbeta = record.fbeta;
            m_bestEpoch = epoch;
            m_badEpochs = 0;
            if (writes())
                saveWeights(evaluated(), path(kBestCheckpoint));
        } else {
            ++m_badEpochs;
        }
        m_schedule->epochEnded(record.fbeta);
        if (m_config.patience > 0 && m_badEpochs >= m_config.patience && epoch < m_config.epochs) {
            m_stoppedEarly = true;
            status("stopping early: no better validation F-beta for " + std::to_string(m_badEpochs) + " epochs");
        }
        m_records.push_back(record);
        m_epochsDone = epoch;
        saveCheckpoint();
        writeMetrics("running", nullptr);
        if (m_trainer.m_callbacks.epoch)
            m_trainer.m_callbacks.epoch(record);
    }

    if (result.status != TrainResult::Status::Canceled) {
        result.status = m_stoppedEarly ? TrainResult::Status::StoppedEarly : TrainResult::Status::Finished;
        finish(result);
    }
    if (result.status == TrainResult::Status::Canceled)
        writeMetrics(statusName(result.status), nullptr);
    result.records = m_records;
    result.bestEpoch = m_bestEpoch;
    result.bestFbeta = m_bestFbeta;
    result.totalSeconds = secondsSince(m_started);
    return result;
}

LrSweep Trainer::Run::sweep(const LrSweepOptions &options)
{
    const ScopedBlockCache blockCache;
    const LowPriorityScope lowPriority(m_trainer.m_runtime.lowPriority);
    m_device = selectDevice(m_config.device);
    applyThreadCount(m_config.threads);
    prepareData();
    buildModel(false);
    LrSweep result;
    const bool cuda = m_device.is_cuda();
    m_network->train();
    applyFreeze(1);
    double average = 0.0;
    double minimum = std::numeric_limits<double>::infinity();
    int epoch = 1;
    m_trainLoader->start(epoch);
    BatchLoader::Batch batch;
    for (int step = 0; step < options.steps; ++step) {
        if (canceled())
            throw Canceled();
        if (!m_trainLoader->next(batch)) { // more steps than one epoch has batches
            m_trainLoader->start(++epoch);
            m_trainLoader->next(batch);
        }
        const double rate = sweepRate(options, step);
        setLearningRate(rate);
        for (auto &parameter : m_network->parameters())
            parameter.mutable_grad().reset();
        torch::Tensor batchLoss;
        {
            AutocastScope autocast(cuda && m_config.mixedPrecision, !cuda && m_config.cpuBfloat16);
            batchLoss = loss(m_network->forward(batch.images.to(m_device)), batch.targets.to(m_device));
        }
        batchLoss.backward();
        m_optimizer->step();
        const double value = batchLoss.item<double>();
        if (m_trainer.m_callbacks.batch)
            m_trainer.m_callbacks.batch({1, 1, step + 1, options.steps, value, rate});
        if (!std::isfinite(value)) {
            result.diverged = true;
            break;
        }
        average = options.smoothing * average + (1.0 - options.smoothing) * value;
        const double smoothed = average / (1.0 - std::pow(options.smoothing, step + 1));
        result.rates.push_back(rate);
        result.losses.push_back(value);
        result.smoothedLosses.push_back(smoothed);
        minimum = std::min(minimum, smoothed);
        if (step > 0 && smoothed > options.divergeFactor * minimum) {
            result.diverged = true;
            break;
        }
    }
    m_trainLoader->stop();
    result.suggestedRate = suggestLearningRate(result.rates, result.smoothedLosses);
    return result;
}

Trainer::Trainer(std::string runDir, ImageLoader &loader)
    : m_runDir(std::move(runDir))
    , m_loader(loader)
{
}

Trainer::~Trainer() = default;

void Trainer::setCallbacks(TrainingCallbacks callbacks)
{
    m_callbacks = std::move(callbacks);
}

void Trainer::setFeedback(Feedback *feedback)
{
    m_feedback = feedback;
}

void Trainer::setRuntime(const RuntimeOverrides &runtime)
{
    m_runtime = runtime;
}

TrainConfig Trainer::withRuntime(TrainConfig config) const
{
    if (m_runtime.threads)
        config.threads = *m_runtime.threads;
    if (m_runtime.workers)
        config.workers = *m_runtime.workers;
    if (m_runtime.device)
        config.device = *m_runtime.device;
    return config;
}

TrainResult Trainer::train(const TrainConfig &config, const DatasetSnapshot &snapshot)
{
    config.validate();
    snapshot.validate();
    const TrainConfig effective = withRuntime(config);
    selectDevice(effective.device); // a missing GPU is an error before anything is written
    if (m_runtime.communicator && m_runtime.communicator->rank() != 0) {
        // Rank 0 checks and writes the folder; the others only train.
        Run run(*this, effective, snapshot);
        return run.execute(false);
    }
    const fs::path dir(m_runDir);
    switch (classifyRunFolder(dir)) {
    case RunFolder::Empty:
    case RunFolder::Unstarted:
        break;
    case RunFolder::Run:
        throw MlError(m_runDir + ": already holds a training run; resume it or choose another folder");
    case RunFolder::Foreign:
        throw MlError(m_runDir + ": is not empty and is not a Tagwise run; choose a new or empty folder");
    }
    std::error_code error;
    fs::create_directories(dir, error);
    if (error)
        throw MlError(m_runDir + ": cannot create: " + error.message());
    Json file{{"format", kRunFormat}};
    file.update(config.toJson());
    writeJsonFile((dir / kConfigFile).string(), file);
    snapshot.save((dir / kDatasetFile).string());
    Run run(*this, effective, snapshot);
    return run.execute(false);
}

namespace {

/// A new folder among the system's temporary files, removed with everything in it.
class TemporaryFolder final
{
public:
    TemporaryFolder()
    {
        std::string pattern = (fs::temp_directory_path() / "tagwise-run-XXXXXX").string();
        if (!::mkdtemp(pattern.data()))
            throw MlError(pattern + ": cannot create a temporary folder: " + std::strerror(errno));
        m_path = pattern;
    }
    ~TemporaryFolder()
    {
        std::error_code error;
        fs::remove_all(m_path, error);
    }
    TemporaryFolder(const TemporaryFolder &) = delete;
    TemporaryFolder &operator=(const TemporaryFolder &) = delete;

    const std::string &path() const { return m_path; }

private:
    std::string m_path;
};

}

TrainResult Trainer::resume()
{
    // In a data-parallel job every rank resumes from rank 0's run: rank 0 sends the
    // files that a resume reads, so that a job over several machines needs the run
    // folder on the first machine alone.
    std::unique_ptr<TemporaryFolder> received;
    if (Communicator *communicator = m_runtime.communicator; communicator && communicator->size() > 1) {
        if (communicator->rank() != 0)
            received = std::make_unique<TemporaryFolder>();
        std::string missing;
        for (const char *name : {kConfigFile, kDatasetFile, kLastCheckpoint}) {
            std::string bytes;
            if (!received) {
                try {
                    bytes = readFileBytes((fs::path(m_runDir) / name).string());
                } catch (const std::exception &) {
                    // Sent empty: rank 0 then says what is wrong with its run, and the others stop.
                }
            }
            broadcastBytes(*communicator, bytes, 0);
            if (received && bytes.empty() && missing.empty())
                missing = name;
            else if (received)
                writeFileAtomically((fs::path(received->path()) / name).string(), bytes);
        }
        if (!missing.empty())
            throw MlError("data-parallel resume: rank 0 has no " + missing + " in its run folder to resume from");
    }
    const std::string runDir = received ? received->path() : m_runDir;
    const fs::path dir(runDir);
    const std::string configFile = (dir / kConfigFile).string();
    std::error_code error;
    if (!fs::is_directory(dir, error))
        throw MlError(m_runDir + ": no such folder");
    if (!fs::exists(configFile, error))
        throw MlError(m_runDir + ": not a training run (no " + kConfigFile + ")");
    TrainConfig config;
    try {
        config = TrainConfig::fromJson(readJsonFile(configFile));
        config.validate();
    } catch (const std::exception &failure) {
        const std::string what = describeError(failure);
        throw MlError(what.rfind(configFile, 0) == 0 ? what : configFile + ": " + what);
    }
    DatasetSnapshot snapshot = DatasetSnapshot::load((dir / kDatasetFile).string());
    Run run(*this, withRuntime(config), std::move(snapshot), runDir);
    return run.execute(true);
}

LrSweep Trainer::findLearningRate(const TrainConfig &config, const DatasetSnapshot &snapshot,
                                  const LrSweepOptions &options)
{
    config.validate();
    snapshot.validate();
    if (options.steps < 3 || !(options.startRate > 0.0) || !(options.endRate > options.startRate))
        throw std::invalid_argument("a learning-rate sweep needs at least 3 steps from a rate above 0 to a higher one");
    if (m_runtime.communicator)
        throw MlError("a learning-rate sweep runs in one process, not as a data-parallel job");
    Run run(*this, withRuntime(config), snapshot);
    return run.sweep(options);
}

TrainConfig Trainer::readConfig(const std::string &runDir)
{
    const std::string configFile = (fs::path(runDir) / kConfigFile).string();
    try {
        return TrainConfig::fromJson(readJsonFile(configFile));
    } catch (const std::exception &failure) {
        const std::string what = describeError(failure);
        throw MlError(what.rfind(configFile, 0) == 0 ? what : configFile + ": " + what);
    }
}

}
