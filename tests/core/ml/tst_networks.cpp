#include "core/ml/modelweights.h"
#include "core/ml/network.h"
#include "core/ml/networkfactory.h"

#include <torch/torch.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <map>

using namespace tagwise::ml;

namespace {

constexpr int kTags = 5;

std::map<std::string, std::vector<int64_t>> stateDictShapes(const NetworkPtr &net)
{
    std::map<std::string, std::vector<int64_t>> shapes;
    for (const auto &p : net->named_parameters())
        shapes[p.key()] = p.value().sizes().vec();
    for (const auto &b : net->named_buffers())
        shapes[b.key()] = b.value().sizes().vec();
    return shapes;
}

}

class TestNetworks final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void architectureNamesAreBuilt();
    void unknownArchitectureThrows();
    void badSizesThrow_data();
    void badSizesThrow();
    void forwardBackwardShapes_data();
    void forwardBackwardShapes();
    void channelsLastMatchesContiguous_data();
    void channelsLastMatchesContiguous();
    void torchvisionParity_data();
    void torchvisionParity();
    void matchesReferenceScriptSteps();
    void overfitsTinyBatch_data();
    void overfitsTinyBatch();
    void dropoutScaleScalesEveryDropout();
};

void TestNetworks::initTestCase()
{
    torch::manual_seed(1234);
}

void TestNetworks::architectureNamesAreBuilt()
{
    const auto names = architectureNames();
    QCOMPARE(names, (std::vector<std::string>{"smallervggnet", "smallervggnet_p2", "resnet18", "resnet34", "resnet50", "mobilenet_v2",
                                              "vgg16", "vgg16_bn"}));
    for (const auto &name : names) {
        QVERIFY(isArchitecture(name));
        QCOMPARE(canonicalArchitecture(name), name);
        QVERIFY(createNetwork(name, 3, 64) != nullptr);
    }
    // The name runs were saved with before torchvision's spelling.
    QCOMPARE(canonicalArchitecture("mobilenetv2"), std::string("mobilenet_v2"));
    QVERIFY(createNetwork("mobilenetv2", 3, 64) != nullptr);
    QVERIFY(!isArchitecture("alexnet"));
}

void TestNetworks::unknownArchitectureThrows()
{
    try {
        createNetwork("alexnet", 3, 64);
        QFAIL("no exception for an unknown architecture");
    } catch (const std::invalid_argument &e) {
        QVERIFY2(std::string(e.what()).find("alexnet") != std::string::npos, e.what());
    }
}

void TestNetworks::badSizesThrow_data()
{
    QTest::addColumn<QString>("arch");
    QTest::addColumn<int>("numTags");
    QTest::addColumn<int>("inputSize");
    QTest::newRow("vgg too small") << "smallervggnet" << 3 << 11;
    QTest::newRow("vgg p2 too small") << "smallervggnet_p2" << 3 << 7;
    QTest::newRow("resnet too small") << "resnet18" << 3 << 16;
    QTest::newRow("mobilenet too small") << "mobilenetv2" << 3 << 31;
    QTest::newRow("no tags") << "resnet18" << 0 << 64;
}

void TestNetworks::badSizesThrow()
{
    QFETCH(QString, arch);
    QFETCH(int, numTags);
    QFETCH(int, inputSize);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, createNetwork(arch.toStdString(), numTags, inputSize));
}

void TestNetworks::forwardBackwardShapes_data()
{
    QTest::addColumn<QString>("arch");
    QTest::addColumn<int>("inputSize");
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("featureSide");
    QTest::newRow("smallervggnet 32") << "smallervggnet" << 32 << 128 << 5;
    QTest::newRow("smallervggnet 64") << "smallervggnet" << 64 << 128 << 10;
    QTest::newRow("smallervggnet 96") << "smallervggnet" << 96 << 128 << 16;
    // The first pool halves: 28 px leaves 14 x 14 maps for the 64-channel
    // convolutions and 7 x 7 for the 128-channel ones.
    QTest::newRow("smallervggnet_p2 28") << "smallervggnet_p2" << 28 << 128 << 7;
    QTest::newRow("smallervggnet_p2 8") << "smallervggnet_p2" << 8 << 128 << 2;
    QTest::newRow("resnet18 32") << "resnet18" << 32 << 512 << 1;
    QTest::newRow("resnet18 64") << "resnet18" << 64 << 512 << 2;
    QTest::newRow("mobilenetv2 32") << "mobilenetv2" << 32 << 1280 << 1;
    QTest::newRow("mobilenetv2 64") << "mobilenetv2" << 64 << 1280 << 2;
    QTest::newRow("resnet34 32") << "resnet34" << 32 << 512 << 1;
    QTest::newRow("resnet50 64") << "resnet50" << 64 << 2048 << 2;
    QTest::newRow("vgg16 32") << "vgg16" << 32 << 512 << 2;
    QTest::newRow("vgg16_bn 64") << "vgg16_bn" << 64 << 512 << 4;
}

