// What Review reads of a run (review.h, explainer.h) on a small project trained
// here: the predictions stored when the run ends, the same predictions made
// again when the file is gone, labels corrected since training, thresholds
// saved into the bundle, `tagwise-cli review`, and Grad-CAM through the
// Explainer, which must agree with the stored probabilities.
#include "common/clirunner.h"
#include "common/trainingimages.h"
#include "core/ml/json.h"
#include "core/ml/metrics.h"
#include "core/ml/mlerror.h"
#include "core/ml/modelbundle.h"
#include "core/ml/predictionset.h"
#include "core/project/projecterror.h"
#include "core/project/projectstore.h"
#include "core/workflow/explainer.h"
#include "core/workflow/projectruns.h"
#include "core/workflow/review.h"
#include "core/workflow/trainingdata.h"
#include "core/workflow/trainingsession.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <cmath>

using namespace tagwise;

class TestReview final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void predictionSetRoundTripsAndRefusesDamage();
    void runStoresItsPredictions();
    void missingPredictionsAreMadeAgain();
    void correctedLabelsCount();
    void reviewCommandPrintsWhatReviewShows();
    void thresholdsAreSavedIntoTheBundle();
    void explainerAgreesWithTheStoredPredictions();

private:
    QTemporaryDir m_dir;
    QString m_project;
    QString m_run;
};

void TestReview::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CACHE_HOME", m_dir.filePath("cache").toUtf8());
    m_project = m_dir.filePath("project");
    QVERIFY(test::makeTaggedProject(m_project, 120, 32));
    const workflow::TrainingData data = workflow::trainingDataFromProject(m_project);
    QVERIFY2(!data.test.empty(), "the default split gives this project test images");
    QCOMPARE(int(data.test.size()), data.heldOut);

    ml::TrainConfig config;
    config.architecture = "smallervggnet";
    config.inputSize = 24;
    config.epochs = 2;
    config.batchSize = 8;
    config.threads = 1;
    config.seed = 5;
    config.cpuBfloat16 = false;
    auto store = ProjectStore::open(m_project);
    const QString id = workflow::newRunId(*store);
    m_run = QDir(workflow::runsFolder(*store)).filePath(id);
    workflow::TrainingSession session;
    session.setStore(store.get(), id);
    QSignalSpy finished(&session, &workflow::TrainingSession::finished);
    QVERIFY(session.start(config, data, m_run));
    QVERIFY(finished.wait(120000));
    const auto result = finished.at(0).at(0).value<workflow::SessionResult>();
    QVERIFY2(result.end == workflow::SessionResult::End::Finished, qPrintable(result.message));
}

void TestReview::predictionSetRoundTripsAndRefusesDamage()
{
    ml::PredictionSet set;
    set.split = "validation";
    set.epoch = 3;
    set.tags = {"a", "b"};
    set.paths = {"/x/1.png", "/x/2.png", "/x/3.png"};
    set.probabilities = {0.1f, 0.9f, 0.5f, 0.25f, 1.0f, 0.0f};
    set.truth = {0, 1, 1, 0, 1, 0};
    const std::string file = m_dir.filePath("set.bin").toStdString();
    set.save(file);
    const ml::PredictionSet back = ml::PredictionSet::load(file);
    QCOMPARE(back.split, set.split);
    QCOMPARE(back.epoch, 3);
    QVERIFY(back.tags == set.tags && back.paths == set.paths);
    QVERIFY(back.probabilities == set.probabilities && back.truth == set.truth);

    // One byte changed anywhere, or the file cut short, is refused with the file named.
    QFile damaged(QString::fromStdString(file));
    QVERIFY(damaged.open(QIODevice::ReadWrite));
    QByteArray bytes = damaged.readAll();
    bytes[40] = char(bytes[40] ^ 0x20);
    damaged.seek(0);
    damaged.write(bytes);
    damaged.close();
    try {
        ml::PredictionSet::load(file);
        QFAIL("a damaged prediction file was read");
    } catch (const ml::MlError &error) {
        QVERIFY2(QString(error.what()).contains(QString::fromStdString(file)), error.what());
    }
    QVERIFY(damaged.resize(20));
    QVERIFY_THROWS_EXCEPTION(ml::MlError, ml::PredictionSet::load(file));

    set.truth.pop_back();
    QVERIFY_THROWS_EXCEPTION(ml::MlError, set.save(file));
}

