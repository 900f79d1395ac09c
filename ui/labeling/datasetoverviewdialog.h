#pragma once

#include "ui/labeling/datasetstats.h"

#include <QDialog>
#include <QPointer>

class QCustomPlot;
class QLabel;
class QTableWidget;
class QTabWidget;

namespace tagwise {

class ProjectStore;

/**
 * The dataset overview: images per tag (bars in the tags' colours), images
 * per number of tags (a histogram), which tags occur together (a heat grid),
 * and a warning naming the tags with too few images to learn from.
 */
class DatasetOverviewDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit DatasetOverviewDialog(QWidget *parent = nullptr);

    void setStore(ProjectStore *store);
    /// Computes the numbers again from the store.
    void refresh();

    const DatasetStats &stats() const { return m_stats; }
    QLabel *warningLabel() const { return m_warning; }
    QTableWidget *cooccurrenceTable() const { return m_cooccurrence; }
    QCustomPlot *tagPlot() const { return m_tagPlot; }
    QCustomPlot *histogramPlot() const { return m_histogram; }

private:
    void fillTagPlot();
    void fillHistogram();
    void fillCooccurrence();

    QPointer<ProjectStore> m_store;
    DatasetStats m_stats;
    QLabel *m_summary;
    QLabel *m_warning;
    QTabWidget *m_tabs;
    QCustomPlot *m_tagPlot;
    QCustomPlot *m_histogram;
    QTableWidget *m_cooccurrence;
};

}
