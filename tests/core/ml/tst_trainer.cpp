// The training loop: it learns, it is reproducible, it checkpoints, it stops
// when asked and resumes where it stopped.

#include "common/syntheticimageloader.h"
#include "core/ml/autocastscope.h"
#include "core/ml/classweights.h"
#include "core/ml/device.h"
#include "core/ml/feedback.h"
#include "core/ml/json.h"
#include "core/ml/mlerror.h"
#include "core/ml/lrschedule.h"
#include "core/ml/metrics.h"
#include "core/ml/modelbundle.h"
#include "core/ml/modelweights.h"
#include "core/ml/network.h"
#include "core/ml/predictor.h"
#include "core/ml/thresholds.h"
#include "core/ml/trainer.h"

#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <c10/core/Device.h>
#include <nlohmann/json.hpp>

#include <torch/torch.h>

#include <fstream>
#include <random>

using namespace tagwise;
using namespace tagwise::ml;

namespace {

TrainConfig tinyConfig(int epochs)
{
    TrainConfig config;
    config.inputSize = 24;
    config.epochs = epochs;
    config.batchSize = 16;
    config.learningRate = 2e-3;
    // One thread: OpenMP teams spin while waiting, and on a busy two-core machine
    // a team of two mostly waits for each other. Reproducibility is checked with two.
    config.threads = 1;
    config.workers = 2;
    config.seed = 7;
    config.device = DeviceChoice::Cpu;
    config.patience = 0;
    return config;
}

std::vector<double> trainLosses(const std::vector<EpochRecord> &records)
{
    std::vector<double> losses;
    for (const auto &record : records)
        losses.push_back(record.trainLoss);
    return losses;
}

QString describe(const std::vector<double> &values)
{
    QStringList parts;
    for (const double v : values)
        parts << QString::number(v, 'g', 17);
    return parts.join(QLatin1String(", "));
}

}

class TestTrainer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lossFallsOnALearnableSet();
    void sameSeedSameLosses();
    void cancelThenResumeFinishesTheSameRun();
    void cancelBeforeTheFirstEpochLeavesNothingToResume();
    void refusesToOverwriteARun();
    void leftoverTempFileDoesNotSpoilResume();
    void runFilesDescribeTheRun();
    void optimizersTakeTheirOwnFirstStep_data();
    void optimizersTakeTheirOwnFirstStep();
    void schedulesSetTheRates_data();
    void schedulesSetTheRates();
    void settingsChangeTheFirstBatch_data();
    void settingsChangeTheFirstBatch();
    void positiveClassWeights();
    void cpuBfloat16RunsTheNetworkInBfloat16();
    void batchWorkersDoNotChangeTheRun();
    void untunedThresholdsStayAtOneHalf();
    void leavesTheGlobalGeneratorAlone();
    void refusesAFolderThatIsNotARun();
    void corruptCheckpointIsReported_data();
    void corruptCheckpointIsReported();
    void threadCountIsCappedAtTheCores();
    void finderSuggestsWhereTheLossFallsFastest_data();
    void finderSuggestsWhereTheLossFallsFastest();
    void finderSweepsUntilTheLossBlowsUp();
    void unreadableImagesAreReportedAndSkipped();
    void deviceSelection_data();
    void deviceSelection();
    void rankDevices_data();
    void rankDevices();
    void badConfigIsRefused_data();
    void badConfigIsRefused();
};

void TestTrainer::lossFallsOnALearnableSet()
{
    QTemporaryDir dir;
    test::SyntheticImageLoader loader;
    Trainer trainer(dir.filePath("run").toStdString(), loader);
    TrainConfig config = tinyConfig(6);
    config.augmentation.warpProbability = 0.0;
    config.schedule = ScheduleKind::None;
    const TrainResult result = trainer.train(config, test::SyntheticImageLoader::snapshot(96, 32));
    QCOMPARE(result.status, TrainResult::Status::Finished);
    QCOMPARE(result.records.size(), std::size_t(6));
    const auto losses = trainLosses(result.records);
    QVERIFY2(losses.back() < 0.6 * losses.front(), qPrintable(describe(losses)));
    // The tags are easy to see: the model must do clearly better than chance on validation.
    QVERIFY2(result.bestFbeta > 0.8, qPrintable(QString::number(result.bestFbeta)));
    QVERIFY(result.finalFbeta >= 0.8);
    QCOMPARE(result.records.back().epoch, 6);
    QVERIFY(result.records.back().imagesPerSecond > 0);
}

