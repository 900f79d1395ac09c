// The one-click defaults (recommendation.h): what each kind of data and
// machine gets, and that every choice comes with its reason.

#include "core/ml/recommendation.h"

#include <QLocale>
#include <QTest>

#include <algorithm>

using namespace tagwise::ml;

namespace {

DataProfile profile(std::int64_t images, int side, bool cuda, bool bf16, double minutes = 10.0)
{
    DataProfile p;
    p.trainImages = images;
    p.validationImages = images / 8;
    p.tags = 10;
    p.typicalSide = side;
    p.cuda = cuda;
    p.cpuBfloat16 = bf16;
    p.cores = 2;
    p.minutes = minutes;
    return p;
}

const Reason *reasonFor(const Recommendation &r, const std::string &setting)
{
    const auto it = std::find_if(r.reasons.begin(), r.reasons.end(), [&](const Reason &x) { return x.setting == setting; });
    return it == r.reasons.end() ? nullptr : &*it;
}

}

class TestRecommendation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void choices_data();
    void choices();
    void fixedSettingsAreKeptAndTheRestAdapt();
    void runLengthChoosesScheduleDropoutAndOptimiser_data();
    void runLengthChoosesScheduleDropoutAndOptimiser();
    void epochsFitTheTime();
    void reasonTextsAreFilledIn();
    void longRunsFitTheTimeWithTheirDropout_data();
    void longRunsFitTheTimeWithTheirDropout();
};

void TestRecommendation::choices_data()
{
    QTest::addColumn<qint64>("images");
    QTest::addColumn<int>("side");
    QTest::addColumn<bool>("cuda");
    QTest::addColumn<bool>("cpuBf16");
    QTest::addColumn<QString>("arch");
    QTest::addColumn<int>("size");
    QTest::addColumn<bool>("bf16");

    // Up to 32 px the first pool halves (smallervggnet_p2), whose larger maps
    // gain from bfloat16 already at 28 px.
    QTest::newRow("mosaics on a bf16 CPU") << qint64(6000) << 64 << false << true << "smallervggnet" << 64 << true;
    QTest::newRow("mosaics on another CPU") << qint64(6000) << 64 << false << false << "smallervggnet" << 64 << false;
    QTest::newRow("32 px on another CPU") << qint64(6000) << 32 << false << false << "smallervggnet_p2" << 32 << false;
    QTest::newRow("33 px on a bf16 CPU") << qint64(6000) << 33 << false << true << "smallervggnet" << 33 << false;
    QTest::newRow("28 px on a bf16 CPU") << qint64(54000) << 28 << false << true << "smallervggnet_p2" << 28 << true;
    QTest::newRow("20 px on a bf16 CPU") << qint64(5000) << 20 << false << true << "smallervggnet_p2" << 20 << false;
    QTest::newRow("80 px on a bf16 CPU") << qint64(5000) << 80 << false << true << "smallervggnet" << 80 << true;
    QTest::newRow("photos on a CPU") << qint64(2000) << 480 << false << true << "smallervggnet" << 128 << true;
    QTest::newRow("photos on a GPU") << qint64(2000) << 480 << true << false << "resnet18" << 224 << false;
    QTest::newRow("tiny images on a GPU") << qint64(2000) << 20 << true << false << "smallervggnet_p2" << 20 << false;
    QTest::newRow("unknown sizes") << qint64(500) << 0 << false << false << "smallervggnet" << 96 << false;
}

