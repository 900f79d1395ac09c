#include "ui/plotstyle.h"

#include <qcustomplot.h>

namespace tagwise {

void styleAxes(QCustomPlot *plot)
{
    plot->setBackground(plot->palette().color(QPalette::Base));
    for (QCPAxis *axis : {plot->xAxis, plot->yAxis, plot->yAxis2}) {
        axis->setBasePen(QPen(QColor(0x90, 0x90, 0x90)));
        axis->setTickPen(QPen(QColor(0x90, 0x90, 0x90)));
        axis->setSubTickPen(Qt::NoPen);
        axis->grid()->setPen(QPen(QColor(0xe2, 0xe2, 0xe2)));
        axis->setTickLabelColor(plot->palette().color(QPalette::Text));
        axis->setLabelColor(plot->palette().color(QPalette::Text));
    }
}

}