void TestTrainer::sameSeedSameLosses()
{
    QTemporaryDir dir;
    test::SyntheticImageLoader loader;
    const auto snapshot = test::SyntheticImageLoader::snapshot(48, 16);
    const auto run = [&](const char *name, std::uint64_t seed) {
        Trainer trainer(dir.filePath(name).toStdString(), loader);
        TrainConfig config = tinyConfig(2);
        config.seed = seed;
        config.threads = 2;
        return trainer.train(config, snapshot);
    };
    const auto a = run("a", 7);
    const auto b = run("b", 7);
    const auto c = run("c", 8);
    QCOMPARE(describe(trainLosses(b.records)), describe(trainLosses(a.records)));
    QCOMPARE(b.records[1].validationLoss, a.records[1].validationLoss);
    QVERIFY(trainLosses(c.records) != trainLosses(a.records));
}

void TestTrainer::cancelThenResumeFinishesTheSameRun()
{
    QTemporaryDir dir;
    test::SyntheticImageLoader loader;
    const auto snapshot = test::SyntheticImageLoader::snapshot(48, 16);
    TrainConfig config = tinyConfig(3);
    config.schedule = ScheduleKind::Cosine;

    Trainer whole(dir.filePath("whole").toStdString(), loader);
    const TrainResult reference = whole.train(config, snapshot);
    QCOMPARE(reference.records.size(), std::size_t(3));

    const std::string runDir = dir.filePath("stopped").toStdString();
    Feedback feedback;
    Trainer stopped(runDir, loader);
    stopped.setFeedback(&feedback);
    int batchesAfterCancel = 0;
    TrainingCallbacks callbacks;
    callbacks.epoch = [&](const EpochRecord &record) {
        if (record.epoch == 1)
            feedback.cancel();
    };
    callbacks.batch = [&](const BatchProgress &) {
        if (feedback.isCanceled())
            ++batchesAfterCancel;
    };
    stopped.setCallbacks(callbacks);
    const TrainResult first = stopped.train(config, snapshot);
    QCOMPARE(first.status, TrainResult::Status::Canceled);
    QCOMPARE(first.records.size(), std::size_t(1));
    QCOMPARE(batchesAfterCancel, 0); // stopped before finishing a single batch of epoch 2
    QVERIFY(first.bundleDir.empty());
    QVERIFY(QFile::exists(dir.filePath("stopped/last.pt")));
    QVERIFY(QFile::exists(dir.filePath("stopped/best.pt")));
    QVERIFY(!QFile::exists(dir.filePath("stopped/model/bundle.json")));

    Trainer resumed(runDir, loader);
    std::vector<int> epochsSeen;
    TrainingCallbacks resumeCallbacks;
    resumeCallbacks.epoch = [&](const EpochRecord &record) { epochsSeen.push_back(record.epoch); };
    resumed.setCallbacks(resumeCallbacks);
    const TrainResult second = resumed.resume();
    QCOMPARE(second.status, TrainResult::Status::Finished);
    QCOMPARE(epochsSeen, (std::vector<int>{2, 3}));
    QCOMPARE(second.records.size(), std::size_t(3));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(second.records[std::size_t(i)].epoch, i + 1);
    // Optimiser, schedule, shuffling, augmentation and dropout all continue as if never stopped.
    QCOMPARE(describe(trainLosses(second.records)), describe(trainLosses(reference.records)));
    QCOMPARE(second.records[2].learningRate, reference.records[2].learningRate);
    QVERIFY(second.records[2].elapsedSeconds >= second.records[0].elapsedSeconds);
    QVERIFY(QFile::exists(dir.filePath("stopped/model/bundle.json")));
    QCOMPARE(second.finalFbeta, reference.finalFbeta);

    // Resuming a finished run only redoes the bundle, with the same records.
    Trainer again(runDir, loader);
    const TrainResult third = again.resume();
    QCOMPARE(third.records.size(), std::size_t(3));
    QCOMPARE(third.status, TrainResult::Status::Finished);
}

void TestTrainer::cancelBeforeTheFirstEpochLeavesNothingToResume()
{
    QTemporaryDir dir;
    test::SyntheticImageLoader loader;
    Feedback feedback;
    const std::string runDir = dir.filePath("run").toStdString();
    Trainer trainer(runDir, loader);
    trainer.setFeedback(&feedback);
    TrainingCallbacks callbacks;
    callbacks.batch = [&](const BatchProgress &) { feedback.cancel(); };
    trainer.setCallbacks(callbacks);
    const TrainResult result = trainer.train(tinyConfig(2), test::SyntheticImageLoader::snapshot(48, 16));
    QCOMPARE(result.status, TrainResult::Status::Canceled);
    QVERIFY(result.records.empty());
    QVERIFY(!QFile::exists(dir.filePath("run/last.pt")));
    Trainer resumed(runDir, loader);
    try {
        resumed.resume();
        QFAIL("expected an error");
    } catch (const MlError &error) {
        QVERIFY2(std::string(error.what()).find("last.pt") != std::string::npos, error.what());
    }
}