void TestRecommendation::choices()
{
    QFETCH(qint64, images);
    QFETCH(int, side);
    QFETCH(bool, cuda);
    QFETCH(bool, cpuBf16);
    QFETCH(QString, arch);
    QFETCH(int, size);
    QFETCH(bool, bf16);

    const Recommendation r = recommendSettings(profile(images, side, cuda, cpuBf16));
    const TrainConfig &c = r.config;
    QCOMPARE(QString::fromStdString(c.architecture), arch);
    QCOMPARE(c.inputSize, size);
    QCOMPARE(c.cpuBfloat16, bf16);
    // The measured recipes, tuned thresholds and no average: Adam at 1e-3 without
    // decay, or given the steps SGD from 0.02 with a decay of 5e-4; the rate
    // constant, or falling over a long run.
    const bool longRun = c.epochs * ((images + c.batchSize - 1) / c.batchSize) >= kLongRunMinSteps;
    QCOMPARE(c.optimizer, longRun ? OptimizerKind::Sgd : OptimizerKind::Adam);
    QCOMPARE(c.learningRate, longRun ? 0.02 : 1e-3);
    QCOMPARE(c.weightDecay, longRun ? 5e-4 : 0.0);
    QCOMPARE(c.schedule, c.epochs >= kCosineMinEpochs ? ScheduleKind::Cosine : ScheduleKind::None);
    QCOMPARE(c.warmupEpochs, 0);
    QVERIFY(c.tuneThresholds);
    QCOMPARE(c.emaDecay, 0.0);
    // SmallerVGGNet without dropout in short runs (measured), the network's own otherwise.
    const bool smallVgg = arch.startsWith(QLatin1String("smallervggnet"));
    QCOMPARE(c.dropoutScale, smallVgg && !longRun ? 0.0 : 1.0);
    QCOMPARE(reasonFor(r, "dropout") != nullptr, smallVgg);
    QVERIFY(c.epochs >= 5 && c.epochs <= 40);
    QCOMPARE(c.augmentation.any(), c.epochs >= 10);
    QVERIFY(c.patience >= 5);
    QVERIFY_THROWS_NO_EXCEPTION(c.validate());
    // Every choice is said once, with a reason.
    for (const char *setting : {"size", "arch", "epochs", "lr", "schedule", "optimizer", "augment", "thresholds"}) {
        const Reason *reason = reasonFor(r, setting);
        QVERIFY2(reason, setting);
        QVERIFY2(!reason->why.empty(), setting);
    }
    const Reason *precision = reasonFor(r, cuda ? "amp" : "bf16");
    QCOMPARE(precision != nullptr, cuda || cpuBf16);
    if (precision && !cuda)
        QCOMPARE(precision->value, std::string(bf16 ? "on" : "off"));
}

void TestRecommendation::fixedSettingsAreKeptAndTheRestAdapt()
{
    FixedSettings fixed;
    fixed.epochs = 5;
    fixed.inputSize = 40;
    fixed.architecture = "resnet18";
    const Recommendation shortRun = recommendSettings(profile(6000, 64, false, true), fixed);
    QCOMPARE(shortRun.config.epochs, 5);
    QCOMPARE(shortRun.config.inputSize, 40);
    QCOMPARE(shortRun.config.architecture, std::string("resnet18"));
    QVERIFY(!shortRun.config.augmentation.any()); // too few epochs to gain from it
    QVERIFY(!reasonFor(shortRun, "epochs") && !reasonFor(shortRun, "size") && !reasonFor(shortRun, "arch"));
    QVERIFY(!shortRun.config.cpuBfloat16); // 40 px

    fixed.epochs = 15;
    const Recommendation longRun = recommendSettings(profile(6000, 64, false, true), fixed);
    QVERIFY(longRun.config.augmentation.any());
    QVERIFY(longRun.config.augmentation.horizontalFlip);
    QCOMPARE(longRun.config.augmentation.warpProbability, 0.0); // light: no resampling
    QVERIFY(!longRun.config.augmentation.colour);
}

void TestRecommendation::runLengthChoosesScheduleDropoutAndOptimiser_data()
{
    QTest::addColumn<qint64>("images");
    QTest::addColumn<int>("epochs");
    QTest::addColumn<QString>("schedule");
    QTest::addColumn<QString>("dropout");
    QTest::addColumn<QString>("optimizer");
    QTest::addColumn<QString>("lr");
    QTest::addColumn<QString>("decay"); // the weight decay said, "" when none is
    // The schedule goes by epochs, the optimiser and dropout by steps (batches of 32).
    QTest::newRow("1 epoch") << qint64(54000) << 1 << "none" << "0" << "adam" << "0.001" << "";
    QTest::newRow("5 epochs") << qint64(54000) << 5 << "none" << "0" << "adam" << "0.001" << "";
    QTest::newRow("19 epochs") << qint64(54000) << 19 << "none" << "0" << "adam" << "0.001" << "";
    QTest::newRow("20 epochs, 33,760 steps") << qint64(54000) << 20 << "cosine" << "0" << "adam" << "0.001" << "";
    QTest::newRow("24 epochs, 40,512 steps") << qint64(54000) << 24 << "cosine" << "1" << "sgd" << "0.02" << "0.0005";
    QTest::newRow("40 epochs, 67,520 steps") << qint64(54000) << 40 << "cosine" << "1" << "sgd" << "0.02" << "0.0005";
    QTest::newRow("40 epochs, 7,520 steps") << qint64(6000) << 40 << "cosine" << "0" << "adam" << "0.001" << "";
    QTest::newRow("39,960 steps") << qint64(31968) << 40 << "cosine" << "0" << "adam" << "0.001" << "";
    QTest::newRow("40,000 steps") << qint64(32000) << 40 << "cosine" << "1" << "sgd" << "0.02" << "0.0005";
}

