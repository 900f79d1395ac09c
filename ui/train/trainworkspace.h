#pragma once

#include "core/ml/recommendation.h"
#include "core/ml/trainconfig.h"
#include "core/workflow/datacheck.h"
#include "core/workflow/trainingdata.h"
#include "core/workflow/trainingsession.h"
#include "core/workflow/weightscheck.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;

namespace tagwise {

class ProjectStore;
class RunListModel;
class TrainingPlots;

/**
 * The Train workspace: the project's data and what weakens it, the settings
 * (the recommended ones, each with its reason, and every advanced setting),
 * a learning-rate finder, the live curves of a run, its progress and device,
 * Stop and Resume, and the project's runs (overlay their curves, delete one,
 * choose the active model that Review and Classify use).
 *
 * A run trains on a snapshot of the project taken when it starts, in a
 * TrainingSession (its own thread, at a lower priority, with a thread budget
 * that leaves the window responsive); labeling goes on meanwhile. Settings
 * are remembered per project, the pretrained weights file among them: the
 * workspace says whether it fits the network chosen and what is replaced,
 * and what stays frozen.
 */
class TrainWorkspace final : public QWidget
{
    Q_OBJECT

public:
    explicit TrainWorkspace(QWidget *parent = nullptr);
    ~TrainWorkspace() override;

    /// Shows \a store's data, settings and runs (null: none). Not while a run trains.
    void setStore(ProjectStore *store);

    /// Starts a run with the settings shown, without asking; false (and errorRaised) when it cannot.
    bool startTraining();
    void stopTraining();
    /// Continues a stopped or crashed run of the project; false when it cannot. \a runId is
    /// taken by value: the run list it often comes from is read again while the run starts.
    bool resumeRun(QString runId);
    /// Sweeps the learning rate with the settings shown; the finder's dialog follows.
    bool findLearningRate();
    bool isBusy() const;
    /// Stops a run that goes on and waits until it has (closing the window).
    void stopAndWait();

    /// \a reason in the interface's language: its parts translated, its numbers as the locale writes them.
    static QString reasonText(const ml::Reason &reason);

    /// Deletes a run's folder and record (no question asked); \a runId by value, as resumeRun().
    bool deleteRun(QString runId);
    void setActiveRun(const QString &runId);
    QString activeRun() const;

    /// The settings the form shows.
    ml::TrainConfig settings() const;
    /// Shows \a config in the form (as the user's own choices).
    void setSettings(const ml::TrainConfig &config);
    /// Puts the recommended settings back.
    void useRecommendedSettings();
    const QList<workflow::DataIssue> &dataIssues() const { return m_issues; }
    /// The last data check's unreadable images (checked in the background after setStore()).
    QStringList unreadableImages() const { return m_unreadable; }

    TrainingPlots *plots() const { return m_plots; }
    RunListModel *runModel() const { return m_runs; }
    QTableView *runTable() const { return m_runTable; }
    QPushButton *trainButton() const { return m_trainButton; }
    QComboBox *freezeBox() const { return m_freeze; }
    /// Sets the pretrained weights file (empty: none) and checks it in the background (weightsChecked()).
    void setWeightsFile(const QString &file);
    const QString &weightsFile() const { return m_weightsFile; }
    QPushButton *stopButton() const { return m_stopButton; }
    QPushButton *resumeButton() const { return m_resumeButton; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *progressLabel() const { return m_progressLabel; }
    workflow::TrainingSession *session() const { return m_session; }

Q_SIGNALS:
    void trainingStarted(const QString &runId);
    void trainingFinished(const tagwise::workflow::SessionResult &result);
    void activeRunChanged(const QString &runId);
    void dataChecked();
    /// A line for the status bar.
    void statusMessage(const QString &text);
    /// The weights file was checked against the network chosen (the reason line says how).
    void weightsChecked(bool fits);
    void errorRaised(const QString &title, const QString &message);

private:
    void createWidgets();
    QWidget *createSettingsPanel();
    QWidget *createRunsPanel();
    void refreshData();
    void showIssues();
    void showReasons();
    void saveSettings();
    void updateButtons();
    void showRunCurves(const QString &runId);
    void checkWeights();
    /// What loading the weights does (they fit), in the interface's language.
    QString weightsSummary(const workflow::WeightsCheck &check) const;
    void updateOverlays();
    void setReason(const QString &setting, const QString &text);
    /// Gives the session the GUI's thread budget, the cache and the run's record (none for an empty \a runId: a sweep).
    ml::RuntimeOverrides prepareSession(const ml::TrainConfig &config, const QString &runId);
    QStringList tagNames() const;

    void onTrainClicked();
    void onResumeClicked();
    void onDeleteClicked();
    void onActiveClicked();
    void handleBatch(const workflow::BatchUpdate &update);
    void handleEpoch(const ml::EpochRecord &record);
    void handleFinished(const workflow::SessionResult &result);
    void handleSweep(const ml::LrSweep &sweep);

    QPointer<ProjectStore> m_store;
    workflow::TrainingSession *m_session;
    workflow::TrainingData m_data;
    ml::DataProfile m_profile;
    ml::Recommendation m_recommended;
    QList<workflow::DataIssue> m_issues;
    QStringList m_unreadable;
    QFutureWatcher<QStringList> m_readCheck;
    QString m_weightsFile;
    QFutureWatcher<workflow::WeightsCheck> m_weightsCheck;
    bool m_checkWeightsAgain = false;
    std::shared_ptr<std::atomic<bool>> m_readCheckCancel;
    QString m_runningId;
    QString m_shownRun; ///< the run whose curves the plots show
    bool m_sweeping = false;

    TrainingPlots *m_plots = nullptr;
    RunListModel *m_runs = nullptr;
    QTableView *m_runTable = nullptr;
    QLabel *m_dataLabel = nullptr;
    QLabel *m_issuesLabel = nullptr;
    QGridLayout *m_settingsGrid = nullptr;
    QHash<QString, QLabel *> m_reasons;
    QComboBox *m_arch = nullptr;
    QSpinBox *m_size = nullptr;
    QSpinBox *m_epochs = nullptr;
    QLineEdit *m_learningRate = nullptr;
    QPushButton *m_findButton = nullptr;
    QComboBox *m_augment = nullptr;
    QWidget *m_advanced = nullptr;
    QSpinBox *m_batch = nullptr;
    QComboBox *m_optimizer = nullptr;
    QLineEdit *m_weightDecay = nullptr;
    QComboBox *m_schedule = nullptr;
    QSpinBox *m_warmup = nullptr;
    QDoubleSpinBox *m_beta = nullptr;
    QSpinBox *m_patience = nullptr;
    QCheckBox *m_positiveWeights = nullptr;
    QCheckBox *m_tune = nullptr;
    QDoubleSpinBox *m_ema = nullptr;
    QDoubleSpinBox *m_dropout = nullptr;
    QCheckBox *m_bf16 = nullptr;
    QComboBox *m_device = nullptr;
    QLabel *m_weightsName = nullptr;
    QPushButton *m_weightsClear = nullptr;
    QComboBox *m_freeze = nullptr;
    QSpinBox *m_threads = nullptr;
    QLineEdit *m_seed = nullptr;
    QPushButton *m_trainButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QPushButton *m_resumeButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QPushButton *m_activeButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;
    QLabel *m_deviceLabel = nullptr;
};

}