void TestNetworks::forwardBackwardShapes()
{
    QFETCH(QString, arch);
    QFETCH(int, inputSize);
    QFETCH(int, channels);
    QFETCH(int, featureSide);

    auto net = createNetwork(arch.toStdString(), kTags, inputSize);
    net->train();
    const auto x = torch::randn({2, 3, inputSize, inputSize});
    const auto features = net->features(x);
    QCOMPARE(features.sizes().vec(), (std::vector<int64_t>{2, channels, featureSide, featureSide}));
    const auto logits = net->head(features);
    QCOMPARE(logits.sizes().vec(), (std::vector<int64_t>{2, kTags}));
    QCOMPARE(net->forward(x).sizes().vec(), (std::vector<int64_t>{2, kTags}));

    const auto target = torch::randint(0, 2, {2, kTags}).to(torch::kFloat);
    torch::nn::functional::binary_cross_entropy_with_logits(logits, target).backward();
    for (const auto &p : net->named_parameters()) {
        QVERIFY2(p.value().grad().defined(), p.key().c_str());
        QVERIFY2(torch::isfinite(p.value().grad()).all().item<bool>(), p.key().c_str());
    }
}

void TestNetworks::channelsLastMatchesContiguous_data()
{
    QTest::addColumn<QString>("arch");
    for (const auto &name : architectureNames())
        QTest::newRow(name.c_str()) << QString::fromStdString(name);
}

void TestNetworks::channelsLastMatchesContiguous()
{
    QFETCH(QString, arch);
    auto net = createNetwork(arch.toStdString(), kTags, 64);
    net->eval();
    torch::NoGradGuard noGrad;
    const auto x = torch::randn({2, 3, 64, 64});
    const auto expected = net->forward(x);
    toChannelsLast(*net);
    QVERIFY(net->parameters().front().is_contiguous(torch::MemoryFormat::ChannelsLast));
    const auto actual = net->forward(x.contiguous(torch::MemoryFormat::ChannelsLast));
    QVERIFY2(torch::allclose(actual, expected, 1e-4, 1e-4),
             qPrintable(QString::number((actual - expected).abs().max().item<double>())));
}

void TestNetworks::torchvisionParity_data()
{
    QTest::addColumn<QString>("arch");
    QTest::newRow("resnet18") << "resnet18";
    QTest::newRow("resnet34") << "resnet34";
    QTest::newRow("resnet50") << "resnet50";
    QTest::newRow("mobilenetv2") << "mobilenetv2";
    QTest::newRow("vgg16") << "vgg16";
    QTest::newRow("vgg16_bn") << "vgg16_bn";
}

void TestNetworks::torchvisionParity()
{
    QFETCH(QString, arch);
    QFile file(QStringLiteral(TAGWISE_TEST_DATA "/networks/torchvision_%1.json").arg(arch));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const auto root = QJsonDocument::fromJson(file.readAll()).object();
    const auto reference = root.value("stateDict").toObject();
    QVERIFY(reference.size() >= 32); // VGG16 has the fewest: 13 convolutions and 3 linear layers

    const auto shapes = stateDictShapes(createNetwork(arch.toStdString(), root.value("numClasses").toInt(), 224));
    for (auto it = reference.begin(); it != reference.end(); ++it) {
        const auto found = shapes.find(it.key().toStdString());
        QVERIFY2(found != shapes.end(), qPrintable("missing " + it.key()));
        std::vector<int64_t> expected;
        for (const auto &v : it.value().toArray())
            expected.push_back(v.toInteger());
        QVERIFY2(found->second == expected, qPrintable("shape of " + it.key()));
    }
    for (const auto &[key, shape] : shapes)
        QVERIFY2(reference.contains(QString::fromStdString(key)), ("extra " + key).c_str());
}

