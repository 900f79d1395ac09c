#include "core/cli/traincommand.h"

#include "core/cli/commands.h"
#include "core/cli/modeloptions.h"
#include "core/cli/options.h"
#include "core/cli/trainingdata.h"
#include "core/imaging/opencvimageloader.h"
#include "core/ml/feedback.h"
#include "core/ml/mlerror.h"
#include "core/ml/trainer.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTextStream>

#include <atomic>
#include <csignal>

namespace tagwise::cli {

const char *const kTrainUsage =
    "usage: tagwise-cli train (--project DIR | --csv FILE --images DIR) [--val-csv FILE]\n"
    "                         [--arch NAME] [--size N] [--epochs N] [--batch N] [--lr X]\n"
    "                         [--beta X] [--threads N] [--seed N] [--device auto|cpu|cuda]\n"
    "                         [--optimizer adam|adamw|sgd] [--weight-decay X]\n"
    "                         [--schedule none|onecycle|cosine|plateau] [--warmup N] [--patience N]\n"
    "                         [--no-augment] [--vflip] [--pos-weight] [--no-tune] [--bf16] [--no-amp]\n"
    "                         [--workers N] [--cache DIR | --no-cache] --out RUN_DIR\n"
    "       tagwise-cli train --resume RUN_DIR [--threads N] [--workers N] [--device auto|cpu|cuda]\n"
    "                         [--cache DIR | --no-cache]\n";

namespace {

std::atomic<ml::Feedback *> g_feedback{nullptr};

extern "C" void cancelOnSignal(int)
{
    // Only an atomic store happens here, which is safe in a signal handler.
    if (ml::Feedback *feedback = g_feedback.load())
        feedback->cancel();
}

/// Routes SIGINT and SIGTERM to a Feedback while it lives.
class SignalCancel final
{
public:
    explicit SignalCancel(ml::Feedback &feedback)
    {
        g_feedback.store(&feedback);
        m_int = std::signal(SIGINT, cancelOnSignal);
        m_term = std::signal(SIGTERM, cancelOnSignal);
    }
    ~SignalCancel()
    {
        std::signal(SIGINT, m_int);
        std::signal(SIGTERM, m_term);
        g_feedback.store(nullptr);
    }

private:
    void (*m_int)(int) = SIG_DFL;
    void (*m_term)(int) = SIG_DFL;
};

QString epochLine(const ml::EpochRecord &r, int epochs)
{
    return QString::asprintf("epoch %d/%d  train_loss %.4f  val_loss %.4f  fbeta %.4f  f1_micro %.4f  map %.4f  "
                             "lr %.2e  %.1f img/s  %.1f s",
                             r.epoch, epochs, r.trainLoss, r.validationLoss, r.fbeta, r.f1Micro,
                             r.meanAveragePrecision, r.learningRate, r.imagesPerSecond, r.seconds);
}

ml::TrainConfig configFrom(const Options &o)
{
    ml::TrainConfig c;
    c.architecture = o.isSet(QStringLiteral("arch")) ? o.value(QStringLiteral("arch")).toStdString() : c.architecture;
    c.inputSize = o.integer(QStringLiteral("size"), c.inputSize, 16, 1024);
    c.epochs = o.integer(QStringLiteral("epochs"), c.epochs, 1, 100000);
    c.batchSize = o.integer(QStringLiteral("batch"), c.batchSize, 2, 4096);
    c.learningRate = o.number(QStringLiteral("lr"), c.learningRate, 1e-9, 10.0);
    c.beta = o.number(QStringLiteral("beta"), c.beta, 1e-3, 100.0);
    c.threads = o.integer(QStringLiteral("threads"), c.threads, 0, 1024);
    c.seed = o.unsignedInteger(QStringLiteral("seed"), c.seed);
    c.device = deviceOption(o);
    c.optimizer = ml::optimizerFromName(
        o.choice(QStringLiteral("optimizer"), QString::fromStdString(ml::optimizerName(c.optimizer)),
                 {"adam", "adamw", "sgd"})
            .toStdString());
    c.weightDecay = o.number(QStringLiteral("weight-decay"), c.weightDecay, 0.0, 0.999);
    c.schedule = ml::scheduleFromName(
        o.choice(QStringLiteral("schedule"), QString::fromStdString(ml::scheduleName(c.schedule)),
                 {"none", "onecycle", "cosine", "plateau"})
            .toStdString());
    c.warmupEpochs = o.integer(QStringLiteral("warmup"), std::min(c.warmupEpochs, c.epochs), 0, c.epochs);
    c.patience = o.integer(QStringLiteral("patience"), c.patience, 0, 100000);
    c.workers = o.integer(QStringLiteral("workers"), c.workers, 0, 64);
    if (o.isSet(QStringLiteral("no-augment"))) {
        c.augmentation.horizontalFlip = false;
        c.augmentation.verticalFlip = false;
        c.augmentation.affine = false;
        c.augmentation.colour = false;
    }
    if (o.isSet(QStringLiteral("vflip")))
        c.augmentation.verticalFlip = true;
    c.positiveWeights = o.isSet(QStringLiteral("pos-weight"));
    c.tuneThresholds = !o.isSet(QStringLiteral("no-tune"));
    c.cpuBfloat16 = o.isSet(QStringLiteral("bf16"));
    c.mixedPrecision = !o.isSet(QStringLiteral("no-amp"));
    return c;
}

QString cacheDirFrom(const Options &o, const QString &fallback)
{
    if (o.isSet(QStringLiteral("no-cache")))
        return QString();
    if (o.isSet(QStringLiteral("cache")))
        return o.value(QStringLiteral("cache"));
    return fallback;
}

}

int runTrain(const QStringList &args, QTextStream &out, QTextStream &err)
{
    return runCommand("train", kTrainUsage, err, [&] {
        Options options({"project", "csv", "images", "val-csv", "arch", "size", "epochs", "batch", "lr", "beta",
                         "threads", "seed", "device", "out", "resume", "optimizer", "weight-decay", "schedule",
                         "warmup", "patience", "workers", "cache"},
                        {"no-augment", "vflip", "pos-weight", "no-tune", "bf16", "no-amp", "no-cache"});
        options.parse(args);
        if (options.isSet(QStringLiteral("cache")) && options.isSet(QStringLiteral("no-cache")))
            throw UsageError(QStringLiteral("give --cache or --no-cache, not both"));
        const bool resuming = options.isSet(QStringLiteral("resume"));
        ml::TrainConfig config;
        TrainingData data;
        ml::RuntimeOverrides overrides;
        QString runDir;
        QString cacheDir;
        if (resuming) {
            const QStringList allowed{"resume", "threads", "workers", "device", "cache", "no-cache"};
            for (const QString &name : options.given()) {
                if (!allowed.contains(name))
                    throw UsageError(QStringLiteral("--%1 does not go with --resume (the run keeps its settings)").arg(name));
            }
            runDir = options.value(QStringLiteral("resume"));
            if (options.isSet(QStringLiteral("threads")))
                overrides.threads = options.integer(QStringLiteral("threads"), 0, 0, 1024);
            if (options.isSet(QStringLiteral("workers")))
                overrides.workers = options.integer(QStringLiteral("workers"), 0, 0, 64);
            if (options.isSet(QStringLiteral("device")))
                overrides.device = deviceOption(options);
            cacheDir = cacheDirFrom(options, QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
                                                 + QStringLiteral("/decoded"));
        } else {
            runDir = options.required(QStringLiteral("out"));
            const bool project = options.isSet(QStringLiteral("project"));
            const bool csv = options.isSet(QStringLiteral("csv"));
            if (project == csv)
                throw UsageError(QStringLiteral("give either --project or --csv"));
            if (csv)
                options.required(QStringLiteral("images"));
            if (project && (options.isSet(QStringLiteral("images")) || options.isSet(QStringLiteral("val-csv"))))
                throw UsageError(QStringLiteral("--images and --val-csv go with --csv"));
            config = configFrom(options);
            try {
                config.validate();
            } catch (const std::invalid_argument &error) {
                // Every setting came from the command line.
                throw UsageError(QString::fromStdString(error.what()));
            }
            data = options.isSet(QStringLiteral("project"))
                       ? trainingDataFromProject(options.value(QStringLiteral("project")))
                       : trainingDataFromCsv(options.value(QStringLiteral("csv")), options.value(QStringLiteral("images")),
                                             options.value(QStringLiteral("val-csv")));
            cacheDir = cacheDirFrom(options, data.cacheDir);
            for (const QString &problem : std::as_const(data.problems))
                err << "warning: " << problem << '\n';
            out << "data: " << data.snapshot.train.size() << " training and " << data.snapshot.validation.size()
                << " validation images, " << data.snapshot.tags.size() << " tags";
            if (data.heldOut > 0)
                out << ", " << data.heldOut << " test-split images held out";
            if (data.leftOut > 0)
                out << ", " << data.leftOut << " untagged or missing images left out";
            out << '\n';
            out.flush();
        }

        OpenCvImageLoader loader(cacheDir);
        ml::Trainer trainer(QDir::cleanPath(runDir).toStdString(), loader);
        trainer.setRuntime(overrides);
        ml::Feedback feedback;
        trainer.setFeedback(&feedback);
        int epochs = config.epochs;
        ml::TrainingCallbacks callbacks;
        callbacks.epoch = [&](const ml::EpochRecord &record) {
            out << epochLine(record, epochs) << '\n';
            out.flush();
        };
        callbacks.warning = [&](const std::string &message) {
            err << "warning: " << QString::fromStdString(message) << '\n';
            err.flush();
        };
        callbacks.status = [&](const std::string &message) {
            out << QString::fromStdString(message) << '\n';
            out.flush();
        };
        trainer.setCallbacks(callbacks);

        const SignalCancel signalCancel(feedback);
        ml::TrainResult result;
        if (resuming) {
            // The epoch count is the run's own; config.json has it.
            if (QFileInfo::exists(QDir(runDir).filePath(QStringLiteral("config.json"))))
                epochs = ml::Trainer::readConfig(QDir::cleanPath(runDir).toStdString()).epochs;
            result = trainer.resume();
        } else {
            result = trainer.train(config, data.snapshot);
        }

        if (result.status == ml::TrainResult::Status::Canceled) {
            err << "tagwise-cli train: stopped after " << result.records.size()
                << " epochs; continue with: tagwise-cli train --resume " << runDir << '\n';
            return ExitFailure;
        }
        if (result.status == ml::TrainResult::Status::StoppedEarly)
            out << "stopped early after epoch " << result.records.size() << '\n';
        out << QString::asprintf("best epoch %d: fbeta %.4f at thresholds 0.5, %.4f at the bundle's thresholds\n",
                                 result.bestEpoch, result.bestFbeta, result.finalFbeta);
        out << "model: " << QString::fromStdString(result.bundleDir) << '\n';
        out << QString::asprintf("time: %.1f s (decoding %.1f s)\n", result.totalSeconds, result.decodeSeconds);
        return ExitOk;
    });
}

}