void TestTrainer::refusesToOverwriteARun()
{
    QTemporaryDir dir;
    test::SyntheticImageLoader loader;
    const std::string runDir = dir.filePath("run").toStdString();
    const auto snapshot = test::SyntheticImageLoader::snapshot(16, 8);
    Trainer(runDir, loader).train(tinyConfig(1), snapshot);
    QVERIFY_THROWS_EXCEPTION(MlError, Trainer(runDir, loader).train(tinyConfig(1), snapshot));
    QVERIFY_THROWS_EXCEPTION(MlError, Trainer(dir.filePath("nothing").toStdString(), loader).resume());
}

void TestTrainer::leftoverTempFileDoesNotSpoilResume()
{
    QTemporaryDir dir;
    test::SyntheticImageLoader loader;
    const std::string runDir = dir.filePath("run").toStdString();
    Feedback feedback;
    Trainer trainer(runDir, loader);
    trainer.setFeedback(&feedback);
    TrainingCallbacks callbacks;
    callbacks.epoch = [&](const EpochRecord &) { feedback.cancel(); };
    trainer.setCallbacks(callbacks);
    QCOMPARE(trainer.train(tinyConfig(2), test::SyntheticImageLoader::snapshot(32, 8)).status,
             TrainResult::Status::Canceled);
    // As if the process died while writing the next checkpoint.
    for (const char *name : {"run/last.pt.part", "run/best.pt.part", "run/metrics.json.part"}) {
        std::ofstream torn(dir.filePath(name).toStdString(), std::ios::binary);
        torn << "torn half-written bytes";
    }
    const TrainResult result = Trainer(runDir, loader).resume();
    QCOMPARE(result.status, TrainResult::Status::Finished);
    QCOMPARE(result.records.size(), std::size_t(2));
    QVERIFY(!QFile::exists(dir.filePath("run/last.pt.part")));
}

void TestTrainer::runFilesDescribeTheRun()
{
    QTemporaryDir dir;
    test::SyntheticImageLoader loader;
    const std::string runDir = dir.filePath("run").toStdString();
    TrainConfig config = tinyConfig(2);
    config.optimizer = OptimizerKind::Sgd;
    config.augmentation.verticalFlip = true;
    config.seed = 12345678901234567ull;
    config.dropoutScale = 0.5;
    const DatasetSnapshot snapshot = test::SyntheticImageLoader::snapshot(32, 16);
    const TrainResult result = Trainer(runDir, loader).train(config, snapshot);

    const TrainConfig back = Trainer::readConfig(runDir);
    QCOMPARE(back.toJson().dump(), config.toJson().dump());
    QCOMPARE(back.seed, config.seed);
    QCOMPARE(back.dropoutScale, 0.5);

    const Json metrics = readJsonFile(runDir + "/metrics.json");
    QCOMPARE(metrics.at("status").get<std::string>(), std::string("finished"));
    QCOMPARE(metrics.at("epochs").size(), std::size_t(2));
    QCOMPARE(metrics.at("best_epoch").get<long long>(), (long long)result.bestEpoch);
    const Json &epoch2 = metrics.at("epochs")[1];
    QCOMPARE(epoch2.at("epoch").get<long long>(), 2LL);
    for (const char *key : {"train_loss", "val_loss", "fbeta", "f1_micro", "f1_macro", "map", "lr",
                            "images_per_second", "seconds", "elapsed_seconds"})
        QVERIFY2(epoch2.contains(key), key);

    const ModelBundle bundle = ModelBundle::read(ModelBundle::locate(runDir));
    QCOMPARE(bundle.tags, test::SyntheticImageLoader::tagNames());
    QCOMPARE(bundle.inputSize, 24);
    QCOMPARE(bundle.architecture, std::string("smallervggnet"));
    QCOMPARE(bundle.epoch, result.bestEpoch);
    QVERIFY(QFile::exists(dir.filePath("run/dataset.json")));

    // The thresholds and the final metrics, recomputed independently: the bundle's
    // model (through the Predictor, as a user would load it) on the validation images.
    const auto predictor = Predictor::load(runDir, DeviceChoice::Cpu);
    std::vector<std::uint8_t> pixels;
    std::vector<std::uint8_t> truth;
    for (const Sample &sample : snapshot.validation) {
        const auto image = test::SyntheticImageLoader::draw(sample.path, bundle.inputSize);
        pixels.insert(pixels.end(), image.begin(), image.end());
        truth.insert(truth.end(), sample.target.begin(), sample.target.end());
    }
    const std::vector<float> probabilities = predictor->predict(pixels.data(), snapshot.validation.size());
    const std::vector<float> tuned = tuneThresholds(probabilities, truth, 3, config.beta);
    QCOMPARE(bundle.thresholds.size(), std::size_t(3));
    for (std::size_t t = 0; t < 3; ++t)
        QVERIFY2(std::abs(bundle.thresholds[t] - tuned[t]) < 1e-4,
                 qPrintable(QStringLiteral("tag %1: %2 in the bundle, %3 recomputed").arg(t).arg(bundle.thresholds[t]).arg(tuned[t])));
    const MetricsReport report = computeMetrics(probabilities, truth, bundle.tags, tuned, config.beta);
    QVERIFY(std::abs(metrics.at("validation").at("fbeta_samples").get<double>() - report.fbetaSamples) < 1e-6);
    QVERIFY(std::abs(result.finalFbeta - report.fbetaSamples) < 1e-6);
    for (std::size_t t = 0; t < 3; ++t) {
        const Json &tag = metrics.at("validation").at("per_tag")[t];
        QCOMPARE(tag.at("tp").get<long long>(), (long long)report.perTag[t].tp);
        QCOMPARE(tag.at("fn").get<long long>(), (long long)report.perTag[t].fn);
    }
}

