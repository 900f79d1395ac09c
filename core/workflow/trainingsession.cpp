#include "core/workflow/trainingsession.h"

#include "core/imaging/imagingerror.h"
#include "core/imaging/opencvimageloader.h"
#include "core/ml/device.h"
#include "core/ml/feedback.h"
#include "core/ml/mlerror.h"
#include "core/ml/runtimeinfo.h"
#include "core/project/projecterror.h"
#include "core/project/projectstore.h"
#include "core/workflow/projectruns.h"
#include "core/workflow/review.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QThread>

#include <nlohmann/json.hpp>

#include <chrono>
#include <new>

namespace tagwise::workflow {

namespace {

using Clock = std::chrono::steady_clock;

QString statusWord(SessionResult::End end)
{
    switch (end) {
    case SessionResult::End::Finished: return QStringLiteral("finished");
    case SessionResult::End::Stopped: return QStringLiteral("stopped");
    case SessionResult::End::Failed: return QStringLiteral("failed");
    }
    return QStringLiteral("failed");
}

}

/// One run on the session's thread: what it needs, and its cancellation.
struct TrainingSession::Job
{
    enum class Mode { Train, Resume, Sweep };
    Mode mode = Mode::Train;
    ml::TrainConfig config;
    TrainingData data;
    QString runDir;
    QString cacheDir;
    ml::RuntimeOverrides runtime;
    ml::LrSweepOptions sweepOptions;
    ml::Feedback feedback;