namespace {

/// tests/data/make_training_step_fixture.py's formula weights, in \a dtype.
NetworkPtr formulaNetwork(int tags, int size, torch::Dtype dtype)
{
    auto net = createNetwork("smallervggnet", tags, size);
    net->to(dtype);
    torch::NoGradGuard noGrad;
    std::int64_t k = 0;
    for (const auto &item : net->named_parameters()) {
        torch::Tensor p = item.value();
        const auto wave = torch::sin(0.1 * torch::arange(p.numel(), torch::kDouble) + double(k++));
        const std::string &name = item.key();
        const bool bnScale = name.rfind("bn", 0) == 0 && name.size() > 7
                             && name.compare(name.size() - 7, 7, ".weight") == 0;
        torch::Tensor value = p.dim() == 1 ? (bnScale ? 1.0 + 0.1 * wave : 0.1 * wave)
                                           : std::sqrt(3.0 / double(p.numel() / p.size(0))) * wave;
        p.copy_(value.view(p.sizes()).to(dtype));
    }
    toChannelsLast(*net);
    net->train();
    for (const auto &module : net->modules(false)) {
        if (module->as<Dropout>())
            module->eval();
    }
    return net;
}

torch::Tensor formulaBatch(int batch, int size, torch::Dtype dtype)
{
    const auto flat = torch::arange(std::int64_t(batch) * 3 * size * size, torch::kDouble);
    return (1.5 * torch::sin(0.05 * flat + 0.3)).to(dtype).view({batch, 3, size, size})
        .contiguous(torch::MemoryFormat::ChannelsLast);
}

void compareValues(const torch::Tensor &actual, const QJsonArray &expected, double tolerance, const char *what)
{
    QCOMPARE(actual.numel(), std::int64_t(expected.size()));
    const auto values = actual.detach().flatten().to(torch::kDouble).contiguous();
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const double a = values[i].item<double>();
        const double e = expected[i].toDouble();
        QVERIFY2(std::abs(a - e) <= tolerance * std::max(1.0, std::abs(e)),
                 qPrintable(QStringLiteral("%1 %2: %3 against %4").arg(what).arg(i).arg(a, 0, 'g', 17).arg(e, 0, 'g', 17)));
    }
}

}

