// Pretrained weights by torchvision's names: the backbone features of
// ResNet-18/50, MobileNetV2 and VGG16 equal torchvision's for the same
// weights (fixture made by tests/data/make_weight_fixtures.py, whose weights
// follow a formula both sides compute), a head for other tags is replaced and
// said, weights that do not fit are refused with the keys, the export reads
// back, and the freeze names what it should.

#include "core/ml/mlerror.h"
#include "core/ml/network.h"
#include "core/ml/pretrained.h"
#include "core/ml/weightfile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <torch/torch.h>

#include <cmath>

using namespace tagwise::ml;

namespace {

/// make_weight_fixtures.py's formula(): a sine of each value's position, scaled by its role.
at::Tensor formula(const std::string &name, const at::Tensor &like, int index)
{
    const auto ends = [&](const std::string &suffix) {
        return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    // value = offset + scale * wave, or 1 + 0.5 |wave| for a running variance.
    const bool variance = ends("running_var");
    double offset = 0.0, scale = 0.1; // running means and biases
    if (!variance && !ends("running_mean") && !ends("bias")) {
        if (like.dim() == 1) {
            offset = 1.0; // batch-norm weight
            scale = 0.2;
        } else {
            scale = std::sqrt(3.0 / double(like.numel() / like.size(0)));
        }
    }
    const std::int64_t count = like.numel();
    std::vector<double> values(static_cast<std::size_t>(count));
    for (std::int64_t i = 0; i < count; ++i) {
        const double wave = std::sin(1.3 * double(i) + 0.7 * index);
        values[std::size_t(i)] = variance ? 1.0 + 0.5 * std::abs(wave) : offset + scale * wave;
    }
    return torch::tensor(values, torch::dtype(torch::kDouble)).reshape(like.sizes()).to(torch::kFloat);
}

/// make_weight_fixtures.py's formula_input().
at::Tensor formulaInput(int size = 224)
{
    const auto h = torch::arange(size, torch::kDouble).view({1, size, 1});
    const auto w = torch::arange(size, torch::kDouble).view({1, 1, size});
    const auto c = torch::arange(3, torch::kDouble).view({3, 1, 1});
    return torch::sin(0.05 * h + 0.07 * w + 1.1 * c).to(torch::kFloat).unsqueeze(0);
}

/// The backbone of \a arch with formula weights, as a file torchvision's names name.
NamedTensors formulaWeights(const std::string &arch)
{
    NetworkPtr network = createNetwork(arch, 1000, 224);
    NamedTensors tensors;
    int index = 0;
    for (const auto &[name, tensor] : stateDict(*network)) {
        if (name.size() >= 19 && name.compare(name.size() - 19, 19, "num_batches_tracked") == 0)
            continue;
        if (!isHead(*network, name))
            tensors.emplace_back(name, formula(name, tensor, index));
        ++index;
    }
    return tensors;
}

QString messageOf(const std::function<void()> &call)
{
    try {
        call();
    } catch (const std::exception &error) {
        return QString::fromStdString(error.what());
    }
    return QString();
}

}

class TestPretrained final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void featuresEqualTorchvision_data();
    void featuresEqualTorchvision();
    void headForOtherTagsIsReplaced();
    void weightsThatDoNotFitAreRefused();
    void exportReadsBack();
    void freeze();
};

void TestPretrained::featuresEqualTorchvision_data()
{
    QTest::addColumn<QString>("arch");
    for (const char *arch : {"resnet18", "resnet50", "mobilenet_v2", "vgg16"})
        QTest::newRow(arch) << arch;
}