namespace {

/// The parameters of \a network, one flat double tensor.
torch::Tensor flatParameters(torch::nn::Module &network)
{
    std::vector<torch::Tensor> parts;
    for (const auto &p : network.parameters())
        parts.push_back(p.detach().flatten().to(torch::kDouble));
    return torch::cat(parts);
}

/// The loss of the first batch of a run of \a config; the run is then canceled.
double firstBatchLoss(const TrainConfig &config, const DatasetSnapshot &snapshot)
{
    QTemporaryDir dir;
    test::SyntheticImageLoader loader;
    Feedback feedback;
    Trainer trainer(dir.filePath("run").toStdString(), loader);
    trainer.setFeedback(&feedback);
    double loss = std::nan("");
    TrainingCallbacks callbacks;
    callbacks.batch = [&](const BatchProgress &progress) {
        loss = progress.loss;
        feedback.cancel();
    };
    trainer.setCallbacks(callbacks);
    trainer.train(config, snapshot);
    return loss;
}

}

void TestTrainer::optimizersTakeTheirOwnFirstStep_data()
{
    QTest::addColumn<int>("optimizer");
    QTest::addColumn<double>("weightDecay");
    QTest::newRow("adam") << int(OptimizerKind::Adam) << 0.0;
    QTest::newRow("adamw, decoupled weight decay") << int(OptimizerKind::AdamW) << 0.5;
    QTest::newRow("sgd with momentum") << int(OptimizerKind::Sgd) << 0.0;
}

void TestTrainer::optimizersTakeTheirOwnFirstStep()
{
    // One step (16 images, one batch) from the network the seed gives, then the
    // change of every parameter. Adam's first step moves each parameter with a
    // gradient by the learning rate itself (m/sqrt(v) = g/|g|); AdamW does the
    // same after taking lr * decay * w off; SGD moves it by lr * 1.9 * g (Nesterov),
    // which almost never equals the learning rate.
    QFETCH(int, optimizer);
    QFETCH(double, weightDecay);
    QTemporaryDir dir;
    test::SyntheticImageLoader loader;
    TrainConfig config = tinyConfig(1);
    config.optimizer = OptimizerKind(optimizer);
    config.weightDecay = weightDecay;
    config.schedule = ScheduleKind::None;
    config.batchSize = 16;
    const std::string runDir = dir.filePath("run").toStdString();
    Trainer(runDir, loader).train(config, test::SyntheticImageLoader::snapshot(16, 8));

    auto before = createNetwork(config.architecture, 3, config.inputSize, config.seed);
    auto after = createNetwork(config.architecture, 3, config.inputSize);
    loadWeights(*after, runDir + "/best.pt", torch::kCPU);
    const torch::Tensor w0 = flatParameters(*before);
    torch::Tensor step = flatParameters(*after) - w0;
    if (OptimizerKind(optimizer) == OptimizerKind::AdamW)
        step += config.learningRate * weightDecay * w0;
    const double lr = config.learningRate;
    const torch::Tensor moved = step.abs() > 1e-3 * lr;
    const double movedCount = moved.sum().item<double>();
    QVERIFY2(movedCount > 0.3 * double(step.numel()), qPrintable(QString::number(movedCount)));
    const double byTheRate = ((step.abs() - lr).abs() < 1e-2 * lr).logical_and(moved).sum().item<double>() / movedCount;
    qInfo("%.4f of the moving parameters moved by the learning rate", byTheRate);
    if (OptimizerKind(optimizer) == OptimizerKind::Sgd)
        QVERIFY2(byTheRate < 0.05, qPrintable(QString::number(byTheRate)));
    else
        QVERIFY2(byTheRate > 0.99, qPrintable(QString::number(byTheRate)));
}

void TestTrainer::schedulesSetTheRates_data()
{
    QTest::addColumn<int>("schedule");
    QTest::newRow("none") << int(ScheduleKind::None);
    QTest::newRow("cosine") << int(ScheduleKind::Cosine);
    QTest::newRow("onecycle") << int(ScheduleKind::OneCycle);
}