    void run(TrainingSession *session);
};

void TrainingSession::Job::run(TrainingSession *session)
{
    const auto started = Clock::now();
    SessionResult result;
    result.runDir = runDir;
    // Held while the run trains, so that nobody takes a crashed run for a running one.
    std::unique_ptr<RunLock> lock;
    if (mode != Mode::Sweep)
        lock = std::make_unique<RunLock>(runDir);
    try {
        OpenCvImageLoader loader(cacheDir);
        ml::Trainer trainer(QDir::cleanPath(runDir).toStdString(), loader);
        trainer.setRuntime(runtime);
        trainer.setFeedback(&feedback);
        const int batchSize = config.batchSize;
        auto lastBatch = Clock::now() - std::chrono::seconds(1);
        auto epochStart = Clock::now();
        qint64 stepsBefore = 0;
        ml::TrainingCallbacks callbacks;
        callbacks.status = [session](const std::string &message) { Q_EMIT session->statusChanged(QString::fromStdString(message)); };
        callbacks.warning = [session](const std::string &message) { Q_EMIT session->warningRaised(QString::fromStdString(message)); };
        callbacks.epoch = [session](const ml::EpochRecord &record) { Q_EMIT session->epochFinished(record); };
        callbacks.batch = [&, session](const ml::BatchProgress &progress) {
            const auto now = Clock::now();
            if (progress.batch == 1) {
                epochStart = now;
                stepsBefore = qint64(progress.epoch - 1) * progress.batches;
            }
            // A few updates a second are enough for a plot, and cheap for the GUI.
            if (now - lastBatch < std::chrono::milliseconds(100) && progress.batch < progress.batches)
                return;
            lastBatch = now;
            BatchUpdate update;
            update.epoch = progress.epoch;
            update.epochs = progress.epochs;
            update.batch = progress.batch;
            update.batches = progress.batches;
            update.step = stepsBefore + progress.batch;
            update.loss = progress.loss;
            update.learningRate = progress.learningRate;
            const double seconds = std::chrono::duration<double>(now - epochStart).count();
            if (seconds > 0.0 && mode != Mode::Sweep) {
                const double batchesPerSecond = double(progress.batch) / seconds;
                update.imagesPerSecond = batchesPerSecond * batchSize;
                const qint64 left = qint64(progress.epochs) * progress.batches - update.step;
                update.etaSeconds = double(left) / batchesPerSecond;
            }
            Q_EMIT session->batchProgressed(update);
        };
        trainer.setCallbacks(callbacks);

        if (mode == Mode::Sweep) {
            const ml::LrSweep sweep = trainer.findLearningRate(config, data.snapshot, sweepOptions);
            Q_EMIT session->learningRateSwept(sweep);
            result.end = SessionResult::End::Finished;
            result.message = sweep.suggestedRate > 0.0
                                 ? QStringLiteral("suggested learning rate %1").arg(sweep.suggestedRate, 0, 'g', 3)
                                 : QStringLiteral("the loss never fell: no suggestion");
        } else {
            const ml::TrainResult trained = mode == Mode::Resume ? trainer.resume() : trainer.train(config, data.snapshot);
            result.end = trained.status == ml::TrainResult::Status::Canceled ? SessionResult::End::Stopped
                                                                            : SessionResult::End::Finished;
            result.bundleDir = QString::fromStdString(trained.bundleDir);
            result.epochs = int(trained.records.size());
            result.bestEpoch = trained.bestEpoch;
            result.bestFbeta = trained.bestEpoch > 0 ? trained.bestFbeta : -1.0;
            result.finalFbeta = trained.bundleDir.empty() ? -1.0 : trained.finalFbeta;
            result.stoppedEarly = trained.status == ml::TrainResult::Status::StoppedEarly;
            result.decodeSeconds = trained.decodeSeconds;
            if (!trained.bundleDir.empty() && !data.test.empty()) {
                // Review opens at once on the held-out images too; a failure here costs the run nothing.
                Q_EMIT session->statusChanged(QStringLiteral("predicting the %1 test images").arg(data.test.size()));
                try {
                    storeTestPredictions(runDir, data.test, cacheDir, &feedback);
                } catch (const ml::Canceled &) {
                } catch (const std::exception &error) {
                    Q_EMIT session->warningRaised(QStringLiteral("the test images could not be predicted: %1")
                                                      .arg(QString::fromStdString(ml::describeError(error))));
                }
            }
            result.message = result.end == SessionResult::End::Stopped
                                 ? QStringLiteral("stopped after %1 epochs").arg(result.epochs)
                                 : QStringLiteral("finished: best epoch %1").arg(result.bestEpoch);
        }
    } catch (const ml::Canceled &) {
        result.end = SessionResult::End::Stopped;
        result.message = QStringLiteral("stopped before the first epoch ended");
    } catch (const std::bad_alloc &) {
        result.end = SessionResult::End::Failed;
        result.message = QStringLiteral("out of memory: try a smaller input size or batch, or fewer images");
    } catch (const ProjectError &error) {
        result.end = SessionResult::End::Failed;
        result.message = error.message();
    } catch (const ImagingError &error) {
        result.end = SessionResult::End::Failed;
        result.message = error.message();
    } catch (const std::exception &error) {
        result.end = SessionResult::End::Failed;
        result.message = QString::fromStdString(ml::describeError(error));
    }
    result.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    lock.reset();
    Q_EMIT session->finished(result);
}

TrainingSession::TrainingSession(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<BatchUpdate>();
    qRegisterMetaType<SessionResult>();
    qRegisterMetaType<ml::EpochRecord>();
    qRegisterMetaType<ml::LrSweep>();
    // Connected first, so that the session is settled before others hear of the end.
    connect(this, &TrainingSession::epochFinished, this, &TrainingSession::handleEpoch, Qt::QueuedConnection);
    connect(this, &TrainingSession::finished, this, &TrainingSession::handleFinished, Qt::QueuedConnection);
}

TrainingSession::~TrainingSession()
{
    if (m_job)
        m_job->feedback.cancel();
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void TrainingSession::setStore(ProjectStore *store, const QString &runId)
{
    m_store = store;
    m_runId = runId;
}

void TrainingSession::setRuntime(const ml::RuntimeOverrides &runtime)
{
    m_runtime = runtime;
}

void TrainingSession::setCacheDir(const QString &cacheDir)
{
    m_cacheDir = cacheDir;
}

bool TrainingSession::isRunning() const
{
    return m_job != nullptr;
}

bool TrainingSession::launch(std::shared_ptr<Job> job)
{
    if (m_job)
        return false;
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    job->runtime = m_runtime;
    job->cacheDir = m_cacheDir;
    m_job = job;
    m_runDir = job->runDir;
    m_epochs = 0;
    m_bestFbeta = -1.0;
    m_thread = QThread::create([job, this] { job->run(this); });
    m_thread->setObjectName(QStringLiteral("training"));
    m_thread->start();
    return true;
}

bool TrainingSession::start(const ml::TrainConfig &config, const TrainingData &data, const QString &runDir)
{
    auto job = std::make_shared<Job>();
    job->mode = Job::Mode::Train;
    job->config = config;
    job->data = data;
    job->runDir = runDir;
    if (!launch(job))
        return false;
    m_settings = configToText(config);
    m_architecture = QString::fromStdString(config.architecture);
    m_created = QDateTime::currentSecsSinceEpoch();
    recordRun(QStringLiteral("running"), nullptr);
    return true;
}

bool TrainingSession::resume(const QString &runDir)
{
    auto job = std::make_shared<Job>();
    job->mode = Job::Mode::Resume;
    job->runDir = runDir;
    try {
        job->config = ml::Trainer::readConfig(QDir::cleanPath(runDir).toStdString());
    } catch (const std::exception &) {
        // The job reports the same problem, with the file named, when it starts.
    }
    if (!launch(job))
        return false;
    m_settings = configToText(job->config);
    m_architecture = QString::fromStdString(job->config.architecture);
    if (m_store) {
        const RunRecord existing = m_store->run(m_runId);
        m_created = existing.id.isEmpty() ? QDateTime::currentSecsSinceEpoch() : existing.created;
        m_epochs = existing.epochs;
        m_bestFbeta = existing.bestFbeta;
    }
    recordRun(QStringLiteral("running"), nullptr);
    return true;
}

bool TrainingSession::findLearningRate(const ml::TrainConfig &config, const TrainingData &data,
                                       const ml::LrSweepOptions &options)
{
    auto job = std::make_shared<Job>();
    job->mode = Job::Mode::Sweep;
    job->config = config;
    job->data = data;
    job->sweepOptions = options;
    return launch(job);
}

void TrainingSession::stop()
{
    if (m_job)
        m_job->feedback.cancel();
}

void TrainingSession::handleEpoch(const ml::EpochRecord &record)
{
    m_epochs = record.epoch;
    if (record.fbeta > m_bestFbeta)
        m_bestFbeta = record.fbeta;
    recordRun(QStringLiteral("running"), nullptr);
}

void TrainingSession::handleFinished(const SessionResult &result)
{
    const bool sweep = m_job && m_job->mode == Job::Mode::Sweep;
    m_job.reset();
    if (m_thread)
        m_thread->wait();
    if (!sweep)
        recordRun(statusWord(result.end), &result);
}

void TrainingSession::recordRun(const QString &status, const SessionResult *result)
{
    if (!m_store || m_runId.isEmpty())
        return;
    RunRecord run;
    run.id = m_runId;
    run.created = m_created;
    run.finished = result ? QDateTime::currentSecsSinceEpoch() : 0;
    run.architecture = m_architecture;
    run.settings = m_settings;
    run.status = status;
    run.epochs = result && result->epochs > 0 ? result->epochs : m_epochs;
    run.bestFbeta = result && result->bestFbeta >= 0.0 ? result->bestFbeta : m_bestFbeta;
    const QString relative = m_store->relativePath(m_runDir);
    run.folder = relative.startsWith(QLatin1String("..")) ? QDir::cleanPath(QFileInfo(m_runDir).absoluteFilePath()) : relative;
    try {
        m_store->saveRun(run);
    } catch (const ProjectError &error) {
        // The run goes on: its own folder keeps its record.
        Q_EMIT warningRaised(error.message());
    }
}

QString TrainingSession::deviceDescription(const ml::TrainConfig &config, const ml::RuntimeOverrides &runtime)
{
    const ml::DeviceChoice choice = runtime.device ? *runtime.device : config.device;
    try {
        const c10::Device device = ml::selectDevice(choice);
        if (device.is_cuda())
            return tr("GPU %1").arg(QString::fromStdString(ml::deviceText(device)));
    } catch (const std::exception &) {
        return tr("no GPU (CUDA is not available)");
    }
    const int threads = ml::effectiveThreadCount(runtime.threads ? *runtime.threads : config.threads);
    return threads == 1 ? tr("CPU, 1 thread") : tr("CPU, %1 threads").arg(threads);
}

}
