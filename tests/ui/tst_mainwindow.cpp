// Drives the labeling workspace through its real widgets: a generated folder
// of PNG images, mouse clicks on the grid and on tag check boxes, key presses
// on the grid, and a fresh ProjectStore::open() to check what reached disk.

#include "common/screenshot.h"
#include "core/project/projectstore.h"
#include "ui/labeling/datasetoverviewdialog.h"
#include "ui/labeling/filterbar.h"
#include "ui/labeling/imagelistmodel.h"
#include "ui/labeling/imagepreview.h"
#include "ui/mainwindow.h"
#include "ui/problemsdialog.h"
#include "ui/projecteditor.h"
#include "ui/labeling/tagcheckbox.h"
#include "ui/labeling/tagpanel.h"
#include "ui/labeling/thumbnailgrid.h"
#include "ui/labeling/thumbnailloader.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QTranslator>
#include <QUndoStack>
#include <QtTest>

#include <memory>

using namespace tagwise;

namespace {

QColor colorOf(int i)
{
    return QColor::fromHsv((i * 47) % 360, 200, 220);
}

/// Writes \a count PNG files img_000.png ... into \a dir, each a different colour.
void writeImages(const QString &dir, int count, const QString &prefix = QStringLiteral("img_"))
{
    QDir().mkpath(dir);
    for (int i = 0; i < count; ++i) {
        QImage image(64 + (i % 3) * 16, 48, QImage::Format_RGB32);
        image.fill(colorOf(i));
        QPainter painter(&image);
        painter.setBrush(Qt::white);
        painter.drawEllipse(QPoint(20 + i % 20, 24), 8, 8);
        painter.end();
        QVERIFY(image.save(QStringLiteral("%1/%2%3.png").arg(dir, prefix).arg(i, 3, 10, QLatin1Char('0'))));
    }
}

/// The whole labeling state of a project as text: tags and every image's tags and marks.
QString describe(const ProjectStore &store)
{
    QStringList lines;
    for (const TagInfo &tag : store.tags())
        lines << QStringLiteral("tag %1 %2 %3 [%4]").arg(tag.id).arg(tag.name, tag.color, tag.shortcut);
    for (const ImageRecord &image : store.images())
        lines << QStringLiteral("%1%2%3: %4")
                     .arg(image.path, image.reviewed ? QStringLiteral(" R") : QString(),
                          image.missing ? QStringLiteral(" M") : QString(), store.tagNames(image).join(QLatin1Char(',')));
    return lines.join(QLatin1Char('\n'));
}

QString describeOnDisk(const QString &root)
{
    const auto store = ProjectStore::open(root);
    return describe(*store);
}

}

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void opensFolderAndListsImages();
    void openFailureNamesTheFolder();
    void checkboxAppliesToWholeSelection();
    void triStateForMixedSelection();
    void keysToggleTagsAndReviewed();
    void digitsInSearchFieldAreText();
    void undoRedoEveryEdit_data();
    void undoRedoEveryEdit();
    void filtersAndCounts();
    void tagManagementInPanel();
    void vanishedFileIsShownMissing();
    void thumbnailsArrive();
    void importPlanetCsv();
    void importFailureIsReported();
    void datasetOverview();
    void aboutSaysWhatItComputesWith();
    void screenshot();

private:
    void openAndWait(int images);
    void clickRow(int row, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    void selectRows(int first, int last);
    void closeMessageBoxes();
    void clickCheckBox(qint64 tagId);
    QList<qint64> rowIds(int first, int last) const;
    QString root() const { return m_dir->path() + QStringLiteral("/images"); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TagwiseTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
}

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1200, 800);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

void TestMainWindow::openAndWait(int images)
{
    writeImages(root(), images);
    QSignalSpy scanned(m_window.get(), &MainWindow::scanFinished);
    QVERIFY(m_window->openProject(root()));
    QTRY_COMPARE(scanned.count(), 1);
    QCOMPARE(m_window->imageModel()->rowCount(), images);
    m_window->thumbnailGrid()->setFocus();
}

void TestMainWindow::clickRow(int row, Qt::KeyboardModifiers modifiers)
{
    ThumbnailGrid *grid = m_window->thumbnailGrid();
    const QModelIndex index = grid->model()->index(row, 0);
    grid->scrollTo(index);
    const QRect rect = grid->visualRect(index);
    QVERIFY(rect.isValid());
    QTest::mouseClick(grid->viewport(), Qt::LeftButton, modifiers, rect.center());
}

void TestMainWindow::selectRows(int first, int last)
{
    clickRow(first);
    if (last != first)
        clickRow(last, Qt::ShiftModifier);
    QCOMPARE(m_window->thumbnailGrid()->selectedCount(), last - first + 1);
    // The panel follows the selection on the next event loop turn.
    QTRY_COMPARE(m_window->tagPanel()->selection().size(), last - first + 1);
}

