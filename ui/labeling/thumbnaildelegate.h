#pragma once

#include <QStyledItemDelegate>

namespace tagwise {

class ImageListModel;

/**
 * Paints one grid cell: the thumbnail (or its placeholder), the file name and
 * a row of small coloured tag chips, with marks for reviewed and missing
 * images. Painting only, so 100,000 items need no widgets.
 */
class ThumbnailDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    ThumbnailDelegate(const ImageListModel *model, int thumbnailEdge, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// Smallest size of a cell: the thumbnail, the name and one row of chips.
    QSize cellSize() const;
    /// Makes every cell \a width wide (at least cellSize()), to spread spare room.
    void setCellWidth(int width);

private:
    void paintChips(QPainter *painter, const QRect &area, const QModelIndex &index) const;
    void paintBadge(QPainter *painter, const QRect &thumbRect, bool missing, bool reviewed) const;

    const ImageListModel *m_model;
    int m_edge;
    int m_cellWidth = 0;
};

}
