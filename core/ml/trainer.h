#pragma once

#include "core/ml/datasetsnapshot.h"
#include "core/ml/epochrecord.h"
#include "core/ml/lrfinder.h"
#include "core/ml/trainconfig.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tagwise::ml {

class Communicator;
class Feedback;
class ImageLoader;

/// Called on the training thread; the GUI forwards them as queued signals.
struct TrainingCallbacks
{
    std::function<void(const BatchProgress &)> batch;
    std::function<void(const EpochRecord &)> epoch;
    /// A problem that does not stop the run: an unreadable image, a tag without examples, ...
    std::function<void(const std::string &)> warning;
    /// What the run is doing now ("decoding 1200 images", "training on cpu, 2 threads", ...).
    std::function<void(const std::string &)> status;
};

/**
 * Settings of the machine rather than of the run: they override the
 * config's for this call of train() or resume() and are not recorded in
 * config.json, so a resume may change them.
 */
struct RuntimeOverrides
{
    std::optional<int> threads;
    std::optional<int> workers;
    std::optional<DeviceChoice> device;
    bool lowPriority = false; ///< train below normal scheduling priority (beside a GUI; device.h)
    /**
     * A data-parallel job this process is one rank of (not owned): each rank
     * trains on its shard of every batch (the config's batch size is the
     * global one), gradients are averaged while backward runs, batch norms
     * use the global batch's statistics, and validation is split over the
     * ranks. Only rank 0 writes into the run folder; a resume reads it on
     * every rank.
     */
    Communicator *communicator = nullptr;
};

/// How a call to train() or resume() ended.
struct TrainResult
{
    enum class Status { Finished, StoppedEarly, Canceled };
    Status status = Status::Finished;
    std::vector<EpochRecord> records;  ///< every epoch of the run, over every resume
    int bestEpoch = 0;
    double bestFbeta = 0.0;
    std::string bundleDir;             ///< RUN_DIR/model, empty when canceled
    double finalFbeta = 0.0;           ///< validation F-beta of the bundle (its thresholds)
    int trainImages = 0;               ///< after unreadable ones were left out
    int validationImages = 0;
    double decodeSeconds = 0.0;
    double totalSeconds = 0.0;         ///< of this call
};

/**
 * Trains a multi-label classifier into a run folder:
 *
 *     RUN_DIR/config.json    the TrainConfig
 *     RUN_DIR/dataset.json   the snapshot (tags, samples)
 *     RUN_DIR/last.pt        after every epoch: model, optimiser, schedule, records
 *     RUN_DIR/best.pt        the weights of the best validation F-beta so far
 *     RUN_DIR/metrics.json   per-epoch records, best epoch, final validation metrics
 *     RUN_DIR/model/         the bundle the Predictor loads (weights.pt, bundle.json)
 *
 * Every file is written atomically. Images are decoded once through the
 * ImageLoader; batches are made by worker threads. The loss is
 * BCE-with-logits; the best epoch is the one with the highest validation
 * F-beta (samples average, thresholds 0.5); at the end the best weights get
 * per-tag thresholds (tuned on validation or 0.5) and become the bundle.
 *
 * Runs on the calling thread (a worker thread in the GUI). It changes
 * nothing process-wide that others would notice: randomness comes from
 * generators of the run's own (LibTorch's global generator is left as it
 * was), large blocks are reused on the training thread only (blockcache.h),
 * and only LibTorch's intra-op thread count is set. Throws MlError (or
 * std::invalid_argument for a bad config) naming the file and the reason.
 */
class Trainer final
{
public:
    Trainer(std::string runDir, ImageLoader &loader);
    ~Trainer();

    void setCallbacks(TrainingCallbacks callbacks);
    /// Cancellation (checked between batches) and overall progress; may be null.
    void setFeedback(Feedback *feedback);

    /// Machine settings for the calls that follow (see RuntimeOverrides).
    void setRuntime(const RuntimeOverrides &runtime);

    /**
     * Starts a new run in the folder, which must be new, empty, or hold only a
     * run that stopped before its first epoch ended. A folder with a run in it
     * (resume it instead) or with anything else is refused with MlError, so
     * nothing of the user's is overwritten.
     */
    TrainResult train(const TrainConfig &config, const DatasetSnapshot &snapshot);
    /// Continues the run in the folder from its last completed epoch and finishes it.
    TrainResult resume();

    /**
     * A learning-rate sweep (fastai's lr_find) with \a config's network, data,
     * optimiser and augmentation: the rate grows exponentially batch by batch
     * while the loss is recorded, until the loss blows up. Writes nothing; the
     * folder is not used. The batch callback reports each step (its rate and
     * loss). Throws as train() does.
     */
    LrSweep findLearningRate(const TrainConfig &config, const DatasetSnapshot &snapshot,
                             const LrSweepOptions &options = {});

    /// The settings of the run in \a runDir (its config.json); throws MlError naming the file.
    static TrainConfig readConfig(const std::string &runDir);

    const std::string &runDir() const { return m_runDir; }

    static constexpr const char *kLastCheckpoint = "last.pt";
    static constexpr const char *kBestCheckpoint = "best.pt";

private:
    class Run;
    TrainConfig withRuntime(TrainConfig config) const;

    std::string m_runDir;
    ImageLoader &m_loader;
    TrainingCallbacks m_callbacks;
    Feedback *m_feedback = nullptr;
    RuntimeOverrides m_runtime;
};

}
