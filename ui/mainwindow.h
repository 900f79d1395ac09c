#pragma once

#include "ui/datasetformat.h"
#include "ui/importjob.h"

#include <QList>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QUndoStack;

namespace tagwise {

class DatasetOverviewDialog;
class FilterBar;
class ImageListModel;
class ImagePreview;
class LabelingWorkspace;
class ProjectEditor;
class ProjectStore;
class ScanJob;
class TagPanel;
class ThumbnailGrid;
class ClassifyWorkspace;
class ReviewWorkspace;
class TrainWorkspace;
class ThumbnailLoader;
struct ScannedFile;

/**
 * The main window: the project (open, scan, import, export), the menus, the
 * status bar, and the workspaces that show the project. The labeling
 * workspace is the first; the workspaces share the project's store and its
 * undoable editor (ProjectEditor), so an edit made in any of them is one step
 * of the same undo history.
 *
 * The methods below are what the menus call after their dialogs, so tests and
 * benchmarks can drive the same code paths without modal dialogs.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens the project in \a folder and starts a scan; on failure shows a
    /// message naming the folder and the reason, and returns false.
    bool openProject(const QString &folder);
    /// Scans the project folder again (new, vanished and moved files).
    void rescan();
    bool isScanning() const;

    /// Reads an import in the background and applies it as one undoable edit;
    /// importFinished() follows. False when it could not start.
    bool startImport(const ImportJob::Request &request);
    bool isImporting() const;
    /// Writes the project's labels; false (and a message) on failure.
    bool exportDataset(DatasetFormat format, const QString &target);

    ProjectStore *projectStore() const { return m_store.get(); }
    ProjectEditor *editor() const { return m_editor; }
    QUndoStack *undoStack() const;
    LabelingWorkspace *labelingWorkspace() const { return m_labeling; }
    TrainWorkspace *trainWorkspace() const { return m_train; }
    ReviewWorkspace *reviewWorkspace() const { return m_review; }
    ClassifyWorkspace *classifyWorkspace() const { return m_classify; }
    /// The workspaces, one a tab: Label, Train, Review, Classify.
    QTabWidget *workspaces() const { return m_workspaces; }
    /// The status bar's counts ("N images · N tagged · ...").
    QString statusText() const;

    // The labeling workspace's parts, for tests and benchmarks.
    ThumbnailGrid *thumbnailGrid() const;
    ImageListModel *imageModel() const;
    ThumbnailLoader *thumbnailLoader() const;
    TagPanel *tagPanel() const;
    FilterBar *filterBar() const;
    ImagePreview *imagePreview() const;
    QList<qint64> selectedImageIds() const;
    DatasetOverviewDialog *showDatasetOverview();

Q_SIGNALS:
    /// A project was opened (its images are listed; the scan has started).
    void projectOpened(const QString &rootPath);
    /// The scan after opening or rescan() was applied (or failed, or was canceled).
    void scanFinished();
    void importFinished(bool ok);
    /// An error was shown to the user.
    void errorShown(const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;
    /// Images and folders dropped anywhere on the window go to the Classify workspace.
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createWidgets();
    void createStatusBar();
    void restoreSettings();
    void saveSettings();

    void closeProject();
    void startScan();
    void cancelWork();
    void handleScanProgress(int found);
    void handleScanFinished(const QList<ScannedFile> &files, bool canceled);
    void handleImportFinished(const ImportJob::Result &result);
    void showProgress(const QString &text, bool cancelable);
    void hideProgress();

    void onOpenFolderTriggered();
    void onImportTriggered(DatasetFormat format);
    void onExportTriggered(DatasetFormat format);
    void onAboutTriggered();
    void showError(const QString &title, const QString &message);

    void rebuildRecentMenu();
    void addRecentFolder(const QString &folder);
    void updateStatus();
    void updateActions();

    std::unique_ptr<ProjectStore> m_store;
    ProjectEditor *m_editor;
    LabelingWorkspace *m_labeling = nullptr;
    TrainWorkspace *m_train = nullptr;
    ReviewWorkspace *m_review = nullptr;
    ClassifyWorkspace *m_classify = nullptr;

    QStackedWidget *m_stack = nullptr;
    QTabWidget *m_workspaces = nullptr;
    QDockWidget *m_tagDock = nullptr;

    QLabel *m_statusLabel = nullptr;
    QLabel *m_progressLabel = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QTimer m_progressDelay;

    ScanJob *m_scan = nullptr;
    ImportJob *m_import = nullptr;
    bool m_rescanRequested = false;
    bool m_tagPanelWasVisible = true;

    QAction *m_openAction = nullptr;
    QAction *m_rescanAction = nullptr;
    QList<QAction *> m_importActions;
    QList<QAction *> m_exportActions;
    QMenu *m_recentMenu = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_aboutAction = nullptr;
};

}
