#pragma once

#include "core/workflow/explainer.h"

#include <QImage>
#include <QString>
#include <QWidget>

class QComboBox;
class QTableWidget;

namespace tagwise {

class ProjectStore;

/// A probability or score as Review and Classify show it: three decimals, in the user's locale.
QString probabilityText(double value);

/// \a bitmap (workflow/explainer.h) as a QImage of its own.
QImage toImage(const workflow::Bitmap &bitmap);

/**
 * Fills \a box with the runs of \a store that have a model and have ended, newest first,
 * each as its date, architecture and best F-beta (the active run starred);
 * the item data is the run's id. Returns the id to select: \a keep when it is
 * still there, else the active run, else the newest.
 */
QString fillRunBox(QComboBox *box, const ProjectStore *store, const QString &activeRun, const QString &keep);

/**
 * A read-only table of one image's tags: \a headers name its three columns
 * (the tag, its probability as a ProbabilityBar, its threshold); the bar
 * column takes the room that is left.
 */
QTableWidget *newProbabilityTable(const QStringList &headers);

/// A probability as a bar, with its threshold as a tick: filled in green when it reaches the threshold.
class ProbabilityBar final : public QWidget
{
public:
    ProbabilityBar(float probability, float threshold, QWidget *parent = nullptr);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    float m_probability;
    float m_threshold;
};

}
