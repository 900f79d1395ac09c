#include "ui/review/confusionviews.h"

#include <QFontMetrics>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace tagwise {

namespace {

constexpr int kCell = 46;     // one cell of a 2x2 matrix
constexpr int kTitle = 20;    // the tag's name above its matrix
constexpr int kGap = 14;

/// White to \a colour as \a rate goes from 0 to 1.
QColor shade(const QColor &colour, double rate)
{
    rate = std::clamp(rate, 0.0, 1.0);
    return QColor::fromRgbF(1.0 - (1.0 - colour.redF()) * rate, 1.0 - (1.0 - colour.greenF()) * rate,
                            1.0 - (1.0 - colour.blueF()) * rate);
}

const QColor kRight(46, 139, 87);
const QColor kWrong(205, 55, 55);
const QColor kMixed(45, 95, 180);

double rate(long long part, long long whole)
{
    return whole > 0 ? double(part) / double(whole) : 0.0;
}

QColor textOn(const QColor &background)
{
    return background.lightnessF() < 0.55 ? Qt::white : Qt::black;
}

}

ConfusionGrid::ConfusionGrid(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("confusionGrid"));
    setMouseTracking(true);
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void ConfusionGrid::setMetrics(const std::vector<ml::TagMetrics> &tags)
{
    const bool sameCount = tags.size() == m_tags.size();
    m_tags = tags;
    if (!sameCount)
        updateGeometry();
    update();
}

int ConfusionGrid::columns(int width) const
{
    return std::max(1, (width + kGap) / (2 * kCell + kGap));
}

QRect ConfusionGrid::tagRect(int index) const
{
    const int perRow = columns(width());
    const int x = (index % perRow) * (2 * kCell + kGap);
    const int y = (index / perRow) * (2 * kCell + kTitle + kGap);
    return QRect(x, y, 2 * kCell, kTitle + 2 * kCell);
}

int ConfusionGrid::heightForWidth(int width) const
{
    const int perRow = columns(width);
    const int rows = (int(m_tags.size()) + perRow - 1) / perRow;
    return std::max(0, rows * (2 * kCell + kTitle + kGap) - kGap);
}

QSize ConfusionGrid::sizeHint() const
{
    const int width = 4 * (2 * kCell + kGap) - kGap;
    return QSize(width, heightForWidth(width));
}

int ConfusionGrid::tagAt(const QPoint &point) const
{
    for (int i = 0; i < int(m_tags.size()); ++i) {
        if (tagRect(i).contains(point))
            return i;
    }
    return -1;
}

void ConfusionGrid::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QFontMetrics metrics(font());
    for (int i = 0; i < int(m_tags.size()); ++i) {
        const ml::TagMetrics &tag = m_tags[std::size_t(i)];
        const QRect box = tagRect(i);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRect(box.left(), box.top(), box.width(), kTitle), Qt::AlignLeft | Qt::AlignVCenter,
                         metrics.elidedText(QString::fromStdString(tag.tag), Qt::ElideRight, box.width()));
        const long long negatives = tag.tn + tag.fp;
        const long long positives = tag.fn + tag.tp;
        // Row 0: truly without the tag (TN, FP); row 1: truly with it (FN, TP).
        const struct
        {
            long long count;
            long long whole;
            bool right;
            int row, column;
        } cells[] = {{tag.tn, negatives, true, 0, 0},
                     {tag.fp, negatives, false, 0, 1},
                     {tag.fn, positives, false, 1, 0},
                     {tag.tp, positives, true, 1, 1}};
        for (const auto &cell : cells) {
            const QRect r(box.left() + cell.column * kCell, box.top() + kTitle + cell.row * kCell, kCell, kCell);
            const double share = rate(cell.count, cell.whole);
            const QColor fill = shade(cell.right ? kRight : kWrong, share);
            painter.fillRect(r, fill);
            painter.setPen(QColor(0, 0, 0, 40));
            painter.drawRect(r.adjusted(0, 0, -1, -1));
            painter.setPen(textOn(fill));
            painter.drawText(r.adjusted(0, 4, 0, -kCell / 2), Qt::AlignHCenter | Qt::AlignTop, QString::number(cell.count));
            painter.drawText(r.adjusted(0, kCell / 2, 0, -4), Qt::AlignHCenter | Qt::AlignBottom,
                             cell.whole > 0 ? QStringLiteral("%1%").arg(100.0 * share, 0, 'f', 0) : QStringLiteral("–"));
        }
    }
}

