// The model bundle and the predictor: what training writes, prediction reads
// back to the last bit, and broken bundles are refused with the reason.

#include "common/syntheticimageloader.h"
#include "core/ml/batchtransform.h"
#include "core/ml/mlerror.h"
#include "core/ml/modelbundle.h"
#include "core/ml/modelweights.h"
#include "core/ml/network.h"
#include "core/ml/predictor.h"
#include "core/ml/trainer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <torch/torch.h>

using namespace tagwise;
using namespace tagwise::ml;

namespace {

constexpr int kSize = 24;

ModelBundle sampleBundle()
{
    ModelBundle bundle;
    bundle.architecture = "smallervggnet";
    bundle.inputSize = kSize;
    bundle.tags = test::SyntheticImageLoader::tagNames();
    bundle.thresholds = {0.25f, 0.5f, 0.75f};
    bundle.normalization.mean = {0.3f, 0.4f, 0.5f};
    bundle.normalization.std = {0.2f, 0.21f, 0.22f};
    bundle.beta = 2.0;
    bundle.epoch = 4;
    bundle.fbeta = 0.875;
    return bundle;
}

std::vector<std::uint8_t> imagesFor(int count)
{
    std::vector<std::uint8_t> pixels;
    for (int i = 0; i < count; ++i) {
        const auto image = test::SyntheticImageLoader::draw(test::SyntheticImageLoader::pathFor(i, unsigned(i % 8)), kSize);
        pixels.insert(pixels.end(), image.begin(), image.end());
    }
    return pixels;
}

void expectError(const std::function<void()> &call, const std::string &fragment)
{
    try {
        call();
    } catch (const MlError &error) {
        if (std::string(error.what()).find(fragment) == std::string::npos)
            QFAIL(qPrintable(QStringLiteral("unexpected message: %1").arg(QString::fromStdString(error.what()))));
        return;
    }
    QFAIL(qPrintable(QStringLiteral("expected an error containing \"%1\"").arg(QString::fromStdString(fragment))));
}

}

class TestBundle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void jsonRoundTrip();
    void predictorGivesTheNetworksOwnAnswers();
    void trainedRunPredictsLikeItsValidation();
    void locateFindsRunAndBundleFolders();
    void brokenBundlesAreRefused_data();
    void brokenBundlesAreRefused();
    void weightsOfAnotherShapeAreRefused();

private:
    QTemporaryDir m_dir;
};

void TestBundle::initTestCase()
{
    QVERIFY(m_dir.isValid());
    torch::manual_seed(3);
}

void TestBundle::jsonRoundTrip()
{
    const QString dir = m_dir.filePath("json");
    QVERIFY(QDir().mkpath(dir));
    const ModelBundle bundle = sampleBundle();
    bundle.write(dir.toStdString());
    const ModelBundle back = ModelBundle::read(dir.toStdString());
    QCOMPARE(back.architecture, bundle.architecture);
    QCOMPARE(back.inputSize, bundle.inputSize);
    QCOMPARE(back.tags, bundle.tags);
    QCOMPARE(back.thresholds, bundle.thresholds);
    QCOMPARE(back.normalization.mean, bundle.normalization.mean);
    QCOMPARE(back.normalization.std, bundle.normalization.std);
    QCOMPARE(back.epoch, 4);
    QCOMPARE(back.fbeta, 0.875);
}

void TestBundle::predictorGivesTheNetworksOwnAnswers()
{
    const QString dir = m_dir.filePath("roundtrip");
    QVERIFY(QDir().mkpath(dir));
    const ModelBundle bundle = sampleBundle();
    NetworkPtr network = createNetwork(bundle.architecture, 3, kSize);
    // Move the batch-norm statistics away from their defaults, so that buffers must round-trip too.
    {
        network->train();
        torch::NoGradGuard noGrad;
        network->forward(torch::randn({8, 3, kSize, kSize}));
    }
    network->eval();
    toChannelsLast(*network);
    saveWeights(*network, QString(dir + "/weights.pt").toStdString());
    bundle.write(dir.toStdString());

    const int count = 11;
    const auto pixels = imagesFor(count);
    const BatchTransform transform(bundle.normalization);
    torch::Tensor expected;
    {
        torch::InferenceMode inference;
        const auto input = transform.normalize(
            torch::from_blob(const_cast<std::uint8_t *>(pixels.data()), {count, kSize, kSize, 3}, torch::kUInt8));
        expected = torch::sigmoid(network->forward(input)).contiguous();
    }

    const auto predictor = Predictor::load(dir.toStdString(), DeviceChoice::Cpu);
    QCOMPARE(predictor->tagCount(), std::size_t(3));
    QCOMPARE(predictor->inputSize(), kSize);
    // Batches of 4 (3 + the rest) must answer exactly as one batch of 11.
    const std::vector<float> probabilities = predictor->predict(pixels.data(), count, 4);
    QCOMPARE(probabilities.size(), std::size_t(count * 3));
    for (int i = 0; i < count * 3; ++i)
        QVERIFY2(std::abs(probabilities[std::size_t(i)] - expected.data_ptr<float>()[i]) < 1e-6f, qPrintable(QString::number(i)));

    // Predicted tags are those at or above their own threshold.
    const float row[3] = {0.25f, 0.49f, 0.8f};
    QCOMPARE(predictor->predictedTags(row), (std::vector<std::size_t>{0, 2}));

    // A second load answers identically.
    const auto again = Predictor::load(dir.toStdString(), DeviceChoice::Cpu);
    QCOMPARE(again->predict(pixels.data(), count), predictor->predict(pixels.data(), count));
}

