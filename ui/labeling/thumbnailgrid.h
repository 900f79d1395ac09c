#pragma once

#include <QListView>
#include <QTimer>

namespace tagwise {

class ImageListModel;
class ThumbnailDelegate;
class ThumbnailLoader;

/**
 * The virtualised thumbnail grid: a QListView laying out uniform cells left to
 * right with wrapping, painted by ThumbnailDelegate. After each scroll it tells
 * the loader which images are on screen, so requests for rows scrolled away
 * are dropped instead of delaying the visible ones.
 */
class ThumbnailGrid final : public QListView
{
    Q_OBJECT

public:
    ThumbnailGrid(ImageListModel *model, ThumbnailLoader *loader, QWidget *parent = nullptr);

    ImageListModel *imageModel() const { return m_model; }

    /// Ids of the selected images, in row order.
    QList<qint64> selectedImageIds() const;
    /// Number of selected rows, without building the list.
    int selectedCount() const;
    /// Id of the current image, or 0.
    qint64 currentImageId() const;
    /// Selects the rows of \a imageIds that are shown and makes \a currentId current.
    void selectImageIds(const QList<qint64> &imageIds, qint64 currentId);
    /// First and last row on screen, or -1, -1.
    std::pair<int, int> visibleRows() const;

protected:
    void scrollContentsBy(int dx, int dy) override;
    bool viewportEvent(QEvent *event) override;

private:
    void fitColumns();
    void pruneRequests();

    ImageListModel *m_model;
    ThumbnailLoader *m_loader;
    ThumbnailDelegate *m_delegate;
    QTimer m_pruneTimer;
};

}
