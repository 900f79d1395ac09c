#pragma once

#include "core/ml/lrfinder.h"

#include <QDialog>

class QCustomPlot;
class QPushButton;

namespace tagwise {

/// The curve of a learning-rate sweep (loss against rate, log scale), the
/// suggestion marked, and a button that takes it.
class LearningRateDialog final : public QDialog
{
    Q_OBJECT

public:
    LearningRateDialog(const ml::LrSweep &sweep, QWidget *parent = nullptr);

    QCustomPlot *plot() const { return m_plot; }
    QPushButton *useButton() const { return m_use; }

Q_SIGNALS:
    void rateChosen(double rate);

private:
    QCustomPlot *m_plot;
    QPushButton *m_use;
};

}
