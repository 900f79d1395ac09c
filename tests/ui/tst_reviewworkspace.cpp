// Drives the Review workspace through its real widgets: on a run trained here
// its metrics equal `tagwise-cli evaluate` of the same images; on a committed
// fixture, moving the sliders changes the confusion matrices as scikit-learn
// says; the mistakes browser shows Grad-CAM and fixes a tag in the project,
// undoably; saved thresholds land in the model, undoably.
// TAGWISE_SCREENSHOT_DIR=DIR saves screenshots of each view.
#include "common/clirunner.h"
#include "common/screenshot.h"
#include "common/trainingimages.h"
#include "core/ml/json.h"
#include "core/ml/modelbundle.h"
#include "core/project/projectstore.h"
#include "ui/mainwindow.h"
#include "ui/projecteditor.h"
#include "ui/review/confusionviews.h"
#include "ui/review/reviewworkspace.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace tagwise;
using test::saveScreenshot;

namespace {

/// The number in the table's cell (row of the source model = tag index).
double cell(QTableView *table, int tag, int column)
{
    const auto *proxy = static_cast<const QSortFilterProxyModel *>(table->model());
    const QModelIndex index = proxy->sourceModel()->index(tag, column);
    return index.data(Qt::UserRole).toDouble();
}

}

class TestReviewWorkspace final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void metricsEqualEvaluate();
    void slidersMoveTheMatricesAsScikitLearnSays();
    void mistakesBrowserShowsGradCamAndFixesTags();
    void savedThresholdsAreUndoable();

private:
    std::unique_ptr<MainWindow> openWindow();
    QTemporaryDir m_dir;
    QString m_project;
    QString m_run;
};

