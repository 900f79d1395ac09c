#include "ui/train/trainingplots.h"

#include "core/io/atomicwrite.h"
#include "ui/plotstyle.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSlider>
#include <QSplitter>
#include <QToolTip>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <cmath>

namespace tagwise {

namespace {

const QColor kBatchColour(0x4363d8);
const QColor kTrainColour(0x3cb44b);
const QColor kValidationColour(0xe6194b);
const QColor kMetricColour(0x911eb4);
const QColor kBestColour(0xf58231);

QCPGraph *makeGraph(QCustomPlot *plot, const QString &name, const QColor &colour, double width, bool points)
{
    QCPGraph *graph = plot->addGraph();
    graph->setName(name);
    QPen pen(colour);
    pen.setWidthF(width);
    graph->setPen(pen);
    if (points)
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, colour, colour, 5));
    return graph;
}

QCPItemStraightLine *makeMarker(QCustomPlot *plot)
{
    auto *line = new QCPItemStraightLine(plot);
    QPen pen(kBestColour);
    pen.setStyle(Qt::DashLine);
    pen.setWidthF(1.5);
    line->setPen(pen);
    line->setVisible(false);
    return line;
}

void setupPlot(QCustomPlot *plot, const QString &yLabel)
{
    styleAxes(plot);
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot->axisRect()->setRangeZoom(Qt::Horizontal | Qt::Vertical);
    plot->xAxis->setLabel(TrainingPlots::tr("epoch"));
    plot->yAxis->setLabel(yLabel);
    plot->legend->setVisible(true);
    plot->legend->setBrush(QBrush(QColor(255, 255, 255, 200)));
    plot->legend->setBorderPen(QPen(QColor(0xc0, 0xc0, 0xc0)));
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    plot->setMouseTracking(true);
    plot->setMinimumHeight(160);
}

}

TrainingPlots::TrainingPlots(QWidget *parent)
    : QWidget(parent)
    , m_lossPlot(new QCustomPlot)
    , m_metricPlot(new QCustomPlot)
    , m_metricBox(new QComboBox)
    , m_smoothingSlider(new QSlider(Qt::Horizontal))
    , m_smoothingLabel(new QLabel)
{
    setObjectName(QStringLiteral("trainingPlots"));
    m_lossPlot->setObjectName(QStringLiteral("lossPlot"));
    m_metricPlot->setObjectName(QStringLiteral("metricPlot"));
    m_metricBox->setObjectName(QStringLiteral("metricBox"));
    m_smoothingSlider->setObjectName(QStringLiteral("smoothingSlider"));

    setupPlot(m_lossPlot, tr("loss"));
    setupPlot(m_metricPlot, tr("validation"));
    m_batchRaw = makeGraph(m_lossPlot, tr("batch loss"), QColor(kBatchColour.red(), kBatchColour.green(), kBatchColour.blue(), 60), 1.0, false);
    m_batchSmoothed = makeGraph(m_lossPlot, tr("batch loss, smoothed"), kBatchColour, 1.5, false);
    m_trainLoss = makeGraph(m_lossPlot, tr("training loss"), kTrainColour, 2.0, true);
    m_validationLoss = makeGraph(m_lossPlot, tr("validation loss"), kValidationColour, 2.0, true);
    m_metricGraph = makeGraph(m_metricPlot, tr("F-beta"), kMetricColour, 2.0, true);
    m_bestOnLoss = makeMarker(m_lossPlot);
    m_bestOnMetric = makeMarker(m_metricPlot);
    m_metricPlot->yAxis->setRange(0.0, 1.0);
    for (QCustomPlot *plot : {m_lossPlot, m_metricPlot}) {
        connect(plot, &QCustomPlot::mouseMove, this, [this, plot](QMouseEvent *event) { showValueAt(plot, event->pos()); });
        // Zoom and pan only the x axis of both plots together: the epochs line up.
        connect(plot->xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, [this, plot](const QCPRange &range) {
            QCustomPlot *other = plot == m_lossPlot ? m_metricPlot : m_lossPlot;
            if (other->xAxis->range() != range) {
                other->xAxis->setRange(range);
                other->replot(QCustomPlot::rpQueuedReplot);
            }
        });
    }

    m_metricBox->addItem(tr("F-beta (samples)"), int(Metric::Fbeta));
    m_metricBox->addItem(tr("micro F1"), int(Metric::MicroF1));
    m_metricBox->addItem(tr("macro F1"), int(Metric::MacroF1));
    m_metricBox->addItem(tr("mean average precision"), int(Metric::Map));
    connect(m_metricBox, qOverload<int>(&QComboBox::activated), this, [this](int index) {
        const QVariant data = m_metricBox->itemData(index);
        const int value = data.toInt();
        if (value >= 100)
            setMetric(Metric::TagFbeta, value - 100);
        else
            setMetric(Metric(value));
    });

    m_smoothingSlider->setRange(0, 99);
    m_smoothingSlider->setValue(int(m_smoothing * 100));
    m_smoothingSlider->setMaximumWidth(140);
    m_smoothingSlider->setToolTip(tr("Smoothing of the batch loss (as TensorBoard's)"));
    connect(m_smoothingSlider, &QSlider::valueChanged, this, [this](int value) { setSmoothing(value / 100.0); });
    m_smoothingLabel->setText(tr("Smoothing %1").arg(m_smoothing, 0, 'f', 2));

    auto *exportPng = new QPushButton(tr("Export PNG…"));
    exportPng->setObjectName(QStringLiteral("exportPngButton"));
    connect(exportPng, &QPushButton::clicked, this, &TrainingPlots::onExportPngClicked);
    auto *exportCsv = new QPushButton(tr("Export CSV…"));
    exportCsv->setObjectName(QStringLiteral("exportCsvButton"));
    connect(exportCsv, &QPushButton::clicked, this, &TrainingPlots::onExportCsvClicked);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_smoothingLabel);
    controls->addWidget(m_smoothingSlider);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Validation:")));
    controls->addWidget(m_metricBox);
    controls->addStretch(1);
    controls->addWidget(exportPng);
    controls->addWidget(exportCsv);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_lossPlot);
    splitter->addWidget(m_metricPlot);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(splitter, 1);
    reset({});
}

