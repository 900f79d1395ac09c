#include "ui/mainwindow.h"

#include "core/formats/projectimport.h"
#include "core/project/projecterror.h"
#include "core/project/projectstore.h"
#include "core/workflow/runtimereport.h"
#include "ui/labeling/labelingworkspace.h"
#include "ui/labeling/tagpanel.h"
#include "ui/problemsdialog.h"
#include "ui/projecteditor.h"
#include "ui/scanjob.h"
#include "ui/classify/classifyworkspace.h"
#include "ui/review/reviewworkspace.h"
#include "ui/train/trainworkspace.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMimeData>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

// The resources live in a static library: register them explicitly (outside
// any namespace, as Q_INIT_RESOURCE requires).
static void initResources()
{
    Q_INIT_RESOURCE(tagwise);
}

namespace tagwise {

namespace {

constexpr int kMaxRecentFolders = 8;
const QString kRecentKey = QStringLiteral("recentFolders");
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kSplitterKey = QStringLiteral("mainWindow/splitter");

}

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_editor(new ProjectEditor(this))
{
    initResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/tagwise.svg")));
    setWindowTitle(QStringLiteral("Tagwise"));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

    createWidgets();
    createActions();
    createMenus();
    createStatusBar();

    connect(m_editor, &ProjectEditor::errorOccurred, this,
            [this](const QString &message) { showError(tr("The edit was not saved"), message); });
    connect(m_labeling, &LabelingWorkspace::statusChanged, this, &MainWindow::updateStatus);

    m_progressDelay.setSingleShot(true);
    m_progressDelay.setInterval(300);
    connect(&m_progressDelay, &QTimer::timeout, this, [this] {
        m_progressLabel->show();
        m_progressBar->show();
        m_cancelButton->setVisible(m_cancelButton->isEnabled());
    });

    restoreSettings();
    updateActions();
    updateStatus();
}

MainWindow::~MainWindow()
{
    // Jobs wait for their workers in their destructors; stop them before the
    // store they report to goes.
    delete m_scan;
    m_scan = nullptr;
    delete m_import;
    m_import = nullptr;
    m_train->setStore(nullptr);
    m_review->setStore(nullptr);
    m_classify->setStore(nullptr);
    m_labeling->setStore(nullptr);
    m_editor->setStore(nullptr);
}

QUndoStack *MainWindow::undoStack() const
{
    return m_editor->undoStack();
}

ThumbnailGrid *MainWindow::thumbnailGrid() const { return m_labeling->thumbnailGrid(); }
ImageListModel *MainWindow::imageModel() const { return m_labeling->imageModel(); }
ThumbnailLoader *MainWindow::thumbnailLoader() const { return m_labeling->thumbnailLoader(); }
TagPanel *MainWindow::tagPanel() const { return m_labeling->tagPanel(); }
FilterBar *MainWindow::filterBar() const { return m_labeling->filterBar(); }
ImagePreview *MainWindow::imagePreview() const { return m_labeling->imagePreview(); }
QList<qint64> MainWindow::selectedImageIds() const { return m_labeling->selectedImageIds(); }
DatasetOverviewDialog *MainWindow::showDatasetOverview() { return m_labeling->showDatasetOverview(); }

void MainWindow::createWidgets()
{
    // Shown until a folder is open: says what to do first.
    auto *welcome = new QWidget;
    welcome->setObjectName(QStringLiteral("welcomePage"));
    auto *welcomeLayout = new QVBoxLayout(welcome);
    welcomeLayout->addStretch(2);
    auto *title = new QLabel(tr("Open a folder of images to start tagging."));
    title->setAlignment(Qt::AlignCenter);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    title->setFont(titleFont);
    auto *hint = new QLabel(tr("Tagwise keeps its project in a hidden .tagwise folder inside it;\n"
                               "every tag is saved the moment you set it."));
    hint->setAlignment(Qt::AlignCenter);
    hint->setEnabled(false);
    auto *openButton = new QPushButton(style()->standardIcon(QStyle::SP_DirOpenIcon), tr("Open Folder…"));
    openButton->setObjectName(QStringLiteral("welcomeOpenButton"));
    connect(openButton, &QPushButton::clicked, this, &MainWindow::onOpenFolderTriggered);
    welcomeLayout->addWidget(title);
    welcomeLayout->addSpacing(6);
    welcomeLayout->addWidget(hint);
    welcomeLayout->addSpacing(12);
    welcomeLayout->addWidget(openButton, 0, Qt::AlignHCenter);
    welcomeLayout->addStretch(3);

    m_labeling = new LabelingWorkspace(m_editor);
    m_train = new TrainWorkspace;
    m_review = new ReviewWorkspace(m_editor);
    m_classify = new ClassifyWorkspace(m_editor);
    m_workspaces = new QTabWidget;
    m_workspaces->setObjectName(QStringLiteral("workspaces"));
    m_workspaces->setDocumentMode(true);
    m_workspaces->addTab(m_labeling, tr("Label"));
    m_workspaces->addTab(m_train, tr("Train"));
    m_workspaces->addTab(m_review, tr("Review"));
    m_workspaces->addTab(m_classify, tr("Classify"));
    setAcceptDrops(true);
    m_stack = new QStackedWidget;
    m_stack->addWidget(welcome);
    m_stack->addWidget(m_workspaces);
    setCentralWidget(m_stack);
    connect(m_train, &TrainWorkspace::statusMessage, this, [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_train, &TrainWorkspace::errorRaised, this, &MainWindow::showError);
    connect(m_train, &TrainWorkspace::activeRunChanged, m_review, &ReviewWorkspace::setActiveRun);
    connect(m_review, &ReviewWorkspace::statusMessage, this, [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_review, &ReviewWorkspace::errorRaised, this, &MainWindow::showError);
    connect(m_train, &TrainWorkspace::activeRunChanged, m_classify, &ClassifyWorkspace::setActiveRun);
    connect(m_classify, &ClassifyWorkspace::statusMessage, this, [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_classify, &ClassifyWorkspace::errorRaised, this, &MainWindow::showError);

    m_tagDock = new QDockWidget(tr("Tags"), this);
    m_tagDock->setObjectName(QStringLiteral("tagDock"));
    m_tagDock->setWidget(m_labeling->tagPanel());
    m_tagDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable
                           | QDockWidget::DockWidgetFloatable);
    m_tagDock->setMinimumWidth(220);
    addDockWidget(Qt::RightDockWidgetArea, m_tagDock);
    // The tag panel belongs to labeling: hidden while another workspace shows.
    connect(m_workspaces, &QTabWidget::currentChanged, this, [this](int index) {
        const bool labeling = m_workspaces->widget(index) == m_labeling;
        if (labeling && m_tagPanelWasVisible)
            m_tagDock->show();
        else if (!labeling) {
            m_tagPanelWasVisible = m_tagDock->isVisible();
            m_tagDock->hide();
        }
    });
}

void MainWindow::createActions()
{
    m_openAction = new QAction(style()->standardIcon(QStyle::SP_DirOpenIcon), tr("&Open Folder…"), this);
    m_openAction->setObjectName(QStringLiteral("openFolderAction"));
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::onOpenFolderTriggered);

    m_rescanAction = new QAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("&Rescan"), this);
    m_rescanAction->setObjectName(QStringLiteral("rescanAction"));
    m_rescanAction->setShortcut(QKeySequence::Refresh);
    connect(m_rescanAction, &QAction::triggered, this, &MainWindow::rescan);

    const QList<std::pair<DatasetFormat, QString>> formats = {
        {DatasetFormat::PlanetCsv, QStringLiteral("PlanetCsv")},
        {DatasetFormat::OneHotCsv, QStringLiteral("OneHotCsv")},
        {DatasetFormat::ClassFolders, QStringLiteral("ClassFolders")},
        {DatasetFormat::VocFolder, QStringLiteral("VocFolder")},
        {DatasetFormat::CocoJson, QStringLiteral("CocoJson")},
    };
    for (const auto &[format, key] : formats) {
        auto *import = new QAction(datasetFormatName(format) + QStringLiteral("…"), this);
        import->setObjectName(QStringLiteral("import%1Action").arg(key));
        connect(import, &QAction::triggered, this, [this, format = format] { onImportTriggered(format); });
        m_importActions.append(import);
        auto *exportAction = new QAction(datasetFormatName(format) + QStringLiteral("…"), this);
        exportAction->setObjectName(QStringLiteral("export%1Action").arg(key));
        connect(exportAction, &QAction::triggered, this, [this, format = format] { onExportTriggered(format); });
        m_exportActions.append(exportAction);
    }

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    // Plain actions rather than QUndoStack::createUndoAction(): its "prefix text"
    // cannot be worded as a translation needs ("Rückgängig: %1", "撤销 %1").
    QUndoStack *stack = undoStack();
    m_undoAction = new QAction(this);
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    const auto showUndo = [this](const QString &text) {
        m_undoAction->setText(text.isEmpty() ? tr("&Undo") : tr("&Undo %1", "the edit to undo").arg(text));
    };
    showUndo(stack->undoText());
    m_undoAction->setEnabled(stack->canUndo());
    connect(stack, &QUndoStack::undoTextChanged, this, showUndo);
    connect(stack, &QUndoStack::canUndoChanged, m_undoAction, &QAction::setEnabled);
    connect(m_undoAction, &QAction::triggered, stack, &QUndoStack::undo);
    m_redoAction = new QAction(this);
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    const auto showRedo = [this](const QString &text) {
        m_redoAction->setText(text.isEmpty() ? tr("&Redo") : tr("&Redo %1", "the edit to redo").arg(text));
    };
    showRedo(stack->redoText());
    m_redoAction->setEnabled(stack->canRedo());
    connect(stack, &QUndoStack::redoTextChanged, this, showRedo);
    connect(stack, &QUndoStack::canRedoChanged, m_redoAction, &QAction::setEnabled);
    connect(m_redoAction, &QAction::triggered, stack, &QUndoStack::redo);
    // Ctrl+Shift+Z everywhere, plus the platform's own (Ctrl+Y on some).
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    const QKeySequence ctrlShiftZ(Qt::CTRL | Qt::SHIFT | Qt::Key_Z);
    if (!redoKeys.contains(ctrlShiftZ))
        redoKeys.prepend(ctrlShiftZ);
    m_redoAction->setShortcuts(redoKeys);
    m_redoAction->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));

    m_aboutAction = new QAction(tr("&About Tagwise"), this);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::onAboutTriggered);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    file->addAction(m_rescanAction);
    file->addSeparator();
    QMenu *import = file->addMenu(tr("&Import"));
    import->setObjectName(QStringLiteral("importMenu"));
    import->addActions(m_importActions);
    QMenu *exportMenu = file->addMenu(tr("&Export"));
    exportMenu->setObjectName(QStringLiteral("exportMenu"));
    exportMenu->addActions(m_exportActions);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    m_labeling->addActionsTo(edit, view);
    view->addSeparator();
    const QList<std::pair<QWidget *, QString>> pages = {{m_labeling, tr("&Label")}, {m_train, tr("&Train")}, {m_review, tr("&Review")}, {m_classify, tr("&Classify")}};
    for (int i = 0; i < pages.size(); ++i) {
        QAction *page = view->addAction(pages[i].second);
        page->setObjectName(QStringLiteral("workspaceAction%1").arg(i));
        page->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(page, &QAction::triggered, this, [this, widget = pages[i].first] { m_workspaces->setCurrentWidget(widget); });
        addAction(page);
    }
    view->addSeparator();
    QAction *tagsToggle = m_tagDock->toggleViewAction();
    tagsToggle->setText(tr("&Tag Panel"));
    tagsToggle->setObjectName(QStringLiteral("toggleTagPanelAction"));
    view->addAction(tagsToggle);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction(m_aboutAction);

    // The window owns these shortcuts, so they work wherever the focus is.
    addActions({m_undoAction, m_redoAction});
}

