#include "core/ml/metrics.h"
#include "core/ml/thresholds.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace tagwise::ml;

namespace {

constexpr double kTolerance = 1e-9;

struct Fixture
{
    std::vector<float> probabilities;
    std::vector<std::uint8_t> truth;
    std::vector<std::string> tags;
    std::vector<float> thresholds;
    double beta = 2;
    QJsonObject expected;
};

Fixture loadFixture(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    const auto root = QJsonDocument::fromJson(file.readAll()).object();
    Fixture f;
    for (const auto &row : root.value("probabilities").toArray())
        for (const auto &v : row.toArray())
            f.probabilities.push_back(static_cast<float>(v.toDouble()));
    for (const auto &row : root.value("truth").toArray())
        for (const auto &v : row.toArray())
            f.truth.push_back(static_cast<std::uint8_t>(v.toInt()));
    for (const auto &v : root.value("tags").toArray())
        f.tags.push_back(v.toString().toStdString());
    for (const auto &v : root.value("thresholds").toArray())
        f.thresholds.push_back(static_cast<float>(v.toDouble()));
    f.beta = root.value("beta").toDouble();
    f.expected = root.value("expected").toObject();
    return f;
}

bool near(double actual, double expected)
{
    return std::abs(actual - expected) <= kTolerance;
}

QString mismatch(const char *what, double actual, double expected)
{
    return QStringLiteral("%1: %2 != %3").arg(what).arg(actual, 0, 'g', 17).arg(expected, 0, 'g', 17);
}

}

#define COMPARE_NEAR(what, actual, expected) \
    QVERIFY2(near((actual), (expected)), qPrintable(mismatch((what), (actual), (expected))))

class TestMetrics final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesScikitLearn_data();
    void matchesScikitLearn();
    void tunedThresholdsMatchBruteForce_data();
    void tunedThresholdsMatchBruteForce();
    void tuneHandMade_data();
    void tuneHandMade();
    void tunedThresholdsNeverScoreWorse();
    void averagePrecisionTiesAndNoPositives();
    void rejectsMismatchedSizes();
    void thresholdSweepMatchesScikitLearn();
};

static void addFixtureRows()
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(TAGWISE_TEST_DATA "/metrics"));
    const auto files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    if (files.size() < 7)
        qFatal("expected the metrics fixtures in %s", qPrintable(dir.path()));
    for (const auto &name : files)
        QTest::newRow(qPrintable(name)) << dir.filePath(name);
}

void TestMetrics::matchesScikitLearn_data()
{
    addFixtureRows();
}

void TestMetrics::matchesScikitLearn()
{
    QFETCH(QString, path);
    const auto f = loadFixture(path);
    const auto report = computeMetrics(f.probabilities, f.truth, f.tags, f.thresholds, f.beta);
    const auto &e = f.expected;

    QCOMPARE(report.beta, f.beta);
    COMPARE_NEAR("fbetaSamples", report.fbetaSamples, e.value("fbetaSamples").toDouble());
    COMPARE_NEAR("f1Micro", report.f1Micro, e.value("f1Micro").toDouble());
    COMPARE_NEAR("f1Macro", report.f1Macro, e.value("f1Macro").toDouble());
    COMPARE_NEAR("map", report.map, e.value("map").toDouble());
    COMPARE_NEAR("hammingLoss", report.hammingLoss, e.value("hammingLoss").toDouble());

    const auto perTag = e.value("perTag").toArray();
    QCOMPARE(report.perTag.size(), std::size_t(perTag.size()));
    for (qsizetype t = 0; t < perTag.size(); ++t) {
        const auto expected = perTag.at(t).toObject();
        const auto &m = report.perTag[t];
        QCOMPARE(QString::fromStdString(m.tag), expected.value("tag").toString());
        QCOMPARE(m.tp, expected.value("tp").toInteger());
        QCOMPARE(m.fp, expected.value("fp").toInteger());
        QCOMPARE(m.fn, expected.value("fn").toInteger());
        QCOMPARE(m.tn, expected.value("tn").toInteger());
        QCOMPARE(m.support, expected.value("support").toInteger());
        QCOMPARE(m.threshold, static_cast<float>(expected.value("threshold").toDouble()));
        COMPARE_NEAR("precision", m.precision, expected.value("precision").toDouble());
        COMPARE_NEAR("recall", m.recall, expected.value("recall").toDouble());
        COMPARE_NEAR("f1", m.f1, expected.value("f1").toDouble());
        COMPARE_NEAR("ap", m.ap, expected.value("ap").toDouble());
    }
}

