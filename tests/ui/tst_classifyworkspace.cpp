// Drives the Classify workspace as a user does: drops (QDropEvent with file
// URLs) of images, a folder and a bad file onto the main window, a pasted
// image, the filters and the export; the probabilities shown equal
// `tagwise-cli predict` with the same model. TAGWISE_SCREENSHOT_DIR=DIR
// saves a screenshot.
#include "common/clirunner.h"
#include "common/screenshot.h"
#include "common/trainingimages.h"
#include "core/ml/json.h"
#include "core/project/projectstore.h"
#include "core/workflow/trainingdata.h"
#include "ui/classify/addtoprojectdialog.h"
#include "ui/classify/classifyworkspace.h"
#include "ui/labeling/filterbar.h"
#include "ui/labeling/imagelistmodel.h"
#include "ui/labeling/labelingworkspace.h"
#include "ui/labeling/thumbnailloader.h"
#include "ui/labeling/thumbnailgrid.h"
#include "ui/mainwindow.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QDialogButtonBox>
#include <QDropEvent>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QUndoStack>
#include <QLabel>
#include <QMimeData>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace tagwise;

namespace {

/// Drags \a urls over \a target and drops them there, as a window system delivers it.
bool dropFiles(QWidget *target, const QStringList &files)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &file : files)
        urls << QUrl::fromLocalFile(file);
    mime.setUrls(urls);
    const QPointF at(target->width() / 2.0, target->height() / 2.0);
    QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

}

class TestClassifyWorkspace final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void dropsAreClassifiedAsPredictDoes();
    void pastedImageAndNonImages();
    void addToProjectWritesSuggestions();

private:
    std::unique_ptr<MainWindow> openWindow();
    QTemporaryDir m_dir;
    QString m_project;
    QString m_run;
    QString m_drops;
};