void TrainingPlots::reset(const QStringList &tags)
{
    m_tags = tags;
    m_batchSteps.clear();
    m_batchLosses.clear();
    m_batchTop = 0.0;
    m_records.clear();
    m_bestEpoch = 0;
    while (m_metricBox->count() > 4)
        m_metricBox->removeItem(4);
    for (int t = 0; t < tags.size(); ++t)
        m_metricBox->addItem(tr("F-beta of %1").arg(tags[t]), 100 + t);
    if (m_metric == Metric::TagFbeta && (m_tag < 0 || m_tag >= tags.size()))
        m_metric = Metric::Fbeta;
    m_batchRaw->data()->clear();
    m_batchSmoothed->data()->clear();
    rebuildEpochCurves();
    m_lossPlot->xAxis->setRange(0.0, 1.0);
    m_lossPlot->yAxis->setRange(0.0, 1.0);
    m_metricPlot->xAxis->setRange(0.0, 1.0);
    m_lossPlot->replot();
    m_metricPlot->replot();
}

void TrainingPlots::addBatch(const workflow::BatchUpdate &update)
{
    if (update.batches <= 0)
        return;
    const double x = double(update.epoch - 1) + double(update.batch) / double(update.batches);
    m_batchSteps.append(x);
    m_batchLosses.append(update.loss);
    m_batchRaw->addData(x, update.loss);
    // Extend the smoothed curve by one point (TensorBoard's debiased moving average).
    const double w = m_smoothing;
    const int n = int(m_batchLosses.size());
    double average = 0.0;
    if (n > 1 && !m_batchSmoothed->data()->isEmpty()) {
        const double previousSmoothed = (m_batchSmoothed->data()->end() - 1)->value;
        average = previousSmoothed * (1.0 - std::pow(w, n - 1));
    }
    average = w * average + (1.0 - w) * update.loss;
    m_batchSmoothed->addData(x, w > 0.0 ? average / (1.0 - std::pow(w, n)) : update.loss);
    m_lossPlot->xAxis->setRange(0.0, std::max(1.0, std::ceil(x)));
    m_batchTop = std::max(m_batchTop, update.loss);
    m_lossPlot->yAxis->setRange(0.0, m_batchTop * 1.05);
    m_lossPlot->replot(QCustomPlot::rpQueuedReplot);
}

void TrainingPlots::addEpoch(const ml::EpochRecord &record)
{
    m_records.append(record);
    rebuildEpochCurves();
}

void TrainingPlots::setEpochs(const QList<ml::EpochRecord> &records)
{
    m_records = records;
    rebuildEpochCurves();
}

void TrainingPlots::setOverlays(const QList<Overlay> &overlays)
{
    m_overlays = overlays;
    rebuildOverlays();
}

void TrainingPlots::setMetric(Metric metric, int tag)
{
    m_metric = metric;
    m_tag = tag;
    const int data = metric == Metric::TagFbeta ? 100 + tag : int(metric);
    const int index = m_metricBox->findData(data);
    if (index >= 0)
        m_metricBox->setCurrentIndex(index);
    rebuildEpochCurves();
    rebuildOverlays();
}