void TestMetrics::tunedThresholdsMatchBruteForce_data()
{
    addFixtureRows();
}

void TestMetrics::tunedThresholdsMatchBruteForce()
{
    QFETCH(QString, path);
    const auto f = loadFixture(path);
    const int numTags = int(f.tags.size());
    const auto tuned = tuneThresholds(f.probabilities, f.truth, numTags, f.beta);
    QCOMPARE(tuned.size(), f.tags.size());

    const auto perTag = f.expected.value("perTag").toArray();
    for (int t = 0; t < numTags; ++t) {
        const auto expected = perTag.at(t).toObject();
        // Exact: the threshold is one of the fixture's float32 values or 0.5.
        QCOMPARE(tuned[t], static_cast<float>(expected.value("tunedThreshold").toDouble()));
        long long tp = 0, fp = 0, fn = 0;
        for (std::size_t i = 0; i < f.truth.size() / numTags; ++i) {
            const bool predicted = f.probabilities[i * numTags + t] >= tuned[t];
            const bool actual = f.truth[i * numTags + t] != 0;
            tp += predicted && actual;
            fp += predicted && !actual;
            fn += !predicted && actual;
        }
        COMPARE_NEAR("tuned F-beta", fbetaFromCounts(tp, fp, fn, f.beta), expected.value("tunedFbeta").toDouble());
    }
}

void TestMetrics::tuneHandMade_data()
{
    QTest::addColumn<double>("beta");
    QTest::addColumn<std::vector<float>>("expected");
    // Columns: tag0 is perfect at 0.5 and at 0.8 (0.5 is nearer 0.5);
    // tag1 only separates at 0.35; tag2 has no positives; tag3 trades
    // recall (beta 2 -> 0.4) against precision (beta 0.5 -> 0.9).
    QTest::newRow("beta 2") << 2.0 << std::vector<float>{0.5f, 0.35f, 0.5f, 0.4f};
    QTest::newRow("beta 0.5") << 0.5 << std::vector<float>{0.5f, 0.35f, 0.5f, 0.9f};
}

void TestMetrics::tuneHandMade()
{
    QFETCH(double, beta);
    QFETCH(std::vector<float>, expected);
    // clang-format off
    const std::vector<float> probabilities = {
        0.9f, 0.40f, 0.7f, 0.9f,
        0.8f, 0.35f, 0.1f, 0.6f,
        0.3f, 0.10f, 0.2f, 0.4f,
        0.2f, 0.05f, 0.6f, 0.2f,
    };
    const std::vector<std::uint8_t> truth = {
        1, 1, 0, 1,
        1, 1, 0, 0,
        0, 0, 0, 1,
        0, 0, 0, 0,
    };
    // clang-format on
    QCOMPARE(tuneThresholds(probabilities, truth, 4, beta), expected);
}

void TestMetrics::tunedThresholdsNeverScoreWorse()
{
    // On the data they were tuned on, per-tag F-beta can only go up from 0.5.
    const auto f = loadFixture(QStringLiteral(TAGWISE_TEST_DATA "/metrics/random.json"));
    const auto tuned = tuneThresholds(f.probabilities, f.truth, int(f.tags.size()), f.beta);
    const auto before = computeMetrics(f.probabilities, f.truth, f.tags, std::vector<float>(f.tags.size(), 0.5f), f.beta);
    const auto after = computeMetrics(f.probabilities, f.truth, f.tags, tuned, f.beta);
    bool someChanged = false;
    for (std::size_t t = 0; t < f.tags.size(); ++t) {
        const auto &b = before.perTag[t];
        const auto &a = after.perTag[t];
        QVERIFY(fbetaFromCounts(a.tp, a.fp, a.fn, f.beta) >= fbetaFromCounts(b.tp, b.fp, b.fn, f.beta));
        someChanged = someChanged || tuned[t] != 0.5f;
    }
    QVERIFY(someChanged);
    QCOMPARE(after.map, before.map); // AP does not depend on thresholds
}

