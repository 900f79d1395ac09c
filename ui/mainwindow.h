#pragma once

#include "ui/datasetformat.h"
#include "ui/importjob.h"

#include <QList>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <memory>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QUndoStack;

namespace tagwise {

class DatasetOverviewDialog;
class FilterBar;
class ImageListModel;
class ImagePreview;
class ProjectEditor;
class ProjectStore;
class ScanJob;
class TagPanel;
class ThumbnailGrid;
class ThumbnailLoader;
struct ImageFilter;
struct ScannedFile;

/**
 * The labeling workspace: the thumbnail grid with its filter bar, a larger
 * view of the current image, and the tag panel. Opening a folder opens (or
 * creates) its project and scans it in the background; every tag edit is an
 * undoable command written through to the project at once.
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

    /// Shows (creating it when needed) the dataset overview.
    DatasetOverviewDialog *showDatasetOverview();

    ProjectStore *projectStore() const { return m_store.get(); }
    ProjectEditor *editor() const { return m_editor; }
    QUndoStack *undoStack() const;
    ThumbnailGrid *thumbnailGrid() const { return m_grid; }
    ImageListModel *imageModel() const { return m_model; }
    ThumbnailLoader *thumbnailLoader() const { return m_loader; }
    TagPanel *tagPanel() const { return m_tagPanel; }
    FilterBar *filterBar() const { return m_filterBar; }
    ImagePreview *imagePreview() const { return m_preview; }
    QList<qint64> selectedImageIds() const;
    /// "N images · N tagged · N reviewed · N missing · N selected".
    QString statusText() const;

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
    void onFilterChanged(const ImageFilter &filter);
    void onSelectionSettled();
    void onTagClicked(qint64 tagId, bool on);
    void onAddTagRequested(const QString &name);
    void onCurrentChanged();
    void showError(const QString &title, const QString &message);

    void rebuildTagActions();
    void rebuildRecentMenu();
    void addRecentFolder(const QString &folder);
    void updateStatus();
    void updateCaption();
    void updateActions();
    void syncFilterActions();

    std::unique_ptr<ProjectStore> m_store;
    ProjectEditor *m_editor;
    ThumbnailLoader *m_loader;
    ImageListModel *m_model;

    QStackedWidget *m_stack = nullptr;
    ThumbnailGrid *m_grid = nullptr;
    FilterBar *m_filterBar = nullptr;
    ImagePreview *m_preview = nullptr;
    QLabel *m_caption = nullptr;
    QSplitter *m_splitter = nullptr;
    TagPanel *m_tagPanel = nullptr;
    QDockWidget *m_tagDock = nullptr;
    QPointer<DatasetOverviewDialog> m_overview;

    QLabel *m_statusLabel = nullptr;
    QLabel *m_progressLabel = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QTimer m_progressDelay;
    QTimer m_selectionTimer;

    ScanJob *m_scan = nullptr;
    ImportJob *m_import = nullptr;
    bool m_rescanRequested = false;
    QList<qint64> m_savedSelection;
    qint64 m_savedCurrent = 0;

    QAction *m_openAction = nullptr;
    QAction *m_rescanAction = nullptr;
    QList<QAction *> m_importActions;
    QList<QAction *> m_exportActions;
    QMenu *m_recentMenu = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_selectAllAction = nullptr;
    QAction *m_reviewedAction = nullptr;
    QMenu *m_toggleTagMenu = nullptr;
    QList<QAction *> m_tagActions;
    QActionGroup *m_filterGroup = nullptr;
    QAction *m_reapplyFilterAction = nullptr;
    QAction *m_searchAction = nullptr;
    QAction *m_overviewAction = nullptr;
    QAction *m_aboutAction = nullptr;
};

}