void TestTrainer::schedulesSetTheRates()
{
    QFETCH(int, schedule);
    QTemporaryDir dir;
    test::SyntheticImageLoader loader;
    TrainConfig config = tinyConfig(3);
    config.schedule = ScheduleKind(schedule);
    std::vector<double> seen;
    Trainer trainer(dir.filePath("run").toStdString(), loader);
    TrainingCallbacks callbacks;
    callbacks.batch = [&](const BatchProgress &progress) { seen.push_back(progress.learningRate); };
    trainer.setCallbacks(callbacks);
    const TrainResult result = trainer.train(config, test::SyntheticImageLoader::snapshot(32, 8));
    // 32 images in batches of 16: two steps an epoch, each at the schedule's rate.
    const LrSchedule expected(config.schedule, config.learningRate, config.epochs, 2, config.warmupEpochs);
    QCOMPARE(seen.size(), std::size_t(6));
    for (int epoch = 1; epoch <= 3; ++epoch) {
        for (int step = 0; step < 2; ++step)
            QCOMPARE(seen[std::size_t((epoch - 1) * 2 + step)], expected.rate(epoch, step));
        QCOMPARE(result.records[std::size_t(epoch - 1)].learningRate, expected.rate(epoch, 1));
    }
    const bool constant = std::all_of(seen.begin(), seen.end(), [&](double r) { return r == seen.front(); });
    QCOMPARE(constant, ScheduleKind(schedule) == ScheduleKind::None);
}

void TestTrainer::settingsChangeTheFirstBatch_data()
{
    // Each setting against the same run without it: the same network, the same
    // batch of the same images; only what the setting changes differs.
    QTest::addColumn<QString>("setting");
    QTest::newRow("augmentation") << "augmentation";
    QTest::newRow("positive-class weights") << "pos-weight";
    QTest::newRow("bfloat16 on the CPU") << "bf16";
}

void TestTrainer::settingsChangeTheFirstBatch()
{
    QFETCH(QString, setting);
    // Tags of unequal frequency (red on every image, stripes and square on a
    // quarter), so that positive-class weights differ from 1.
    DatasetSnapshot snapshot = test::SyntheticImageLoader::snapshot(32, 8);
    for (std::size_t i = 0; i < snapshot.train.size(); ++i) {
        const unsigned mask = i % 4 == 0 ? 7u : 1u;
        snapshot.train[i].path = test::SyntheticImageLoader::pathFor(int(i), mask);
        snapshot.train[i].target = {1, std::uint8_t(mask >> 1 & 1u), std::uint8_t(mask >> 2 & 1u)};
    }
    TrainConfig plain = tinyConfig(1);
    plain.augmentation = AugmentationConfig::preset(AugmentationLevel::None);
    TrainConfig changed = plain;
    if (setting == "augmentation")
        changed.augmentation = AugmentationConfig::preset(AugmentationLevel::Standard);
    else if (setting == "pos-weight")
        changed.positiveWeights = true;
    else
        changed.cpuBfloat16 = true;
    const double a = firstBatchLoss(plain, snapshot);
    const double again = firstBatchLoss(plain, snapshot);
    const double b = firstBatchLoss(changed, snapshot);
    qInfo("first batch loss %.9f without, %.9f with", a, b);
    QVERIFY(std::isfinite(a) && std::isfinite(b));
    QCOMPARE(again, a); // the probe itself is reproducible
    QVERIFY2(std::abs(a - b) > 1e-6, qPrintable(QStringLiteral("%1 against %2").arg(a).arg(b)));
}

void TestTrainer::positiveClassWeights()
{
    // negatives / positives per tag, within [0.05, 50]; no positive counts as one.
    const auto counts = torch::tensor({10.0f, 50.0f, 99.0f, 0.0f, 1.0f});
    const auto weights = ml::positiveClassWeights(counts, 100);
    QCOMPARE(weights.scalar_type(), torch::kFloat);
    const std::vector<float> expected{9.0f, 1.0f, 0.05f, 50.0f, 50.0f};
    for (std::size_t i = 0; i < expected.size(); ++i)
        QVERIFY2(std::abs(weights[std::int64_t(i)].item<float>() - expected[i]) < 1e-5,
                 qPrintable(QString::number(weights[std::int64_t(i)].item<float>())));
}

void TestTrainer::cpuBfloat16RunsTheNetworkInBfloat16()
{
    auto network = createNetwork("smallervggnet", 3, 24);
    network->eval();
    torch::NoGradGuard noGrad;
    const auto x = torch::randn({2, 3, 24, 24});
    QCOMPARE(network->forward(x).scalar_type(), torch::kFloat);
    {
        AutocastScope autocast(false, true);
        QCOMPARE(network->features(x).scalar_type(), torch::kBFloat16);
        QCOMPARE(network->forward(x).scalar_type(), torch::kBFloat16);
    }
    QCOMPARE(network->forward(x).scalar_type(), torch::kFloat); // the scope ended
}

