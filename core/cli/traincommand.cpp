#include "core/cli/traincommand.h"

#include "core/cli/commands.h"
#include "core/cli/modeloptions.h"
#include "core/cli/options.h"
#include "core/cli/ranklauncher.h"
#include "core/cli/signalstop.h"
#include "core/ml/device.h"
#include "core/ml/distributed.h"
#include "core/ml/mlerror.h"
#include "core/ml/recommendation.h"
#include "core/ml/runtimeinfo.h"
#include "core/ml/trainer.h"
#include "core/project/projecterror.h"
#include "core/project/projectstore.h"
#include "core/workflow/projectruns.h"
#include "core/workflow/trainingdata.h"
#include "core/workflow/trainingsession.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QHash>
#include <QStandardPaths>
#include <QTextStream>
#include <QThread>

#include <chrono>


namespace tagwise::cli {

using workflow::TrainingData;
using workflow::dataProfile;
using workflow::trainingDataFromCsv;
using workflow::trainingDataFromProject;
using workflow::projectOfRun;

const char *const kTrainUsage =
    "usage: tagwise-cli train (--project DIR | --csv FILE --images DIR) [--val-csv FILE]\n"
    "                         [--arch NAME] [--size N] [--epochs N] [--batch N] [--lr X]\n"
    "                         [--beta X] [--threads N] [--seed N] [--device auto|cpu|cuda]\n"
    "                         [--optimizer adam|adamw|sgd] [--weight-decay X]\n"
    "                         [--schedule none|onecycle|cosine|plateau] [--warmup N] [--patience N]\n"
    "                         [--augment none|light|standard|strong | --no-augment] [--vflip]\n"
    "                         [--pos-weight] [--no-tune] [--ema DECAY] [--dropout SCALE] [--bf16 | --no-bf16]\n"
    "                         [--no-amp]   (--dropout 0: none; 1: as the network is built)\n"
    "                         [--minutes M]\n"
    "                         [--weights FILE [--freeze backbone|none|until:LAYER] [--freeze-epochs N]\n"
    "                          [--backbone-lr-scale X]]   (with --weights: backbone frozen for 1 epoch, then 0.1 x lr)\n"
    "                         (--out RUN_DIR | --find-lr)    (a project's run goes to DIR/.tagwise/runs/<id> by default)\n"
    "                         [--workers N] [--cache DIR | --no-cache] [--nproc N] [--dist-timeout S]\n"
    "       tagwise-cli train --resume RUN_DIR [--threads N] [--workers N] [--device auto|cpu|cuda]\n"
    "                         [--cache DIR | --no-cache] [--nproc N] [--dist-timeout S]\n"
    "       --nproc N trains as N local processes of one data-parallel job (c10d, Gloo), --batch\n"
    "       being the global batch; with torchrun's variables set (MASTER_ADDR, MASTER_PORT, RANK,\n"
    "       WORLD_SIZE, LOCAL_RANK) this process is one rank of such a job; on GPUs each rank of a\n"
    "       machine takes cuda:LOCAL_RANK (and NCCL where built in; TAGWISE_DIST_CUDA=gloo avoids it).\n"
    "       --dist-timeout: seconds a rank waits for the others before the job ends with an error\n"
    "       (default 300).\n";

namespace {

QString epochLine(const ml::EpochRecord &r, int epochs)
{
    return QString::asprintf("epoch %d/%d  train_loss %.4f  val_loss %.4f  fbeta %.4f  f1_micro %.4f  map %.4f  "
                             "lr %.2e  %.1f img/s  %.1f s",
                             r.epoch, epochs, r.trainLoss, r.validationLoss, r.fbeta, r.f1Micro,
                             r.meanAveragePrecision, r.learningRate, r.imagesPerSecond, r.seconds);
}

/// \a base with every setting the command line gives applied to it.
ml::TrainConfig configFrom(const Options &o, ml::TrainConfig c)
{
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
    c.emaDecay = o.number(QStringLiteral("ema"), c.emaDecay, 0.0, 0.99999);
    c.dropoutScale = o.number(QStringLiteral("dropout"), c.dropoutScale, 0.0, 1.0);
    if (o.isSet(QStringLiteral("augment")) && o.isSet(QStringLiteral("no-augment")))
        throw UsageError(QStringLiteral("give --augment or --no-augment, not both"));
    if (o.isSet(QStringLiteral("augment")))
        c.augmentation = ml::AugmentationConfig::preset(ml::augmentationLevelFromName(
            o.choice(QStringLiteral("augment"), QString(), {"none", "light", "standard", "strong"}).toStdString()));
    if (o.isSet(QStringLiteral("no-augment")))
        c.augmentation = ml::AugmentationConfig::preset(ml::AugmentationLevel::None);
    if (o.isSet(QStringLiteral("vflip")))
        c.augmentation.verticalFlip = true;
    if (o.isSet(QStringLiteral("pos-weight")))
        c.positiveWeights = true;
    if (o.isSet(QStringLiteral("no-tune")))
        c.tuneThresholds = false;
    if (o.isSet(QStringLiteral("bf16")) && o.isSet(QStringLiteral("no-bf16")))
        throw UsageError(QStringLiteral("give --bf16 or --no-bf16, not both"));
    if (o.isSet(QStringLiteral("bf16")))
        c.cpuBfloat16 = true;
    if (o.isSet(QStringLiteral("no-bf16")))
        c.cpuBfloat16 = false;
    if (o.isSet(QStringLiteral("no-amp")))
        c.mixedPrecision = false;
    if (o.isSet(QStringLiteral("weights"))) {
        c.weights = QFileInfo(o.value(QStringLiteral("weights"))).absoluteFilePath().toStdString();
        // Fine-tuning as usual: the new head learns first, then everything at a tenth of the rate.
        c.freeze = "backbone";
        c.freezeEpochs = 1;
        c.backboneLrScale = 0.1;
    } else if (o.isSet(QStringLiteral("freeze")) || o.isSet(QStringLiteral("freeze-epochs"))) {
        throw UsageError(QStringLiteral("--freeze and --freeze-epochs need --weights"));
    }
    if (o.isSet(QStringLiteral("freeze")))
        c.freeze = o.value(QStringLiteral("freeze")).toStdString();
    c.freezeEpochs = o.integer(QStringLiteral("freeze-epochs"), c.freezeEpochs, 0, 100000);
    c.backboneLrScale = o.number(QStringLiteral("backbone-lr-scale"), c.backboneLrScale, 1e-4, 10.0);
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
    return runCommand("train", kTrainUsage, err, [&]() -> int {
        Options options({"project", "csv", "images", "val-csv", "arch", "size", "epochs", "batch", "lr", "beta",
                         "threads", "seed", "device", "out", "resume", "optimizer", "weight-decay", "schedule",
                         "warmup", "patience", "workers", "cache", "augment", "ema", "dropout", "minutes", "weights", "freeze",
                         "freeze-epochs", "backbone-lr-scale", "nproc", "dist-timeout"},
                        {"no-augment", "vflip", "pos-weight", "no-tune", "bf16", "no-bf16", "no-amp", "no-cache", "find-lr"});
        options.parse(args);
        if (options.isSet(QStringLiteral("cache")) && options.isSet(QStringLiteral("no-cache")))
            throw UsageError(QStringLiteral("give --cache or --no-cache, not both"));
        const bool resuming = options.isSet(QStringLiteral("resume"));
        const bool findLr = options.isSet(QStringLiteral("find-lr"));
        if (resuming && findLr)
            throw UsageError(QStringLiteral("--find-lr does not go with --resume"));

        // Data-parallel: this process launches the ranks (--nproc), or is one (torchrun's variables).
        std::optional<ml::DistributedEnv> job;
        try {
            job = ml::DistributedEnv::fromEnvironment();
        } catch (const ml::MlError &error) {
            throw UsageError(QString::fromStdString(error.what()));
        }
        if (job && job->worldSize == 1)
            job.reset();
        const int nproc = options.integer(QStringLiteral("nproc"), 1, 1, 256);
        const auto timeout = std::chrono::milliseconds(
            qint64(options.number(QStringLiteral("dist-timeout"), 300.0, 1.0, 86400.0) * 1000.0));
        if ((nproc > 1 || job) && findLr)
            throw UsageError(QStringLiteral("--find-lr runs in one process, not as a data-parallel job"));
        if (options.isSet(QStringLiteral("nproc")) && job)
            throw UsageError(QStringLiteral("--nproc launches the ranks itself; a process started as a rank "
                                            "(WORLD_SIZE is set) does not take it"));
        if (nproc > 1) {
            QStringList rankArgs;
            for (qsizetype i = 0; i < args.size(); ++i) {
                if (args[i] == QLatin1String("--nproc"))
                    ++i;
                else if (!args[i].startsWith(QLatin1String("--nproc=")))
                    rankArgs << args[i];
            }
            if (!resuming && !options.isSet(QStringLiteral("out")) && options.isSet(QStringLiteral("project"))) {
                // Every rank must name the same run: choose it here.
                const std::unique_ptr<ProjectStore> project = ProjectStore::open(options.value(QStringLiteral("project")));
                rankArgs << QStringLiteral("--out") << workflow::runsFolder(*project) + QLatin1Char('/') + workflow::newRunId(*project);
            }
            if (!options.isSet(QStringLiteral("threads")))
                rankArgs << QStringLiteral("--threads") << QString::number(std::max(1, QThread::idealThreadCount() / nproc));
            return launchLocalRanks(rankArgs, nproc, out, err);
        }
        // Rank 0 speaks for a job; the others say only what goes wrong.
        const bool quiet = job && job->rank != 0;
        QString discarded;
        QTextStream silent(&discarded);
        QTextStream &say = quiet ? silent : out;
        ml::TrainConfig config;
        TrainingData data;
        ml::RuntimeOverrides overrides;
        QString runDir;
        QString cacheDir;
        if (resuming) {
            const QStringList allowed{"resume", "threads", "workers", "device", "cache", "no-cache", "nproc", "dist-timeout"};
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
            if (findLr && options.isSet(QStringLiteral("out")))
                throw UsageError(QStringLiteral("--find-lr only sweeps the learning rate: it does not go with --out"));
            if (!findLr && !options.isSet(QStringLiteral("project")))
                runDir = options.required(QStringLiteral("out"));
            else if (!findLr)
                runDir = options.value(QStringLiteral("out"));
            const bool project = options.isSet(QStringLiteral("project"));
            const bool csv = options.isSet(QStringLiteral("csv"));
            if (project == csv)
                throw UsageError(QStringLiteral("give either --project or --csv"));
            if (csv)
                options.required(QStringLiteral("images"));
            if (project && (options.isSet(QStringLiteral("images")) || options.isSet(QStringLiteral("val-csv"))))
                throw UsageError(QStringLiteral("--images and --val-csv go with --csv"));
            // Every setting comes from the command line: a bad one is a usage error.
            const auto validated = [](const ml::TrainConfig &candidate) {
                try {
                    candidate.validate();
                } catch (const std::invalid_argument &error) {
                    throw UsageError(QString::fromStdString(error.what()));
                }
                return candidate;
            };
            // The command line first, so that a usage error comes before any work.
            validated(configFrom(options, ml::TrainConfig()));
            data = options.isSet(QStringLiteral("project"))
                       ? trainingDataFromProject(options.value(QStringLiteral("project")))
                       : trainingDataFromCsv(options.value(QStringLiteral("csv")), options.value(QStringLiteral("images")),
                                             options.value(QStringLiteral("val-csv")));
            // What is not given is chosen from the data and the machine, and said.
            ml::FixedSettings fixed;
            if (options.isSet(QStringLiteral("arch")))
                fixed.architecture = options.value(QStringLiteral("arch")).toStdString();
            if (options.isSet(QStringLiteral("size")))
                fixed.inputSize = options.integer(QStringLiteral("size"), 0, 16, 1024);
            if (options.isSet(QStringLiteral("epochs")))
                fixed.epochs = options.integer(QStringLiteral("epochs"), 0, 1, 100000);
            const double minutes = options.number(QStringLiteral("minutes"), 10.0, 0.1, 100000.0);
            const bool cuda = ml::selectDevice(deviceOption(options)).is_cuda();
            const ml::Recommendation recommended = ml::recommendSettings(dataProfile(data, cuda, minutes), fixed);
            config = validated(configFrom(options, recommended.config));
            // The options that settle each recommended setting.
            const QHash<QString, QStringList> settledBy = {
                {QStringLiteral("augment"), {QStringLiteral("augment"), QStringLiteral("no-augment")}},
                {QStringLiteral("bf16"), {QStringLiteral("bf16"), QStringLiteral("no-bf16")}},
                {QStringLiteral("amp"), {QStringLiteral("no-amp")}},
                {QStringLiteral("thresholds"), {QStringLiteral("no-tune")}},
            };
            for (const ml::Reason &reason : recommended.reasons) {
                const QString name = QString::fromStdString(reason.setting);
                const QStringList names = settledBy.value(name, {name});
                const bool given = std::any_of(names.cbegin(), names.cend(),
                                               [&](const QString &option) { return options.isSet(option); });
                if (!given)
                    say << "default: --" << name << ' ' << QString::fromStdString(reason.value) << ": "
                        << QString::fromStdString(reason.why) << '\n';
            }
            cacheDir = cacheDirFrom(options, data.cacheDir);
            if (!findLr && runDir.isEmpty()) {
                if (job)
                    throw UsageError(QStringLiteral("the ranks of a data-parallel job need --out RUN_DIR, the same on each"));
                // A project's run goes into the project: DIR/.tagwise/runs/<id>.
                const std::unique_ptr<ProjectStore> project = ProjectStore::open(options.value(QStringLiteral("project")));
                runDir = workflow::runsFolder(*project) + QLatin1Char('/') + workflow::newRunId(*project);
            }
            for (const QString &problem : std::as_const(data.problems)) {
                if (!quiet)
                    err << "warning: " << problem << '\n';
            }
            say << "data: " << data.snapshot.train.size() << " training and " << data.snapshot.validation.size()
                << " validation images, " << data.snapshot.tags.size() << " tags";
            if (data.heldOut > 0)
                say << ", " << data.heldOut << " test-split images held out";
            if (data.leftOut > 0)
                say << ", " << data.leftOut << " untagged or missing images left out";
            if (data.awaitingReview > 0)
                say << ", " << data.awaitingReview << " images with tags a model suggested left out until reviewed";
            say << '\n';
            say.flush();
        }

        // A run of a project is recorded in its runs table, in the project's runs folder by default.
        std::unique_ptr<ProjectStore> store;
        QString runId;
        if (!findLr && !quiet) {
            const auto [projectRoot, id] = projectOfRun(runDir);
            if (!projectRoot.isEmpty()) {
                store = ProjectStore::open(projectRoot);
                runId = id;
            }
        }

        say << "engine: " << QString::fromStdString(ml::libTorchInfo().summary()) << '\n';
        say.flush();

        workflow::TrainingSession session;
        session.setRuntime(overrides);
        session.setCacheDir(cacheDir);
        if (store)
            session.setStore(store.get(), runId);
        int epochs = config.epochs;
        QObject::connect(&session, &workflow::TrainingSession::statusChanged, [&](const QString &message) {
            say << message << '\n';
            say.flush();
        });
        QObject::connect(&session, &workflow::TrainingSession::warningRaised, [&](const QString &message) {
            if (quiet)
                return;
            err << "warning: " << message << '\n';
            err.flush();
        });
        QObject::connect(&session, &workflow::TrainingSession::epochFinished, [&](const ml::EpochRecord &record) {
            say << epochLine(record, epochs) << '\n';
            say.flush();
        });
        ml::LrSweep sweep;
        QObject::connect(&session, &workflow::TrainingSession::learningRateSwept,
                         [&](const ml::LrSweep &swept) { sweep = swept; });
        workflow::SessionResult result;
        QEventLoop loop;
        QObject::connect(&session, &workflow::TrainingSession::finished, &loop, [&](const workflow::SessionResult &ended) {
            result = ended;
            loop.quit();
        });
        std::unique_ptr<ml::Communicator> communicator;
        if (job) {
            communicator = ml::Communicator::connect(*job, timeout);
            overrides.communicator = communicator.get();
            session.setRuntime(overrides);
        }
        const SignalStop signalStop(&session, [&session] { session.stop(); });
        if (findLr) {
            session.findLearningRate(config, data);
        } else if (resuming) {
            // The epoch count is the run's own; config.json has it.
            if (QFileInfo::exists(QDir(runDir).filePath(QStringLiteral("config.json"))))
                epochs = ml::Trainer::readConfig(QDir::cleanPath(runDir).toStdString()).epochs;
            session.resume(runDir);
        } else {
            session.start(config, data, runDir);
        }
        loop.exec();

        if (result.end == workflow::SessionResult::End::Failed)
            throw ProjectError(result.message);
        if (findLr) {
            say << "learning rate   loss       smoothed loss\n";
            for (std::size_t i = 0; i < sweep.rates.size(); ++i)
                say << QString::asprintf("%-15.3e %-10.4f %.4f\n", sweep.rates[i], sweep.losses[i], sweep.smoothedLosses[i]);
            if (sweep.suggestedRate > 0.0)
                say << QString::asprintf("suggested learning rate: %.3g (where the loss falls fastest)\n", sweep.suggestedRate);
            else
                say << "no suggestion: the loss never fell; check the data and the tags\n";
            return ExitOk;
        }
        if (result.end == workflow::SessionResult::End::Stopped) {
            if (quiet)
                return ExitFailure;
            err << "tagwise-cli train: stopped after " << result.epochs
                << " epochs; continue with: tagwise-cli train --resume " << runDir << '\n';
            return ExitFailure;
        }
        if (result.stoppedEarly)
            say << "stopped early after epoch " << result.epochs << '\n';
        say << QString::asprintf("best epoch %d: fbeta %.4f at thresholds 0.5, %.4f at the bundle's thresholds\n",
                                 result.bestEpoch, result.bestFbeta, result.finalFbeta);
        say << "model: " << result.bundleDir << '\n';
        say << QString::asprintf("time: %.1f s (decoding %.1f s)\n", result.seconds, result.decodeSeconds);
        return ExitOk;
    });
}

}