void TestClassifyWorkspace::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::useScreenshotLocale();
    qputenv("XDG_CACHE_HOME", m_dir.filePath("cache").toUtf8());
    qputenv("XDG_CONFIG_HOME", m_dir.filePath("config").toUtf8());
    m_project = m_dir.filePath("project");
    QVERIFY(test::makeTaggedProject(m_project, 80, 32));
    const test::CliResult r = test::runCli({"train", "--project", m_project, "--arch", "smallervggnet", "--size", "24",
                                            "--epochs", "2", "--batch", "8", "--threads", "1", "--seed", "7"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    m_run = m_project + "/.tagwise/runs/" + QDir(m_project + "/.tagwise/runs").entryList(QDir::Dirs | QDir::NoDotAndDotDot).first();
    // New images, outside the project: three loose files and a folder of four (one nested).
    m_drops = m_dir.filePath("drops");
    QCOMPARE(test::writeTrainingImages(m_drops, 200, 3, 40).size(), 3);
    QCOMPARE(test::writeTrainingImages(m_drops + "/folder", 210, 3, 32).size(), 3);
    QCOMPARE(test::writeTrainingImages(m_drops + "/folder/nested", 220, 1, 32).size(), 1);
    QFile bad(m_drops + "/broken.png");
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("\x89PNG\r\n\x1a\n not really");
}

std::unique_ptr<MainWindow> TestClassifyWorkspace::openWindow()
{
    auto window = std::make_unique<MainWindow>();
    window->resize(1400, 900);
    window->show();
    if (!window->openProject(m_project) || !QTest::qWaitFor([&] { return !window->isScanning(); }, 20000))
        return nullptr;
    return window;
}

void TestClassifyWorkspace::dropsAreClassifiedAsPredictDoes()
{
    auto window = openWindow();
    QVERIFY(window);
    ClassifyWorkspace *classify = window->classifyWorkspace();
    QCOMPARE(classify->runBox()->count(), 1);
    const QStringList loose = QDir(m_drops).entryList({"img_*.png"}, QDir::Files, QDir::Name);
    QCOMPARE(loose.size(), 3);
    QStringList dropped;
    for (const QString &name : loose)
        dropped << QDir(m_drops).filePath(name);
    dropped << m_drops + "/folder" << m_drops + "/broken.png";

    QSignalSpy classified(classify, &ClassifyWorkspace::classified);
    // Dropped on the labeling grid's side of the window, far from the Classify tab.
    QVERIFY(dropFiles(window.get(), dropped));
    QCOMPARE(window->workspaces()->currentWidget(), classify);
    QVERIFY(classified.wait(30000));
    const auto &results = classify->results();
    QCOMPARE(results.size(), std::size_t(3 + 4 + 1));
    const auto broken = std::find_if(results.begin(), results.end(), [](const auto &r) { return r.path.endsWith("broken.png"); });
    QVERIFY(broken != results.end());
    QVERIFY2(broken->error.contains("broken.png") && broken->probabilities.empty(), qPrintable(broken->error));
    QVERIFY2(classify->summaryLabel()->text().contains("7"), qPrintable(classify->summaryLabel()->text()));

    // The same files through the command line, with the same model.
    QStringList files;
    for (const auto &r : results) {
        if (r.error.isEmpty())
            files << r.path;
    }
    const test::CliResult cli = test::runCli(QStringList{"predict", "--model", m_run, "--json", "--threads", "1"} + files);
    QVERIFY2(cli.code == 0, qPrintable(cli.err));
    const ml::Json expected = ml::parseJson(cli.out.toStdString(), "predict");
    QCOMPARE(expected.size(), std::size_t(7));
    for (const ml::Json &item : expected) {
        const QString path = QString::fromStdString(item.at("path").get<std::string>());
        const auto it = std::find_if(results.begin(), results.end(), [&](const auto &r) { return r.path == path; });
        QVERIFY2(it != results.end(), qPrintable(path));
        for (int t = 0; t < classify->tags().size(); ++t) {
            const double p = item.at("probabilities").at(classify->tags()[t].toStdString()).get<double>();
            QVERIFY2(std::abs(it->probabilities[std::size_t(t)] - p) < 1e-5, qPrintable(path));
        }
    }

    // Selecting a row shows its bars and its Grad-CAM.
    QSignalSpy explained(classify, &ClassifyWorkspace::explained);
    QTableView *table = classify->resultTable();
    const QModelIndex first = table->model()->index(0, 0);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(first).center());
    QVERIFY(explained.wait(20000) || !classify->camView()->pixmap().isNull());
    QTRY_VERIFY(!classify->camView()->pixmap().isNull() || !classify->camView()->text().isEmpty());
    test::saveScreenshot(window.get(), "classify");

    // Filters: a tag keeps the images predicted with it; a confidence of 1 keeps none.
    classify->tagFilter()->setCurrentIndex(1);
    Q_EMIT classify->tagFilter()->activated(1);
    int withTag = 0;
    for (const auto &r : results)
        withTag += !r.probabilities.empty() && r.probabilities[0] >= classify->thresholds()[0];
    QCOMPARE(table->model()->rowCount(), withTag);
    classify->tagFilter()->setCurrentIndex(0);
    Q_EMIT classify->tagFilter()->activated(0);
    classify->confidenceFilter()->setValue(1.0);
    QCOMPARE(table->model()->rowCount(), 0);
    classify->confidenceFilter()->setValue(0.0);
    QCOMPARE(table->model()->rowCount(), 8);

    // The export as JSON is predict's.
    const QString json = m_dir.filePath("results.json");
    QVERIFY(classify->exportResults(json, "json"));
    const ml::Json exported = ml::readJsonFile(json.toStdString());
    QCOMPARE(exported.size(), std::size_t(7));
    for (const ml::Json &item : exported) {
        const auto match = std::find_if(expected.begin(), expected.end(), [&](const ml::Json &e) { return e.at("path") == item.at("path"); });
        QVERIFY(match != expected.end());
        QVERIFY(item.at("tags") == match->at("tags"));
    }
    const QString planet = m_dir.filePath("results.csv");
    QVERIFY(classify->exportResults(planet, "planet"));
    QFile csv(planet);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readLine(), QByteArray("image_name,tags\n"));
}

void TestClassifyWorkspace::pastedImageAndNonImages()
{
    auto window = openWindow();
    QVERIFY(window);
    ClassifyWorkspace *classify = window->classifyWorkspace();
    // Text is nothing to classify: the drop is refused.
    QMimeData text;
    text.setText("hello");
    QVERIFY(!ClassifyWorkspace::canTake(&text));
    // An image without a file, as a screenshot on the clipboard.
    QImage image(48, 48, QImage::Format_RGB32);
    image.fill(Qt::red);
    QMimeData pasted;
    pasted.setImageData(image);
    QSignalSpy classified(classify, &ClassifyWorkspace::classified);
    QVERIFY(classify->take(&pasted));
    QVERIFY(classified.wait(20000));
    QCOMPARE(classify->results().size(), std::size_t(1));
    QVERIFY(classify->results()[0].error.isEmpty());
    QVERIFY(QFileInfo::exists(classify->results()[0].path));
    // An empty folder gives nothing and no error.
    QDir().mkpath(m_dir.filePath("empty"));
    classify->classify({m_dir.filePath("empty")});
    QVERIFY(classified.wait(20000));
    QCOMPARE(classify->results().size(), std::size_t(1));
}