void TestBundle::trainedRunPredictsLikeItsValidation()
{
    test::SyntheticImageLoader loader;
    const std::string runDir = m_dir.filePath("run").toStdString();
    TrainConfig config;
    config.inputSize = kSize;
    config.epochs = 1;
    config.batchSize = 8;
    config.threads = 1;
    config.device = DeviceChoice::Cpu;
    const auto snapshot = test::SyntheticImageLoader::snapshot(24, 8);
    const TrainResult result = Trainer(runDir, loader).train(config, snapshot);
    QCOMPARE(result.bundleDir, runDir + "/model");

    // The bundle's F-beta is that of its thresholds on the validation images: predicting them
    // again through the bundle must give the same predicted tag sets.
    const auto predictor = Predictor::load(runDir);
    std::vector<std::uint8_t> pixels;
    for (const Sample &sample : snapshot.validation) {
        const auto image = test::SyntheticImageLoader::draw(sample.path, kSize);
        pixels.insert(pixels.end(), image.begin(), image.end());
    }
    const auto probabilities = predictor->predict(pixels.data(), snapshot.validation.size());
    double fbetaSum = 0.0;
    for (std::size_t i = 0; i < snapshot.validation.size(); ++i) {
        const auto predicted = predictor->predictedTags(probabilities.data() + i * 3);
        long long tp = 0;
        long long positives = 0;
        for (std::size_t t = 0; t < 3; ++t)
            positives += snapshot.validation[i].target[t];
        for (const std::size_t t : predicted)
            tp += snapshot.validation[i].target[t];
        const long long fp = (long long)predicted.size() - tp;
        const long long fn = positives - tp;
        const double denominator = 5.0 * double(tp) + 4.0 * double(fn) + double(fp);
        fbetaSum += denominator > 0 ? 5.0 * double(tp) / denominator : 0.0;
    }
    QVERIFY(std::abs(fbetaSum / double(snapshot.validation.size()) - result.finalFbeta) < 1e-9);
}

void TestBundle::locateFindsRunAndBundleFolders()
{
    const std::string run = m_dir.filePath("run").toStdString();
    QCOMPARE(ModelBundle::locate(run), run + "/model");
    QCOMPARE(ModelBundle::locate(run + "/model"), run + "/model");
}

void TestBundle::brokenBundlesAreRefused_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("missing folder") << "missing" << "no such folder";
    QTest::newRow("no bundle") << "empty" << "no model bundle here";
    QTest::newRow("bad json") << "badjson" << "bundle.json: not valid JSON";
    QTest::newRow("threshold count") << "thresholds" << "2 thresholds for 3 tags";
    QTest::newRow("unknown arch") << "arch" << "unknown architecture";
    QTest::newRow("no weights") << "noweights" << "weights.pt";
    QTest::newRow("garbage weights") << "garbage" << "weights.pt: is corrupt or truncated";
}

void TestBundle::brokenBundlesAreRefused()
{
    QFETCH(QString, kind);
    QFETCH(QString, fragment);
    const QString dir = m_dir.filePath("broken-" + kind);
    if (kind != "missing")
        QVERIFY(QDir().mkpath(dir));
    ModelBundle bundle = sampleBundle();
    const auto writeJson = [&](const QByteArray &text) {
        QFile file(dir + "/bundle.json");
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    };
    if (kind == "badjson") {
        writeJson("{\"arch\": ");
    } else if (kind == "thresholds") {
        writeJson("{\"arch\": \"smallervggnet\", \"input_size\": 24, \"tags\": [\"a\", \"b\", \"c\"], "
                  "\"thresholds\": [0.5, 0.5], \"normalization\": {\"mean\": [0, 0, 0], \"std\": [1, 1, 1]}}");
    } else if (kind == "arch") {
        writeJson("{\"arch\": \"alexnet\", \"input_size\": 24, \"tags\": [\"a\"], \"thresholds\": [0.5], "
                  "\"normalization\": {\"mean\": [0, 0, 0], \"std\": [1, 1, 1]}}");
    } else if (kind == "noweights") {
        bundle.write(dir.toStdString());
    } else if (kind == "garbage") {
        bundle.write(dir.toStdString());
        QFile weights(dir + "/weights.pt");
        QVERIFY(weights.open(QIODevice::WriteOnly));
        weights.write("this is not a weights file");
    }
    expectError([&] { Predictor::load(dir.toStdString(), DeviceChoice::Cpu); }, fragment.toStdString());
}

void TestBundle::weightsOfAnotherShapeAreRefused()
{
    // Weights of a 5-tag network in a bundle that lists 3 tags.
    const QString dir = m_dir.filePath("shape");
    QVERIFY(QDir().mkpath(dir));
    saveWeights(*createNetwork("smallervggnet", 5, kSize), QString(dir + "/weights.pt").toStdString());
    sampleBundle().write(dir.toStdString());
    expectError([&] { Predictor::load(dir.toStdString(), DeviceChoice::Cpu); }, "weights.pt: cannot load the weights");
}

QTEST_GUILESS_MAIN(TestBundle)
#include "tst_bundle.moc"