void TestReview::runStoresItsPredictions()
{
    const QString folder = QDir(m_run).filePath("predictions");
    QVERIFY(QFile::exists(folder + "/validation.bin"));
    QVERIFY(QFile::exists(folder + "/test.bin"));
    QCOMPARE(workflow::reviewSplits(m_run), (QStringList{"validation", "test"}));

    const auto data = workflow::trainingDataFromProject(m_project);
    const workflow::ReviewSet validation = workflow::loadReview(m_run, "validation");
    QCOMPARE(validation.rows(), int(data.snapshot.validation.size()));
    QCOMPARE(validation.relabeled, 0);
    const ml::ModelBundle bundle = ml::ModelBundle::read(QDir(m_run).filePath("model").toStdString());
    QCOMPARE(validation.epoch, bundle.epoch);
    QVERIFY(validation.thresholds == bundle.thresholds);
    // The bundle's F-beta was measured on these very predictions.
    QVERIFY(std::abs(validation.metrics(validation.thresholds).fbetaSamples - bundle.fbeta) < 1e-9);

    const workflow::ReviewSet test = workflow::loadReview(m_run, "test");
    QCOMPARE(test.rows(), data.heldOut);
    QVERIFY_THROWS_EXCEPTION(ProjectError, workflow::loadReview(m_run, "train"));
}

void TestReview::missingPredictionsAreMadeAgain()
{
    const workflow::ReviewSet stored = workflow::loadReview(m_run, "test");
    const QString file = QDir(m_run).filePath("predictions/test.bin");
    QVERIFY(QFile::remove(file));
    const workflow::ReviewSet remade = workflow::loadReview(m_run, "test");
    QVERIFY(QFile::exists(file));
    QCOMPARE(remade.paths, stored.paths);
    QVERIFY(remade.truth == stored.truth);
    QCOMPARE(remade.probabilities.size(), stored.probabilities.size());
    for (std::size_t i = 0; i < stored.probabilities.size(); ++i)
        QVERIFY2(std::abs(remade.probabilities[i] - stored.probabilities[i]) < 1e-5f, qPrintable(QString::number(i)));

    // A damaged file is an error that names it, not a silent re-prediction.
    QFile damaged(file);
    QVERIFY(damaged.resize(damaged.size() - 3));
    try {
        workflow::loadReview(m_run, "test");
        QFAIL("a damaged prediction file was read");
    } catch (const ProjectError &error) {
        QVERIFY2(error.message().contains(file), qPrintable(error.message()));
    }
    QVERIFY(QFile::remove(file));
    workflow::loadReview(m_run, "test");
}

void TestReview::correctedLabelsCount()
{
    const workflow::ReviewSet before = workflow::loadReview(m_run, "validation");
    auto store = ProjectStore::open(m_project);
    const QString path = store->relativePath(before.paths.first());
    const ImageRecord &image = store->images()[std::size_t(store->indexOfPath(path))];
    const qint64 tag = store->tagByName(before.tags.first())->id;
    const bool had = image.hasTag(tag);
    store->setTag({image.id}, tag, !had);

    const workflow::ReviewSet after = workflow::loadReview(m_run, "validation", store.get());
    QCOMPARE(after.relabeled, 1);
    QCOMPARE(after.truth[0], std::uint8_t(had ? 0 : 1));
    QVERIFY(std::equal(after.truth.begin() + 1, after.truth.end(), before.truth.begin() + 1));
    QVERIFY(after.probabilities == before.probabilities);
    store->setTag({image.id}, tag, had);
    QCOMPARE(workflow::loadReview(m_run, "validation", store.get()).relabeled, 0);
}