void TestMainWindow::closeMessageBoxes()
{
    // A window-modal box takes the keyboard from the main window: close it.
    for (QMessageBox *box : m_window->findChildren<QMessageBox *>())
        box->close();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestMainWindow::clickCheckBox(qint64 tagId)
{
    TagCheckBox *box = m_window->tagPanel()->checkBox(tagId);
    QVERIFY(box);
    QVERIFY(box->isVisible());
    QVERIFY(box->isEnabled());
    // On the indicator: the box may be wider than its label.
    QTest::mouseClick(box, Qt::LeftButton, Qt::NoModifier, QPoint(8, box->height() / 2));
    m_window->tagPanel()->refreshNow();
}

QList<qint64> TestMainWindow::rowIds(int first, int last) const
{
    QList<qint64> ids;
    for (int row = first; row <= last; ++row)
        ids.append(m_window->imageModel()->imageId(row));
    return ids;
}

void TestMainWindow::opensFolderAndListsImages()
{
    openAndWait(30);
    ProjectStore *store = m_window->projectStore();
    QVERIFY(store);
    QCOMPARE(store->imageCount(), 30);
    QVERIFY(QFileInfo::exists(root() + QStringLiteral("/.tagwise")));
    QVERIFY(m_window->windowTitle().contains(QDir::toNativeSeparators(store->rootPath())));
    QVERIFY2(m_window->statusText().startsWith(QStringLiteral("30 images")), qPrintable(m_window->statusText()));
    QVERIFY(m_window->statusText().contains(QStringLiteral("0 tagged")));
    QCOMPARE(m_window->filterBar()->countLabel()->text(), QStringLiteral("30 images"));
    QCOMPARE(m_window->imageModel()->index(0).data(Qt::DisplayRole).toString(), QStringLiteral("img_000.png"));
    // The SVG icon from the resources renders.
    QVERIFY(!m_window->windowIcon().pixmap(32).isNull());
}

void TestMainWindow::openFailureNamesTheFolder()
{
    QSignalSpy errors(m_window.get(), &MainWindow::errorShown);
    const QString missing = m_dir->path() + QStringLiteral("/does-not-exist");
    QVERIFY(!m_window->openProject(missing));
    QCOMPARE(errors.count(), 1);
    QVERIFY(errors.first().first().toString().contains(QStringLiteral("does-not-exist")));
    auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("errorMessageBox"));
    QVERIFY(box);
    QVERIFY(box->text().contains(QStringLiteral("does-not-exist")));
    QVERIFY(!m_window->projectStore());
}

void TestMainWindow::checkboxAppliesToWholeSelection()
{
    openAndWait(30);
    ProjectEditor *editor = m_window->editor();
    const qint64 cat = editor->addTag(QStringLiteral("cat"));
    QVERIFY(cat > 0);
    m_window->tagPanel()->refreshNow();

    selectRows(3, 9);
    clickCheckBox(cat);
    ProjectStore *store = m_window->projectStore();
    for (int row = 0; row < 30; ++row) {
        const bool expected = row >= 3 && row <= 9;
        QCOMPARE(store->image(m_window->imageModel()->imageId(row))->hasTag(cat), expected);
    }
    QCOMPARE(m_window->tagPanel()->checkBox(cat)->checkState(), Qt::Checked);
    QCOMPARE(m_window->tagPanel()->countLabel(cat)->text(), QStringLiteral("7"));
    QTRY_VERIFY(m_window->statusText().contains(QStringLiteral("7 tagged")));
    QVERIFY(m_window->statusText().contains(QStringLiteral("7 selected")));

    // Written through: a second connection sees it at once.
    const auto fresh = ProjectStore::open(root());
    QCOMPARE(fresh->tagCounts().value(cat), 7);
    QCOMPARE(describe(*fresh), describe(*store));

    // Clicking the checked box clears the tag on every selected image.
    clickCheckBox(cat);
    QCOMPARE(store->tagCounts().value(cat), 0);
    QCOMPARE(m_window->tagPanel()->checkBox(cat)->checkState(), Qt::Unchecked);
}

void TestMainWindow::triStateForMixedSelection()
{
    openAndWait(30);
    ProjectEditor *editor = m_window->editor();
    const qint64 dog = editor->addTag(QStringLiteral("dog"));
    const qint64 sky = editor->addTag(QStringLiteral("sky"));
    QVERIFY(editor->setTag(rowIds(0, 0), dog, true));
    QVERIFY(editor->setTag(rowIds(0, 1), sky, true));

    selectRows(0, 2);
    TagPanel *panel = m_window->tagPanel();
    panel->refreshNow();
    QCOMPARE(panel->checkBox(dog)->checkState(), Qt::PartiallyChecked);
    QCOMPARE(panel->checkBox(sky)->checkState(), Qt::PartiallyChecked);

    // A partly checked box sets the tag on the whole selection.
    clickCheckBox(dog);
    QCOMPARE(panel->checkBox(dog)->checkState(), Qt::Checked);
    ProjectStore *store = m_window->projectStore();
    for (qint64 id : rowIds(0, 2))
        QVERIFY(store->image(id)->hasTag(dog));
    QVERIFY(!store->image(rowIds(3, 3).first())->hasTag(dog));

    // Only the first image: sky is checked there, dog too.
    clickRow(0);
    QTRY_COMPARE(panel->selection().size(), 1);
    panel->refreshNow();
    QCOMPARE(panel->checkBox(sky)->checkState(), Qt::Checked);
    clickRow(2);
    QTRY_COMPARE(panel->selection(), rowIds(2, 2));
    panel->refreshNow();
    QCOMPARE(panel->checkBox(sky)->checkState(), Qt::Unchecked);

    // Undo of the bulk set brings the mixed state back.
    selectRows(0, 2);
    QTest::keyClick(m_window->thumbnailGrid(), Qt::Key_Z, Qt::ControlModifier);
    panel->refreshNow();
    QCOMPARE(panel->checkBox(dog)->checkState(), Qt::PartiallyChecked);
}