void TestRecommendation::runLengthChoosesScheduleDropoutAndOptimiser()
{
    QFETCH(qint64, images);
    QFETCH(int, epochs);
    QFETCH(QString, schedule);
    FixedSettings fixed;
    fixed.epochs = epochs;
    const Recommendation r = recommendSettings(profile(images, 28, false, true), fixed);
    QCOMPARE(QString::fromStdString(scheduleName(r.config.schedule)), schedule);
    QCOMPARE(r.config.warmupEpochs, 0); // measured without a warm-up
    const Reason *reason = reasonFor(r, "schedule");
    QVERIFY(reason);
    QCOMPARE(QString::fromStdString(reason->value), schedule);
    const std::string count = std::to_string(epochs) + (epochs == 1 ? " epoch " : " epochs ");
    QVERIFY2(reason->why.find(count) == 0, reason->why.c_str());
    QFETCH(QString, dropout);
    QCOMPARE(r.config.dropoutScale, dropout.toDouble());
    const Reason *dropoutReason = reasonFor(r, "dropout");
    QVERIFY(dropoutReason);
    QCOMPARE(QString::fromStdString(dropoutReason->value), dropout);
    const std::string steps = QLocale(QLocale::English).toString(epochs * ((images + 31) / 32)).toStdString() + " steps";
    QVERIFY2(dropoutReason->why.find(steps) == 0, dropoutReason->why.c_str());
    // The optimiser, its rate and decay, each said with the value the config takes.
    QFETCH(QString, optimizer);
    QFETCH(QString, lr);
    QFETCH(QString, decay);
    QCOMPARE(QString::fromStdString(optimizerName(r.config.optimizer)), optimizer);
    const Reason *optimizerReason = reasonFor(r, "optimizer");
    QCOMPARE(QString::fromStdString(optimizerReason->value), optimizer);
    QVERIFY2(optimizerReason->why.find(steps) != std::string::npos, optimizerReason->why.c_str());
    QCOMPARE(r.config.learningRate, lr.toDouble());
    QCOMPARE(QString::fromStdString(reasonFor(r, "lr")->value), lr);
    QCOMPARE(r.config.weightDecay, decay.toDouble());
    const Reason *decayReason = reasonFor(r, "weight-decay");
    QCOMPARE(decayReason ? QString::fromStdString(decayReason->value) : QString(), decay);
    if (optimizer == QLatin1String("sgd"))
        QCOMPARE(r.config.momentum, 0.9);
    QVERIFY_THROWS_NO_EXCEPTION(r.config.validate());
}

void TestRecommendation::epochsFitTheTime()
{
    // The epochs are those the estimated speed fits into the minutes given, within 5..40.
    const DataProfile p = profile(6000, 64, false, false, 10.0);
    const Recommendation r = recommendSettings(p);
    const double rate = estimatedImagesPerSecond("smallervggnet", 64, false, false, 2);
    const double epochSeconds = (6000.0 + 0.4 * 750.0) / rate;
    QCOMPARE(r.config.epochs, std::clamp(int(600.0 / epochSeconds), 5, 40));
    // Half the time, about half the epochs; a huge set gets the fewest, and says why.
    QVERIFY(recommendSettings(profile(6000, 64, false, false, 5.0)).config.epochs < r.config.epochs);
    const Recommendation huge = recommendSettings(profile(2'000'000, 64, false, false, 10.0));
    QCOMPARE(huge.config.epochs, 5);
    QVERIFY(reasonFor(huge, "epochs")->why.find("fewer learn too little") != std::string::npos);
    // bfloat16 is faster where it is chosen.
    QVERIFY(estimatedImagesPerSecond("smallervggnet", 64, false, true, 2) > rate);
    // A first pool of 2 costs more than one of 3, less than a residual network.
    const double p2 = estimatedImagesPerSecond("smallervggnet_p2", 64, false, false, 2);
    QVERIFY(p2 < rate);
    QVERIFY(estimatedImagesPerSecond("resnet18", 64, false, false, 2) < p2);
}