void MainWindow::createStatusBar()
{
    m_statusLabel = new QLabel;
    m_statusLabel->setObjectName(QStringLiteral("statusCounts"));
    m_progressLabel = new QLabel;
    m_progressLabel->setObjectName(QStringLiteral("progressLabel"));
    m_progressBar = new QProgressBar;
    m_progressBar->setObjectName(QStringLiteral("progressBar"));
    m_progressBar->setMaximumWidth(160);
    m_progressBar->setMaximumHeight(16);
    m_progressBar->setTextVisible(false);
    m_cancelButton = new QPushButton(tr("Cancel"));
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setFlat(true);
    connect(m_cancelButton, &QPushButton::clicked, this, &MainWindow::cancelWork);
    statusBar()->addPermanentWidget(m_progressLabel);
    statusBar()->addPermanentWidget(m_progressBar);
    statusBar()->addPermanentWidget(m_cancelButton);
    statusBar()->addPermanentWidget(m_statusLabel);
    m_progressLabel->hide();
    m_progressBar->hide();
    m_cancelButton->hide();
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(kStateKey).toByteArray());
    m_labeling->restoreSplitterState(settings.value(kSplitterKey).toByteArray());
}

void MainWindow::saveSettings()
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kSplitterKey, m_labeling->saveSplitterState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_train->isBusy()) {
        // Either way nothing saved is lost: a stopped run keeps its best epoch and can be resumed.
        QMessageBox box(QMessageBox::Question, tr("A Run Is Training"),
                        tr("A model is training. Stop it and quit? Its best epoch so far is kept, and you can resume "
                           "the run later from the Train workspace."),
                        QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("stopRunQuestion"));
        QPushButton *stop = box.addButton(tr("Stop and Quit"), QMessageBox::AcceptRole);
        box.addButton(tr("Keep Training"), QMessageBox::RejectRole);
        box.setDefaultButton(stop);
        box.exec();
        if (box.clickedButton() != stop) {
            event->ignore();
            return;
        }
        m_train->stopAndWait();
    }
    saveSettings();
    if (m_scan)
        m_scan->cancel();
    QMainWindow::closeEvent(event);
}

