#include "ui/train/learningratedialog.h"

#include "ui/plotstyle.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <qcustomplot.h>

namespace tagwise {

LearningRateDialog::LearningRateDialog(const ml::LrSweep &sweep, QWidget *parent)
    : QDialog(parent)
    , m_plot(new QCustomPlot)
    , m_use(new QPushButton)
{
    setObjectName(QStringLiteral("learningRateDialog"));
    setWindowTitle(tr("Learning Rate Finder"));
    m_plot->setObjectName(QStringLiteral("learningRatePlot"));
    styleAxes(m_plot);
    m_plot->setMinimumSize(560, 320);
    m_plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    m_plot->xAxis->setNumberFormat(QStringLiteral("eb"));
    m_plot->xAxis->setNumberPrecision(0);
    m_plot->xAxis->setLabel(tr("learning rate"));
    m_plot->yAxis->setLabel(tr("loss (smoothed)"));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);

    QVector<double> rates(sweep.rates.begin(), sweep.rates.end());
    QVector<double> raw(sweep.losses.begin(), sweep.losses.end());
    QVector<double> smoothed(sweep.smoothedLosses.begin(), sweep.smoothedLosses.end());
    QCPGraph *rawGraph = m_plot->addGraph();
    rawGraph->setPen(QPen(QColor(0x43, 0x63, 0xd8, 60)));
    rawGraph->setData(rates, raw, true);
    QCPGraph *smoothGraph = m_plot->addGraph();
    QPen pen(QColor(0x43, 0x63, 0xd8));
    pen.setWidthF(2.0);
    smoothGraph->setPen(pen);
    smoothGraph->setData(rates, smoothed, true);
    m_plot->rescaleAxes();
    if (!smoothed.isEmpty()) {
        // The blow-up at the end would squash the interesting part: cap the view.
        const double first = smoothed.first();
        double low = first;
        for (double value : smoothed)
            low = std::min(low, value);
        m_plot->yAxis->setRange(low * 0.9, first * 1.6);
    }

    QString text;
    if (sweep.suggestedRate > 0.0) {
        auto *marker = new QCPItemStraightLine(m_plot);
        QPen markerPen(QColor(0xf5, 0x82, 0x31));
        markerPen.setStyle(Qt::DashLine);
        markerPen.setWidthF(1.5);
        marker->setPen(markerPen);
        marker->point1->setCoords(sweep.suggestedRate, 0.0);
        marker->point2->setCoords(sweep.suggestedRate, 1.0);
        text = tr("The loss falls fastest at a learning rate of about %1: a good rate to train at.")
                   .arg(sweep.suggestedRate, 0, 'g', 2);
        m_use->setText(tr("Use %1").arg(sweep.suggestedRate, 0, 'g', 2));
    } else {
        text = tr("The loss never fell during the sweep: check the tags, or try a smaller batch.");
        m_use->setText(tr("Use"));
        m_use->setEnabled(false);
    }
    m_use->setObjectName(QStringLiteral("useRateButton"));
    connect(m_use, &QPushButton::clicked, this, [this, rate = sweep.suggestedRate] {
        Q_EMIT rateChosen(rate);
        accept();
    });
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_use, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_plot, 1);
    layout->addWidget(label);
    layout->addWidget(buttons);
    m_plot->replot();
}

}
