#include "ui/labeling/thumbnaildelegate.h"

#include "core/project/projectstore.h"
#include "ui/labeling/imagelistmodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace tagwise {

namespace {

constexpr int kPadding = 6;
constexpr int kChipHeight = 15;
constexpr int kChipGap = 3;
constexpr int kChipMaxWidth = 72;

QFont chipFont(const QFont &base)
{
    QFont font = base;
    font.setPointSizeF(std::max(6.5, base.pointSizeF() * 0.78));
    font.setBold(true);
    return font;
}

// Black or white, whichever reads better on \a background.
QColor textOn(const QColor &background)
{
    const double luminance = 0.299 * background.redF() + 0.587 * background.greenF() + 0.114 * background.blueF();
    return luminance > 0.6 ? QColor(0x20, 0x20, 0x20) : QColor(Qt::white);
}

}

ThumbnailDelegate::ThumbnailDelegate(const ImageListModel *model, int thumbnailEdge, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_model(model)
    , m_edge(thumbnailEdge)
{
}

QSize ThumbnailDelegate::cellSize() const
{
    const QFontMetrics metrics(QApplication::font());
    const int thumbHeight = m_edge * 4 / 5;
    return {m_edge + 2 * kPadding, kPadding + thumbHeight + 4 + metrics.height() + 3 + kChipHeight + kPadding};
}

void ThumbnailDelegate::setCellWidth(int width)
{
    if (width == m_cellWidth)
        return;
    m_cellWidth = width;
    Q_EMIT sizeHintChanged(QModelIndex());
}

QSize ThumbnailDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const
{
    const QSize minimum = cellSize();
    return {std::max(minimum.width(), m_cellWidth), minimum.height()};
}

void ThumbnailDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QRect cell = option.rect.adjusted(2, 2, -2, -2);
    const bool selected = option.state & QStyle::State_Selected;
    const bool current = option.state & QStyle::State_HasFocus;
    const QPalette &palette = option.palette;

    if (selected) {
        QColor fill = palette.color(QPalette::Highlight);
        fill.setAlpha(60);
        painter->setPen(QPen(palette.color(QPalette::Highlight), 1.5));
        painter->setBrush(fill);
        painter->drawRoundedRect(QRectF(cell).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    } else if (option.state & QStyle::State_MouseOver) {
        QColor fill = palette.color(QPalette::Highlight);
        fill.setAlpha(20);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(cell, 6, 6);
    }
    if (current) {
        painter->setPen(QPen(palette.color(QPalette::Highlight), 1, Qt::DotLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(cell).adjusted(1.5, 1.5, -1.5, -1.5), 5, 5);
    }

    const bool missing = index.data(ImageListModel::MissingRole).toBool();
    const bool reviewed = index.data(ImageListModel::ReviewedRole).toBool();
    const int thumbHeight = m_edge * 4 / 5;
    // Cells may be wider than needed (the grid spreads spare width): centre the content.
    const int left = option.rect.left() + std::max(0, (option.rect.width() - cellSize().width()) / 2);
    const QRect thumbBox(left + kPadding, option.rect.top() + kPadding, m_edge, thumbHeight);

    const QPixmap pixmap = index.data(Qt::DecorationRole).value<QPixmap>();
    const int state = index.data(ImageListModel::ThumbnailStateRole).toInt();
    if (state == ImageListModel::ThumbnailReady && !pixmap.isNull()) {
        // Fit inside the box, never enlarge (tiny images stay sharp).
        QSize size = pixmap.size() / pixmap.devicePixelRatio();
        if (size.width() > thumbBox.width() || size.height() > thumbBox.height())
            size.scale(thumbBox.size(), Qt::KeepAspectRatio);
        const QRect target(thumbBox.center().x() - size.width() / 2 + 1, thumbBox.center().y() - size.height() / 2 + 1,
                           size.width(), size.height());
        painter->setRenderHint(QPainter::SmoothPixmapTransform, true);
        painter->drawPixmap(target, pixmap);
        painter->setPen(QPen(QColor(0, 0, 0, 40), 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(QRectF(target).adjusted(0.5, 0.5, -0.5, -0.5));
        if (reviewed)
            paintBadge(painter, target, false, true);
    } else {
        const QRect box = thumbBox.adjusted(8, 6, -8, -6);
        painter->setPen(Qt::NoPen);
        QColor fill = missing ? QColor(0xf0, 0xf0, 0xf0)
                              : (state == ImageListModel::ThumbnailFailed ? QColor(0xf6, 0xe0, 0xe0) : QColor(0xe3, 0xe6, 0xea));
        painter->setBrush(fill);
        painter->drawRoundedRect(box, 4, 4);
        if (missing || state == ImageListModel::ThumbnailFailed) {
            painter->setPen(QPen(missing ? QColor(0x9a, 0x9a, 0x9a) : QColor(0xb0, 0x40, 0x40), 1, Qt::DashLine));
            painter->setBrush(Qt::NoBrush);
            painter->drawRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
            painter->setPen(missing ? QColor(0x80, 0x80, 0x80) : QColor(0xa0, 0x30, 0x30));
            QFont font = option.font;
            font.setItalic(true);
            painter->setFont(font);
            painter->drawText(box, Qt::AlignCenter,
                              missing ? tr("File missing") : tr("Cannot read"));
        }
        paintBadge(painter, box, missing, reviewed);
    }

    // File name, elided in the middle so the number part stays visible.
    const QFontMetrics metrics(option.font);
    const QRect nameRect(left + kPadding, thumbBox.bottom() + 4, m_edge, metrics.height());
    const QString name = metrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideMiddle, nameRect.width());
    QFont nameFont = option.font;
    nameFont.setItalic(missing);
    painter->setFont(nameFont);
    painter->setPen(missing ? palette.color(QPalette::Disabled, QPalette::Text) : palette.color(QPalette::Text));
    painter->drawText(nameRect, Qt::AlignHCenter | Qt::AlignVCenter, name);

    const QRect chipArea(left + kPadding, nameRect.bottom() + 3, m_edge, kChipHeight);
    paintChips(painter, chipArea, index);
    painter->restore();
}

void ThumbnailDelegate::paintChips(QPainter *painter, const QRect &area, const QModelIndex &index) const
{
    const ImageRecord *image = m_model->record(index.row());
    if (!image || image->tags.empty())
        return;
    struct Chip
    {
        const ImageListModel::TagStyle *style;
        bool suggested;
    };
    std::vector<Chip> chips;
    chips.reserve(image->tags.size());
    for (qint64 id : image->tags) {
        if (const ImageListModel::TagStyle *style = m_model->tagStyle(id))
            chips.push_back({style, image->isSuggested(id)});
    }
    std::sort(chips.begin(), chips.end(), [](const Chip &a, const Chip &b) { return a.style->order < b.style->order; });

    const QFont font = chipFont(painter->font());
    const QFontMetrics metrics(font);
    painter->setFont(font);
    int x = area.left();
    const int right = area.right();
    for (size_t i = 0; i < chips.size(); ++i) {
        const ImageListModel::TagStyle *style = chips[i].style;
        const QString more = QStringLiteral("+%1").arg(chips.size() - i);
        const int moreWidth = metrics.horizontalAdvance(more) + 8;
        const bool last = i + 1 == chips.size();
        const int room = right - x + 1 - (last ? 0 : moreWidth + kChipGap);
        // A suggestion of a model ends in "?" until a person confirms it.
        const QString name = chips[i].suggested ? style->name + QLatin1Char('?') : style->name;
        QString text = metrics.elidedText(name, Qt::ElideRight, std::min(kChipMaxWidth, room) - 8);
        int width = metrics.horizontalAdvance(text) + 8;
        // A chip cut to a letter or two says nothing: count the rest instead.
        const bool cut = text != name && text.size() < std::min<qsizetype>(name.size(), 5);
        if (room < 22 || cut) {
            // No room for this chip: say how many are left.
            painter->setPen(Qt::NoPen);
            painter->setBrush(QColor(0x70, 0x70, 0x70));
            painter->drawRoundedRect(QRect(x, area.top(), moreWidth, kChipHeight), 4, 4);
            painter->setPen(Qt::white);
            painter->drawText(QRect(x, area.top(), moreWidth, kChipHeight), Qt::AlignCenter, more);
            return;
        }
        const QRect chip(x, area.top(), width, kChipHeight);
        if (chips[i].suggested) {
            // Hollow, with a dashed edge: proposed, not decided.
            QColor fill = style->color;
            fill.setAlpha(40);
            painter->setPen(QPen(style->color, 1.2, Qt::DashLine));
            painter->setBrush(fill);
            painter->drawRoundedRect(QRectF(chip).adjusted(0.6, 0.6, -0.6, -0.6), 4, 4);
            painter->setPen(style->color.darker(150));
        } else {
            painter->setPen(Qt::NoPen);
            painter->setBrush(style->color);
            painter->drawRoundedRect(chip, 4, 4);
            painter->setPen(textOn(style->color));
        }
        painter->drawText(chip, Qt::AlignCenter, text);
        x += width + kChipGap;
    }
}

void ThumbnailDelegate::paintBadge(QPainter *painter, const QRect &thumbRect, bool missing, bool reviewed) const
{
    if (!reviewed)
        return;
    const int size = 16;
    const QRectF badge(thumbRect.right() - size - 3, thumbRect.top() + 3, size, size);
    painter->setPen(QPen(Qt::white, 1.5));
    painter->setBrush(missing ? QColor(0x9a, 0x9a, 0x9a) : QColor(0x2e, 0x9d, 0x4f));
    painter->drawEllipse(badge);
    QPainterPath tick;
    tick.moveTo(badge.left() + 4.2, badge.center().y() + 0.3);
    tick.lineTo(badge.left() + 7.0, badge.bottom() - 4.5);
    tick.lineTo(badge.right() - 3.8, badge.top() + 4.8);
    painter->setPen(QPen(Qt::white, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(tick);
}

}