void TestTrainer::batchWorkersDoNotChangeTheRun()
{
    QTemporaryDir dir;
    test::SyntheticImageLoader loader;
    const auto snapshot = test::SyntheticImageLoader::snapshot(48, 16);
    std::vector<std::string> losses;
    for (const int workers : {0, 1, 3}) {
        TrainConfig config = tinyConfig(2);
        config.workers = workers;
        const auto result = Trainer(dir.filePath(QStringLiteral("w%1").arg(workers)).toStdString(), loader)
                                .train(config, snapshot);
        losses.push_back(describe(trainLosses(result.records)).toStdString());
    }
    QCOMPARE(losses[1], losses[0]);
    QCOMPARE(losses[2], losses[0]);
}

void TestTrainer::untunedThresholdsStayAtOneHalf()
{
    QTemporaryDir dir;
    test::SyntheticImageLoader loader;
    TrainConfig config = tinyConfig(1);
    config.tuneThresholds = false;
    const std::string runDir = dir.filePath("run").toStdString();
    Trainer(runDir, loader).train(config, test::SyntheticImageLoader::snapshot(32, 16));
    QCOMPARE(ModelBundle::read(ModelBundle::locate(runDir)).thresholds, std::vector<float>(3, 0.5f));
}

void TestTrainer::leavesTheGlobalGeneratorAlone()
{
    // A run inside the GUI must not change the randomness of anything else.
    torch::manual_seed(99);
    const auto expected = torch::rand({8});
    torch::manual_seed(99);
    QTemporaryDir dir;
    test::SyntheticImageLoader loader;
    Trainer(dir.filePath("run").toStdString(), loader).train(tinyConfig(1), test::SyntheticImageLoader::snapshot(32, 8));
    QVERIFY(torch::equal(torch::rand({8}), expected));
}

void TestTrainer::refusesAFolderThatIsNotARun()
{
    QTemporaryDir dir;
    test::SyntheticImageLoader loader;
    QDir().mkpath(dir.filePath("mine"));
    for (const char *name : {"mine/config.json", "mine/metrics.json"}) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"the user's\": \"own file\"}");
    }
    try {
        Trainer(dir.filePath("mine").toStdString(), loader).train(tinyConfig(1), test::SyntheticImageLoader::snapshot(16, 8));
        QFAIL("expected an error");
    } catch (const MlError &error) {
        QVERIFY2(std::string(error.what()).find("is not empty and is not a Tagwise run") != std::string::npos, error.what());
    }
    QFile config(dir.filePath("mine/config.json"));
    QVERIFY(config.open(QIODevice::ReadOnly));
    QCOMPARE(config.readAll(), QByteArray("{\"the user's\": \"own file\"}"));
    QVERIFY_THROWS_EXCEPTION(MlError, Trainer("/", loader).train(tinyConfig(1), test::SyntheticImageLoader::snapshot(16, 8)));

    // A run stopped before its first epoch ended may start anew in its folder.
    Feedback feedback;
    Trainer stopped(dir.filePath("early").toStdString(), loader);
    stopped.setFeedback(&feedback);
    TrainingCallbacks callbacks;
    callbacks.batch = [&](const BatchProgress &) { feedback.cancel(); };
    stopped.setCallbacks(callbacks);
    QCOMPARE(stopped.train(tinyConfig(1), test::SyntheticImageLoader::snapshot(16, 8)).status, TrainResult::Status::Canceled);
    const TrainResult again = Trainer(dir.filePath("early").toStdString(), loader).train(tinyConfig(1), test::SyntheticImageLoader::snapshot(16, 8));
    QCOMPARE(again.status, TrainResult::Status::Finished);
}

void TestTrainer::corruptCheckpointIsReported_data()
{
    QTest::addColumn<QString>("damage");
    QTest::newRow("random bytes") << "random";
    QTest::newRow("zeroed bytes") << "zeros";
    QTest::newRow("truncated") << "truncate";
}

void TestTrainer::corruptCheckpointIsReported()
{
    QFETCH(QString, damage);
    QTemporaryDir dir;
    test::SyntheticImageLoader loader;
    const std::string runDir = dir.filePath("run").toStdString();
    Feedback feedback;
    Trainer trainer(runDir, loader);
    trainer.setFeedback(&feedback);
    TrainingCallbacks callbacks;
    callbacks.epoch = [&](const EpochRecord &) { feedback.cancel(); };
    trainer.setCallbacks(callbacks);
    QCOMPARE(trainer.train(tinyConfig(3), test::SyntheticImageLoader::snapshot(32, 8)).status, TrainResult::Status::Canceled);

    QFile file(dir.filePath("run/last.pt"));
    QVERIFY(file.open(QIODevice::ReadWrite));
    const qint64 size = file.size();
    if (damage == "truncate") {
        QVERIFY(file.resize(size / 2));
    } else {
        // 4 KiB in the middle of the archive, where the tensors are.
        QByteArray bytes(4096, '\0');
        if (damage == "random") {
            std::mt19937 random(7);
            for (char &c : bytes)
                c = char(random() & 0xff);
        }
        QVERIFY(file.seek(size / 2));
        QCOMPARE(file.write(bytes), qint64(bytes.size()));
    }
    file.close();
    try {
        Trainer(runDir, loader).resume();
        QFAIL("a damaged checkpoint resumed");
    } catch (const MlError &error) {
        const std::string what = error.what();
        QVERIFY2(what.find("last.pt: is corrupt") != std::string::npos, error.what());
    }
}