void TestReview::reviewCommandPrintsWhatReviewShows()
{
    const QString json = m_dir.filePath("review.json");
    const test::CliResult r = test::runCli({"review", "--model", m_run, "--split", "validation", "--json", json});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("most confused"), qPrintable(r.out));
    const workflow::ReviewSet review = workflow::loadReview(m_run, "validation");
    const ml::MetricsReport report = review.metrics(review.thresholds);
    const std::vector<long long> counts = review.confusion(review.thresholds);
    const ml::Json out = ml::readJsonFile(json.toStdString());
    QCOMPARE(out.at("split").get<std::string>(), std::string("validation"));
    QCOMPARE(out.at("images").get<int>(), review.rows());
    QVERIFY(std::abs(out.at("fbeta_samples").get<double>() - report.fbetaSamples) < 1e-12);
    QVERIFY(std::abs(out.at("map").get<double>() - report.map) < 1e-12);
    const ml::Json &confusion = out.at("confusion");
    const std::size_t tags = std::size_t(review.tagCount());
    QCOMPARE(confusion.at("tags").size(), tags);
    for (std::size_t i = 0; i < tags; ++i) {
        QCOMPARE(QString::fromStdString(confusion.at("tags")[i].get<std::string>()), review.tags[qsizetype(i)]);
        for (std::size_t j = 0; j < tags; ++j)
            QCOMPARE(confusion.at("counts")[i][j].get<long long>(), counts[i * tags + j]);
        QCOMPARE(counts[i * tags + i], report.perTag[i].tp);
    }

    const test::CliResult bad = test::runCli({"review", "--model", m_dir.filePath("nowhere")});
    QCOMPARE(bad.code, 1);
    QVERIFY2(bad.err.contains(m_dir.filePath("nowhere")), qPrintable(bad.err));
    QCOMPARE(test::runCli({"review", "--model", m_run, "--split", "train"}).code, 2);
}

void TestReview::thresholdsAreSavedIntoTheBundle()
{
    const QString model = QDir(m_run).filePath("model");
    const ml::ModelBundle before = ml::ModelBundle::read(model.toStdString());
    std::vector<float> thresholds(before.tags.size(), 0.25f);
    workflow::saveThresholds(m_run, thresholds);
    const ml::ModelBundle after = ml::ModelBundle::read(model.toStdString());
    QVERIFY(after.thresholds == thresholds);
    const workflow::ReviewSet review = workflow::loadReview(m_run, "validation");
    QVERIFY(review.thresholds == thresholds);
    QVERIFY(std::abs(after.fbeta - review.metrics(thresholds).fbetaSamples) < 1e-9);

    QVERIFY_THROWS_EXCEPTION(ProjectError, workflow::saveThresholds(m_run, {0.5f}));
    thresholds[0] = 1.5f;
    QVERIFY_THROWS_EXCEPTION(ProjectError, workflow::saveThresholds(m_run, thresholds));
    workflow::saveThresholds(m_run, before.thresholds);
    QVERIFY(ml::ModelBundle::read(model.toStdString()).thresholds == before.thresholds);
}

void TestReview::explainerAgreesWithTheStoredPredictions()
{
    const auto explainer = workflow::Explainer::load(m_run);
    const workflow::ReviewSet review = workflow::loadReview(m_run, "validation");
    QCOMPARE(explainer->tags(), review.tags);
    for (int row = 0; row < 3; ++row) {
        const workflow::Explanation e = explainer->explain(review.paths[row], {0, 2});
        QCOMPARE(e.image.width, 32);
        QCOMPARE(e.image.height, 32);
        QCOMPARE(e.maps.size(), std::size_t(2));
        for (std::size_t t = 0; t < e.probabilities.size(); ++t)
            QVERIFY(std::abs(e.probabilities[t] - review.probabilities[std::size_t(row) * e.probabilities.size() + t]) < 1e-4f);
        for (const auto &map : e.maps) {
            QCOMPARE(map.size(), std::size_t(32 * 32));
            QVERIFY(*std::min_element(map.begin(), map.end()) >= 0.0f);
            QVERIFY(*std::max_element(map.begin(), map.end()) <= 1.0f);
        }
        const workflow::Bitmap overlay = e.overlay(1, 0.4);
        QCOMPARE(overlay.channels, 3);
        QCOMPARE(overlay.pixels.size(), qsizetype(32 * 32 * 3));
        const workflow::Bitmap heat = e.heat(0);
        QCOMPARE(heat.channels, 1);
        QCOMPARE(heat.pixels.size(), qsizetype(32 * 32));
    }
    // A shown image may be shrunk; its maps follow.
    const workflow::Explanation small = explainer->explain(review.paths[0], {1}, 16, workflow::Explainer::Method::GradCamPlusPlus);
    QCOMPARE(small.image.width, 16);
    QCOMPARE(small.maps[0].size(), std::size_t(16 * 16));

    const QString missing = m_dir.filePath("gone.png");
    try {
        explainer->explain(missing, {0});
        QFAIL("a missing image was explained");
    } catch (const ProjectError &error) {
        QVERIFY2(error.message().contains(missing), qPrintable(error.message()));
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, explainer->explain(review.paths[0], {99}));
}

QTEST_GUILESS_MAIN(TestReview)
#include "tst_review.moc"