void TrainingPlots::setSmoothing(double weight)
{
    m_smoothing = std::clamp(weight, 0.0, 0.99);
    if (m_smoothingSlider->value() != int(std::lround(m_smoothing * 100)))
        m_smoothingSlider->setValue(int(std::lround(m_smoothing * 100)));
    m_smoothingLabel->setText(tr("Smoothing %1").arg(m_smoothing, 0, 'f', 2));
    rebuildSmoothed();
}

void TrainingPlots::rebuildSmoothed()
{
    QVector<double> smoothed;
    smoothed.reserve(m_batchLosses.size());
    double average = 0.0;
    for (int i = 0; i < m_batchLosses.size(); ++i) {
        average = m_smoothing * average + (1.0 - m_smoothing) * m_batchLosses[i];
        smoothed.append(m_smoothing > 0.0 ? average / (1.0 - std::pow(m_smoothing, i + 1)) : m_batchLosses[i]);
    }
    m_batchSmoothed->setData(m_batchSteps, smoothed, true);
    m_lossPlot->replot(QCustomPlot::rpQueuedReplot);
}

double TrainingPlots::metricOf(const ml::EpochRecord &record) const
{
    switch (m_metric) {
    case Metric::Fbeta: return record.fbeta;
    case Metric::MicroF1: return record.f1Micro;
    case Metric::MacroF1: return record.f1Macro;
    case Metric::Map: return record.meanAveragePrecision;
    case Metric::TagFbeta:
        return m_tag >= 0 && std::size_t(m_tag) < record.tagFbeta.size() ? record.tagFbeta[std::size_t(m_tag)]
                                                                         : std::nan("");
    }
    return std::nan("");
}

QString TrainingPlots::metricName() const
{
    return m_metricBox->currentText();
}

void TrainingPlots::rebuildEpochCurves()
{
    QVector<double> epochs, train, validation, metric;
    m_bestEpoch = 0;
    double best = -1.0;
    for (const ml::EpochRecord &record : std::as_const(m_records)) {
        epochs.append(record.epoch);
        train.append(record.trainLoss);
        validation.append(record.validationLoss);
        metric.append(metricOf(record));
        if (record.fbeta > best) {
            best = record.fbeta;
            m_bestEpoch = record.epoch;
        }
    }
    m_trainLoss->setData(epochs, train, true);
    m_validationLoss->setData(epochs, validation, true);
    m_metricGraph->setData(epochs, metric, true);
    m_metricGraph->setName(metricName());
    for (QCPItemStraightLine *marker : {m_bestOnLoss, m_bestOnMetric}) {
        marker->setVisible(m_bestEpoch > 0);
        marker->point1->setCoords(m_bestEpoch, 0.0);
        marker->point2->setCoords(m_bestEpoch, 1.0);
    }
    const double lastEpoch = m_records.isEmpty() ? 1.0 : double(m_records.last().epoch);
    const double right = std::max({1.0, lastEpoch, m_batchSteps.isEmpty() ? 0.0 : std::ceil(m_batchSteps.last())});
    m_lossPlot->xAxis->setRange(0.0, right);
    m_metricPlot->xAxis->setRange(0.0, right);
    if (m_batchLosses.isEmpty() && !m_records.isEmpty()) {
        double top = 0.0;
        for (const ml::EpochRecord &record : std::as_const(m_records))
            top = std::max({top, record.trainLoss, record.validationLoss});
        m_lossPlot->yAxis->setRange(0.0, top * 1.1);
    }
    m_lossPlot->replot(QCustomPlot::rpQueuedReplot);
    m_metricPlot->replot(QCustomPlot::rpQueuedReplot);
}

void TrainingPlots::rebuildOverlays()
{
    for (QCPGraph *graph : std::as_const(m_overlayGraphs)) {
        if (graph->parentPlot())
            graph->parentPlot()->removeGraph(graph);
    }
    m_overlayGraphs.clear();
    static const QColor greys[] = {QColor(0x80, 0x80, 0x80), QColor(0x9a, 0x63, 0x24), QColor(0x46, 0x99, 0x90),
                                   QColor(0x80, 0x80, 0x00)};
    int n = 0;
    for (const Overlay &overlay : std::as_const(m_overlays)) {
        const QColor colour = greys[n++ % 4];
        QVector<double> epochs, validation, metric;
        for (const ml::EpochRecord &record : overlay.records) {
            epochs.append(record.epoch);
            validation.append(record.validationLoss);
            metric.append(metricOf(record));
        }
        QCPGraph *loss = makeGraph(m_lossPlot, tr("%1: validation loss").arg(overlay.name), colour, 1.2, false);
        QCPGraph *value = makeGraph(m_metricPlot, tr("%1: %2").arg(overlay.name, metricName()), colour, 1.2, false);
        for (QCPGraph *graph : {loss, value}) {
            QPen pen = graph->pen();
            pen.setStyle(Qt::DashLine);
            graph->setPen(pen);
        }
        loss->setData(epochs, validation, true);
        value->setData(epochs, metric, true);
        m_overlayGraphs << loss << value;
    }
    m_lossPlot->replot(QCustomPlot::rpQueuedReplot);
    m_metricPlot->replot(QCustomPlot::rpQueuedReplot);
}