// --- project

bool MainWindow::openProject(const QString &folder)
{
    const QString path = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    if (m_train->isBusy()) {
        showError(tr("Cannot open %1").arg(QDir::toNativeSeparators(path)),
                  tr("A model is training in this project. Stop it in the Train workspace first; it can be resumed later."));
        return false;
    }
    std::unique_ptr<ProjectStore> store;
    try {
        store = ProjectStore::open(path);
    } catch (const ProjectError &error) {
        showError(tr("Cannot open %1").arg(QDir::toNativeSeparators(path)), error.message());
        return false;
    }
    closeProject();
    m_store = std::move(store);
    ProjectStore *opened = m_store.get();
    m_editor->setStore(opened);
    m_stack->setCurrentWidget(m_workspaces);
    m_labeling->setStore(opened);
    m_train->setStore(opened);
    m_review->setStore(opened);
    m_classify->setStore(opened);
    setWindowTitle((opened->isReadOnly() ? tr("%1 (read-only) — Tagwise") : tr("%1 — Tagwise"))
                       .arg(QDir::toNativeSeparators(opened->rootPath())));
    addRecentFolder(opened->rootPath());
    updateActions();
    updateStatus();
    Q_EMIT projectOpened(opened->rootPath());
    if (!opened->rejectedImages().isEmpty()) {
        QStringList lines;
        for (const RejectedImage &rejected : opened->rejectedImages())
            lines << QStringLiteral("%1: %2").arg(rejected.path, rejected.reason);
        auto *dialog = new ProblemsDialog(
            tr("%1 rows of the project's database name files outside the project, or in hidden folders. They "
               "are left out: Tagwise never reads or exports them.")
                .arg(lines.size()),
            lines, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    }
    if (opened->isReadOnly())
        statusBar()->showMessage(tr("The project's files are read-only: you can look and export, but not edit."),
                                 15000);
    else
        startScan();
    return true;
}

void MainWindow::closeProject()
{
    delete m_scan;
    m_scan = nullptr;
    delete m_import;
    m_import = nullptr;
    m_rescanRequested = false;
    hideProgress();
    m_train->setStore(nullptr);
    m_review->setStore(nullptr);
    m_classify->setStore(nullptr);
    m_editor->setStore(nullptr);
    m_labeling->setStore(nullptr);
    m_store.reset();
    updateActions();
}

void MainWindow::rescan()
{
    if (!m_store || m_store->isReadOnly())
        return;
    if (m_scan) {
        m_rescanRequested = true;
        return;
    }
    // Files may have changed under the same names: make the thumbnails again.
    m_labeling->invalidateThumbnails();
    startScan();
}

bool MainWindow::isScanning() const
{
    return m_scan != nullptr;
}

void MainWindow::startScan()
{
    m_scan = new ScanJob(m_store->rootPath(), this);
    connect(m_scan, &ScanJob::progressed, this, &MainWindow::handleScanProgress);
    connect(m_scan, &ScanJob::finished, this, &MainWindow::handleScanFinished);
    showProgress(tr("Scanning…"), true);
    m_scan->start();
    updateActions();
}

void MainWindow::cancelWork()
{
    if (m_scan)
        m_scan->cancel();
}

void MainWindow::handleScanProgress(int found)
{
    m_progressLabel->setText(tr("Scanning… %1 found").arg(QLocale().toString(found)));
}

void MainWindow::handleScanFinished(const QList<ScannedFile> &files, bool canceled)
{
    ScanJob *job = m_scan;
    m_scan = nullptr;
    job->deleteLater();
    hideProgress();
    if (m_store && job->rootDir() == m_store->rootPath()) {
        try {
            if (canceled) {
                // A partial list says nothing about which files vanished: only add.
                const int added = m_store->addImages(files);
                statusBar()->showMessage(
                    tr("Scan canceled. New images added: %1. Missing files were not checked.").arg(added), 8000);
            } else {
                const ScanChanges changes = m_store->applyScan(files);
                QStringList parts;
                if (changes.added)
                    parts << tr("%1 new").arg(changes.added);
                if (changes.vanished)
                    parts << tr("%1 missing").arg(changes.vanished);
                if (changes.returned)
                    parts << tr("%1 back").arg(changes.returned);
                if (changes.moved)
                    parts << tr("%1 moved").arg(changes.moved);
                statusBar()->showMessage(parts.isEmpty() ? tr("Scan complete: no changes.")
                                                         : tr("Scan complete: %1.").arg(parts.join(QStringLiteral(", "))),
                                         8000);
            }
        } catch (const ProjectError &error) {
            showError(tr("The scan could not be saved"), error.message());
        }
        if (const QStringList skipped = job->skipped(); !skipped.isEmpty()) {
            auto *dialog = new ProblemsDialog(tr("The scan left out %1 files or folders:").arg(skipped.size()), skipped, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        }
        m_labeling->selectFirstImageIfNone();
    }
    updateActions();
    updateStatus();
    Q_EMIT scanFinished();
    if (m_rescanRequested && m_store) {
        m_rescanRequested = false;
        rescan();
    }
}

// --- import and export

bool MainWindow::startImport(const ImportJob::Request &request)
{
    if (!m_store) {
        showError(tr("Import"), tr("Open a folder first: imports go into its project."));
        return false;
    }
    if (m_import) {
        showError(tr("Import"), tr("An import is already running."));
        return false;
    }
    ImportJob::Request inProject = request;
    inProject.rootDir = m_store->rootPath();
    m_import = new ImportJob(inProject, this);
    connect(m_import, &ImportJob::finished, this, &MainWindow::handleImportFinished);
    showProgress(tr("Reading %1…").arg(QFileInfo(request.source).fileName()), false);
    m_import->start();
    updateActions();
    return true;
}

bool MainWindow::isImporting() const
{
    return m_import != nullptr;
}

void MainWindow::handleImportFinished(const ImportJob::Result &result)
{
    ImportJob *job = m_import;
    m_import = nullptr;
    job->deleteLater();
    hideProgress();
    updateActions();
    const ImportJob::Request request = job->request();
    if (!result.error.isEmpty()) {
        showError(tr("Import failed"), result.error);
        Q_EMIT importFinished(false);
        return;
    }
    if (!m_store) {
        Q_EMIT importFinished(false);
        return;
    }
    // The command keeps the function for redo: it owns copies of what it needs.
    auto changed = std::make_shared<int>(0);
    const formats::ImportReport report = result.report;
    const QString text = tr("Import %1 from %2").arg(datasetFormatName(request.format),
                                                     QFileInfo(request.source).fileName());
    const bool ok = m_editor->applyImport(text, [report, request, changed](ProjectStore &store) {
        *changed = formats::importIntoProject(store, report, request.imagesDir, request.replace);
    });
    if (ok) {
        statusBar()->showMessage(tr("Imported %1. Images changed: %2.").arg(QFileInfo(request.source).fileName())
                                     .arg(*changed),
                                 8000);
        if (!report.problems.isEmpty()) {
            auto *dialog = new ProblemsDialog(
                tr("%1 was imported, but these rows could not be used (%2):")
                    .arg(QDir::toNativeSeparators(request.source))
                    .arg(report.problems.size()),
                report.problems, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        }
    }
    Q_EMIT importFinished(ok);
}

bool MainWindow::exportDataset(DatasetFormat format, const QString &target)
{
    if (!m_store) {
        showError(tr("Export"), tr("Open a folder first."));
        return false;
    }
    // The store lives on this thread; exports read it here (a wait cursor shows it).
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QString error;
    try {
        writeDataset(format, *m_store, target);
    } catch (const ProjectError &e) {
        error = e.message();
    } catch (const std::exception &e) {
        error = QStringLiteral("%1: %2").arg(target, QString::fromLocal8Bit(e.what()));
    }
    QApplication::restoreOverrideCursor();
    if (!error.isEmpty()) {
        showError(tr("Export failed"), error);
        return false;
    }
    statusBar()->showMessage(tr("Exported %1 to %2").arg(datasetFormatName(format), QDir::toNativeSeparators(target)),
                             8000);
    return true;
}

// --- menu handlers (dialogs, then the methods above)

void MainWindow::onOpenFolderTriggered()
{
    const QString start = m_store ? m_store->rootPath() : QDir::homePath();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Folder of Images"), start);
    if (!folder.isEmpty())
        openProject(folder);
}

void MainWindow::onImportTriggered(DatasetFormat format)
{
    if (!m_store)
        return;
    const QString root = m_store->rootPath();
    const QString name = datasetFormatName(format);
    ImportJob::Request request;
    request.format = format;
    if (isFolderFormat(format)) {
        const QString caption = format == DatasetFormat::ClassFolders
                                    ? tr("Import %1: the folder holding one folder per tag").arg(name)
                                    : tr("Import %1: the folder of annotation XML files").arg(name);
        request.source = QFileDialog::getExistingDirectory(this, caption, root);
    } else {
        request.source = QFileDialog::getOpenFileName(this, tr("Import %1").arg(name), root, datasetFileFilter(format));
    }
    if (request.source.isEmpty())
        return;
    if (format == DatasetFormat::ClassFolders) {
        request.imagesDir = request.source;
        bool ok = false;
        request.separator = QInputDialog::getText(
            this, tr("Import %1").arg(name),
            tr("Folder names can hold several tags, e.g. \"red_dress\".\n"
               "Split them at this text (leave empty for one tag per folder):"),
            QLineEdit::Normal, QString(), &ok);
        if (!ok)
            return;
    } else {
        request.imagesDir = QFileDialog::getExistingDirectory(
            this, tr("Folder of the images listed in %1").arg(QFileInfo(request.source).fileName()), root);
        if (request.imagesDir.isEmpty())
            return;
    }
    request.replace = true;
    if (std::any_of(m_store->images().cbegin(), m_store->images().cend(),
                    [](const ImageRecord &image) { return !image.tags.empty(); })) {
        QMessageBox box(QMessageBox::Question, tr("Import %1").arg(name),
                        tr("Some images already have tags. Should the imported tags replace the tags of the "
                           "images they list, or be added to them?"),
                        QMessageBox::Cancel, this);
        QPushButton *replace = box.addButton(tr("Replace"), QMessageBox::AcceptRole);
        QPushButton *add = box.addButton(tr("Add"), QMessageBox::AcceptRole);
        box.setDefaultButton(replace);
        box.exec();
        if (box.clickedButton() == add)
            request.replace = false;
        else if (box.clickedButton() != replace)
            return;
    }
    startImport(request);
}

void MainWindow::onExportTriggered(DatasetFormat format)
{
    if (!m_store)
        return;
    const QString name = datasetFormatName(format);
    QString target;
    if (isFolderFormat(format)) {
        target = QFileDialog::getExistingDirectory(
            this, tr("Export %1: a new or empty folder outside the project").arg(name),
            QFileInfo(m_store->rootPath()).absolutePath());
    } else {
        const QString suggested = m_store->rootPath()
                                  + (format == DatasetFormat::CocoJson ? QStringLiteral("/labels.json")
                                                                        : QStringLiteral("/labels.csv"));
        target = QFileDialog::getSaveFileName(this, tr("Export %1").arg(name), suggested, datasetFileFilter(format));
    }
    if (!target.isEmpty())
        exportDataset(format, target);
}

void MainWindow::onAboutTriggered()
{
    const workflow::RuntimeReport runtime = workflow::RuntimeReport::current();
    QMessageBox::about(
        this, tr("About Tagwise"),
        tr("<h3>Tagwise %1</h3>"
           "<p>Multi-label image classification on your own machine: tag images, train a model, "
           "see where it errs.</p>"
           "<p><b>Keys:</b> 1–9 toggle the first tags on the selected images · Space marks them reviewed · "
           "arrows, Page Up/Down, Home and End move · Ctrl+A selects every image shown · "
           "Ctrl+Z / Ctrl+Shift+Z undo and redo.</p>"
           "<p><b>Engine:</b> %2<br><b>Trains on:</b> %3<br><b>Data-parallel:</b> %4<br>%5</p>")
            .arg(QApplication::applicationVersion(), runtime.libTorch.toHtmlEscaped(), runtime.device.toHtmlEscaped(),
                 runtime.dataParallel.toHtmlEscaped(), runtime.libraries.toHtmlEscaped()));
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList folders = QSettings().value(kRecentKey).toStringList();
    for (const QString &folder : folders) {
        QAction *action = m_recentMenu->addAction(QDir::toNativeSeparators(folder));
        connect(action, &QAction::triggered, this, [this, folder] { openProject(folder); });
    }
    if (folders.isEmpty())
        m_recentMenu->addAction(tr("No recent folders"))->setEnabled(false);
    else {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear List"), this, [] { QSettings().remove(kRecentKey); });
    }
}

void MainWindow::addRecentFolder(const QString &folder)
{
    QSettings settings;
    QStringList folders = settings.value(kRecentKey).toStringList();
    folders.removeAll(folder);
    folders.prepend(folder);
    while (folders.size() > kMaxRecentFolders)
        folders.removeLast();
    settings.setValue(kRecentKey, folders);
}

QString MainWindow::statusText() const
{
    return m_statusLabel->text();
}

void MainWindow::updateStatus()
{
    m_statusLabel->setText(m_labeling->statusText());
}

void MainWindow::updateActions()
{
    const bool open = m_store != nullptr;
    const bool writable = open && !m_store->isReadOnly();
    m_rescanAction->setEnabled(writable);
    for (QAction *action : std::as_const(m_importActions))
        action->setEnabled(writable && !m_import);
    for (QAction *action : std::as_const(m_exportActions))
        action->setEnabled(open);
    if (!open)
        m_stack->setCurrentIndex(0);
}

void MainWindow::showProgress(const QString &text, bool cancelable)
{
    m_progressLabel->setText(text);
    m_progressBar->setRange(0, 0); // busy: a scan does not know the total ahead
    m_cancelButton->setEnabled(cancelable);
    // Short jobs finish before the bar would flash up.
    m_progressDelay.start();
}

void MainWindow::hideProgress()
{
    if (m_scan || m_import)
        return;
    m_progressDelay.stop();
    m_progressLabel->hide();
    m_progressBar->hide();
    m_cancelButton->hide();
}

void MainWindow::showError(const QString &title, const QString &message)
{
    // Window-modal but not blocking: the event loop (and the tests) go on.
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorMessageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    statusBar()->showMessage(message, 10000);
    Q_EMIT errorShown(message);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_store && ClassifyWorkspace::canTake(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    if (!m_store || !ClassifyWorkspace::canTake(event->mimeData()))
        return;
    event->acceptProposedAction();
    m_workspaces->setCurrentWidget(m_classify);
    m_classify->take(event->mimeData());
}

}