void TestMetrics::averagePrecisionTiesAndNoPositives()
{
    // Scores 0.8 (pos), 0.8 (neg), 0.3 (pos): the tie is one operating point,
    // so AP = 0.5 * 0.5 + 0.5 * 2/3.
    const float scores[] = {0.8f, 0.8f, 0.3f};
    const std::uint8_t truth[] = {1, 0, 1};
    COMPARE_NEAR("ap", averagePrecision(scores, truth, 3), 0.25 + 1.0 / 3.0);
    const std::uint8_t none[] = {0, 0, 0};
    QCOMPARE(averagePrecision(scores, none, 3), 0.0);
}

void TestMetrics::rejectsMismatchedSizes()
{
    const std::vector<float> probabilities = {0.1f, 0.2f, 0.3f, 0.4f};
    const std::vector<std::uint8_t> truth = {0, 1, 0, 1};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             computeMetrics(probabilities, truth, {"a", "b", "c"}, {0.5f, 0.5f, 0.5f}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, computeMetrics(probabilities, truth, {"a", "b"}, {0.5f}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             computeMetrics(probabilities, {0, 1, 0}, {"a", "b"}, {0.5f, 0.5f}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tuneThresholds(probabilities, truth, 3));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tuneThresholds(probabilities, truth, 2, -1.0));
}

void TestMetrics::thresholdSweepMatchesScikitLearn()
{
    // One prediction set at several thresholds: the per-tag 2x2 matrices are
    // scikit-learn's multilabel_confusion_matrix, the tag-by-tag confusion is
    // truth^T x prediction (tests/data/make_metrics_fixtures.py).
    auto f = loadFixture(QStringLiteral(TAGWISE_TEST_DATA "/review/threshold_sweep.json"));
    QFile file(QStringLiteral(TAGWISE_TEST_DATA "/review/threshold_sweep.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto steps = QJsonDocument::fromJson(file.readAll()).object().value("steps").toArray();
    QCOMPARE(steps.size(), 5);
    const std::size_t tags = f.tags.size();
    std::vector<long long> previous;
    for (const auto &stepValue : steps) {
        const auto step = stepValue.toObject();
        std::vector<float> thresholds;
        for (const auto &v : step.value("thresholds").toArray())
            thresholds.push_back(static_cast<float>(v.toDouble()));
        const auto report = computeMetrics(f.probabilities, f.truth, f.tags, thresholds, 2.0);
        const auto mcm = step.value("multilabel_confusion_matrix").toArray();
        for (std::size_t t = 0; t < tags; ++t) {
            const auto m = mcm.at(qsizetype(t)).toArray();
            const auto &tag = report.perTag[t];
            QCOMPARE(tag.tn, m.at(0).toArray().at(0).toInteger());
            QCOMPARE(tag.fp, m.at(0).toArray().at(1).toInteger());
            QCOMPARE(tag.fn, m.at(1).toArray().at(0).toInteger());
            QCOMPARE(tag.tp, m.at(1).toArray().at(1).toInteger());
        }
        const auto counts = tagConfusion(f.probabilities, f.truth, thresholds);
        const auto expected = step.value("tag_confusion").toArray();
        for (std::size_t i = 0; i < tags; ++i) {
            for (std::size_t j = 0; j < tags; ++j)
                QCOMPARE(counts[i * tags + j], expected.at(qsizetype(i)).toArray().at(qsizetype(j)).toInteger());
            QCOMPARE(counts[i * tags + i], report.perTag[i].tp);
        }
        QVERIFY2(counts != previous, "each step of the fixture moves some cell");
        previous = counts;
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tagConfusion(f.probabilities, f.truth, std::vector<float>(tags + 1, 0.5f)));
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
