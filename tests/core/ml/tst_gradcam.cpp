#include "core/ml/gradcam.h"
#include "core/ml/modelweights.h"
#include "core/ml/networkfactory.h"

#include <torch/torch.h>

#include <QTest>

using namespace tagwise::ml;

Q_DECLARE_METATYPE(tagwise::ml::CamMethod)

namespace {

constexpr int kSide = 32;

/**
 * A network whose evidence is known: features are [relu(brightness),
 * relu(-brightness)] pooled 4x4 (8 x 8 maps); tag 0 is the mean of channel 0
 * over the top-left quadrant, tag 1 its negative, tag 2 the mean of channel 1
 * over the bottom-right quadrant. The 1x1 convolution is a real parameter so
 * that leaked gradients would show.
 */
class QuadrantNet final : public NetworkImpl
{
public:
    QuadrantNet()
        : m_conv(register_module("conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 2, 1).bias(false))))
    {
        torch::NoGradGuard noGrad;
        m_conv->weight.select(0, 0).fill_(1.0 / 3.0);
        m_conv->weight.select(0, 1).fill_(-1.0 / 3.0);
    }

    torch::Tensor features(torch::Tensor x) override
    {
        return torch::avg_pool2d(torch::relu(m_conv(x)), 4);
    }

    std::vector<std::string> headModules() const override { return {}; }

    torch::Tensor head(torch::Tensor f) override
    {
        const auto h = f.size(2) / 2;
        const auto w = f.size(3) / 2;
        namespace I = torch::indexing;
        const auto topLeft = f.index({I::Slice(), 0, I::Slice(0, h), I::Slice(0, w)}).mean({1, 2});
        const auto bottomRight = f.index({I::Slice(), 1, I::Slice(h, I::None), I::Slice(w, I::None)}).mean({1, 2});
        return torch::stack({topLeft, -topLeft, bottomRight}, 1);
    }

private:
    torch::nn::Conv2d m_conv;
};

// Image 0: a bright square at rows/cols [4, 12) and a dark one at [20, 28).
// Image 1: only a bright square at rows [8, 14), cols [2, 8).
torch::Tensor quadrantBatch()
{
    auto batch = torch::zeros({2, 3, kSide, kSide});
    namespace I = torch::indexing;
    batch.index_put_({0, I::Slice(), I::Slice(4, 12), I::Slice(4, 12)}, 1.0);
    batch.index_put_({0, I::Slice(), I::Slice(20, 28), I::Slice(20, 28)}, -1.0);
    batch.index_put_({1, I::Slice(), I::Slice(8, 14), I::Slice(2, 8)}, 1.0);
    return batch;
}

double meanOver(const torch::Tensor &map, int r0, int r1, int c0, int c1)
{
    namespace I = torch::indexing;
    return map.index({I::Slice(r0, r1), I::Slice(c0, c1)}).mean().item<double>();
}

void verifyNoParameterGradients(const NetworkImpl &net)
{
    for (const auto &p : net.named_parameters())
        QVERIFY2(!p.value().grad().defined(), p.key().c_str());
}

}

class TestGradCam final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { torch::manual_seed(42); }
    void hotRegionIsTheEvidence_data();
    void hotRegionIsTheEvidence();
    void negativeEvidenceGivesAnEmptyMap_data() { hotRegionIsTheEvidence_data(); }
    void negativeEvidenceGivesAnEmptyMap();
    void plusPlusMatchesGradCamOnOneChannel();
    void eachImageGetsItsOwnMap();
    void worksUnderNoGradAndInferenceMode();
    void realNetworks_data();
    void realNetworks();
    void rejectsBadArguments();
};

void TestGradCam::hotRegionIsTheEvidence_data()
{
    QTest::addColumn<CamMethod>("method");
    QTest::newRow("Grad-CAM") << CamMethod::GradCam;
    QTest::newRow("Grad-CAM++") << CamMethod::GradCamPlusPlus;
}

void TestGradCam::hotRegionIsTheEvidence()
{
    QFETCH(CamMethod, method);
    auto net = std::make_shared<QuadrantNet>();
    const auto maps = gradCam(net, quadrantBatch(), 0, method);
    QCOMPARE(maps.sizes().vec(), (std::vector<int64_t>{2, kSide, kSide}));
    QCOMPARE(maps.scalar_type(), torch::kFloat);
    const auto map = maps[0];
    QCOMPARE(map.max().item<float>(), 1.0f);
    QVERIFY(map.min().item<float>() >= 0.0f);

    // The bright square's centre is hot, the dark square and the empty corners are cold.
    QVERIFY2(meanOver(map, 5, 11, 5, 11) > 0.7, qPrintable(QString::number(meanOver(map, 5, 11, 5, 11))));
    QVERIFY(meanOver(map, 20, 28, 20, 28) < 0.01);
    QVERIFY(meanOver(map, 0, 16, 18, 32) < 0.05);
    const auto peak = map.argmax().item<int64_t>();
    const auto row = peak / kSide, col = peak % kSide;
    QVERIFY2(row >= 3 && row < 13 && col >= 3 && col < 13, qPrintable(QStringLiteral("peak at %1,%2").arg(row).arg(col)));

    // Tag 2 looks at the dark square.
    const auto dark = gradCam(net, quadrantBatch(), 2, method)[0];
    QVERIFY(meanOver(dark, 21, 27, 21, 27) > 0.7);
    QVERIFY(meanOver(dark, 4, 12, 4, 12) < 0.01);
    verifyNoParameterGradients(*net);
}

void TestGradCam::negativeEvidenceGivesAnEmptyMap()
{
    // Tag 1 = -(tag 0): the bright square argues against it, so the ReLU leaves nothing.
    QFETCH(CamMethod, method);
    auto net = std::make_shared<QuadrantNet>();
    const auto maps = gradCam(net, quadrantBatch(), 1, method);
    QCOMPARE(maps.sizes().vec(), (std::vector<int64_t>{2, kSide, kSide}));
    QCOMPARE(maps.abs().max().item<float>(), 0.0f);
}

void TestGradCam::plusPlusMatchesGradCamOnOneChannel()
{
    // Two bright squares of different sizes in the top-left quadrant. Tag 0's
    // gradient is uniform over one channel, so Grad-CAM++ weights it as
    // Grad-CAM does (up to scale): both maps light up both squares alike.
    auto batch = torch::zeros({1, 3, kSide, kSide});
    namespace I = torch::indexing;
    batch.index_put_({0, I::Slice(), I::Slice(0, 8), I::Slice(0, 8)}, 1.0);
    batch.index_put_({0, I::Slice(), I::Slice(12, 16), I::Slice(12, 16)}, 1.0);
    auto net = std::make_shared<QuadrantNet>();
    const auto plain = gradCam(net, batch, 0, CamMethod::GradCam)[0];
    const auto plus = gradCam(net, batch, 0, CamMethod::GradCamPlusPlus)[0];
    QVERIFY(meanOver(plus, 1, 7, 1, 7) > 0.7);
    QVERIFY(meanOver(plus, 13, 15, 13, 15) > 0.5);
    QVERIFY(meanOver(plus, 20, 32, 20, 32) < 0.01);
    // With one channel and a uniform gradient, the two maps agree.
    QVERIFY((plain - plus).abs().max().item<float>() < 1e-5f);
    verifyNoParameterGradients(*net);
}

void TestGradCam::eachImageGetsItsOwnMap()
{
    auto net = std::make_shared<QuadrantNet>();
    const auto bright = gradCam(net, quadrantBatch(), 0)[1];
    QVERIFY(meanOver(bright, 9, 13, 3, 7) > 0.7);
    QVERIFY(meanOver(bright, 4, 8, 8, 12) < 0.3);
    // Image 1 has no dark square: its tag-2 map is empty while image 0's is not.
    const auto dark = gradCam(net, quadrantBatch(), 2);
    QCOMPARE(dark[1].abs().max().item<float>(), 0.0f);
    QCOMPARE(dark[0].max().item<float>(), 1.0f);
}

void TestGradCam::worksUnderNoGradAndInferenceMode()
{
    auto net = std::make_shared<QuadrantNet>();
    const auto expected = gradCam(net, quadrantBatch(), 0);
    {
        torch::NoGradGuard noGrad;
        QVERIFY(torch::equal(gradCam(net, quadrantBatch(), 0), expected));
    }
    {
        c10::InferenceMode inference;
        const auto batch = quadrantBatch(); // an inference tensor
        QVERIFY(torch::equal(gradCam(net, batch, 0), expected));
    }
    verifyNoParameterGradients(*net);
}

void TestGradCam::realNetworks_data()
{
    QTest::addColumn<QString>("arch");
    QTest::addColumn<bool>("channelsLast");
    for (const auto &name : architectureNames()) {
        QTest::newRow((name + " nchw").c_str()) << QString::fromStdString(name) << false;
        QTest::newRow((name + " channels_last").c_str()) << QString::fromStdString(name) << true;
    }
}

void TestGradCam::realNetworks()
{
    QFETCH(QString, arch);
    QFETCH(bool, channelsLast);
    auto net = createNetwork(arch.toStdString(), 4, 64);
    auto batch = torch::randn({2, 3, 64, 64});
    if (channelsLast) {
        toChannelsLast(*net);
        batch = batch.contiguous(torch::MemoryFormat::ChannelsLast);
    }
    net->train();
    const auto maps = gradCam(net, batch, 3);
    QVERIFY(net->is_training()); // the mode is restored
    QCOMPARE(maps.sizes().vec(), (std::vector<int64_t>{2, 64, 64}));
    QVERIFY(torch::isfinite(maps).all().item<bool>());
    QVERIFY(maps.min().item<float>() >= 0.0f);
    for (int i = 0; i < 2; ++i) {
        const float peak = maps[i].max().item<float>();
        QVERIFY2(peak == 1.0f || peak == 0.0f, qPrintable(QString::number(peak)));
    }
    verifyNoParameterGradients(*net);

    // Eval mode makes it deterministic: dropout and batch statistics stay out.
    QVERIFY(torch::equal(gradCam(net, batch, 3), maps));
}

void TestGradCam::rejectsBadArguments()
{
    auto net = std::make_shared<QuadrantNet>();
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, gradCam(net, quadrantBatch(), 3));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, gradCam(net, quadrantBatch(), -1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, gradCam(net, torch::zeros({3, kSide, kSide}), 0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, gradCam(NetworkPtr(), quadrantBatch(), 0));
}

QTEST_GUILESS_MAIN(TestGradCam)
#include "tst_gradcam.moc"