void TestMainWindow::keysToggleTagsAndReviewed()
{
    openAndWait(30);
    ProjectEditor *editor = m_window->editor();
    const qint64 first = editor->addTag(QStringLiteral("first"));
    const qint64 second = editor->addTag(QStringLiteral("second"));
    ProjectStore *store = m_window->projectStore();
    QCOMPARE(store->tag(first)->shortcut, QStringLiteral("1"));
    QCOMPARE(store->tag(second)->shortcut, QStringLiteral("2"));

    selectRows(4, 6);
    ThumbnailGrid *grid = m_window->thumbnailGrid();
    QVERIFY(grid->hasFocus());
    const QList<qint64> ids = rowIds(4, 6);

    QTest::keyClick(grid, Qt::Key_1);
    for (qint64 id : ids)
        QVERIFY(store->image(id)->hasTag(first));
    QTest::keyClick(grid, Qt::Key_2);
    for (qint64 id : ids)
        QVERIFY(store->image(id)->hasTag(second));
    QTest::keyClick(grid, Qt::Key_1); // all have it: clears
    for (qint64 id : ids)
        QVERIFY(!store->image(id)->hasTag(first));

    QTest::keyClick(grid, Qt::Key_Space);
    for (qint64 id : ids)
        QVERIFY(store->image(id)->reviewed);
    QCOMPARE(grid->selectedCount(), 3); // Space did not change the selection
    QTRY_VERIFY(m_window->statusText().contains(QStringLiteral("3 reviewed")));

    // Ctrl+Z undoes the reviewed mark, Ctrl+Shift+Z redoes it; the Edit menu
    // names the edit each would undo or redo.
    const auto *undoAction = m_window->findChild<QAction *>(QStringLiteral("undoAction"));
    const auto *redoAction = m_window->findChild<QAction *>(QStringLiteral("redoAction"));
    QVERIFY(undoAction && redoAction);
    const QString reviewedText = m_window->undoStack()->undoText();
    QVERIFY(!reviewedText.isEmpty());
    QCOMPARE(undoAction->text(), QStringLiteral("&Undo ") + reviewedText);
    QVERIFY(undoAction->isEnabled());
    QTest::keyClick(grid, Qt::Key_Z, Qt::ControlModifier);
    for (qint64 id : ids)
        QVERIFY(!store->image(id)->reviewed);
    QCOMPARE(redoAction->text(), QStringLiteral("&Redo ") + reviewedText);
    QVERIFY(redoAction->isEnabled());
    QTest::keyClick(grid, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    for (qint64 id : ids)
        QVERIFY(store->image(id)->reviewed);
    QCOMPARE(redoAction->text(), QStringLiteral("&Redo"));
    QVERIFY(!redoAction->isEnabled());

    // A changed shortcut works at once, and the old key no longer does.
    QVERIFY(editor->setTagShortcut(second, QStringLiteral("5")));
    QTest::keyClick(grid, Qt::Key_5);
    for (qint64 id : ids)
        QVERIFY(!store->image(id)->hasTag(second));
    QTest::keyClick(grid, Qt::Key_2);
    for (qint64 id : ids)
        QVERIFY(!store->image(id)->hasTag(second));

    // Arrow keys move the current image; the key then acts on the new selection.
    clickRow(0);
    QTest::keyClick(grid, Qt::Key_Right);
    QCOMPARE(grid->currentIndex().row(), 1);
    QTRY_COMPARE(m_window->selectedImageIds(), rowIds(1, 1));
    QTest::keyClick(grid, Qt::Key_1);
    QVERIFY(store->image(rowIds(1, 1).first())->hasTag(first));
    QVERIFY(!store->image(rowIds(0, 0).first())->hasTag(first));

    // Ctrl+A selects every shown image.
    QTest::keyClick(grid, Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(grid->selectedCount(), 30);

    QCOMPARE(describeOnDisk(root()), describe(*store));
}

void TestMainWindow::digitsInSearchFieldAreText()
{
    openAndWait(12);
    const qint64 tag = m_window->editor()->addTag(QStringLiteral("one"));
    selectRows(0, 0);
    QLineEdit *search = m_window->filterBar()->searchEdit();
    search->setFocus();
    QTest::keyClick(search, Qt::Key_1);
    QCOMPARE(search->text(), QStringLiteral("1"));
    QVERIFY(!m_window->projectStore()->images().front().hasTag(tag));
}

void TestMainWindow::undoRedoEveryEdit_data()
{
    QTest::addColumn<QString>("edit");
    for (const char *edit : {"tag by checkbox", "untag by key", "reviewed by space", "add tag in panel", "rename",
                             "recolour", "shortcut taken from another tag", "merge", "delete", "import"})
        QTest::newRow(edit) << QString::fromLatin1(edit);
}

void TestMainWindow::undoRedoEveryEdit()
{
    QFETCH(QString, edit);
    openAndWait(12);
    ProjectEditor *editor = m_window->editor();
    ProjectStore *store = m_window->projectStore();
    const qint64 a = editor->addTag(QStringLiteral("alpha"));
    const qint64 b = editor->addTag(QStringLiteral("beta"));
    QVERIFY(editor->setTag(rowIds(0, 5), a, true));
    QVERIFY(editor->setTag(rowIds(4, 8), b, true));
    selectRows(2, 6);
    ThumbnailGrid *grid = m_window->thumbnailGrid();
    QString before = describe(*store);
    const int depth = m_window->undoStack()->count();

    if (edit == QLatin1String("tag by checkbox")) {
        clickCheckBox(b);
    } else if (edit == QLatin1String("untag by key")) {
        // Rows 4..6 have beta, 2..3 not: the first press sets it on all; the
        // second, the edit checked below, clears it from all.
        QTest::keyClick(grid, Qt::Key_2);
        QCOMPARE(m_window->undoStack()->count(), depth + 1);
        for (qint64 id : rowIds(2, 6))
            QVERIFY(store->image(id)->hasTag(b));
        before = describe(*store);
        QTest::keyClick(grid, Qt::Key_2);
        for (qint64 id : rowIds(2, 6))
            QVERIFY(!store->image(id)->hasTag(b));
    } else if (edit == QLatin1String("reviewed by space")) {
        QTest::keyClick(grid, Qt::Key_Space);
    } else if (edit == QLatin1String("add tag in panel")) {
        QLineEdit *name = m_window->tagPanel()->nameEdit();
        QTest::keyClicks(name, QStringLiteral("gamma"));
        QTest::mouseClick(m_window->tagPanel()->addButton(), Qt::LeftButton);
        QVERIFY(store->tagByName(QStringLiteral("gamma")));
        QVERIFY(name->text().isEmpty());
        QTRY_VERIFY(m_window->tagPanel()->checkBox(store->tagByName(QStringLiteral("gamma"))->id));
    } else if (edit == QLatin1String("rename")) {
        QVERIFY(editor->renameTag(a, QStringLiteral("first")));
        QTRY_COMPARE(m_window->tagPanel()->checkBox(a)->text(), QStringLiteral("first"));
    } else if (edit == QLatin1String("recolour")) {
        QVERIFY(editor->setTagColor(a, QStringLiteral("#123456")));
    } else if (edit == QLatin1String("shortcut taken from another tag")) {
        QVERIFY(editor->setTagShortcut(a, QStringLiteral("2")));
        QCOMPARE(store->tag(b)->shortcut, QString());
    } else if (edit == QLatin1String("merge")) {
        QVERIFY(editor->mergeTags(a, b));
        QVERIFY(!store->tag(a));
        QCOMPARE(store->tagCounts().value(b), 9);
    } else if (edit == QLatin1String("delete")) {
        QVERIFY(editor->deleteTag(b));
        QVERIFY(!store->tag(b));
    } else if (edit == QLatin1String("import")) {
        QFile csv(m_dir->path() + QStringLiteral("/labels.csv"));
        QVERIFY(csv.open(QIODevice::WriteOnly | QIODevice::Text));
        csv.write("image_name,tags\nimg_000,beta gamma\nimg_011,gamma\n");
        csv.close();
        ImportJob::Request request;
        request.format = DatasetFormat::PlanetCsv;
        request.source = csv.fileName();
        request.imagesDir = root();
        request.replace = true;
        QSignalSpy done(m_window.get(), &MainWindow::importFinished);
        QVERIFY(m_window->startImport(request));
        QTRY_COMPARE(done.count(), 1);
        QCOMPARE(done.first().first().toBool(), true);
    } else {
        QFAIL("unknown edit");
    }

    const QString after = describe(*store);
    QVERIFY2(after != before, qPrintable(edit));
    QCOMPARE(describeOnDisk(root()), after);
    QVERIFY(!m_window->undoStack()->undoText().isEmpty());

    QTest::keyClick(grid, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(describe(*store), before);
    QCOMPARE(describeOnDisk(root()), before);

    QTest::keyClick(grid, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(describe(*store), after);
    QCOMPARE(describeOnDisk(root()), after);

    // The widgets follow: every tag has its box, with its name.
    m_window->tagPanel()->refreshNow();
    QTRY_VERIFY(m_window->tagPanel()->findChildren<TagCheckBox *>().size() >= store->tags().size());
    for (const TagInfo &tag : store->tags()) {
        QVERIFY(m_window->tagPanel()->checkBox(tag.id));
        QCOMPARE(m_window->tagPanel()->checkBox(tag.id)->text(), tag.name);
    }
}

void TestMainWindow::filtersAndCounts()
{
    openAndWait(30);
    ProjectEditor *editor = m_window->editor();
    const qint64 red = editor->addTag(QStringLiteral("red"));
    const qint64 blue = editor->addTag(QStringLiteral("blue"));
    QVERIFY(editor->setTag(rowIds(0, 9), red, true));   // 10
    QVERIFY(editor->setTag(rowIds(5, 7), blue, true));  // 3, overlapping
    QVERIFY(editor->setReviewed(rowIds(0, 3), true));   // 4

    FilterBar *bar = m_window->filterBar();
    ImageListModel *model = m_window->imageModel();
    QComboBox *mode = bar->modeCombo();
    const auto chooseMode = [&](ImageFilter::Mode m) {
        mode->setCurrentIndex(mode->findData(int(m)));
    };

    chooseMode(ImageFilter::Mode::Untagged);
    QCOMPARE(model->rowCount(), 20);
    QCOMPARE(bar->countLabel()->text(), QStringLiteral("20 of 30 images"));
    QCOMPARE(model->index(0).data(ImageListModel::PathRole).toString(), QStringLiteral("img_010.png"));

    chooseMode(ImageFilter::Mode::NotReviewed);
    QCOMPARE(model->rowCount(), 26);

    chooseMode(ImageFilter::Mode::HasTag);
    QVERIFY(bar->tagCombo()->isVisible());
    bar->tagCombo()->setCurrentIndex(bar->tagCombo()->findData(blue));
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(bar->countLabel()->text(), QStringLiteral("3 of 30 images"));

    chooseMode(ImageFilter::Mode::LacksTag);
    QCOMPARE(model->rowCount(), 27);
    bar->tagCombo()->setCurrentIndex(bar->tagCombo()->findData(red));
    QCOMPARE(model->rowCount(), 20);

    // Search text narrows the tag filter further, after the typing pause.
    QTest::keyClicks(bar->searchEdit(), QStringLiteral("IMG_01"));
    QTRY_COMPARE(model->rowCount(), 10);
    QCOMPARE(bar->countLabel()->text(), QStringLiteral("10 of 30 images"));

    chooseMode(ImageFilter::Mode::All);
    QCOMPARE(model->rowCount(), 10);
    bar->searchEdit()->clear();
    QTRY_COMPARE(model->rowCount(), 30);
    QCOMPARE(bar->countLabel()->text(), QStringLiteral("30 images"));

    // An edit does not pull images out of the current filter; reapplying does.
    chooseMode(ImageFilter::Mode::Untagged);
    QCOMPARE(model->rowCount(), 20);
    selectRows(0, 1);
    QTest::keyClick(m_window->thumbnailGrid(), Qt::Key_2);
    QCOMPARE(model->rowCount(), 20);
    QCOMPARE(m_window->thumbnailGrid()->selectedCount(), 2);
    QTest::keyClick(m_window->thumbnailGrid(), Qt::Key_R, Qt::ControlModifier);
    QCOMPARE(model->rowCount(), 18);

    // The View menu's filters drive the same bar.
    auto *missingAction = m_window->findChild<QAction *>(QStringLiteral("filterAction%1").arg(int(ImageFilter::Mode::Missing)));
    QVERIFY(missingAction);
    missingAction->trigger();
    QCOMPARE(model->rowCount(), 0);
    QCOMPARE(mode->currentData().toInt(), int(ImageFilter::Mode::Missing));
    QCOMPARE(bar->countLabel()->text(), QStringLiteral("0 of 30 images"));

    // Deleting the filtered tag falls back to all images.
    chooseMode(ImageFilter::Mode::HasTag);
    bar->tagCombo()->setCurrentIndex(bar->tagCombo()->findData(blue));
    QCOMPARE(model->rowCount(), 5);
    QVERIFY(editor->deleteTag(blue));
    QCOMPARE(model->rowCount(), 30);
    QCOMPARE(mode->currentData().toInt(), int(ImageFilter::Mode::All));
}

void TestMainWindow::tagManagementInPanel()
{
    openAndWait(12);
    TagPanel *panel = m_window->tagPanel();
    ProjectStore *store = m_window->projectStore();

    // Add through the line edit and Enter.
    QTest::keyClicks(panel->nameEdit(), QStringLiteral("cloud"));
    QTest::keyClick(panel->nameEdit(), Qt::Key_Return);
    QVERIFY(store->tagByName(QStringLiteral("cloud")));
    const qint64 cloud = store->tagByName(QStringLiteral("cloud"))->id;
    QTRY_VERIFY(panel->checkBox(cloud));

    // A duplicate name is refused, reported, and stays in the field to fix.
    QSignalSpy errors(m_window.get(), &MainWindow::errorShown);
    QTest::keyClicks(panel->nameEdit(), QStringLiteral("cloud"));
    QTest::mouseClick(panel->addButton(), Qt::LeftButton);
    QCOMPARE(errors.count(), 1);
    QVERIFY(errors.first().first().toString().contains(QStringLiteral("cloud")));
    QCOMPARE(panel->nameEdit()->text(), QStringLiteral("cloud"));
    QCOMPARE(store->tags().size(), 1);
    QCOMPARE(m_window->undoStack()->count(), 1); // the failed add is not on the stack
    panel->nameEdit()->clear();
    closeMessageBoxes();

    const qint64 rain = m_window->editor()->addTag(QStringLiteral("rain"));
    selectRows(0, 3);
    clickCheckBox(cloud);
    selectRows(2, 5);
    clickCheckBox(rain);

    // Rename shows in the panel, the filter combo and the toggle menu.
    QVERIFY(m_window->editor()->renameTag(rain, QStringLiteral("drizzle")));
    QTRY_COMPARE(panel->checkBox(rain)->text(), QStringLiteral("drizzle"));
    QVERIFY(m_window->filterBar()->tagCombo()->findText(QStringLiteral("drizzle")) >= 0);
    auto *toggle = m_window->findChild<QAction *>(QStringLiteral("toggleTagAction_%1").arg(rain));
    QVERIFY(toggle);
    QCOMPARE(toggle->text(), QStringLiteral("drizzle"));

    // Merge drizzle into cloud: cloud on 0..5; undo brings drizzle back on 2..5 only.
    QVERIFY(m_window->editor()->mergeTags(rain, cloud));
    QTRY_VERIFY(!panel->checkBox(rain));
    QCOMPARE(store->tagCounts().value(cloud), 6);
    m_window->undoStack()->undo();
    QTRY_VERIFY(panel->checkBox(rain));
    QCOMPARE(store->tagCounts().value(cloud), 4);
    QCOMPARE(store->tagCounts().value(rain), 4);
    QCOMPARE(store->tag(rain)->name, QStringLiteral("drizzle"));

    // Delete and undo keep the id, the shortcut and the images.
    const QString shortcut = store->tag(cloud)->shortcut;
    QVERIFY(m_window->editor()->deleteTag(cloud));
    QTRY_VERIFY(!panel->checkBox(cloud));
    QCOMPARE(m_window->undoStack()->undoText(), QStringLiteral("Delete tag \"cloud\""));
    m_window->undoStack()->undo();
    QTRY_VERIFY(panel->checkBox(cloud));
    QCOMPARE(store->tag(cloud)->shortcut, shortcut);
    QCOMPARE(store->tagCounts().value(cloud), 4);
    QCOMPARE(describeOnDisk(root()), describe(*store));
}

void TestMainWindow::vanishedFileIsShownMissing()
{
    openAndWait(30);
    ProjectStore *store = m_window->projectStore();
    const qint64 tag = m_window->editor()->addTag(QStringLiteral("kept"));
    const qint64 id = rowIds(7, 7).first();
    QVERIFY(m_window->editor()->setTag({id}, tag, true));
    const QString file = store->absolutePath(store->image(id)->path);
    QVERIFY(QFile::remove(file));

    QSignalSpy scanned(m_window.get(), &MainWindow::scanFinished);
    m_window->rescan();
    QTRY_COMPARE(scanned.count(), 1);
    QVERIFY(store->image(id)->missing);
    QVERIFY(store->image(id)->hasTag(tag));
    ImageListModel *model = m_window->imageModel();
    QCOMPARE(model->rowCount(), 30); // still listed
    const QModelIndex index = model->index(model->rowOfImage(id));
    QVERIFY(index.data(ImageListModel::MissingRole).toBool());
    QCOMPARE(index.data(ImageListModel::ThumbnailStateRole).toInt(), int(ImageListModel::ThumbnailMissing));
    QCOMPARE(index.data(ImageListModel::TagsRole).toStringList(), QStringList{QStringLiteral("kept")});
    QVERIFY(index.data(Qt::ToolTipRole).toString().contains(QStringLiteral("missing")));
    QVERIFY(m_window->statusText().contains(QStringLiteral("1 missing")));

    m_window->findChild<QAction *>(QStringLiteral("filterAction%1").arg(int(ImageFilter::Mode::Missing)))->trigger();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->imageId(0), id);

    // On disk too, and back when the file returns.
    {
        const auto fresh = ProjectStore::open(root());
        QVERIFY(fresh->image(id)->missing);
        QVERIFY(fresh->image(id)->hasTag(tag));
    }
    writeImages(root(), 8); // re-creates img_000..img_007
    m_window->rescan();
    QTRY_COMPARE(scanned.count(), 2);
    QVERIFY(!store->image(id)->missing);
    QVERIFY(store->image(id)->hasTag(tag));
    QVERIFY(m_window->statusText().contains(QStringLiteral("0 missing")));
}

void TestMainWindow::thumbnailsArrive()
{
    openAndWait(30);
    ImageListModel *model = m_window->imageModel();
    ThumbnailGrid *grid = m_window->thumbnailGrid();
    const auto [first, last] = grid->visibleRows();
    QCOMPARE(first, 0);
    QVERIFY(last >= 3);
    // Painting asked for them; they arrive without blocking the GUI thread.
    for (int row = first; row <= last; ++row)
        QTRY_COMPARE(model->index(row).data(ImageListModel::ThumbnailStateRole).toInt(), int(ImageListModel::ThumbnailReady));
    const QPixmap pixmap = model->index(0).data(Qt::DecorationRole).value<QPixmap>();
    QVERIFY(!pixmap.isNull());
    // The thumbnail shows the image: its corner has the image's colour, not the grey placeholder.
    const QColor corner = pixmap.toImage().pixelColor(2, 2);
    const QColor expected = colorOf(0);
    QVERIFY2(std::abs(corner.red() - expected.red()) < 24 && std::abs(corner.green() - expected.green()) < 24
                 && std::abs(corner.blue() - expected.blue()) < 24,
             qPrintable(corner.name() + QStringLiteral(" vs ") + expected.name()));
    QVERIFY(pixmap.width() <= m_window->thumbnailLoader()->edge());

    // The preview shows the current image, decoded in the background.
    grid->setCurrentIndex(model->index(2));
    QTRY_VERIFY(!m_window->imagePreview()->image().isNull());
    QCOMPARE(m_window->imagePreview()->originalSize(), QSize(64 + 2 * 16, 48));
}

void TestMainWindow::importPlanetCsv()
{
    openAndWait(30);
    QFile csv(m_dir->path() + QStringLiteral("/train.csv"));
    QVERIFY(csv.open(QIODevice::WriteOnly | QIODevice::Text));
    csv.write("image_name,tags\n"
              "img_000,haze primary\n"
              "img_001,clear primary water\n"
              "img_002,\n"
              "no_such_image,clear\n");
    csv.close();

    ImportJob::Request request;
    request.format = DatasetFormat::PlanetCsv;
    request.source = csv.fileName();
    request.imagesDir = root();
    QSignalSpy done(m_window.get(), &MainWindow::importFinished);
    QVERIFY(m_window->startImport(request));
    QTRY_COMPARE(done.count(), 1);
    QCOMPARE(done.first().first().toBool(), true);

    ProjectStore *store = m_window->projectStore();
    const auto tagsOf = [&](const QString &path) { return store->tagNames(store->images()[size_t(store->indexOfPath(path))]); };
    QCOMPARE(tagsOf(QStringLiteral("img_000.png")), (QStringList{QStringLiteral("haze"), QStringLiteral("primary")}));
    QCOMPARE(tagsOf(QStringLiteral("img_001.png")).size(), 3);
    QVERIFY(store->images()[size_t(store->indexOfPath(QStringLiteral("img_002.png")))].reviewed);
    QCOMPARE(store->tags().size(), 4);
    QTRY_VERIFY(m_window->statusText().contains(QStringLiteral("2 tagged")));

    // The unusable row is listed with its file and line.
    auto *problems = m_window->findChild<ProblemsDialog *>(QStringLiteral("problemsDialog"));
    QVERIFY(problems);
    QCOMPARE(problems->problems().size(), 1);
    QVERIFY(problems->problems().first().contains(QStringLiteral("train.csv:5")));
    problems->close();

    QCOMPARE(describeOnDisk(root()), describe(*store));
    // One undo takes the whole import back, created tags included.
    m_window->undoStack()->undo();
    QCOMPARE(store->tags().size(), 0);
    QVERIFY(!store->images()[size_t(store->indexOfPath(QStringLiteral("img_002.png")))].reviewed);
    QCOMPARE(describeOnDisk(root()), describe(*store));
}

void TestMainWindow::importFailureIsReported()
{
    openAndWait(6);
    QFile csv(m_dir->path() + QStringLiteral("/broken.csv"));
    QVERIFY(csv.open(QIODevice::WriteOnly | QIODevice::Text));
    csv.write("image_name,tags\nimg_000,\"unterminated\n");
    csv.close();
    ImportJob::Request request;
    request.format = DatasetFormat::PlanetCsv;
    request.source = csv.fileName();
    request.imagesDir = root();
    QSignalSpy done(m_window.get(), &MainWindow::importFinished);
    QSignalSpy errors(m_window.get(), &MainWindow::errorShown);
    QVERIFY(m_window->startImport(request));
    QTRY_COMPARE(done.count(), 1);
    QCOMPARE(done.first().first().toBool(), false);
    QCOMPARE(errors.count(), 1);
    QVERIFY(errors.first().first().toString().contains(QStringLiteral("broken.csv")));
    QCOMPARE(m_window->undoStack()->count(), 0);
    const auto *undoAction = m_window->findChild<QAction *>(QStringLiteral("undoAction"));
    QVERIFY(undoAction);
    QCOMPARE(undoAction->text(), QStringLiteral("&Undo"));
    QVERIFY(!undoAction->isEnabled());
}

void TestMainWindow::datasetOverview()
{
    openAndWait(30);
    ProjectEditor *editor = m_window->editor();
    const qint64 common = editor->addTag(QStringLiteral("common"));
    const qint64 rare = editor->addTag(QStringLiteral("rare"));
    QVERIFY(editor->setTag(rowIds(0, 19), common, true));
    QVERIFY(editor->setTag(rowIds(18, 20), rare, true));

    DatasetOverviewDialog *overview = m_window->showDatasetOverview();
    QVERIFY(overview);
    QVERIFY(overview->isVisible());
    QCOMPARE(overview->stats().tagCounts, (QList<int>{20, 3}));
    QCOMPARE(overview->stats().cooccurrence[0][1], 2);
    QCOMPARE(overview->stats().tagsPerImage, (QList<int>{9, 19, 2}));
    QVERIFY(!overview->warningLabel()->isHidden());
    QVERIFY(overview->warningLabel()->text().contains(QStringLiteral("rare (3)")));
    QVERIFY(!overview->warningLabel()->text().contains(QStringLiteral("common")));
    QCOMPARE(overview->cooccurrenceTable()->item(0, 1)->text(), QStringLiteral("2"));

    // Refresh follows later edits.
    QVERIFY(editor->setTag(rowIds(0, 19), rare, true));
    overview->refresh();
    QCOMPARE(overview->stats().tagCounts, (QList<int>{20, 21}));
    QVERIFY(overview->warningLabel()->isHidden());
    overview->close();
}

void TestMainWindow::aboutSaysWhatItComputesWith()
{
    auto *about = m_window->findChild<QAction *>(QStringLiteral("aboutAction"));
    QVERIFY(about);
    // The box's text is made when it opens: with TAGWISE_SCREENSHOT_LOCALE it speaks that language.
    test::useScreenshotLocale();
    const bool english = qEnvironmentVariableIsEmpty("TAGWISE_SCREENSHOT_LOCALE");
    QString text;
    // The box is modal: read it, and look at it, while it is open.
    QTimer::singleShot(0, this, [&text] {
        QTRY_VERIFY(qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        text = box->text();
        test::saveScreenshot(box, QStringLiteral("about"));
        box->accept();
    });
    about->trigger();
    QVERIFY2(text.contains(QStringLiteral("LibTorch ")), qPrintable(text));
    if (english) {
        QVERIFY2(text.contains(QStringLiteral("<b>Engine:</b> LibTorch ")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("<b>Trains on:</b> CPU, ")) || text.contains(QStringLiteral("<b>Trains on:</b> GPU ")),
                 qPrintable(text));
    }
    QVERIFY2(text.contains(QStringLiteral("Qt ") + QString::fromLatin1(qVersion())), qPrintable(text));
}

void TestMainWindow::screenshot()
{
    // 40 colourful images with several tags, rendered offscreen. With
    // TAGWISE_SCREENSHOT_DIR set the pictures are written there to look at;
    // with TAGWISE_SCREENSHOT_LOCALE (zh_CN, de, ...) too, in that language.
    const QString localeName = qEnvironmentVariable("TAGWISE_SCREENSHOT_LOCALE");
    const auto restoreLocale = qScopeGuard([previous = QLocale()] { QLocale::setDefault(previous); });
    QTranslator qtTranslator;
    QTranslator translator;
    if (!localeName.isEmpty()) {
        const QLocale locale(localeName);
        QLocale::setDefault(locale);
        if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                              QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&qtTranslator);
        QVERIFY2(translator.load(locale, QStringLiteral("tagwise"), QStringLiteral("_"), QStringLiteral(":/i18n")),
                 qPrintable(localeName));
        QCoreApplication::installTranslator(&translator);
        // Texts are set when the widgets are made, as in main(): build the window anew.
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1200, 800);
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }
    const QString suffix = localeName.isEmpty() ? QString() : QLatin1Char('-') + localeName;

    const QString dir = root();
    QDir().mkpath(dir);
    for (int i = 0; i < 40; ++i) {
        QImage image(240, 180, QImage::Format_RGB32);
        QLinearGradient gradient(0, 0, 240, 180);
        gradient.setColorAt(0, QColor::fromHsv((i * 37) % 360, 170, 250));
        gradient.setColorAt(1, QColor::fromHsv((i * 37 + 120) % 360, 220, 140));
        QPainter painter(&image);
        painter.fillRect(image.rect(), gradient);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setBrush(QColor::fromHsv((i * 71) % 360, 120, 255));
        painter.setPen(Qt::NoPen);
        painter.drawEllipse(QPointF(60 + (i * 13) % 120, 90), 30 + i % 20, 30 + i % 20);
        painter.end();
        QVERIFY(image.save(QStringLiteral("%1/photo_%2.png").arg(dir).arg(i, 3, 10, QLatin1Char('0'))));
    }
    QSignalSpy scanned(m_window.get(), &MainWindow::scanFinished);
    QVERIFY(m_window->openProject(dir));
    QTRY_COMPARE(scanned.count(), 1);
    ProjectEditor *editor = m_window->editor();
    const QStringList names = {QStringLiteral("sky"), QStringLiteral("water"), QStringLiteral("forest"),
                               QStringLiteral("building"), QStringLiteral("people"), QStringLiteral("night")};
    QList<qint64> tags;
    for (const QString &name : names)
        tags.append(editor->addTag(name));
    for (int i = 0; i < 40; ++i) {
        for (int t = 0; t < tags.size(); ++t) {
            if ((i * (t + 3)) % (t + 2) == 0 && !(t == 5 && i > 6))
                editor->setTag(rowIds(i, i), tags[t], true);
        }
    }
    editor->setReviewed(rowIds(0, 7), true);
    // One vanished file, to show how a missing image looks.
    QVERIFY(QFile::remove(dir + QStringLiteral("/photo_002.png")));
    m_window->rescan();
    QTRY_COMPARE(scanned.count(), 2);
    selectRows(4, 6);
    ThumbnailGrid *grid = m_window->thumbnailGrid();
    const auto [first, last] = grid->visibleRows();
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = m_window->imageModel()->index(row);
        const int expected = index.data(ImageListModel::MissingRole).toBool() ? int(ImageListModel::ThumbnailMissing)
                                                                              : int(ImageListModel::ThumbnailReady);
        QTRY_COMPARE(index.data(ImageListModel::ThumbnailStateRole).toInt(), expected);
    }
    QTRY_VERIFY(!m_window->imagePreview()->image().isNull());
    m_window->tagPanel()->refreshNow();
    QTest::qWait(50);

    const QImage shot = m_window->grab().toImage();
    QVERIFY(!shot.isNull());
    QCOMPARE(shot.size(), m_window->size() * shot.devicePixelRatio());
    // Not blank: many colours from the thumbnails.
    QSet<QRgb> colours;
    for (int y = 0; y < shot.height(); y += 7)
        for (int x = 0; x < shot.width(); x += 7)
            colours.insert(shot.pixel(x, y));
    QVERIFY(colours.size() > 200);

    DatasetOverviewDialog *overview = m_window->showDatasetOverview();
    QVERIFY(QTest::qWaitForWindowExposed(overview));
    const QImage overviewShot = overview->grab().toImage();
    QVERIFY(!overviewShot.isNull());

    MainWindow empty;
    empty.resize(900, 560);
    empty.show();
    QVERIFY(QTest::qWaitForWindowExposed(&empty));
    const QImage welcomeShot = empty.grab().toImage();

    const QString out = qEnvironmentVariable("TAGWISE_SCREENSHOT_DIR");
    if (!out.isEmpty()) {
        QDir().mkpath(out);
        QVERIFY(shot.save(out + QStringLiteral("/tagwise-main%1.png").arg(suffix)));
        QVERIFY(welcomeShot.save(out + QStringLiteral("/tagwise-welcome%1.png").arg(suffix)));
        QVERIFY(overviewShot.save(out + QStringLiteral("/tagwise-overview%1.png").arg(suffix)));
        QTabWidget *tabs = overview->findChild<QTabWidget *>();
        for (int i = 1; tabs && i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            QVERIFY(overview->grab().toImage().save(out + QStringLiteral("/tagwise-overview-%1%2.png").arg(i).arg(suffix)));
        }
    }
    overview->close();
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