void TestTrainer::threadCountIsCappedAtTheCores()
{
    if (qEnvironmentVariableIsSet("TAGWISE_THREADS"))
        QSKIP("TAGWISE_THREADS pins the thread count");
    const int cores = coreCount();
    QCOMPARE(effectiveThreadCount(0), cores);
    QCOMPARE(effectiveThreadCount(1), 1);
    QCOMPARE(effectiveThreadCount(1000), cores);
    qputenv("TAGWISE_THREADS", "1");
    QCOMPARE(effectiveThreadCount(0), 1);
    QCOMPARE(effectiveThreadCount(8), 1);
    qunsetenv("TAGWISE_THREADS");
    const ThreadBudget gui = ThreadBudget::interactive(8);
    QCOMPARE(gui.threads, 7);
    QVERIFY(gui.lowPriority);
    QCOMPARE(ThreadBudget::interactive(2).threads, 2);
    QVERIFY(!ThreadBudget::commandLine().lowPriority);
}

void TestTrainer::unreadableImagesAreReportedAndSkipped()
{
    QTemporaryDir dir;
    test::SyntheticImageLoader loader;
    auto snapshot = test::SyntheticImageLoader::snapshot(24, 8);
    snapshot.train[5].path = "corrupt_5_3";
    snapshot.validation[1].path = "corrupt_25_1";
    Trainer trainer(dir.filePath("run").toStdString(), loader);
    std::vector<std::string> warnings;
    TrainingCallbacks callbacks;
    callbacks.warning = [&](const std::string &w) { warnings.push_back(w); };
    trainer.setCallbacks(callbacks);
    const TrainResult result = trainer.train(tinyConfig(1), snapshot);
    QCOMPARE(result.trainImages, 23);
    QCOMPARE(result.validationImages, 7);
    QCOMPARE(warnings.size(), std::size_t(2));
    QVERIFY(warnings[0].find("corrupt_5_3") != std::string::npos);
    QVERIFY(warnings[1].find("corrupt_25_1") != std::string::npos);
}

void TestTrainer::deviceSelection_data()
{
    QTest::addColumn<int>("choice");
    QTest::addColumn<bool>("cudaAvailable");
    QTest::addColumn<QString>("expected"); // empty: an error
    QTest::newRow("auto without cuda") << int(DeviceChoice::Auto) << false << "cpu";
    QTest::newRow("auto with cuda") << int(DeviceChoice::Auto) << true << "cuda:0";
    QTest::newRow("cpu with cuda") << int(DeviceChoice::Cpu) << true << "cpu";
    QTest::newRow("cuda") << int(DeviceChoice::Cuda) << true << "cuda:0";
    QTest::newRow("cuda without cuda") << int(DeviceChoice::Cuda) << false << "";
}

void TestTrainer::deviceSelection()
{
    QFETCH(int, choice);
    QFETCH(bool, cudaAvailable);
    QFETCH(QString, expected);
    if (expected.isEmpty()) {
        try {
            selectDevice(DeviceChoice(choice), cudaAvailable);
            QFAIL("expected an error");
        } catch (const MlError &error) {
            QVERIFY2(std::string(error.what()).find("CUDA is not available") != std::string::npos, error.what());
        }
        return;
    }
    QCOMPARE(QString::fromStdString(selectDevice(DeviceChoice(choice), cudaAvailable).str()), expected);
}

void TestTrainer::rankDevices_data()
{
    QTest::addColumn<QString>("chosen");
    QTest::addColumn<int>("localRank");
    QTest::addColumn<int>("cudaDevices");
    QTest::addColumn<QString>("expected");
    QTest::newRow("the CPU stays") << "cpu" << 1 << 2 << "cpu";
    QTest::newRow("rank 0 of a machine") << "cuda:0" << 0 << 2 << "cuda:0";
    QTest::newRow("rank 1 of a machine") << "cuda:0" << 1 << 2 << "cuda:1";
    QTest::newRow("more ranks than GPUs share them") << "cuda:0" << 3 << 2 << "cuda:1";
    QTest::newRow("one GPU for all") << "cuda:0" << 5 << 1 << "cuda:0";
}

void TestTrainer::rankDevices()
{
    QFETCH(QString, chosen);
    QFETCH(int, localRank);
    QFETCH(int, cudaDevices);
    QFETCH(QString, expected);
    const c10::Device device(chosen.toStdString());
    QCOMPARE(QString::fromStdString(rankDevice(device, localRank, cudaDevices).str()), expected);
}

