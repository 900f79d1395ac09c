#pragma once

#include "core/ml/metrics.h"
#include "core/workflow/explainer.h"
#include "core/workflow/review.h"

#include <QFutureWatcher>
#include <QHash>
#include <QPointer>
#include <QWidget>

#include <memory>

class QComboBox;
class QCustomPlot;
class QLabel;
class QListWidget;
class QPushButton;
class QSlider;
class QTableView;
class QTableWidget;
class QTabWidget;

namespace tagwise {

class ConfusionGrid;
class ProjectEditor;
class ProjectStore;
class TagConfusionView;
class TagMetricsModel;

/**
 * The Review workspace: how a run's model does on its validation or test
 * images, tag by tag, and why it errs.
 *
 * It shows the predictions stored with the run (review.h), so it opens at
 * once and recomputes everything at any threshold without the network: the
 * per-tag table (sortable) with the totals, a 2x2 confusion matrix per tag,
 * the tag-by-tag confusion, the precision-recall curve and the probability
 * histograms of the selected tag. Thresholds move with a slider per tag and a
 * global one; Tune maximises F-beta per tag on the validation split; Save
 * writes them into the model (undoable). The mistakes browser lists a tag's
 * false positives or false negatives, most confident first; one of them shows
 * with the Grad-CAM of any tag, the probability of every tag against its
 * threshold, and its tags, which can be fixed in place (undoable, saved to
 * the project).
 */
class ReviewWorkspace final : public QWidget
{
    Q_OBJECT

public:
    explicit ReviewWorkspace(ProjectEditor *editor, QWidget *parent = nullptr);
    ~ReviewWorkspace() override;

    /// Lists \a store's runs that have a model and shows the active one (null: none).
    void setStore(ProjectStore *store);
    /// Shows the run \a runId of the project (one with a model); the split shown stays.
    void showRun(const QString &runId);
    /// Shows \a split ("validation" or "test") of the run shown.
    void showSplit(const QString &split);
    /// Shows predictions given directly (no run folder needed; Save is then off).
    void showReviewSet(workflow::ReviewSet review);
    /// Reads the project's runs again (after a run ended, or was deleted).
    void refreshRuns();
    void setActiveRun(const QString &runId);
    bool isLoading() const;

    const workflow::ReviewSet &reviewSet() const { return m_review; }
    const ml::MetricsReport &report() const { return m_report; }
    const std::vector<float> &thresholds() const { return m_thresholds; }
    /// Sets one tag's threshold (as its slider does).
    void setThreshold(int tag, float value);
    /// Sets every tag's threshold (as the global slider does).
    void setAllThresholds(float value);
    /// Per tag, the threshold that maximises F-beta on the validation split.
    bool tuneThresholds();
    /// Writes the thresholds shown into the run's model, as an undoable command.
    bool saveThresholds();
    /// Puts the model's saved thresholds back.
    void revertThresholds();

    /// The mistakes of \a tag of kind \a falsePositives, most confident first (rows of reviewSet()).
    QList<int> mistakes(int tag, bool falsePositives) const;
    /// Shows row \a row of reviewSet() in the mistakes browser, with the Grad-CAM of \a camTag.
    void showImage(int row, int camTag);
    int shownImage() const { return m_shownRow; }
    const workflow::Explanation &explanation() const { return m_explanation; }