void TestPretrained::featuresEqualTorchvision()
{
    QFETCH(QString, arch);
    QFile file(QStringLiteral(TAGWISE_TEST_DATA "/weights/features.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray expected = QJsonDocument::fromJson(file.readAll()).object().value(arch).toArray();
    QVERIFY(!expected.isEmpty());

    // Through a file, as a user's weights come.
    QTemporaryDir dir;
    const std::string path = dir.filePath(arch + QStringLiteral(".safetensors")).toStdString();
    writeSafetensors(path, formulaWeights(arch.toStdString()));
    NetworkPtr network = createNetwork(arch.toStdString(), 3, 224);
    const WeightMatch match = loadPretrained(*network, path);
    QVERIFY2(match.replaced.size() >= 2, match.summary().c_str()); // the head: 3 tags, none in the file
    network->eval();
    torch::NoGradGuard noGrad;
    const at::Tensor features = network->embedding(formulaInput())[0];
    QCOMPARE(features.numel(), qint64(expected.size()));
    double largest = 0.0, difference = 0.0;
    for (int i = 0; i < expected.size(); ++i) {
        largest = std::max(largest, std::abs(expected[i].toDouble()));
        difference = std::max(difference, std::abs(features[i].item<double>() - expected[i].toDouble()));
    }
    qInfo("%s: largest difference %.2e, %.1e of the largest feature %.3f", qPrintable(arch), difference,
          difference / largest, largest);
    // On any CPU and thread count: float32 rounding differs, never by this much.
    QVERIFY2(difference < 1e-4 * largest, qPrintable(QStringLiteral("%1 of %2").arg(difference).arg(largest)));
    QVERIFY(largest > 0.1);
}

void TestPretrained::headForOtherTagsIsReplaced()
{
    NetworkPtr source = createNetwork("resnet18", 1000, 64, 1);
    NetworkPtr target = createNetwork("resnet18", 4, 64, 2);
    NamedTensors tensors;
    for (auto &[name, tensor] : stateDict(*source))
        tensors.emplace_back("module." + name, tensor); // saved from DataParallel
    const WeightMatch match = loadPretrained(*target, tensors, "imagenet.pt");
    QCOMPARE(match.replaced.size(), std::size_t(2));
    QVERIFY2(QString::fromStdString(match.summary()).contains("fc.weight [1000, 512] -> [4, 512]"), match.summary().c_str());
    const auto sourceState = stateDict(*source);
    const auto targetState = stateDict(*target);
    for (std::size_t i = 0; i < sourceState.size(); ++i) {
        if (!isHead(*target, sourceState[i].first))
            QVERIFY2(torch::equal(sourceState[i].second, targetState[i].second), sourceState[i].first.c_str());
    }
}

void TestPretrained::weightsThatDoNotFitAreRefused()
{
    NetworkPtr resnet18 = createNetwork("resnet18", 3, 64);
    const NamedTensors weights18 = stateDict(*resnet18);
    // Another depth: blocks missing.
    NetworkPtr resnet34 = createNetwork("resnet34", 3, 64);
    QString error = messageOf([&] { loadPretrained(*resnet34, weights18, "r18.safetensors"); });
    QVERIFY2(error.startsWith("r18.safetensors: the weights do not fit") && error.contains("missing: layer1.2.conv1.weight"),
             qPrintable(error));
    // Another architecture: nothing where it belongs.
    NetworkPtr mobilenet = createNetwork("mobilenet_v2", 3, 64);
    error = messageOf([&] { loadPretrained(*mobilenet, weights18, "r18.safetensors"); });
    QVERIFY2(error.contains("not in the network: conv1.weight"), qPrintable(error));
    // A backbone tensor of another shape.
    NamedTensors reshaped = weights18;
    reshaped[0].second = torch::zeros({64, 3, 3, 3});
    error = messageOf([&] { loadPretrained(*resnet18, reshaped, "odd.pt"); });
    QVERIFY2(error.contains("of another shape: conv1.weight [64, 3, 3, 3] where [64, 3, 7, 7] is needed"), qPrintable(error));
}

void TestPretrained::exportReadsBack()
{
    QTemporaryDir dir;
    NetworkPtr network = createNetwork("vgg16_bn", 5, 32, 9);
    const std::string path = dir.filePath(QStringLiteral("model.safetensors")).toStdString();
    exportSafetensors(*network, path, {{"architecture", "vgg16_bn"}});
    const NamedTensors back = readWeightFile(path);
    const NamedTensors state = stateDict(*network);
    QCOMPARE(back.size(), state.size());
    for (std::size_t i = 0; i < state.size(); ++i) {
        QCOMPARE(back[i].first, state[i].first);
        QVERIFY(torch::equal(back[i].second, state[i].second));
    }
    // torchvision's keys: features.1 is the first batch norm, classifier.6 the last layer.
    QCOMPARE(back[2].first, std::string("features.1.weight"));
    QCOMPARE(back[back.size() - 1].first, std::string("classifier.6.bias"));
    NetworkPtr again = createNetwork("vgg16_bn", 5, 32, 10);
    QCOMPARE(loadPretrained(*again, path).replaced.size(), std::size_t(0));
}

void TestPretrained::freeze()
{
    NetworkPtr network = createNetwork("resnet18", 3, 64);
    const std::size_t all = network->named_parameters().size();
    QVERIFY(frozenParameters(*network, "none").empty());
    QCOMPARE(frozenParameters(*network, "backbone").size(), all - 2); // all but fc
    const auto untilLayer4 = frozenParameters(*network, "until:layer4");
    QCOMPARE(untilLayer4.back(), std::string("layer3.1.bn2.bias"));
    const QString error = messageOf([&] { frozenParameters(*network, "until:block5"); });
    QVERIFY2(error.contains("no layer \"block5\"") && error.contains("layer4"), qPrintable(error));
    NetworkPtr mobilenet = createNetwork("mobilenet_v2", 3, 64);
    QCOMPARE(frozenParameters(*mobilenet, "until:features.14").back().rfind("features.13.", 0), std::size_t(0));
}

QTEST_GUILESS_MAIN(TestPretrained)
#include "tst_pretrained.moc"