void TestNetworks::matchesReferenceScriptSteps()
{
    // tests/data/make_training_step_fixture.py: ten Adam steps of the PyTorch twin
    // that bench/train_vs_pytorch.sh runs, from formula weights on a formula batch.
    // The steps run in float64: in float32 they are chaotic, and another CPU's
    // kernels or another thread count move the later losses by far more than any
    // tolerance a real check could allow. In float64 both sides agree to ~1e-10
    // on any x86-64 CPU and thread count, so the tolerance below is tight.
    QFile file(QStringLiteral(TAGWISE_TEST_DATA "/networks/reference_training_steps.json"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const auto root = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(root.value("dtype").toString(), QStringLiteral("float64"));
    const int size = root.value("size").toInt();
    const int tags = root.value("tags").toInt();
    const int batch = root.value("batch").toInt();
    const auto expectedLosses = root.value("losses").toArray();
    QCOMPARE(expectedLosses.size(), 10);

    // The float32 network's first forward pass, as training runs it: one pass is
    // not chaotic; oneDNN's float32 kernels and PyTorch's differ by ~1e-4 here.
    {
        torch::NoGradGuard noGrad;
        const auto net = formulaNetwork(tags, size, torch::kFloat);
        compareValues(net->forward(formulaBatch(batch, size, torch::kFloat)), root.value("float32_logits").toArray(),
                      1e-3, "float32 logit");
        if (QTest::currentTestFailed())
            return;
    }

    const auto net = formulaNetwork(tags, size, torch::kDouble);
    const auto x = formulaBatch(batch, size, torch::kDouble);
    const auto n = torch::arange(batch).view({-1, 1});
    const auto t = torch::arange(tags).view({1, -1});
    const auto y = ((n * 3 + t * 7) % 5 < 2).to(torch::kDouble);
    torch::optim::Adam adam(net->parameters(), torch::optim::AdamOptions(root.value("lr").toDouble()));
    for (qsizetype step = 0; step < expectedLosses.size(); ++step) {
        for (auto &p : net->parameters())
            p.mutable_grad().reset();
        const auto logits = net->forward(x);
        if (step == 0) {
            compareValues(logits, root.value("logits").toArray(), 1e-9, "logit");
            if (QTest::currentTestFailed())
                return;
        }
        const auto loss = torch::nn::functional::binary_cross_entropy_with_logits(logits, y);
        loss.backward();
        adam.step();
        const double expected = expectedLosses[step].toDouble();
        QVERIFY2(std::abs(loss.item<double>() - expected) < 1e-7 * std::max(1.0, expected),
                 qPrintable(QStringLiteral("step %1: loss %2 against %3")
                                .arg(step).arg(loss.item<double>(), 0, 'g', 17).arg(expected, 0, 'g', 17)));
    }
}

void TestNetworks::overfitsTinyBatch_data()
{
    QTest::addColumn<QString>("arch");
    QTest::addColumn<int>("steps");
    // SmallerVGGNet's dropout (0.5 before the last layer) slows memorising down.
    QTest::newRow("smallervggnet") << "smallervggnet" << 100;
    QTest::newRow("resnet18") << "resnet18" << 8;
    QTest::newRow("mobilenetv2") << "mobilenetv2" << 12;
}

void TestNetworks::overfitsTinyBatch()
{
    QFETCH(QString, arch);
    QFETCH(int, steps);
    torch::manual_seed(7);
    auto net = createNetwork(arch.toStdString(), kTags, 32);
    net->train();
    const auto x = torch::randn({4, 3, 32, 32});
    const auto y = torch::randint(0, 2, {4, kTags}).to(torch::kFloat);
    torch::optim::Adam optimizer(net->parameters(), torch::optim::AdamOptions(1e-3));

    std::vector<double> losses;
    for (int step = 0; step < steps; ++step) {
        optimizer.zero_grad();
        const auto loss = torch::nn::functional::binary_cross_entropy_with_logits(net->forward(x), y);
        loss.backward();
        optimizer.step();
        losses.push_back(loss.item<double>());
    }
    // Random labels on 4 images: only memorising brings the loss down.
    const double first = losses.front();
    const double last = (losses[steps - 3] + losses[steps - 2] + losses[steps - 1]) / 3;
    qInfo("%s: loss %.4f -> %.4f", qPrintable(arch), first, last);
    QVERIFY2(last < 0.5 * first, qPrintable(QStringLiteral("loss %1 -> %2").arg(first).arg(last)));
}

void TestNetworks::dropoutScaleScalesEveryDropout()
{
    auto net = createNetwork("smallervggnet", kTags, 32, 3);
    std::vector<double> designed;
    for (const auto &module : net->modules(false)) {
        if (const auto *dropout = module->as<Dropout>())
            designed.push_back(dropout->probability());
    }
    QCOMPARE(designed, (std::vector<double>{0.25, 0.25, 0.25, 0.5}));
    const auto probabilities = [&net] {
        std::vector<double> p;
        for (const auto &module : net->modules(false)) {
            if (const auto *dropout = module->as<Dropout>())
                p.push_back(dropout->probability());
        }
        return p;
    };
    net->setDropoutScale(0.5);
    QCOMPARE(probabilities(), (std::vector<double>{0.125, 0.125, 0.125, 0.25}));
    net->setDropoutScale(1.0); // from the designed values, not the current ones
    QCOMPARE(probabilities(), designed);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, net->setDropoutScale(1.5));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, net->setDropoutScale(-0.1));

    // In training, dropout makes two passes over one batch differ; without it they are equal.
    torch::NoGradGuard noGrad;
    net->train();
    const auto x = torch::randn({4, 3, 32, 32});
    QVERIFY(!torch::equal(net->forward(x), net->forward(x)));
    net->setDropoutScale(0.0);
    QVERIFY(torch::equal(net->forward(x), net->forward(x)));
    // Evaluation never drops, whatever the scale.
    net->eval();
    const auto without = net->forward(x);
    net->setDropoutScale(1.0);
    QVERIFY(torch::equal(net->forward(x), without));
}

QTEST_GUILESS_MAIN(TestNetworks)
#include "tst_networks.moc"