void TestReviewWorkspace::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::useScreenshotLocale();
    qputenv("XDG_CACHE_HOME", m_dir.filePath("cache").toUtf8());
    qputenv("XDG_CONFIG_HOME", m_dir.filePath("config").toUtf8());
    m_project = m_dir.filePath("project");
    QVERIFY(test::makeTaggedProject(m_project, 120, 32));
    const test::CliResult r = test::runCli({"train", "--project", m_project, "--arch", "smallervggnet", "--size", "24",
                                            "--epochs", "3", "--batch", "8", "--threads", "1", "--seed", "5"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QStringList runs = QDir(m_project + "/.tagwise/runs").entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCOMPARE(runs.size(), 1);
    m_run = m_project + "/.tagwise/runs/" + runs.first();
}

std::unique_ptr<MainWindow> TestReviewWorkspace::openWindow()
{
    auto window = std::make_unique<MainWindow>();
    window->resize(1400, 900);
    window->show();
    if (!window->openProject(m_project))
        return nullptr;
    if (!QTest::qWaitFor([&] { return !window->isScanning(); }, 20000))
        return nullptr;
    window->workspaces()->setCurrentWidget(window->reviewWorkspace());
    ReviewWorkspace *review = window->reviewWorkspace();
    if (!QTest::qWaitFor([&] { return !review->isLoading() && review->reviewSet().rows() > 0; }, 30000))
        return nullptr;
    return window;
}

void TestReviewWorkspace::metricsEqualEvaluate()
{
    auto window = openWindow();
    QVERIFY(window);
    ReviewWorkspace *review = window->reviewWorkspace();
    const workflow::ReviewSet &set = review->reviewSet();
    QCOMPARE(set.split, QStringLiteral("validation"));
    QCOMPARE(review->runBox()->count(), 1);

    // The same images, with the project's tags, through `tagwise-cli evaluate`.
    QStringList rows;
    for (int row = 0; row < set.rows(); ++row) {
        QStringList tags;
        for (int t = 0; t < set.tagCount(); ++t) {
            if (set.truth[std::size_t(row * set.tagCount() + t)])
                tags << set.tags[t];
        }
        rows << QDir(m_project).relativeFilePath(set.paths[row]) + "," + tags.join(' ');
    }
    const QString csv = m_dir.filePath("validation.csv");
    const QString json = m_dir.filePath("evaluation.json");
    QVERIFY(test::writeCsv(csv, rows));
    const test::CliResult r = test::runCli({"evaluate", "--model", m_run, "--csv", csv, "--images", m_project,
                                            "--json", json, "--threads", "1"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const ml::Json expected = ml::readJsonFile(json.toStdString());

    const QString totals = review->totalsLabel()->text();
    for (const char *key : {"fbeta_samples", "f1_micro", "f1_macro", "map", "hamming_loss"}) {
        const QString shown = QLocale().toString(expected.at(key).get<double>(), 'f', 3);
        QVERIFY2(totals.contains("<b>" + shown + "</b>"), qPrintable(QStringLiteral("%1 %2 in %3").arg(key, shown, totals)));
    }
    QTableView *table = review->tagTable();
    QCOMPARE(table->model()->rowCount(), set.tagCount());
    for (int t = 0; t < set.tagCount(); ++t) {
        const ml::Json &tag = expected.at("per_tag")[std::size_t(t)];
        QCOMPARE(table->model()->index(t, 0).data().toString(), QString::fromStdString(tag.at("tag").get<std::string>()));
        QCOMPARE(cell(table, t, 1), double(tag.at("support").get<long long>()));
        QCOMPARE(cell(table, t, 7), double(tag.at("tp").get<long long>()));
        QCOMPARE(cell(table, t, 8), double(tag.at("fp").get<long long>()));
        QCOMPARE(cell(table, t, 9), double(tag.at("fn").get<long long>()));
        QCOMPARE(cell(table, t, 10), double(tag.at("tn").get<long long>()));
        for (const auto &[column, key] : {std::pair{2, "precision"}, std::pair{3, "recall"}, std::pair{4, "f1"},
                                          std::pair{5, "ap"}, std::pair{6, "threshold"}})
            QVERIFY2(std::abs(cell(table, t, column) - tag.at(key).get<double>()) < 1e-4, key);
    }

    // Sorting by a column orders the rows by its numbers.
    table->sortByColumn(1, Qt::DescendingOrder);
    for (int row = 1; row < table->model()->rowCount(); ++row)
        QVERIFY(table->model()->index(row - 1, 1).data(Qt::UserRole).toDouble()
                >= table->model()->index(row, 1).data(Qt::UserRole).toDouble());
    table->sortByColumn(-1, Qt::AscendingOrder);

    // The test split is there too (the project has test images), and opens as quickly.
    QVERIFY(review->splitBox()->findData("test") >= 0);
    QSignalSpy loaded(review, &ReviewWorkspace::loaded);
    review->splitBox()->setCurrentIndex(review->splitBox()->findData("test"));
    Q_EMIT review->splitBox()->activated(review->splitBox()->currentIndex());
    QVERIFY(loaded.wait(20000));
    QCOMPARE(review->reviewSet().split, QStringLiteral("test"));
    QVERIFY(review->reviewSet().rows() > 0);

    saveScreenshot(window.get(), "review-metrics");
    review->views()->setCurrentIndex(1);
    // The tag-by-tag matrix is computed when its page shows, and laid out on the next pass of the event loop.
    QTRY_VERIFY(review->tagConfusionView()->height() >= review->tagConfusionView()->sizeHint().height());
    saveScreenshot(window.get(), "review-confusion");
}

void TestReviewWorkspace::slidersMoveTheMatricesAsScikitLearnSays()
{
    QFile file(QStringLiteral(TAGWISE_TEST_DATA "/review/threshold_sweep.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject fixture = QJsonDocument::fromJson(file.readAll()).object();
    workflow::ReviewSet set;
    set.split = "validation";
    for (const auto &tag : fixture.value("tags").toArray())
        set.tags << tag.toString();
    for (const auto &row : fixture.value("probabilities").toArray()) {
        set.paths << QStringLiteral("/nowhere/%1.png").arg(set.paths.size());
        for (const auto &value : row.toArray())
            set.probabilities.push_back(float(value.toDouble()));
    }
    for (const auto &row : fixture.value("truth").toArray()) {
        for (const auto &value : row.toArray())
            set.truth.push_back(std::uint8_t(value.toInt()));
    }
    const int tags = set.tagCount();
    set.thresholds.assign(std::size_t(tags), 0.5f);

    ProjectEditor editor;
    ReviewWorkspace review(&editor);
    review.resize(1200, 800);
    review.show();
    review.showReviewSet(set);
    QVERIFY(!review.saveButton()->isEnabled()); // no run to save into
    // The tag-by-tag confusion follows while its page shows; the table's rows are clicked on the first page.
    QTabWidget *views = review.views();
    for (const auto &stepValue : fixture.value("steps").toArray()) {
        const QJsonObject step = stepValue.toObject();
        QList<int> values;
        for (const auto &v : step.value("thresholds").toArray())
            values << int(std::lround(v.toDouble() * 1000));
        if (std::all_of(values.begin(), values.end(), [&](int v) { return v == values.first(); })) {
            views->setCurrentIndex(1);
            review.globalSlider()->setValue(values.first());
        } else {
            views->setCurrentIndex(0);
            for (int t = 0; t < tags; ++t) {
                QTableView *table = review.tagTable();
                const QRect rect = table->visualRect(table->model()->index(t, 0));
                QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
                QCOMPARE(table->currentIndex().row(), t);
                review.tagSlider()->setValue(values[t]);
            }
        }
        for (int t = 0; t < tags; ++t)
            QCOMPARE(review.thresholds()[std::size_t(t)], float(step.value("thresholds").toArray().at(t).toDouble()));
        const auto mcm = step.value("multilabel_confusion_matrix").toArray();
        const auto &grid = review.confusionGrid()->metrics();
        QCOMPARE(int(grid.size()), tags);
        for (int t = 0; t < tags; ++t) {
            const auto m = mcm.at(t).toArray();
            QCOMPARE(grid[std::size_t(t)].tn, m.at(0).toArray().at(0).toInteger());
            QCOMPARE(grid[std::size_t(t)].fp, m.at(0).toArray().at(1).toInteger());
            QCOMPARE(grid[std::size_t(t)].fn, m.at(1).toArray().at(0).toInteger());
            QCOMPARE(grid[std::size_t(t)].tp, m.at(1).toArray().at(1).toInteger());
        }
        views->setCurrentIndex(1);
        const auto expected = step.value("tag_confusion").toArray();
        const auto &counts = review.tagConfusionView()->counts();
        for (int i = 0; i < tags; ++i) {
            for (int j = 0; j < tags; ++j)
                QCOMPARE(counts[std::size_t(i * tags + j)], expected.at(i).toArray().at(j).toInteger());
        }
    }
    // The keyboard moves a slider too: End puts every threshold at 1.
    review.globalSlider()->setFocus();
    QTest::keyClick(review.globalSlider(), Qt::Key_End);
    QVERIFY(std::all_of(review.thresholds().begin(), review.thresholds().end(), [](float t) { return t == 1.0f; }));
    // Revert brings back the thresholds the set came with.
    QTest::mouseClick(review.findChild<QPushButton *>("revertThresholdsButton"), Qt::LeftButton);
    QVERIFY(review.thresholds() == set.thresholds);
}

void TestReviewWorkspace::mistakesBrowserShowsGradCamAndFixesTags()
{
    auto window = openWindow();
    QVERIFY(window);
    ReviewWorkspace *review = window->reviewWorkspace();
    review->views()->setCurrentIndex(2);

    // The synthetic images are easy: a low threshold makes mistakes to browse.
    review->globalSlider()->setValue(20);
    int tag = -1;
    bool falsePositives = true;
    for (int t = 0; t < review->reviewSet().tagCount() && tag < 0; ++t) {
        for (const bool kind : {true, false}) {
            if (!review->mistakes(t, kind).isEmpty()) {
                tag = t;
                falsePositives = kind;
                break;
            }
        }
    }
    QVERIFY2(tag >= 0, "the model makes no mistake at all: nothing to browse");
    review->mistakeTagBox()->setCurrentIndex(tag);
    Q_EMIT review->mistakeTagBox()->activated(tag);
    const int kind = review->mistakeKindBox()->findData(falsePositives);
    review->mistakeKindBox()->setCurrentIndex(kind);
    Q_EMIT review->mistakeKindBox()->activated(kind);
    const QList<int> rows = review->mistakes(tag, falsePositives);
    QListWidget *list = review->mistakeList();
    QCOMPARE(list->count(), rows.size());
    // Most confident first.
    const std::size_t tags = std::size_t(review->reviewSet().tagCount());
    for (int i = 1; i < rows.size(); ++i) {
        const float before = review->reviewSet().probabilities[std::size_t(rows[i - 1]) * tags + std::size_t(tag)];
        const float after = review->reviewSet().probabilities[std::size_t(rows[i]) * tags + std::size_t(tag)];
        QVERIFY(falsePositives ? before >= after : before <= after);
    }

    QSignalSpy explained(review, &ReviewWorkspace::explained);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(0)).center());
    QCOMPARE(review->shownImage(), rows.first());
    QVERIFY(explained.wait(20000));
    QVERIFY(!review->camView()->pixmap().isNull());
    QCOMPARE(review->explanation().tags, QList<int>{tag});
    QCOMPARE(review->explanation().path, review->reviewSet().paths[rows.first()]);
    // Another tag's map on request.
    const int other = (tag + 1) % int(tags);
    review->camTagBox()->setCurrentIndex(other);
    Q_EMIT review->camTagBox()->activated(other);
    QVERIFY(explained.wait(20000));
    QCOMPARE(review->explanation().tags, QList<int>{other});
    saveScreenshot(window.get(), "review-mistakes");

    // The image's tags, fixed in place: the label the model disagrees with is flipped.
    const int row = rows.first();
    const QString path = review->reviewSet().paths[row];
    QTableWidgetItem *check = review->imageTagTable()->item(tag, 0);
    QVERIFY(check->flags() & Qt::ItemIsUserCheckable);
    QCOMPARE(check->checkState(), falsePositives ? Qt::Unchecked : Qt::Checked);
    check->setCheckState(falsePositives ? Qt::Checked : Qt::Unchecked);
    QCOMPARE(review->reviewSet().truth[std::size_t(row) * tags + std::size_t(tag)], std::uint8_t(falsePositives ? 1 : 0));
    QVERIFY(!review->mistakes(tag, falsePositives).contains(row));
    const auto hasTag = [&] {
        auto store = ProjectStore::open(m_project);
        const ImageRecord &image = store->images()[std::size_t(store->indexOfPath(store->relativePath(path)))];
        return image.hasTag(store->tagByName(review->reviewSet().tags[tag])->id);
    };
    QCOMPARE(hasTag(), falsePositives);

    window->undoStack()->undo();
    QCOMPARE(hasTag(), !falsePositives);
    QCOMPARE(review->reviewSet().truth[std::size_t(row) * tags + std::size_t(tag)], std::uint8_t(falsePositives ? 0 : 1));
    QVERIFY(review->mistakes(tag, falsePositives).contains(row));
}

void TestReviewWorkspace::savedThresholdsAreUndoable()
{
    auto window = openWindow();
    QVERIFY(window);
    ReviewWorkspace *review = window->reviewWorkspace();
    const std::string model = QString(m_run + "/model").toStdString();
    const std::vector<float> before = ml::ModelBundle::read(model).thresholds;
    QVERIFY(!review->saveButton()->isEnabled());
    review->globalSlider()->setValue(300);
    QVERIFY(review->saveButton()->isEnabled());
    QTest::mouseClick(review->saveButton(), Qt::LeftButton);
    QVERIFY(!review->saveButton()->isEnabled());
    const std::vector<float> saved = ml::ModelBundle::read(model).thresholds;
    QVERIFY(std::all_of(saved.begin(), saved.end(), [](float t) { return t == 0.3f; }));
    // `predict` uses them from now on.
    const test::CliResult r = test::runCli({"review", "--model", m_run});
    QVERIFY2(r.out.contains("0.3000\n"), qPrintable(r.out));

    window->undoStack()->undo();
    QVERIFY(ml::ModelBundle::read(model).thresholds == before);
    QVERIFY(review->thresholds() == before);
    window->undoStack()->redo();
    QVERIFY(ml::ModelBundle::read(model).thresholds == saved);
    window->undoStack()->undo();

    // Tune chooses on the validation images as training did: the model's own thresholds come back.
    review->globalSlider()->setValue(500);
    QTest::mouseClick(review->tuneButton(), Qt::LeftButton);
    QVERIFY(review->thresholds() == before);
    QVERIFY(!review->saveButton()->isEnabled());
}

QTEST_MAIN(TestReviewWorkspace)
#include "tst_reviewworkspace.moc"
