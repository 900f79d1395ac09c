#include "ui/tagswatch.h"

#include <QPainter>
#include <QPixmap>

namespace tagwise {

QIcon tagSwatch(const QColor &color, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(color.darker(130));
    painter.setBrush(color);
    const qreal inset = 1.5;
    painter.drawRoundedRect(QRectF(inset, inset, size - 2 * inset - 1, size - 2 * inset - 1), 3, 3);
    return QIcon(pixmap);
}

}