void TestRecommendation::reasonTextsAreFilledIn()
{
    // Placeholders in any order; numbers grouped by thousands, other text as it is.
    QCOMPARE(fillReasonText("%2 of %1 px", {"640", "67520"}), std::string("67,520 of 640 px"));
    QCOMPARE(fillReasonText("over %1 steps", {"1000000"}), std::string("over 1,000,000 steps"));
    QCOMPARE(fillReasonText("rate %1, %2", {"1e-3", "-5"}), std::string("rate 1e-3, -5"));
    // A % that is no placeholder, or one without its argument, stays.
    QCOMPARE(fillReasonText("100% of %1, %3", {"7"}), std::string("100% of 7, %3"));
    QCOMPARE(fillReasonText("%", {}), std::string("%"));
    // Every reason of the defaults is its parts filled in and joined.
    for (const DataProfile &p : {profile(54000, 28, false, true, 40.0), profile(20, 300, true, false)}) {
        const Recommendation r = recommendSettings(p);
        QVERIFY(!r.reasons.empty());
        for (const Reason &reason : r.reasons) {
            std::string joined;
            for (const ReasonPart &part : reason.parts)
                joined += fillReasonText(part.text, part.arguments);
            QCOMPARE(reason.why, joined);
            QVERIFY2(reason.why.find('%') == std::string::npos, reason.why.c_str());
        }
    }
}

void TestRecommendation::longRunsFitTheTimeWithTheirDropout_data()
{
    QTest::addColumn<double>("minutes");
    QTest::addColumn<bool>("dropout");
    QTest::addColumn<bool>("shortOfLong");
    // 54,000 images of 28 px in bfloat16 (Fashion-MNIST): 1,688 steps an epoch, so a
    // long run has 24 epochs or more.
    QTest::newRow("40 minutes: 40 epochs with dropout") << 40.0 << true << false;
    QTest::newRow("30 minutes: fewer epochs with dropout") << 30.0 << true << false;
    QTest::newRow("20 minutes: just short of a long run") << 20.0 << false << true;
    QTest::newRow("10 minutes: a short run") << 10.0 << false << false;
}

void TestRecommendation::longRunsFitTheTimeWithTheirDropout()
{
    QFETCH(double, minutes);
    QFETCH(bool, dropout);
    QFETCH(bool, shortOfLong);
    const DataProfile p = profile(54000, 28, false, true, minutes);
    const Recommendation r = recommendSettings(p);
    const TrainConfig &c = r.config;
    QCOMPARE(c.architecture, std::string("smallervggnet_p2"));
    QCOMPARE(c.dropoutScale, dropout ? 1.0 : 0.0);
    const std::int64_t batches = (54000 + c.batchSize - 1) / c.batchSize;
    QCOMPARE(std::int64_t(c.epochs) * batches >= kLongRunMinSteps, dropout);
    // The run fits the time at the speed it will have, dropout included.
    const double epochSeconds = (54000.0 + 0.4 * 6750.0) / estimatedImagesPerSecond(c.architecture, 28, false, true, 2, dropout);
    QVERIFY2(c.epochs * epochSeconds <= minutes * 60.0, qPrintable(QString::number(c.epochs)));
    const std::string why = reasonFor(r, "epochs")->why;
    QVERIFY2(why.find(std::to_string(c.epochs) + " epochs take about "
                      + std::to_string(int(std::ceil(c.epochs * epochSeconds / 60.0))) + " minutes")
                 != std::string::npos,
             why.c_str());
    QCOMPARE(why.find("would not fit in the time") != std::string::npos, shortOfLong);
    if (shortOfLong) {
        // The most epochs short of a long run; one more would not fit with dropout.
        QCOMPARE(std::int64_t(c.epochs), (kLongRunMinSteps - 1) / batches);
        const double withDropout = (54000.0 + 0.4 * 6750.0) / estimatedImagesPerSecond(c.architecture, 28, false, true, 2, true);
        QVERIFY((c.epochs + 1) * withDropout > minutes * 60.0);
    } else if (dropout && c.epochs < 40) {
        QVERIFY((c.epochs + 1) * epochSeconds > minutes * 60.0); // as many as fit
    }
    // Dropout slows SmallerVGGNet's epochs, the more at small sizes; other networks' not.
    QVERIFY(estimatedImagesPerSecond("smallervggnet_p2", 28, false, true, 2, true)
            < estimatedImagesPerSecond("smallervggnet_p2", 28, false, true, 2, false));
    QCOMPARE(estimatedImagesPerSecond("resnet18", 64, false, false, 2, true),
             estimatedImagesPerSecond("resnet18", 64, false, false, 2, false));
}

QTEST_GUILESS_MAIN(TestRecommendation)
#include "tst_recommendation.moc"