void TestClassifyWorkspace::addToProjectWritesSuggestions()
{
    auto window = openWindow();
    QVERIFY(window);
    ClassifyWorkspace *classify = window->classifyWorkspace();
    QVERIFY(!classify->addToProjectButton()->isEnabled()); // nothing classified yet
    QStringList dropped;
    for (const QString &name : QDir(m_drops).entryList({"img_*.png"}, QDir::Files, QDir::Name))
        dropped << QDir(m_drops).filePath(name);
    dropped << m_drops + "/folder/nested" << m_drops + "/broken.png";
    QSignalSpy classified(classify, &ClassifyWorkspace::classified);
    QVERIFY(dropFiles(window.get(), dropped));
    QVERIFY(classified.wait(30000));
    QVERIFY(classify->addToProjectButton()->isEnabled());

    // One row selected (the one looked at): every image shown, never the unreadable one.
    QTest::mouseClick(classify->addToProjectButton(), Qt::LeftButton);
    AddToProjectDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = classify->findChild<AddToProjectDialog *>()) && dialog->isVisible());
    QTableWidget *table = dialog->table();
    QCOMPARE(table->rowCount(), 4);
    QCOMPARE(table->columnCount(), 1 + int(classify->tags().size()));
    // The boxes start as the model predicts; the person then corrects two of them.
    const auto &results = classify->results();
    QStringList expected[3];
    for (int row = 0; row < 3; ++row) {
        const auto it = std::find_if(results.begin(), results.end(), [&](const auto &r) {
            return QFileInfo(r.path).fileName() == table->item(row, 0)->text();
        });
        QVERIFY(it != results.end());
        for (int t = 0; t < classify->tags().size(); ++t) {
            const bool predicted = it->probabilities[std::size_t(t)] >= classify->thresholds()[std::size_t(t)];
            QCOMPARE(table->item(row, t + 1)->checkState(), predicted ? Qt::Checked : Qt::Unchecked);
            if (predicted != (row == 0 && t == 0)) // the first image's first tag flips
                expected[row] << classify->tags()[t];
        }
    }
    // A row unticked is left out.
    table->item(3, 0)->setCheckState(Qt::Unchecked);
    table->item(0, 1)->setCheckState(table->item(0, 1)->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
    dialog->folderEdit()->clear();
    QTest::keyClicks(dialog->folderEdit(), "incoming/model");
    test::saveScreenshot(dialog, "classify-add");
    QStringList names;
    for (int row = 0; row < 3; ++row)
        names << table->item(row, 0)->text();
    QSignalSpy added(classify, &ClassifyWorkspace::addedToProject);
    const QPointer<AddToProjectDialog> closing(dialog);
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    // The files are copied in the background, with progress and Cancel; the window stays responsive.
    QVERIFY(classify->progressBar()->isVisible() && classify->cancelButton()->isVisible());
    QVERIFY(!classify->addToProjectButton()->isEnabled());
    QVERIFY(classify->isBusy());
    test::saveScreenshot(window.get(), "classify-copying");
    QVERIFY(added.wait(20000));
    QCOMPARE(added.takeFirst().at(0).toBool(), true);
    QVERIFY(!classify->progressBar()->isVisible() && !classify->cancelButton()->isVisible());
    QVERIFY(classify->addToProjectButton()->isEnabled());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QVERIFY(!closing); // else it stays the active window in place of the main window

    // Copied byte for byte, with the tags as suggestions, not reviewed.
    ProjectStore *store = window->projectStore();
    for (int row = 0; row < 3; ++row) {
        const QString name = names[row];
        const QString relative = "incoming/model/" + name;
        QFile copy(store->absolutePath(relative)), original(QDir(m_drops).filePath(name));
        QVERIFY(copy.open(QIODevice::ReadOnly) && original.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), original.readAll());
        const int index = store->indexOfPath(relative);
        QVERIFY2(index >= 0, qPrintable(relative));
        const ImageRecord &image = store->images()[std::size_t(index)];
        QCOMPARE(store->tagNames(image), expected[row]);
        QCOMPARE(image.suggested, image.tags);
        QVERIFY(!image.reviewed && !image.isLabeled());
    }
    const int suggested = int(std::count_if(std::begin(expected), std::end(expected), [](const QStringList &tags) {
        return !tags.isEmpty();
    }));
    QVERIFY(suggested > 0);
    {
        // On disk too, and training waits for a person.
        auto reopened = ProjectStore::open(m_project);
        QCOMPARE(reopened->tagNames(reopened->images()[std::size_t(reopened->indexOfPath("incoming/model/" + names[0]))]),
                 expected[0]);
        QCOMPARE(workflow::trainingDataFromProject(m_project).awaitingReview, suggested);
    }

    // The Label workspace lists them; Space confirms the suggestions of the selection.
    window->workspaces()->setCurrentWidget(window->labelingWorkspace());
    LabelingWorkspace *labeling = window->labelingWorkspace();
    QComboBox *mode = labeling->filterBar()->modeCombo();
    mode->setCurrentIndex(mode->findData(int(ImageFilter::Mode::Suggested)));
    QTRY_COMPARE(labeling->imageModel()->rowCount(), suggested);
    ThumbnailGrid *grid = labeling->thumbnailGrid();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    grid->setFocus();
    grid->setCurrentIndex(labeling->imageModel()->index(suggested - 1));
    if (qEnvironmentVariableIsSet("TAGWISE_SCREENSHOT_DIR")) {
        QTRY_COMPARE(labeling->thumbnailLoader()->queuedCount(), 0);
        QTest::qWait(500);
        test::saveScreenshot(window.get(), "label-suggested");
    }
    QTest::keyClick(grid, Qt::Key_Space);
    const qint64 confirmed = labeling->imageModel()->record(suggested - 1)->id;
    QVERIFY(store->image(confirmed)->reviewed && store->image(confirmed)->suggested.empty());
    QVERIFY(store->image(confirmed)->isLabeled());
    window->undoStack()->undo();
    QVERIFY(!store->image(confirmed)->reviewed && !store->image(confirmed)->suggested.empty());

    // Undo of the addition takes the suggestions off; the files stay listed.
    window->undoStack()->undo();
    for (int row = 0; row < 3; ++row) {
        const ImageRecord *image = store->image(store->images()[std::size_t(store->indexOfPath("incoming/model/" + names[row]))].id);
        QVERIFY(image->tags.empty() && image->suggested.empty());
    }
    window->undoStack()->redo();

    // Adding the same files again copies nothing more.
    const int images = store->imageCount();
    QVERIFY(classify->addToProject({{QDir(m_drops).filePath(names[1]), {}}}, "incoming/model"));
    QVERIFY(!classify->addToProject({{QDir(m_drops).filePath(names[2]), {}}}, "incoming/model")); // one copy at a time
    QVERIFY(added.wait(20000));
    QCOMPARE(added.takeFirst().at(0).toBool(), true);
    QCOMPARE(store->imageCount(), images);
    QCOMPARE(QDir(store->absolutePath("incoming/model")).entryList(QDir::Files).size(), 3);

    // Leaving the project while a copy runs stops it, and what was copied by then is added:
    // no file lands in the project without its suggestions.
    QList<ImageTags> late;
    for (const QString &name : std::as_const(names))
        late.append({QDir(m_drops).filePath(name), {classify->tags()[0]}});
    QVERIFY(classify->addToProject(late, "late"));
    classify->setStore(nullptr);
    QVERIFY(!classify->isBusy());
    QCOMPARE(added.size(), 1);
    auto reopened = ProjectStore::open(m_project);
    const QStringList copies = QDir(reopened->absolutePath("late")).entryList(QDir::Files);
    for (const QString &name : copies) {
        const int index = reopened->indexOfPath("late/" + name);
        QVERIFY2(index >= 0, qPrintable(name));
        QCOMPARE(reopened->tagNames(reopened->images()[std::size_t(index)]), QStringList{classify->tags()[0]});
    }
    classify->setStore(store);
}

QTEST_MAIN(TestClassifyWorkspace)
#include "tst_classifyworkspace.moc"
