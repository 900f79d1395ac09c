#include "ui/labeling/thumbnailgrid.h"

#include "ui/labeling/imagelistmodel.h"
#include "ui/labeling/thumbnaildelegate.h"
#include "ui/labeling/thumbnailloader.h"

#include <QEvent>
#include <QScrollBar>
#include <QSet>

namespace tagwise {

ThumbnailGrid::ThumbnailGrid(ImageListModel *model, ThumbnailLoader *loader, QWidget *parent)
    : QListView(parent)
    , m_model(model)
    , m_loader(loader)
    , m_delegate(new ThumbnailDelegate(model, loader->edge(), this))
{
    setObjectName(QStringLiteral("thumbnailGrid"));
    // ListMode with left-to-right flow and wrapping draws the same grid as
    // IconMode, but keeps one integer per row instead of IconMode's per-item
    // geometry and BSP tree: layout of 100,000 uniform cells stays cheap.
    setViewMode(QListView::ListMode);
    setFlow(QListView::LeftToRight);
    setWrapping(true);
    setResizeMode(QListView::Adjust);
    setMovement(QListView::Static);
    setUniformItemSizes(true);
    setLayoutMode(QListView::SinglePass);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionRectVisible(true);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setMouseTracking(true);
    setItemDelegate(m_delegate);
    setGridSize(m_delegate->cellSize());
    setSpacing(0);
    setModel(model);
    verticalScrollBar()->setSingleStep(m_delegate->cellSize().height() / 4);

    m_pruneTimer.setSingleShot(true);
    m_pruneTimer.setInterval(60);
    connect(&m_pruneTimer, &QTimer::timeout, this, &ThumbnailGrid::pruneRequests);
}

QList<qint64> ThumbnailGrid::selectedImageIds() const
{
    QList<qint64> ids;
    if (!selectionModel())
        return ids;
    // Walk the ranges: a select-all of 100,000 rows is one range, not 100,000 indexes.
    std::vector<std::pair<int, int>> ranges;
    for (const QItemSelectionRange &range : selectionModel()->selection())
        ranges.emplace_back(range.top(), range.bottom());
    std::sort(ranges.begin(), ranges.end());
    int last = -1;
    for (const auto &[top, bottom] : ranges) {
        for (int row = std::max(top, last + 1); row <= bottom; ++row) {
            const qint64 id = m_model->imageId(row);
            if (id)
                ids.append(id);
        }
        last = std::max(last, bottom);
    }
    return ids;
}

int ThumbnailGrid::selectedCount() const
{
    if (!selectionModel())
        return 0;
    std::vector<std::pair<int, int>> ranges;
    for (const QItemSelectionRange &range : selectionModel()->selection())
        ranges.emplace_back(range.top(), range.bottom());
    std::sort(ranges.begin(), ranges.end());
    int count = 0;
    int last = -1;
    for (const auto &[top, bottom] : ranges) {
        const int from = std::max(top, last + 1);
        if (bottom >= from)
            count += bottom - from + 1;
        last = std::max(last, bottom);
    }
    return count;
}

qint64 ThumbnailGrid::currentImageId() const
{
    const QModelIndex index = currentIndex();
    return index.isValid() ? m_model->imageId(index.row()) : 0;
}

void ThumbnailGrid::selectImageIds(const QList<qint64> &imageIds, qint64 currentId)
{
    std::vector<int> rows;
    rows.reserve(size_t(imageIds.size()));
    for (qint64 id : imageIds) {
        const int row = m_model->rowOfImage(id);
        if (row >= 0)
            rows.push_back(row);
    }
    std::sort(rows.begin(), rows.end());
    QItemSelection selection;
    size_t start = 0;
    for (size_t i = 1; i <= rows.size(); ++i) {
        if (i == rows.size() || rows[i] > rows[i - 1] + 1) {
            if (start < rows.size())
                selection.select(m_model->index(rows[start]), m_model->index(rows[i - 1]));
            start = i;
        }
    }
    const int currentRow = m_model->rowOfImage(currentId);
    if (currentRow >= 0)
        selectionModel()->setCurrentIndex(m_model->index(currentRow), QItemSelectionModel::NoUpdate);
    selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (currentRow >= 0)
        scrollTo(m_model->index(currentRow));
}

std::pair<int, int> ThumbnailGrid::visibleRows() const
{
    if (m_model->rowCount() == 0)
        return {-1, -1};
    const QRect area = viewport()->rect();
    const QSize cell = gridSize();
    QModelIndex first = indexAt(area.topLeft() + QPoint(cell.width() / 2, 1));
    if (!first.isValid())
        first = indexAt(area.topLeft() + QPoint(cell.width() / 2, cell.height() / 2));
    // The last row may be only partly filled: step left from the right edge.
    QModelIndex last;
    for (int x = area.right() - cell.width() / 2; x > 0 && !last.isValid(); x -= cell.width())
        last = indexAt(QPoint(x, area.bottom() - 1));
    for (int y = area.bottom() - 1; y > 0 && !last.isValid(); y -= cell.height())
        last = indexAt(QPoint(cell.width() / 2, y));
    if (!first.isValid() && !last.isValid())
        return {-1, -1};
    if (!first.isValid())
        first = m_model->index(0);
    if (!last.isValid())
        last = m_model->index(m_model->rowCount() - 1);
    return {first.row(), last.row()};
}

void ThumbnailGrid::scrollContentsBy(int dx, int dy)
{
    QListView::scrollContentsBy(dx, dy);
    m_pruneTimer.start();
}

bool ThumbnailGrid::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::Resize) {
        fitColumns();
        m_pruneTimer.start();
    }
    return QListView::viewportEvent(event);
}

void ThumbnailGrid::fitColumns()
{
    // Share the spare width between the columns, so the grid fills the view
    // instead of leaving a gap on the right. The column count only falls when
    // a scroll bar appears, and only rises when one goes, so this settles.
    const QSize cell = m_delegate->cellSize();
    const int width = viewport()->width() - 1;
    const int columns = std::max(1, width / cell.width());
    const QSize grid(std::max(cell.width(), width / columns), cell.height());
    if (grid != gridSize()) {
        m_delegate->setCellWidth(grid.width());
        setGridSize(grid);
    }
}

void ThumbnailGrid::pruneRequests()
{
    const auto [first, last] = visibleRows();
    QSet<qint64> wanted;
    if (first >= 0) {
        // Keep a page above and below: they are likely next.
        const int page = last - first + 1;
        for (int row = std::max(0, first - page); row <= std::min(m_model->rowCount() - 1, last + page); ++row)
            wanted.insert(m_model->imageId(row));
    }
    m_loader->retainOnly(wanted);
}

}