void TestTrainer::badConfigIsRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    QTest::newRow("arch") << "arch" << "unknown architecture";
    QTest::newRow("size") << "size" << "input size";
    QTest::newRow("epochs") << "epochs" << "epochs";
    QTest::newRow("batch") << "batch" << "batch size";
    QTest::newRow("lr") << "lr" << "learning rate";
    QTest::newRow("beta") << "beta" << "beta";
}

void TestTrainer::badConfigIsRefused()
{
    QFETCH(QString, field);
    QFETCH(QString, expected);
    TrainConfig config = tinyConfig(1);
    if (field == "arch")
        config.architecture = "alexnet";
    else if (field == "size")
        config.inputSize = 4;
    else if (field == "epochs")
        config.epochs = 0;
    else if (field == "batch")
        config.batchSize = 1;
    else if (field == "lr")
        config.learningRate = -1;
    else if (field == "beta")
        config.beta = 0;
    QTemporaryDir dir;
    test::SyntheticImageLoader loader;
    try {
        Trainer(dir.filePath("run").toStdString(), loader).train(config, test::SyntheticImageLoader::snapshot(8, 4));
        QFAIL("expected an error");
    } catch (const std::invalid_argument &error) {
        QVERIFY2(std::string(error.what()).find(expected.toStdString()) != std::string::npos, error.what());
    }
    QCOMPARE(loader.calls(), 0);
}

void TestTrainer::finderSuggestsWhereTheLossFallsFastest_data()
{
    QTest::addColumn<double>("fastest");
    QTest::addColumn<double>("noise");
    QTest::newRow("1e-4") << 1e-4 << 0.0;
    QTest::newRow("3e-3") << 3e-3 << 0.0;
    QTest::newRow("0.1") << 0.1 << 0.0;
    QTest::newRow("3e-3, noisy") << 3e-3 << 0.01;
}

void TestTrainer::finderSuggestsWhereTheLossFallsFastest()
{
    // A loss curve whose answer is known: it falls as a logistic curve in
    // log(rate), steepest exactly at `fastest`, flattens, then blows up 30x
    // later (as a sweep sees it), smoothed as the finder smooths.
    QFETCH(double, fastest);
    QFETCH(double, noise);
    const LrSweepOptions options;
    std::mt19937 random(5);
    std::normal_distribution<double> jitter(0.0, noise);
    std::vector<double> rates, smoothed;
    double average = 0.0;
    for (int step = 0; step < options.steps; ++step) {
        const double rate = sweepRate(options, step);
        const double x = std::log(rate / fastest);
        double loss = 1.0 - 0.8 / (1.0 + std::exp(-2.0 * x)) + (noise > 0 ? jitter(random) : 0.0);
        if (rate > 30.0 * fastest)
            loss += 0.5 * std::log(rate / (30.0 * fastest));
        average = options.smoothing * average + (1.0 - options.smoothing) * loss;
        rates.push_back(rate);
        smoothed.push_back(average / (1.0 - std::pow(options.smoothing, step + 1)));
    }
    // The smoothing lags: the smoothed curve's steepest point sits a little later.
    const double suggested = suggestLearningRate(rates, smoothed);
    qInfo("steepest at %g, suggested %g", fastest, suggested);
    QVERIFY2(suggested > fastest / 2.0 && suggested < fastest * 4.0,
             qPrintable(QStringLiteral("%1 for a curve steepest at %2").arg(suggested).arg(fastest)));
    // A flat curve has no suggestion.
    QCOMPARE(suggestLearningRate(rates, std::vector<double>(rates.size(), 0.7)), 0.0);
}

void TestTrainer::finderSweepsUntilTheLossBlowsUp()
{
    QTemporaryDir dir;
    test::SyntheticImageLoader loader;
    TrainConfig config = tinyConfig(1);
    config.optimizer = OptimizerKind::Sgd;
    const std::string unused = dir.filePath("unused").toStdString();
    Trainer trainer(unused, loader);
    LrSweepOptions options;
    options.steps = 60;
    options.startRate = 1e-5;
    options.endRate = 1e3;
    const LrSweep sweep = trainer.findLearningRate(config, test::SyntheticImageLoader::snapshot(48, 8), options);
    QVERIFY(sweep.rates.size() >= 10);
    for (std::size_t i = 1; i < sweep.rates.size(); ++i)
        QVERIFY(std::abs(sweep.rates[i] / sweep.rates[i - 1] - std::pow(1e8, 1.0 / 59.0)) < 1e-9);
    // SGD at a rate of hundreds diverges: the sweep stops before its last step.
    QVERIFY(sweep.diverged);
    QVERIFY(sweep.rates.size() < 60);
    QVERIFY(sweep.suggestedRate > 1e-5 && sweep.suggestedRate < sweep.rates.back());
    QVERIFY(!QFileInfo::exists(dir.filePath("unused")));
}

QTEST_GUILESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