    QComboBox *runBox() const { return m_runBox; }
    QComboBox *splitBox() const { return m_splitBox; }
    QTableView *tagTable() const { return m_tagTable; }
    QLabel *totalsLabel() const { return m_totals; }
    QSlider *tagSlider() const { return m_tagSlider; }
    QSlider *globalSlider() const { return m_globalSlider; }
    QPushButton *tuneButton() const { return m_tuneButton; }
    QPushButton *saveButton() const { return m_saveButton; }
    QTabWidget *views() const { return m_views; }
    ConfusionGrid *confusionGrid() const { return m_grid; }
    TagConfusionView *tagConfusionView() const { return m_matrix; }
    QCustomPlot *curvePlot() const { return m_curvePlot; }
    QCustomPlot *histogramPlot() const { return m_histogramPlot; }
    QComboBox *mistakeTagBox() const { return m_mistakeTag; }
    QComboBox *mistakeKindBox() const { return m_mistakeKind; }
    QListWidget *mistakeList() const { return m_mistakeList; }
    QLabel *camView() const { return m_camView; }
    QComboBox *camTagBox() const { return m_camTag; }
    QComboBox *camMethodBox() const { return m_camMethod; }
    QSlider *opacitySlider() const { return m_opacity; }
    QTableWidget *imageTagTable() const { return m_imageTags; }

Q_SIGNALS:
    /// A run's predictions are shown (or could not be: errorRaised() came first).
    void loaded();
    /// The Grad-CAM of the image shown is ready.
    void explained();
    void statusMessage(const QString &text);
    void errorRaised(const QString &title, const QString &message);

private:
    struct Loaded;
    void createWidgets();
    QWidget *createMetricsPage();
    QWidget *createMistakesPage();
    void load();
    void handleLoaded();
    void thresholdsChanged();
    void updateTotals();
    /// The tag-by-tag confusion, computed when its page shows (it costs the most of all).
    void updateConfusion();
    void updateTagPanel();
    void updatePlots();
    void updateMistakes();
    void updateImagePanel();
    void requestExplanation();
    void showOverlay();
    void onImageTagToggled(int tag, bool on);
    void onImagesChanged(const QList<qint64> &imageIds);
    int selectedTag() const;
    QString runFolder(const QString &runId) const;
    QString shownRunDir() const;

    ProjectEditor *m_editor;
    QPointer<ProjectStore> m_store;
    workflow::ReviewSet m_review;
    ml::MetricsReport m_report;
    bool m_confusionDirty = true;
    std::vector<float> m_thresholds;
    std::vector<float> m_saved;   ///< the model's thresholds
    std::vector<double> m_averagePrecisions; ///< per tag; thresholds do not change them
    QHash<QString, int> m_rowOfPath;
    QString m_activeRun;
    QString m_shownRun;
    bool m_updating = false;

    std::shared_ptr<workflow::Explainer> m_explainer;
    QString m_explainerRun;
    QFutureWatcher<std::shared_ptr<Loaded>> m_loader;
    QFutureWatcher<std::shared_ptr<Loaded>> m_explainWatcher;
    QFutureWatcher<QList<QImage>> m_thumbnails;
    workflow::Explanation m_explanation;
    int m_shownRow = -1;
    bool m_explainAgain = false;

    QComboBox *m_runBox = nullptr;
    QComboBox *m_splitBox = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_totals = nullptr;
    QPushButton *m_tuneButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_revertButton = nullptr;
    QSlider *m_globalSlider = nullptr;
    QLabel *m_globalValue = nullptr;
    QTabWidget *m_views = nullptr;
    TagMetricsModel *m_tagModel = nullptr;
    QTableView *m_tagTable = nullptr;
    QLabel *m_tagTitle = nullptr;
    QSlider *m_tagSlider = nullptr;
    QLabel *m_tagValue = nullptr;
    QCustomPlot *m_curvePlot = nullptr;
    QCustomPlot *m_histogramPlot = nullptr;
    ConfusionGrid *m_grid = nullptr;
    TagConfusionView *m_matrix = nullptr;
    QComboBox *m_mistakeTag = nullptr;
    QComboBox *m_mistakeKind = nullptr;
    QLabel *m_mistakeCount = nullptr;
    QListWidget *m_mistakeList = nullptr;
    QLabel *m_imageTitle = nullptr;
    QLabel *m_camView = nullptr;
    QComboBox *m_camTag = nullptr;
    QComboBox *m_camMethod = nullptr;
    QSlider *m_opacity = nullptr;
    QTableWidget *m_imageTags = nullptr;
};

}
