#pragma once

#include "core/ml/epochrecord.h"
#include "core/ml/lrfinder.h"
#include "core/ml/trainconfig.h"
#include "core/ml/trainer.h"
#include "core/workflow/trainingdata.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <atomic>
#include <memory>

class QThread;

namespace tagwise {
class ProjectStore;
}

namespace tagwise::workflow {

/// Progress within an epoch, throttled to a few updates a second.
struct BatchUpdate
{
    int epoch = 0;             ///< 1-based
    int epochs = 0;
    qint64 batch = 0;          ///< 1-based
    qint64 batches = 0;
    qint64 step = 0;           ///< batches done over the whole run, 1-based
    double loss = 0.0;         ///< of this batch
    double learningRate = 0.0;
    double imagesPerSecond = 0.0; ///< over the epoch so far
    double etaSeconds = -1.0;  ///< until the run ends; negative while unknown
};

/// How a session ended.
struct SessionResult
{
    enum class End { Finished, Stopped, Failed };
    End end = End::Failed;
    QString message;     ///< the reason of a failure, in words; a summary otherwise
    QString runDir;
    QString bundleDir;   ///< the model, when the run finished
    int epochs = 0;      ///< completed
    int bestEpoch = 0;
    double bestFbeta = -1.0;
    double finalFbeta = -1.0;
    bool stoppedEarly = false; ///< finished before its last epoch: the F-beta stopped improving
    double seconds = 0.0;
    double decodeSeconds = 0.0;
};

/**
 * A training run on its own thread, for the GUI and the CLI alike: one path,
 * so that the same settings and seed give the same metrics from either.
 *
 * It owns the thread, the cancellation and the resume. Progress arrives as
 * queued signals on the thread that owns the session: per batch (throttled),
 * per epoch, warnings, status lines, and finished() once, with what was
 * saved (errors -- a full disk, no memory, a damaged checkpoint -- end the
 * run with the reason; what was saved stays). With a store (setStore()), the
 * run is recorded in the project's runs table as it goes.
 *
 * The data is the snapshot passed to start(): labeling may go on meanwhile.
 */
class TrainingSession final : public QObject
{
    Q_OBJECT

public:
    explicit TrainingSession(QObject *parent = nullptr);
    /// Stops a run that goes on and waits for its thread.
    ~TrainingSession() override;

    /// Records the runs of this session in \a store (which must outlive it) as \a runId.
    void setStore(ProjectStore *store, const QString &runId);
    /// Machine settings for the runs that follow (threads, workers, device, priority).
    void setRuntime(const ml::RuntimeOverrides &runtime);
    /// Where decoded images are cached (empty: no cache).
    void setCacheDir(const QString &cacheDir);

    /// Starts a new run into \a runDir; false when one is running already.
    bool start(const ml::TrainConfig &config, const TrainingData &data, const QString &runDir);
    /// Continues the run in \a runDir; false when one is running already.
    bool resume(const QString &runDir);
    /// A learning-rate sweep (no files); learningRateSwept() or finished(Failed) follows.
    bool findLearningRate(const ml::TrainConfig &config, const TrainingData &data, const ml::LrSweepOptions &options = {});
    /// Asks the run to stop after the batch it is on; finished(Stopped) follows.
    void stop();
    bool isRunning() const;
    QString runDir() const { return m_runDir; }

    /// "CPU, 2 threads" or the GPU's name: where a run with \a config trains.
    static QString deviceDescription(const ml::TrainConfig &config, const ml::RuntimeOverrides &runtime);

Q_SIGNALS:
    void statusChanged(const QString &message);
    void warningRaised(const QString &message);
    void batchProgressed(const tagwise::workflow::BatchUpdate &update);
    void epochFinished(const tagwise::ml::EpochRecord &record);
    void learningRateSwept(const tagwise::ml::LrSweep &sweep);
    void finished(const tagwise::workflow::SessionResult &result);

private:
    struct Job;
    bool launch(std::shared_ptr<Job> job);
    void handleEpoch(const ml::EpochRecord &record);
    void handleFinished(const SessionResult &result);
    void recordRun(const QString &status, const SessionResult *result);

    QThread *m_thread = nullptr;
    std::shared_ptr<Job> m_job;
    ml::RuntimeOverrides m_runtime;
    QString m_cacheDir;
    QString m_runDir;
    QPointer<ProjectStore> m_store;
    QString m_runId;
    QString m_settings;
    QString m_architecture;
    qint64 m_created = 0;
    int m_epochs = 0;
    double m_bestFbeta = -1.0;
};

}

Q_DECLARE_METATYPE(tagwise::workflow::BatchUpdate)
Q_DECLARE_METATYPE(tagwise::workflow::SessionResult)
Q_DECLARE_METATYPE(tagwise::ml::EpochRecord)
Q_DECLARE_METATYPE(tagwise::ml::LrSweep)