void ConfusionGrid::mousePressEvent(QMouseEvent *event)
{
    const int index = tagAt(event->position().toPoint());
    if (index >= 0)
        Q_EMIT tagClicked(index);
    QWidget::mousePressEvent(event);
}

bool ConfusionGrid::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = tagAt(help->pos());
        if (index < 0) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        const ml::TagMetrics &tag = m_tags[std::size_t(index)];
        QToolTip::showText(help->globalPos(),
                           tr("<b>%1</b><br>true negatives %2, false positives %3<br>"
                              "false negatives %4, true positives %5<br>rows: truth (without, with); "
                              "columns: prediction (no, yes)")
                               .arg(QString::fromStdString(tag.tag).toHtmlEscaped())
                               .arg(tag.tn)
                               .arg(tag.fp)
                               .arg(tag.fn)
                               .arg(tag.tp),
                           this);
        return true;
    }
    return QWidget::event(event);
}

TagConfusionView::TagConfusionView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("tagConfusionView"));
    setMouseTracking(true);
}

void TagConfusionView::setConfusion(const QStringList &tags, const std::vector<long long> &counts,
                                    const std::vector<long long> &support)
{
    const bool resized = tags != m_tags;
    m_tags = tags;
    m_counts = counts;
    m_support = support;
    if (resized)
        updateGeometry();
    update();
}

int TagConfusionView::labelWidth() const
{
    const QFontMetrics metrics(font());
    int width = 0;
    for (const QString &tag : m_tags)
        width = std::max(width, metrics.horizontalAdvance(tag));
    return std::min(width + 8, 160);
}

int TagConfusionView::cellSize() const
{
    return m_tags.size() <= 12 ? 40 : m_tags.size() <= 40 ? 22 : 12;
}

QRect TagConfusionView::cellRect(int row, int column) const
{
    const int cell = cellSize();
    const int left = labelWidth();
    return QRect(left + column * cell, left + row * cell, cell, cell);
}

QSize TagConfusionView::sizeHint() const
{
    const int side = labelWidth() + int(m_tags.size()) * cellSize() + 1;
    return QSize(side, side);
}

void TagConfusionView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const int n = int(m_tags.size());
    if (n == 0 || m_counts.size() != std::size_t(n) * std::size_t(n))
        return;
    const QFontMetrics metrics(font());
    const int cell = cellSize();
    const int left = labelWidth();
    painter.setPen(palette().color(QPalette::WindowText));
    for (int i = 0; i < n; ++i) {
        const QString name = metrics.elidedText(m_tags[i], Qt::ElideRight, left - 6);
        painter.drawText(QRect(0, left + i * cell, left - 6, cell), Qt::AlignRight | Qt::AlignVCenter, name);
        painter.save();
        painter.translate(left + i * cell, left - 6);
        painter.rotate(-90);
        painter.drawText(QRect(0, 0, left - 6, cell), Qt::AlignLeft | Qt::AlignVCenter, name);
        painter.restore();
    }
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < n; ++j) {
            const long long count = m_counts[std::size_t(i * n + j)];
            const double share = rate(count, m_support[std::size_t(i)]);
            const QColor fill = shade(i == j ? kRight : kMixed, share);
            const QRect r = cellRect(i, j);
            painter.fillRect(r, fill);
            painter.setPen(QColor(0, 0, 0, 30));
            painter.drawRect(r.adjusted(0, 0, -1, -1));
            if (cell >= 22 && count > 0) {
                painter.setPen(textOn(fill));
                painter.drawText(r, Qt::AlignCenter, QString::number(count));
            }
        }
    }
}

bool TagConfusionView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int n = int(m_tags.size());
        for (int i = 0; i < n; ++i) {
            for (int j = 0; j < n; ++j) {
                if (!cellRect(i, j).contains(help->pos()))
                    continue;
                const long long count = m_counts[std::size_t(i * n + j)];
                const long long support = m_support[std::size_t(i)];
                QToolTip::showText(help->globalPos(),
                                   tr("Of the %1 images that have <b>%2</b>, %3 get <b>%4</b> predicted (%5%).")
                                       .arg(support)
                                       .arg(m_tags[i].toHtmlEscaped())
                                       .arg(count)
                                       .arg(m_tags[j].toHtmlEscaped())
                                       .arg(100.0 * rate(count, support), 0, 'f', 1),
                                   this);
                return true;
            }
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QWidget::event(event);
}

}
