#pragma once

#include <QList>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QSplitter;

namespace tagwise {

class DatasetOverviewDialog;
class FilterBar;
class ImageListModel;
class ImagePreview;
class ProjectEditor;
class ProjectStore;
class TagPanel;
class ThumbnailGrid;
class ThumbnailLoader;
struct ImageFilter;

/**
 * The labeling workspace: the thumbnail grid with its filter bar, a larger
 * view of the current image with its caption, and the tag panel (which the
 * main window docks). Tag edits go through the project's ProjectEditor, so
 * each is an undoable command written through to the project at once.
 *
 * It owns its actions (select all, reviewed, filters, search, one per tag
 * with its number key) and adds them to the menus the main window hands it;
 * their shortcuts work anywhere in the window while the workspace is shown,
 * and not while another workspace is.
 */
class LabelingWorkspace final : public QWidget
{
    Q_OBJECT

public:
    LabelingWorkspace(ProjectEditor *editor, QWidget *parent = nullptr);
    ~LabelingWorkspace() override;

    /// Shows \a store (null: none); the caller keeps it alive until the next call.
    void setStore(ProjectStore *store);

    /// Adds the workspace's actions to the main window's Edit and View menus.
    void addActionsTo(QMenu *edit, QMenu *view);

    /// "N images · N tagged · N reviewed · N missing · N selected".
    QString statusText() const;
    /// Shows (creating it when needed) the dataset overview.
    DatasetOverviewDialog *showDatasetOverview();
    /// Clears the thumbnails made so far (files may have changed under the same names).
    void invalidateThumbnails();
    /// Makes the first image current when none is and there are any.
    void selectFirstImageIfNone();

    QByteArray saveSplitterState() const;
    void restoreSplitterState(const QByteArray &state);

    TagPanel *tagPanel() const { return m_tagPanel; }
    ThumbnailGrid *thumbnailGrid() const { return m_grid; }
    ImageListModel *imageModel() const { return m_model; }
    ThumbnailLoader *thumbnailLoader() const { return m_loader; }
    FilterBar *filterBar() const { return m_filterBar; }
    ImagePreview *imagePreview() const { return m_preview; }
    QList<qint64> selectedImageIds() const;

Q_SIGNALS:
    /// What statusText() says changed.
    void statusChanged();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void createWidgets();
    void createActions();
    void updateActions();
    void onFilterChanged(const ImageFilter &filter);
    void onSelectionSettled();
    void onCurrentChanged();
    void updateCaption();
    void rebuildTagActions();
    void syncFilterActions();

    ProjectEditor *m_editor;
    ProjectStore *m_store = nullptr;
    ThumbnailLoader *m_loader;
    ImageListModel *m_model;

    ThumbnailGrid *m_grid = nullptr;
    FilterBar *m_filterBar = nullptr;
    ImagePreview *m_preview = nullptr;
    QLabel *m_caption = nullptr;
    QSplitter *m_splitter = nullptr;
    TagPanel *m_tagPanel = nullptr;
    QPointer<DatasetOverviewDialog> m_overview;

    QTimer m_selectionTimer;
    QList<qint64> m_savedSelection;
    qint64 m_savedCurrent = 0;

    QAction *m_selectAllAction = nullptr;
    QAction *m_reviewedAction = nullptr;
    QMenu *m_toggleTagMenu = nullptr;
    QList<QAction *> m_tagActions;
    QActionGroup *m_filterGroup = nullptr;
    QAction *m_reapplyFilterAction = nullptr;
    QAction *m_searchAction = nullptr;
    QAction *m_overviewAction = nullptr;
};

}
