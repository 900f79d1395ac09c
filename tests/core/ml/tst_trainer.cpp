// The training loop: it learns, it is reproducible, it checkpoints, it stops
// when asked and resumes where it stopped.

#include "common/syntheticimageloader.h"
#include "core/ml/device.h"
#include "core/ml/feedback.h"
#include "core/ml/jsonvalue.h"
#include "core/ml/mlerror.h"
#include "core/ml/modelbundle.h"
#include "core/ml/trainer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <c10/core/Device.h>

#include <fstream>

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
    void settingsVariantsTrain_data();
    void settingsVariantsTrain();
    void unreadableImagesAreReportedAndSkipped();
    void deviceSelection_data();
    void deviceSelection();
    void badConfigIsRefused_data();
    void badConfigIsRefused();
};

void TestTrainer::lossFallsOnALearnableSet()
{
    QTemporaryDir dir;
    test::SyntheticImageLoader loader;
    Trainer trainer(dir.filePath("run").toStdString(), loader);
    TrainConfig config = tinyConfig(6);
    config.augmentation.affine = false;
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
    const TrainResult result = Trainer(runDir, loader).train(config, test::SyntheticImageLoader::snapshot(32, 16));

    const TrainConfig back = TrainConfig::fromJson(JsonValue::readFile(runDir + "/config.json"));
    QCOMPARE(back.toJson().dump(), config.toJson().dump());
    QCOMPARE(back.seed, config.seed);

    const JsonValue metrics = JsonValue::readFile(runDir + "/metrics.json");
    QCOMPARE(metrics.at("status").toString(), std::string("finished"));
    QCOMPARE(metrics.at("epochs").size(), std::size_t(2));
    QCOMPARE(metrics.at("best_epoch").toInteger(), (long long)result.bestEpoch);
    const JsonValue &epoch2 = metrics.at("epochs").items()[1];
    QCOMPARE(epoch2.at("epoch").toInteger(), 2LL);
    for (const char *key : {"train_loss", "val_loss", "fbeta", "f1_micro", "f1_macro", "map", "lr",
                            "images_per_second", "seconds", "elapsed_seconds"})
        QVERIFY2(epoch2.contains(key), key);
    const JsonValue &validation = metrics.at("validation");
    QCOMPARE(validation.at("per_tag").size(), std::size_t(3));
    QCOMPARE(validation.at("fbeta_samples").toDouble(), result.finalFbeta);

    const ModelBundle bundle = ModelBundle::read(ModelBundle::locate(runDir));
    QCOMPARE(bundle.tags, test::SyntheticImageLoader::tagNames());
    QCOMPARE(bundle.inputSize, 24);
    QCOMPARE(bundle.architecture, std::string("smallervggnet"));
    QCOMPARE(bundle.epoch, result.bestEpoch);
    QCOMPARE(bundle.thresholds.size(), std::size_t(3));
    for (std::size_t t = 0; t < 3; ++t)
        QCOMPARE(double(bundle.thresholds[t]), validation.at("per_tag").items()[t].at("threshold").toDouble());
    QVERIFY(QFile::exists(dir.filePath("run/dataset.json")));
}

void TestTrainer::settingsVariantsTrain_data()
{
    QTest::addColumn<int>("optimizer");
    QTest::addColumn<int>("schedule");
    QTest::addColumn<bool>("positiveWeights");
    QTest::addColumn<bool>("tuned");
    QTest::addColumn<bool>("bf16");
    QTest::addColumn<int>("workers");
    QTest::newRow("adam onecycle") << int(OptimizerKind::Adam) << int(ScheduleKind::OneCycle) << false << true << false << 1;
    QTest::newRow("sgd plateau") << int(OptimizerKind::Sgd) << int(ScheduleKind::Plateau) << true << false << false << 0;
    QTest::newRow("adamw none weights") << int(OptimizerKind::AdamW) << int(ScheduleKind::None) << true << true << false << 3;
    QTest::newRow("cpu bfloat16") << int(OptimizerKind::AdamW) << int(ScheduleKind::Cosine) << false << true << true << 2;
}

void TestTrainer::settingsVariantsTrain()
{
    QFETCH(int, optimizer);
    QFETCH(int, schedule);
    QFETCH(bool, positiveWeights);
    QFETCH(bool, tuned);
    QFETCH(bool, bf16);
    QFETCH(int, workers);
    QTemporaryDir dir;
    test::SyntheticImageLoader loader;
    TrainConfig config = tinyConfig(2);
    config.optimizer = OptimizerKind(optimizer);
    config.schedule = ScheduleKind(schedule);
    config.positiveWeights = positiveWeights;
    config.tuneThresholds = tuned;
    config.cpuBfloat16 = bf16;
    config.workers = workers;
    const std::string runDir = dir.filePath("run").toStdString();
    const TrainResult result = Trainer(runDir, loader).train(config, test::SyntheticImageLoader::snapshot(32, 16));
    QCOMPARE(result.records.size(), std::size_t(2));
    for (const auto &record : result.records) {
        QVERIFY(std::isfinite(record.trainLoss) && record.trainLoss > 0);
        QVERIFY(std::isfinite(record.validationLoss));
        QVERIFY(record.fbeta >= 0 && record.fbeta <= 1);
    }
    const ModelBundle bundle = ModelBundle::read(ModelBundle::locate(runDir));
    if (!tuned)
        QCOMPARE(bundle.thresholds, std::vector<float>(3, 0.5f));
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
    // This machine: auto means what is there, and is never an error.
    const c10::Device here = selectDevice(DeviceChoice::Auto);
    QVERIFY(here.is_cpu() || here.is_cuda());
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

QTEST_GUILESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
