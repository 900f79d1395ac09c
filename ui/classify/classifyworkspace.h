#pragma once

#include "core/workflow/classification.h"
#include "core/workflow/explainer.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>

#include <atomic>
#include <memory>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QMimeData;
class QProgressBar;
class QPushButton;
class QSlider;
class QSortFilterProxyModel;
class QTableView;
class QTableWidget;

namespace tagwise {

class ClassifiedModel;
class ProjectEditor;
class ProjectStore;

/**
 * The Classify workspace: images dropped anywhere on the window (files or
 * folders), pasted, or chosen in a dialog are classified in the background by
 * the active model or any run's model; for each, the predicted tags and the
 * highest probability in a sortable table, filterable by tag and confidence;
 * for the one selected, a probability bar per tag against its threshold and
 * the Grad-CAM of any tag. Folders are searched recursively; progress shows
 * and Cancel stops; unreadable files get their own error and the rest go on.
 * The results export as a Planet CSV (predicted tags), a CSV of every
 * probability, or predict's JSON. "Add to project" copies the images shown
 * (or those selected, when several are) into the project with their predicted tags, corrected by a
 * person first, as suggestions of the model (undoable).
 */
class ClassifyWorkspace final : public QWidget
{
    Q_OBJECT

public:
    explicit ClassifyWorkspace(ProjectEditor *editor, QWidget *parent = nullptr);
    ~ClassifyWorkspace() override;

    void setStore(ProjectStore *store);
    void refreshRuns();
    void setActiveRun(const QString &runId);
    /// Chooses the model of run \a runId (the results so far are cleared).
    void setRun(const QString &runId);

    /// Whether \a mime holds something to classify (local files or folders, or an image).
    static bool canTake(const QMimeData *mime);
    /// Classifies what \a mime holds (as a drop or a paste does); false when there is nothing to take.
    bool take(const QMimeData *mime);
    /// Classifies these files and folders (added to what is shown).
    void classify(const QStringList &inputs);
    void cancel();
    bool isBusy() const;
    void clear();

    const std::vector<workflow::ClassifiedImage> &results() const;
    const QStringList &tags() const { return m_tags; }
    const std::vector<float> &thresholds() const { return m_thresholds; }
    /// Writes the results: "planet" (predicted tags), "csv" (every probability) or "json" (as predict --json).
    bool exportResults(const QString &file, const QString &format);
    /// Shows result \a row (of results()) in the detail panel, with the Grad-CAM of \a tag.
    void showResult(int row, int tag);
    /// Opens the "Add to project" dialog for the images shown (those selected, when several are).
    void openAddToProject();
    /**
     * Starts copying \a images (absolute paths, tags) into \a folder of the
     * project in the background: progress shows and Cancel stops between
     * files. Then saves the tags of those copied as the model's suggestions,
     * as one undoable step, and emits addedToProject(). Files that cannot be
     * copied are reported and the rest go on. False when nothing was started
     * (no project, no images, or a batch or a copy is under way).
     */
    bool addToProject(const QList<ImageTags> &images, const QString &folder);

    QComboBox *runBox() const { return m_runBox; }
    QTableView *resultTable() const { return m_table; }
    QComboBox *tagFilter() const { return m_tagFilter; }
    QDoubleSpinBox *confidenceFilter() const { return m_confidence; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QPushButton *addToProjectButton() const { return m_addButton; }
    QLabel *camView() const { return m_camView; }
    QComboBox *camTagBox() const { return m_camTag; }
    QTableWidget *probabilityTable() const { return m_probabilities; }
    QLabel *summaryLabel() const { return m_summary; }

Q_SIGNALS:
    /// A batch of images is classified (or was canceled).
    void classified();
    /// The Grad-CAM of the shown image is ready.
    void explained();
    /// A copy started by addToProject() ended; \a ok when images were added.
    void addedToProject(bool ok);
    void statusMessage(const QString &text);
    void errorRaised(const QString &title, const QString &message);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    struct Job;
    struct CopyJob;
    void createWidgets();
    void loadModel();
    void startNext();
    void handleFinished();
    /// Applies the copy's result to the project; \a report: say how it went (not while closing).
    void finishCopy(bool report);
    void applyFilter();
    void requestExplanation();
    void showOverlay();
    void updateSummary();
    QString pasteFolder();

    ProjectEditor *m_editor;
    QPointer<ProjectStore> m_store;
    QString m_activeRun;
    QString m_run;
    std::shared_ptr<workflow::Explainer> m_explainer;
    QString m_modelError;
    QStringList m_tags;
    std::vector<float> m_thresholds;
    QStringList m_waiting;          ///< inputs dropped while a batch runs
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::shared_ptr<std::atomic<int>> m_done;
    std::shared_ptr<std::atomic<int>> m_total;
    QFutureWatcher<std::shared_ptr<Job>> m_job;
    QFutureWatcher<std::shared_ptr<workflow::Explanation>> m_explain;
    QFutureWatcher<std::shared_ptr<CopyJob>> m_copy;
    std::shared_ptr<std::atomic<bool>> m_copyCancel;
    bool m_copyPending = false;     ///< a copy started whose result is not applied yet
    QString m_copyFolder;
    workflow::Explanation m_explanation;
    int m_shownRow = -1;
    bool m_explainAgain = false;
    int m_pasted = 0;

    ClassifiedModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QComboBox *m_runBox = nullptr;
    QLabel *m_summary = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_addButton = nullptr;
    QTableView *m_table = nullptr;
    QComboBox *m_tagFilter = nullptr;
    QDoubleSpinBox *m_confidence = nullptr;
    QLabel *m_imageTitle = nullptr;
    QLabel *m_camView = nullptr;
    QComboBox *m_camTag = nullptr;
    QSlider *m_opacity = nullptr;
    QTableWidget *m_probabilities = nullptr;
};

}