void TrainingPlots::showValueAt(QCustomPlot *plot, const QPoint &position)
{
    // The nearest point of any curve, within a few pixels.
    QString text;
    double nearest = 12.0;
    for (int g = 0; g < plot->graphCount(); ++g) {
        QCPGraph *graph = plot->graph(g);
        if (graph->data()->isEmpty() || !graph->visible())
            continue;
        const double x = graph->keyAxis()->pixelToCoord(position.x());
        auto it = graph->data()->findBegin(x);
        for (int k = 0; k < 2 && it != graph->data()->constEnd(); ++k, ++it) {
            const QPointF pixel(graph->keyAxis()->coordToPixel(it->key), graph->valueAxis()->coordToPixel(it->value));
            const double distance = QLineF(pixel, QPointF(position)).length();
            if (distance < nearest && std::isfinite(it->value)) {
                nearest = distance;
                text = tr("%1\nepoch %2: %3").arg(graph->name()).arg(it->key, 0, 'f', 2).arg(it->value, 0, 'f', 4);
            }
        }
    }
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(plot->mapToGlobal(position), text, plot);
}

bool TrainingPlots::exportPng(const QString &fileName, QString *error) const
{
    const QPixmap top = m_lossPlot->toPixmap(900, 320);
    const QPixmap bottom = m_metricPlot->toPixmap(900, 320);
    QImage image(900, 640, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.drawPixmap(0, 0, top);
    painter.drawPixmap(0, 320, bottom);
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    const QString failure = io::writeFileAtomically(fileName, bytes);
    if (error)
        *error = failure;
    return failure.isEmpty();
}

bool TrainingPlots::exportCsv(const QString &fileName, QString *error) const
{
    QString text = QStringLiteral("epoch,train_loss,val_loss,fbeta,f1_micro,f1_macro,map,lr");
    for (const QString &tag : m_tags)
        text += QStringLiteral(",fbeta_") + tag;
    text += QLatin1Char('\n');
    for (const ml::EpochRecord &r : m_records) {
        text += QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8")
                    .arg(r.epoch)
                    .arg(r.trainLoss, 0, 'g', 8)
                    .arg(r.validationLoss, 0, 'g', 8)
                    .arg(r.fbeta, 0, 'g', 8)
                    .arg(r.f1Micro, 0, 'g', 8)
                    .arg(r.f1Macro, 0, 'g', 8)
                    .arg(r.meanAveragePrecision, 0, 'g', 8)
                    .arg(r.learningRate, 0, 'g', 8);
        for (int t = 0; t < m_tags.size(); ++t)
            text += QLatin1Char(',') + (std::size_t(t) < r.tagFbeta.size() ? QString::number(r.tagFbeta[std::size_t(t)], 'g', 8) : QString());
        text += QLatin1Char('\n');
    }
    if (!m_batchLosses.isEmpty()) {
        text += QStringLiteral("\nepoch_position,batch_loss\n");
        for (int i = 0; i < m_batchLosses.size(); ++i)
            text += QStringLiteral("%1,%2\n").arg(m_batchSteps[i], 0, 'g', 8).arg(m_batchLosses[i], 0, 'g', 8);
    }
    const QString failure = io::writeFileAtomically(fileName, text.toUtf8());
    if (error)
        *error = failure;
    return failure.isEmpty();
}

void TrainingPlots::onExportPngClicked()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Export the Plots"), QStringLiteral("training.png"),
                                                      tr("PNG images (*.png)"));
    QString error;
    if (!file.isEmpty() && !exportPng(file, &error))
        QMessageBox::warning(this, tr("Export failed"), error);
}

void TrainingPlots::onExportCsvClicked()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Export the Curves"), QStringLiteral("training.csv"),
                                                      tr("CSV files (*.csv)"));
    QString error;
    if (!file.isEmpty() && !exportCsv(file, &error))
        QMessageBox::warning(this, tr("Export failed"), error);
}

}
