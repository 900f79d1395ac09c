#pragma once

#include "core/ml/epochrecord.h"
#include "core/workflow/trainingsession.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>

class QComboBox;
class QCPGraph;
class QCPItemStraightLine;
class QCustomPlot;
class QLabel;
class QSlider;

namespace tagwise {

/**
 * The curves of a training run as it goes: the loss of every batch (raw,
 * faint, and smoothed as TensorBoard smooths, with a slider) and of every
 * epoch (training and validation), and a validation metric per epoch (F-beta,
 * micro or macro F1, mAP, or the F-beta of one tag), the best epoch marked.
 * Other runs can be laid over them. Zoom with the wheel, pan by dragging, and
 * hover for values; the plots export as PNG and the curves as CSV.
 */
class TrainingPlots final : public QWidget
{
    Q_OBJECT

public:
    enum class Metric { Fbeta, MicroF1, MacroF1, Map, TagFbeta };

    /// Another run's epochs, drawn thin and grey under the current run.
    struct Overlay
    {
        QString name;
        QList<ml::EpochRecord> records;
    };

    explicit TrainingPlots(QWidget *parent = nullptr);

    /// Forgets the curves (a new run) and names its tags (for the per-tag metric).
    void reset(const QStringList &tags);
    void addBatch(const workflow::BatchUpdate &update);
    void addEpoch(const ml::EpochRecord &record);
    /// Shows a finished or stopped run's epochs at once.
    void setEpochs(const QList<ml::EpochRecord> &records);
    void setOverlays(const QList<Overlay> &overlays);

    void setMetric(Metric metric, int tag = -1);
    Metric metric() const { return m_metric; }
    /// TensorBoard's smoothing weight, 0 (none) to 0.99.
    void setSmoothing(double weight);
    double smoothing() const { return m_smoothing; }

    /// The best epoch so far (highest validation F-beta), 0 when none.
    int bestEpoch() const { return m_bestEpoch; }
    int batchPoints() const { return int(m_batchSteps.size()); }
    int epochPoints() const { return int(m_records.size()); }

    QCustomPlot *lossPlot() const { return m_lossPlot; }
    QCustomPlot *metricPlot() const { return m_metricPlot; }

    /// Both plots, one above the other; false (and why in \a error) when it cannot be written.
    bool exportPng(const QString &fileName, QString *error = nullptr) const;
    /// Every epoch's values, and the batch losses, as CSV; false (and why) on failure.
    bool exportCsv(const QString &fileName, QString *error = nullptr) const;

private:
    void rebuildSmoothed();
    void rebuildEpochCurves();
    void rebuildOverlays();
    double metricOf(const ml::EpochRecord &record) const;
    QString metricName() const;
    void showValueAt(QCustomPlot *plot, const QPoint &position);
    void onExportPngClicked();
    void onExportCsvClicked();

    QCustomPlot *m_lossPlot;
    QCustomPlot *m_metricPlot;
    QComboBox *m_metricBox;
    QSlider *m_smoothingSlider;
    QLabel *m_smoothingLabel;
    QCPGraph *m_batchRaw = nullptr;
    QCPGraph *m_batchSmoothed = nullptr;
    QCPGraph *m_trainLoss = nullptr;
    QCPGraph *m_validationLoss = nullptr;
    QCPGraph *m_metricGraph = nullptr;
    QCPItemStraightLine *m_bestOnLoss = nullptr;
    QCPItemStraightLine *m_bestOnMetric = nullptr;
    QList<QCPGraph *> m_overlayGraphs;

    QStringList m_tags;
    QVector<double> m_batchSteps; ///< in epochs (fractional)
    QVector<double> m_batchLosses;
    double m_batchTop = 0.0; ///< the highest batch loss: the top of the loss plot
    QList<ml::EpochRecord> m_records;
    QList<Overlay> m_overlays;
    Metric m_metric = Metric::Fbeta;
    int m_tag = -1;
    double m_smoothing = 0.6;
    int m_bestEpoch = 0;
};

}
