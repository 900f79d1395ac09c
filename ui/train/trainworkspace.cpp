#include "ui/train/trainworkspace.h"

#include "core/ml/threads.h"
#include "core/ml/networkfactory.h"
#include "core/project/projecterror.h"
#include "core/project/projectstore.h"
#include "core/workflow/projectruns.h"
#include "core/workflow/runtimereport.h"
#include "ui/train/learningratedialog.h"
#include "ui/train/runlistmodel.h"
#include "ui/train/trainingplots.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QDoubleValidator>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <cmath>

namespace tagwise {

namespace {

/// The settings' scroll area: as wide as the settings need in the interface's language
/// (German's labels are longer than English ones), so that it scrolls only up and down.
class SettingsScrollArea final : public QScrollArea
{
public:
    QSize minimumSizeHint() const override
    {
        const int needed = widget() ? widget()->minimumSizeHint().width() + verticalScrollBar()->sizeHint().width() : 0;
        return {std::max(380, needed), QScrollArea::minimumSizeHint().height()};
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == widget() && event->type() == QEvent::LayoutRequest)
            updateGeometry(); // the settings' needs changed: the splitter asks again
        return QScrollArea::eventFilter(watched, event);
    }
};

const QString kSettingsKey = QStringLiteral("train/settings");
const QString kActiveRunKey = QStringLiteral("activeRun");

QString minutesText(double seconds)
{
    if (seconds < 0)
        return QString();
    if (seconds < 90)
        return TrainWorkspace::tr("about %1 s left").arg(int(std::ceil(seconds)));
    if (seconds < 5400)
        return TrainWorkspace::tr("about %1 min left").arg(int(std::ceil(seconds / 60.0)));
    return TrainWorkspace::tr("about %1 h left").arg(seconds / 3600.0, 0, 'f', 1);
}

QLabel *reasonLabel()
{
    auto *label = new QLabel;
    label->setWordWrap(true);
    label->setEnabled(false); // grey: an explanation, not a control
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

}

TrainWorkspace::TrainWorkspace(QWidget *parent)
    : QWidget(parent)
    , m_session(new workflow::TrainingSession(this))
{
    setObjectName(QStringLiteral("trainWorkspace"));
    createWidgets();
    connect(m_session, &workflow::TrainingSession::batchProgressed, this, &TrainWorkspace::handleBatch);
    connect(m_session, &workflow::TrainingSession::epochFinished, this, &TrainWorkspace::handleEpoch);
    connect(m_session, &workflow::TrainingSession::finished, this, &TrainWorkspace::handleFinished);
    connect(m_session, &workflow::TrainingSession::learningRateSwept, this, &TrainWorkspace::handleSweep);
    connect(m_session, &workflow::TrainingSession::statusChanged, this, &TrainWorkspace::statusMessage);
    connect(m_session, &workflow::TrainingSession::warningRaised, this,
            [this](const QString &message) { Q_EMIT statusMessage(tr("Warning: %1").arg(message)); });
    connect(&m_weightsCheck, &QFutureWatcher<workflow::WeightsCheck>::finished, this, [this] {
        if (m_checkWeightsAgain) {
            m_checkWeightsAgain = false;
            checkWeights();
            return;
        }
        const workflow::WeightsCheck check = m_weightsCheck.result();
        setReason(QStringLiteral("weights"),
                  check.fits ? tr("Fits %1: %2").arg(m_arch->currentText(), weightsSummary(check))
                             : tr("Does not fit %1: %2").arg(m_arch->currentText(), check.text));
        Q_EMIT weightsChecked(check.fits);
    });
    connect(&m_readCheck, &QFutureWatcher<QStringList>::finished, this, [this] {
        m_unreadable = m_readCheck.result();
        showIssues();
        Q_EMIT dataChecked();
    });
    updateButtons();
}

TrainWorkspace::~TrainWorkspace()
{
    if (m_readCheckCancel)
        m_readCheckCancel->store(true);
    m_readCheck.waitForFinished();
    m_weightsCheck.waitForFinished();
    stopAndWait();
}

void TrainWorkspace::createWidgets()
{
    m_plots = new TrainingPlots;
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("trainProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    m_progressLabel = new QLabel(tr("Not training"));
    m_progressLabel->setObjectName(QStringLiteral("trainProgressLabel"));
    m_deviceLabel = new QLabel;
    m_deviceLabel->setObjectName(QStringLiteral("trainDeviceLabel"));
    m_deviceLabel->setEnabled(false);
    m_deviceLabel->setToolTip(workflow::RuntimeReport::current().libTorch);

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progressLabel, 1);
    progressRow->addWidget(m_deviceLabel);
    auto *centre = new QWidget;
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->addLayout(progressRow);
    centreLayout->addWidget(m_progress);
    centreLayout->addWidget(m_plots, 1);

    auto *right = new QSplitter(Qt::Vertical);
    right->addWidget(centre);
    right->addWidget(createRunsPanel());
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);
    right->setChildrenCollapsible(false);

    auto *scroll = new SettingsScrollArea;
    scroll->setWidget(createSettingsPanel());
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(scroll);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(splitter);
}

QWidget *TrainWorkspace::createSettingsPanel()
{
    auto *panel = new QWidget;
    auto *layout = new QVBoxLayout(panel);
    // Never squeezed below what its fields need: the scroll area scrolls instead
    // (with the advanced settings open the panel is taller than most windows).
    layout->setSizeConstraint(QLayout::SetMinimumSize);

    auto *data = new QGroupBox(tr("Data"));
    auto *dataLayout = new QVBoxLayout(data);
    m_dataLabel = new QLabel;
    m_dataLabel->setObjectName(QStringLiteral("trainDataLabel"));
    m_dataLabel->setWordWrap(true);
    m_issuesLabel = new QLabel;
    m_issuesLabel->setObjectName(QStringLiteral("trainIssuesLabel"));
    m_issuesLabel->setWordWrap(true);
    m_issuesLabel->setTextFormat(Qt::RichText);
    dataLayout->addWidget(m_dataLabel);
    dataLayout->addWidget(m_issuesLabel);
    layout->addWidget(data);

    auto *settings = new QGroupBox(tr("Settings"));
    m_settingsGrid = new QGridLayout(settings);
    m_settingsGrid->setColumnStretch(1, 1);
    int row = 0;
    const auto addRow = [&](const QString &label, QWidget *field, const QString &setting) {
        m_settingsGrid->addWidget(new QLabel(label), row, 0);
        m_settingsGrid->addWidget(field, row, 1);
        ++row;
        QLabel *reason = reasonLabel();
        m_reasons.insert(setting, reason);
        m_settingsGrid->addWidget(reason, row, 0, 1, 2);
        ++row;
    };
    m_arch = new QComboBox;
    m_arch->setObjectName(QStringLiteral("archBox"));
    for (const std::string &name : ml::architectureNames())
        m_arch->addItem(QString::fromStdString(name));
    addRow(tr("Network"), m_arch, QStringLiteral("arch"));
    m_size = new QSpinBox;
    m_size->setObjectName(QStringLiteral("sizeBox"));
    m_size->setRange(16, 1024);
    m_size->setSuffix(tr(" px"));
    addRow(tr("Input size"), m_size, QStringLiteral("size"));
    m_epochs = new QSpinBox;
    m_epochs->setObjectName(QStringLiteral("epochsBox"));
    m_epochs->setRange(1, 10000);
    addRow(tr("Epochs"), m_epochs, QStringLiteral("epochs"));
    auto *rate = new QWidget;
    auto *rateLayout = new QHBoxLayout(rate);
    rateLayout->setContentsMargins(0, 0, 0, 0);
    m_learningRate = new QLineEdit;
    m_learningRate->setObjectName(QStringLiteral("learningRateEdit"));
    auto *rateValidator = new QDoubleValidator(1e-9, 10.0, 12, m_learningRate);
    rateValidator->setNotation(QDoubleValidator::ScientificNotation);
    rateValidator->setLocale(QLocale::c());
    m_learningRate->setValidator(rateValidator);
    m_findButton = new QPushButton(tr("Find…"));
    m_findButton->setObjectName(QStringLiteral("findRateButton"));
    m_findButton->setToolTip(tr("Sweep the learning rate for a few batches and plot the loss against it"));
    connect(m_findButton, &QPushButton::clicked, this, &TrainWorkspace::findLearningRate);
    rateLayout->addWidget(m_learningRate, 1);
    rateLayout->addWidget(m_findButton);
    addRow(tr("Learning rate"), rate, QStringLiteral("lr"));
    m_schedule = new QComboBox;
    m_schedule->setObjectName(QStringLiteral("scheduleBox"));
    m_schedule->addItem(tr("constant"), QStringLiteral("none"));
    m_schedule->addItem(tr("cosine"), QStringLiteral("cosine"));
    m_schedule->addItem(tr("one-cycle"), QStringLiteral("onecycle"));
    m_schedule->addItem(tr("lower on plateau"), QStringLiteral("plateau"));
    addRow(tr("Schedule"), m_schedule, QStringLiteral("schedule"));
    m_augment = new QComboBox;
    m_augment->setObjectName(QStringLiteral("augmentBox"));
    m_augment->addItem(tr("none"), QStringLiteral("none"));
    m_augment->addItem(tr("light (flips, shifts)"), QStringLiteral("light"));
    m_augment->addItem(tr("standard (+ warps, colour)"), QStringLiteral("standard"));
    m_augment->addItem(tr("strong"), QStringLiteral("strong"));
    addRow(tr("Augmentation"), m_augment, QStringLiteral("augment"));
    m_dropout = new QDoubleSpinBox;
    m_dropout->setObjectName(QStringLiteral("dropoutBox"));
    m_dropout->setRange(0.0, 1.0);
    m_dropout->setDecimals(2);
    m_dropout->setSingleStep(0.25);
    m_dropout->setSpecialValueText(tr("off"));
    m_dropout->setToolTip(tr("The share of the network's own dropout that training uses: 1 as the network is built, "
                             "off for none. Prediction never drops."));
    addRow(tr("Dropout"), m_dropout, QStringLiteral("dropout"));
    m_bf16 = new QCheckBox(tr("bfloat16 on the CPU"));
    m_bf16->setObjectName(QStringLiteral("bf16Box"));
    addRow(tr("Precision"), m_bf16, QStringLiteral("bf16"));
    // Pretrained weights the user has: nothing is downloaded.
    auto *weights = new QWidget;
    auto *weightsLayout = new QHBoxLayout(weights);
    weightsLayout->setContentsMargins(0, 0, 0, 0);
    m_weightsName = new QLabel;
    m_weightsName->setObjectName(QStringLiteral("weightsNameLabel"));
    m_weightsName->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_weightsName->setWordWrap(true); // a long file name takes lines, not the panel's width
    m_weightsName->setMinimumWidth(m_weightsName->fontMetrics().horizontalAdvance(tr("random weights")) + 2);
    auto *chooseWeights = new QPushButton(tr("Choose…"));
    chooseWeights->setObjectName(QStringLiteral("chooseWeightsButton"));
    chooseWeights->setToolTip(tr("Start from weights you have: a .safetensors file or a PyTorch file saved with "
                                 "torch.save(model.state_dict()), with torchvision's names (e.g. resnet50), or "
                                 "weights exported from another run"));
    m_weightsClear = new QPushButton(tr("None"));
    m_weightsClear->setObjectName(QStringLiteral("clearWeightsButton"));
    m_weightsClear->setToolTip(tr("Start from random weights"));
    weightsLayout->addWidget(m_weightsName, 1);
    weightsLayout->addWidget(chooseWeights);
    weightsLayout->addWidget(m_weightsClear);
    addRow(tr("Start from"), weights, QStringLiteral("weights"));
    m_freeze = new QComboBox;
    m_freeze->setObjectName(QStringLiteral("freezeBox"));
    m_freeze->addItem(tr("frozen for the first epoch, then trains at a tenth of the rate"), QStringLiteral("backbone:1"));
    m_freeze->addItem(tr("frozen for the whole run (only the head learns)"), QStringLiteral("backbone:0"));
    m_freeze->addItem(tr("trains from the start, at a tenth of the rate"), QStringLiteral("none:0"));
    m_freeze->addItem(tr("trains from the start, at the full rate"), QStringLiteral("none:full"));
    // Its items are sentences (longer still in German): the box takes the panel's width
    // and elides, and its list shows them whole, instead of widening the panel past the window.
    m_freeze->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_freeze->setMinimumContentsLength(16);
    for (int i = 0; i < m_freeze->count(); ++i)
        m_freeze->setItemData(i, m_freeze->itemText(i), Qt::ToolTipRole);
    addRow(tr("Backbone"), m_freeze, QStringLiteral("freeze"));
    connect(chooseWeights, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("Pretrained Weights"), QFileInfo(m_weightsFile).absolutePath(),
            tr("Weights (*.safetensors *.pt *.pth *.bin);;All files (*)"));
        if (!file.isEmpty()) {
            // A first file gets the usual fine-tuning: the head first, then all at a tenth of the rate.
            if (m_weightsFile.isEmpty())
                m_freeze->setCurrentIndex(0);
            setWeightsFile(file);
            saveSettings();
        }
    });
    connect(m_weightsClear, &QPushButton::clicked, this, [this] {
        setWeightsFile(QString());
        saveSettings();
    });
    connect(m_arch, qOverload<int>(&QComboBox::activated), this, &TrainWorkspace::checkWeights);
    layout->addWidget(settings);

    auto *advancedButton = new QToolButton;
    advancedButton->setObjectName(QStringLiteral("advancedButton"));
    advancedButton->setText(tr("Advanced settings"));
    advancedButton->setCheckable(true);
    advancedButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    advancedButton->setArrowType(Qt::RightArrow);
    advancedButton->setAutoRaise(true);
    auto *advancedContent = new QGroupBox;
    auto *form = new QGridLayout(advancedContent);
    int r = 0;
    const auto addField = [&](const QString &label, QWidget *field) {
        form->addWidget(new QLabel(label), r, 0);
        form->addWidget(field, r, 1);
        ++r;
    };
    m_batch = new QSpinBox;
    m_batch->setRange(2, 4096);
    addField(tr("Batch size"), m_batch);
    m_optimizer = new QComboBox;
    m_optimizer->setObjectName(QStringLiteral("optimizerBox"));
    m_optimizer->addItem(QStringLiteral("AdamW"), QStringLiteral("adamw"));
    m_optimizer->addItem(QStringLiteral("Adam"), QStringLiteral("adam"));
    m_optimizer->addItem(QStringLiteral("SGD"), QStringLiteral("sgd"));
    addField(tr("Optimiser"), m_optimizer);
    m_weightDecay = new QLineEdit;
    m_weightDecay->setObjectName(QStringLiteral("weightDecayEdit"));
    auto *decayValidator = new QDoubleValidator(0.0, 0.999, 12, m_weightDecay);
    decayValidator->setNotation(QDoubleValidator::ScientificNotation);
    decayValidator->setLocale(QLocale::c());
    m_weightDecay->setValidator(decayValidator);
    addField(tr("Weight decay"), m_weightDecay);
    m_warmup = new QSpinBox;
    m_warmup->setRange(0, 100);
    addField(tr("Warm-up epochs (cosine)"), m_warmup);
    m_beta = new QDoubleSpinBox;
    m_beta->setRange(0.1, 10.0);
    m_beta->setSingleStep(0.5);
    addField(tr("F-beta's beta"), m_beta);
    m_patience = new QSpinBox;
    m_patience->setRange(0, 10000);
    m_patience->setSpecialValueText(tr("never stop early"));
    addField(tr("Stop after epochs without progress"), m_patience);
    m_positiveWeights = new QCheckBox(tr("Weigh rare tags up"));
    addField(tr("Class weighting"), m_positiveWeights);
    m_tune = new QCheckBox(tr("Tune each tag's threshold"));
    addField(tr("Thresholds"), m_tune);
    m_ema = new QDoubleSpinBox;
    m_ema->setRange(0.0, 0.9999);
    m_ema->setDecimals(4);
    m_ema->setSingleStep(0.001);
    m_ema->setSpecialValueText(tr("off"));
    addField(tr("Weight average (decay)"), m_ema);
    m_device = new QComboBox;
    m_device->addItem(tr("automatic"), QStringLiteral("auto"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_device->addItem(tr("GPU (CUDA)"), QStringLiteral("cuda"));
    addField(tr("Device"), m_device);
    m_threads = new QSpinBox;
    m_threads->setRange(0, 1024);
    m_threads->setSpecialValueText(tr("automatic"));
    addField(tr("Threads"), m_threads);
    m_seed = new QLineEdit;
    m_seed->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{1,19}")), m_seed));
    addField(tr("Seed"), m_seed);
    auto *reset = new QPushButton(tr("Recommended Settings"));
    reset->setObjectName(QStringLiteral("recommendedButton"));
    connect(reset, &QPushButton::clicked, this, &TrainWorkspace::useRecommendedSettings);
    form->addWidget(reset, r, 0, 1, 2);
    advancedContent->setVisible(false);
    connect(advancedButton, &QToolButton::toggled, this, [advancedButton, advancedContent](bool open) {
        advancedButton->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        advancedContent->setVisible(open);
    });
    m_advanced = advancedContent;
    layout->addWidget(advancedButton);
    layout->addWidget(advancedContent);

    m_trainButton = new QPushButton(tr("Train"));
    m_trainButton->setObjectName(QStringLiteral("trainButton"));
    m_trainButton->setDefault(true);
    QFont bold = m_trainButton->font();
    bold.setBold(true);
    m_trainButton->setFont(bold);
    m_trainButton->setMinimumHeight(34);
    connect(m_trainButton, &QPushButton::clicked, this, &TrainWorkspace::onTrainClicked);
    m_stopButton = new QPushButton(tr("Stop"));
    m_stopButton->setObjectName(QStringLiteral("stopButton"));
    m_stopButton->setToolTip(tr("Stop after the current batch; the best epoch so far is kept and the run can be resumed"));
    connect(m_stopButton, &QPushButton::clicked, this, &TrainWorkspace::stopTraining);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_trainButton, 1);
    buttons->addWidget(m_stopButton);
    layout->addLayout(buttons);
    layout->addStretch(1);

    for (QWidget *field : std::initializer_list<QWidget *>{m_arch, m_size, m_epochs, m_learningRate, m_optimizer,
                                                          m_weightDecay, m_schedule, m_augment, m_dropout, m_bf16}) {
        if (auto *box = qobject_cast<QComboBox *>(field))
            connect(box, qOverload<int>(&QComboBox::activated), this, &TrainWorkspace::showReasons);
        else if (auto *spin = qobject_cast<QSpinBox *>(field))
            connect(spin, &QSpinBox::valueChanged, this, &TrainWorkspace::showReasons);
        else if (auto *number = qobject_cast<QDoubleSpinBox *>(field))
            connect(number, &QDoubleSpinBox::valueChanged, this, &TrainWorkspace::showReasons);
        else if (auto *edit = qobject_cast<QLineEdit *>(field))
            connect(edit, &QLineEdit::textEdited, this, &TrainWorkspace::showReasons);
        else if (auto *check = qobject_cast<QCheckBox *>(field))
            connect(check, &QCheckBox::toggled, this, &TrainWorkspace::showReasons);
    }
    return panel;
}

QWidget *TrainWorkspace::createRunsPanel()
{
    auto *box = new QGroupBox(tr("Runs"));
    m_runs = new RunListModel(this);
    m_runTable = new QTableView;
    m_runTable->setObjectName(QStringLiteral("runTable"));
    m_runTable->setModel(m_runs);
    m_runTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_runTable->verticalHeader()->hide();
    m_runTable->setWordWrap(false);
    m_runTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_runTable->horizontalHeader()->setStretchLastSection(true);
    m_runTable->setToolTip(tr("Tick runs to lay their curves over the current one"));
    connect(m_runs, &RunListModel::checkedRunsChanged, this, &TrainWorkspace::updateOverlays);
    connect(m_runs, &QAbstractItemModel::modelReset, this, &TrainWorkspace::updateButtons);
    connect(m_runTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateButtons();
        const QModelIndexList rows = m_runTable->selectionModel()->selectedRows();
        if (!rows.isEmpty() && !m_session->isRunning())
            showRunCurves(rows.first().data(RunListModel::RunIdRole).toString());
    });
    m_resumeButton = new QPushButton(tr("Resume"));
    m_resumeButton->setObjectName(QStringLiteral("resumeButton"));
    connect(m_resumeButton, &QPushButton::clicked, this, &TrainWorkspace::onResumeClicked);
    m_activeButton = new QPushButton(tr("Use This Model"));
    m_activeButton->setObjectName(QStringLiteral("activeButton"));
    m_activeButton->setToolTip(tr("Make the selected run's model the project's active model, which Review and Classify use"));
    connect(m_activeButton, &QPushButton::clicked, this, &TrainWorkspace::onActiveClicked);
    m_deleteButton = new QPushButton(tr("Delete…"));
    m_deleteButton->setObjectName(QStringLiteral("deleteRunButton"));
    connect(m_deleteButton, &QPushButton::clicked, this, &TrainWorkspace::onDeleteClicked);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_resumeButton);
    buttons->addWidget(m_activeButton);
    buttons->addStretch(1);
    buttons->addWidget(m_deleteButton);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_runTable, 1);
    layout->addLayout(buttons);
    return box;
}

void TrainWorkspace::setStore(ProjectStore *store)
{
    if (m_store == store)
        return;
    stopAndWait();
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    m_runs->setStore(store);
    m_plots->reset({});
    m_shownRun.clear();
    m_runs->setActiveRun(store ? store->setting(kActiveRunKey) : QString());
    if (store) {
        // The data changes with the labels; read it again when asked to train.
        connect(store, &ProjectStore::imageListChanged, this, &TrainWorkspace::refreshData);
        connect(store, &ProjectStore::tagsChanged, this, &TrainWorkspace::refreshData);
    }
    refreshData();
    // A project's own settings, or the recommended ones.
    bool restored = false;
    if (store) {
        const QString saved = store->setting(kSettingsKey);
        if (!saved.isEmpty()) {
            try {
                setSettings(workflow::configFromText(saved));
                restored = true;
            } catch (const std::exception &) {
                // Settings of another version: the recommended ones instead.
            }
        }
    }
    if (!restored)
        useRecommendedSettings();
    updateButtons();
}

void TrainWorkspace::refreshData()
{
    if (!m_store) {
        m_data = {};
        m_issues.clear();
        m_dataLabel->setText(tr("No project open"));
        m_issuesLabel->clear();
        return;
    }
    m_data = workflow::trainingDataFromStore(*m_store);
    const bool cuda = ml::cudaAvailable();
    m_profile = workflow::dataProfile(m_data, cuda, 10.0);
    m_recommended = ml::recommendSettings(m_profile);
    m_issues = workflow::checkTrainingData(m_data);
    const QLocale locale;
    m_dataLabel->setText(tr("%1 training and %2 validation images, %3 tags; %4 test images held out for Review.")
                             .arg(locale.toString(qlonglong(m_data.snapshot.train.size())),
                                  locale.toString(qlonglong(m_data.snapshot.validation.size())))
                             .arg(m_data.snapshot.tags.size())
                             .arg(locale.toString(m_data.heldOut)));
    // Headers of every image, in the background: the ones training would skip.
    if (m_readCheckCancel)
        m_readCheckCancel->store(true);
    m_readCheck.waitForFinished();
    m_unreadable.clear();
    m_readCheckCancel = std::make_shared<std::atomic<bool>>(false);
    m_readCheck.setFuture(QtConcurrent::run([data = m_data, cancel = m_readCheckCancel] {
        return workflow::unreadableImages(data, cancel.get());
    }));
    showIssues();
    showReasons();
    updateButtons();
}

void TrainWorkspace::showIssues()
{
    QStringList lines;
    for (const workflow::DataIssue &issue : std::as_const(m_issues)) {
        const bool blocking = issue.severity == workflow::DataIssue::Severity::Blocking;
        lines << QStringLiteral("<p style='margin:2px'><span style='color:%1'>%2</span> %3</p>")
                     .arg(blocking ? QStringLiteral("#c0392b") : QStringLiteral("#b9770e"),
                          blocking ? QStringLiteral("&#9940;") : QStringLiteral("&#9888;"), issue.text.toHtmlEscaped());
    }
    if (!m_unreadable.isEmpty()) {
        QStringList first = m_unreadable.mid(0, 3);
        for (QString &line : first)
            line = line.toHtmlEscaped();
        lines << QStringLiteral("<p style='margin:2px'><span style='color:#b9770e'>&#9888;</span> %1<br>%2</p>")
                     .arg(tr("%n images cannot be read and will be left out:", nullptr, int(m_unreadable.size())),
                          first.join(QStringLiteral("<br>")) + (m_unreadable.size() > 3 ? QStringLiteral("<br>…") : QString()));
    }
    if (lines.isEmpty() && m_store)
        lines << QStringLiteral("<p style='margin:2px'><span style='color:#1e8449'>&#10004;</span> %1</p>")
                     .arg(tr("Ready to train."));
    m_issuesLabel->setText(lines.join(QString()));
}

void TrainWorkspace::setReason(const QString &setting, const QString &text)
{
    if (QLabel *label = m_reasons.value(setting))
        label->setText(text);
}

QString TrainWorkspace::weightsSummary(const workflow::WeightsCheck &check) const
{
    // What ml::WeightMatch::summary() says, in the interface's language.
    const auto listed = [](const QStringList &names) {
        constexpr qsizetype kMost = 8;
        const QString shown = names.mid(0, kMost).join(QStringLiteral(", "));
        return names.size() > kMost ? tr("%1 and %n more", nullptr, int(names.size() - kMost)).arg(shown) : shown;
    };
    QString text = tr("%n tensors loaded from %1", nullptr, check.loaded).arg(QDir::toNativeSeparators(m_weightsFile));
    if (!check.replaced.isEmpty())
        text += tr("; new head for these tags: %1").arg(listed(check.replaced));
    if (!check.ignored.isEmpty())
        text += tr("; not used: %1").arg(listed(check.ignored));
    return text;
}

QString TrainWorkspace::reasonText(const ml::Reason &reason)
{
    const QLocale locale;
    const auto number = [&locale](std::int64_t value) { return locale.toString(qlonglong(value)).toStdString(); };
    std::string text;
    for (const ml::ReasonPart &part : reason.parts)
        text += ml::fillReasonText(QCoreApplication::translate("Recommendation", part.text).toStdString(),
                                   part.arguments, number);
    return QString::fromStdString(text);
}

namespace {

/// What \a box shows for the item whose data is \a value (the value itself when none has it).
QString itemText(const QComboBox *box, const QString &value)
{
    const int index = box->findData(value);
    return index < 0 ? value : box->itemText(index);
}

}

void TrainWorkspace::showReasons()
{
    // Under each field: why the recommended value, or "your choice" and what is
    // recommended. The network, size and epochs shown are taken as given, and the
    // rest recommended to suit them (fewer epochs: lighter augmentation, ...).
    const ml::TrainConfig shown = settings();
    ml::FixedSettings fixed;
    fixed.architecture = shown.architecture;
    fixed.inputSize = shown.inputSize;
    fixed.epochs = shown.epochs;
    const ml::Recommendation adapted = ml::recommendSettings(m_profile, fixed);
    const auto dropoutText = [this](double scale) {
        return scale == 0.0 ? m_dropout->specialValueText() : m_dropout->textFromValue(scale);
    };
    const auto levelOf = [](const ml::AugmentationConfig &a) {
        return QString::fromStdString(ml::augmentationLevelName(
            !a.any() ? ml::AugmentationLevel::None
            : a.warpProbability >= 0.5 ? ml::AugmentationLevel::Strong
            : a.warpProbability > 0.0 || a.colour ? ml::AugmentationLevel::Standard
                                                  : ml::AugmentationLevel::Light));
    };
    struct Value
    {
        QString shown;
        QString recommended;
        const ml::Recommendation *from;
    };
    // The rate means something only with its optimiser (and decay): they are
    // recommended, and explained, together.
    const auto rateText = [this](const ml::TrainConfig &c) {
        const QString rate = tr("%1 with %2").arg(QString::number(c.learningRate, 'g', 6),
                                                  itemText(m_optimizer, QString::fromStdString(ml::optimizerName(c.optimizer))));
        return c.weightDecay > 0.0 ? tr("%1, weight decay %2").arg(rate, QString::number(c.weightDecay, 'g', 6)) : rate;
    };
    const ml::TrainConfig &base = m_recommended.config;
    const ml::TrainConfig &fit = adapted.config;
    const QHash<QString, Value> values = {
        {QStringLiteral("arch"), {QString::fromStdString(shown.architecture), QString::fromStdString(base.architecture), &m_recommended}},
        {QStringLiteral("size"), {QString::number(shown.inputSize), QString::number(base.inputSize), &m_recommended}},
        {QStringLiteral("epochs"), {QString::number(shown.epochs), QString::number(base.epochs), &m_recommended}},
        {QStringLiteral("lr"), {rateText(shown), rateText(fit), &adapted}},
        {QStringLiteral("schedule"), {itemText(m_schedule, QString::fromStdString(ml::scheduleName(shown.schedule))), itemText(m_schedule, QString::fromStdString(ml::scheduleName(fit.schedule))), &adapted}},
        {QStringLiteral("augment"), {itemText(m_augment, levelOf(shown.augmentation)), itemText(m_augment, levelOf(fit.augmentation)), &adapted}},
        {QStringLiteral("dropout"), {dropoutText(shown.dropoutScale), dropoutText(fit.dropoutScale), &adapted}},
        {QStringLiteral("bf16"), {shown.cpuBfloat16 ? tr("on") : tr("off"), fit.cpuBfloat16 ? tr("on") : tr("off"), &adapted}},
    };
    for (auto it = m_reasons.cbegin(); it != m_reasons.cend(); ++it) {
        if (!values.contains(it.key()))
            continue; // not a recommended setting (the weights say their own)
        const Value value = values.value(it.key());
        QStringList why;
        for (const ml::Reason &reason : value.from->reasons) {
            const QString setting = QString::fromStdString(reason.setting);
            if (setting == it.key())
                why.append(reasonText(reason));
            else if (it.key() == QLatin1String("lr") && setting == QLatin1String("optimizer"))
                why.prepend(reasonText(reason));
        }
        if (it.key() == QLatin1String("bf16") && why.isEmpty())
            why.append(tr("this CPU has no native bfloat16: float32 is as fast here"));
        it.value()->setText(value.shown == value.recommended ? why.join(tr("; ", "between two reasons for one setting"))
                                                             : tr("Your choice; recommended: %1.").arg(value.recommended));
    }
}

ml::TrainConfig TrainWorkspace::settings() const
{
    ml::TrainConfig c = m_recommended.config;
    c.architecture = m_arch->currentText().toStdString();
    c.inputSize = m_size->value();
    c.epochs = m_epochs->value();
    c.learningRate = QLocale::c().toDouble(m_learningRate->text());
    c.schedule = ml::scheduleFromName(m_schedule->currentData().toString().toStdString());
    c.augmentation = ml::AugmentationConfig::preset(
        ml::augmentationLevelFromName(m_augment->currentData().toString().toStdString()));
    c.cpuBfloat16 = m_bf16->isChecked();
    c.batchSize = m_batch->value();
    c.optimizer = ml::optimizerFromName(m_optimizer->currentData().toString().toStdString());
    c.weightDecay = QLocale::c().toDouble(m_weightDecay->text());
    c.warmupEpochs = std::min(m_warmup->value(), c.epochs);
    c.beta = m_beta->value();
    c.patience = m_patience->value();
    c.positiveWeights = m_positiveWeights->isChecked();
    c.tuneThresholds = m_tune->isChecked();
    c.emaDecay = m_ema->value() >= 0.5 ? m_ema->value() : 0.0;
    c.dropoutScale = m_dropout->value();
    c.device = ml::deviceChoiceFromName(m_device->currentData().toString().toStdString());
    c.threads = m_threads->value();
    c.seed = m_seed->text().toULongLong();
    c.weights = m_weightsFile.toStdString();
    // "backbone:1": frozen for one epoch, then a tenth of the rate; "none:full": no freeze, no scaling.
    const QStringList freeze = m_freeze->currentData().toString().split(QLatin1Char(':'));
    c.freeze = c.weights.empty() ? "none" : freeze.value(0).toStdString();
    c.freezeEpochs = freeze.value(1) == QLatin1String("full") ? 0 : freeze.value(1).toInt();
    c.backboneLrScale = c.weights.empty() || freeze.value(1) == QLatin1String("full") ? 1.0 : 0.1;
    return c;
}

void TrainWorkspace::setSettings(const ml::TrainConfig &c)
{
    const int arch = m_arch->findText(QString::fromStdString(ml::canonicalArchitecture(c.architecture)));
    m_arch->setCurrentIndex(arch >= 0 ? arch : 0);
    m_size->setValue(c.inputSize);
    m_epochs->setValue(c.epochs);
    m_learningRate->setText(QString::number(c.learningRate, 'g', 6));
    m_schedule->setCurrentIndex(std::max(0, m_schedule->findData(QString::fromStdString(ml::scheduleName(c.schedule)))));
    const ml::AugmentationConfig &a = c.augmentation;
    const QString level = !a.any() ? QStringLiteral("none")
                          : a.warpProbability >= 0.5 ? QStringLiteral("strong")
                          : a.warpProbability > 0.0 || a.colour ? QStringLiteral("standard")
                                                                 : QStringLiteral("light");
    m_augment->setCurrentIndex(std::max(0, m_augment->findData(level)));
    m_bf16->setChecked(c.cpuBfloat16);
    m_batch->setValue(c.batchSize);
    m_optimizer->setCurrentIndex(std::max(0, m_optimizer->findData(QString::fromStdString(ml::optimizerName(c.optimizer)))));
    m_weightDecay->setText(QString::number(c.weightDecay, 'g', 6));
    m_warmup->setValue(c.warmupEpochs);
    m_beta->setValue(c.beta);
    m_patience->setValue(c.patience);
    m_positiveWeights->setChecked(c.positiveWeights);
    m_tune->setChecked(c.tuneThresholds);
    m_ema->setValue(c.emaDecay);
    m_dropout->setValue(c.dropoutScale);
    m_device->setCurrentIndex(std::max(0, m_device->findData(QString::fromStdString(ml::deviceChoiceName(c.device)))));
    m_threads->setValue(c.threads);
    m_seed->setText(QString::number(c.seed));
    const QString freeze = c.backboneLrScale == 1.0 && c.freeze == "none"
                               ? QStringLiteral("none:full")
                               : QStringLiteral("%1:%2").arg(QString::fromStdString(c.freeze)).arg(c.freezeEpochs);
    m_freeze->setCurrentIndex(std::max(0, m_freeze->findData(freeze)));
    setWeightsFile(QString::fromStdString(c.weights));
    showReasons();
}

void TrainWorkspace::setWeightsFile(const QString &file)
{
    m_weightsFile = file;
    m_weightsName->setText(file.isEmpty() ? tr("random weights") : QFileInfo(file).fileName());
    m_weightsName->setToolTip(file);
    m_weightsClear->setEnabled(!file.isEmpty());
    m_freeze->setEnabled(!file.isEmpty());
    checkWeights();
}

void TrainWorkspace::checkWeights()
{
    if (m_weightsFile.isEmpty()) {
        setReason(QStringLiteral("weights"), tr("Nothing is downloaded: choose a weights file you have to fine-tune "
                                                "a pretrained network."));
        setReason(QStringLiteral("freeze"), QString());
        return;
    }
    if (m_weightsCheck.isRunning()) {
        m_checkWeightsAgain = true;
        return;
    }
    setReason(QStringLiteral("weights"), tr("Checking %1…").arg(QFileInfo(m_weightsFile).fileName()));
    setReason(QStringLiteral("freeze"), tr("Inputs are normalised as the weights expect: ImageNet's statistics, or "
                                           "those of the run that exported them."));
    const int tags = int(m_data.snapshot.tags.size());
    m_weightsCheck.setFuture(QtConcurrent::run(workflow::checkWeights, m_weightsFile, m_arch->currentText(), tags,
                                               m_size->value()));
}


void TrainWorkspace::useRecommendedSettings()
{
    setSettings(m_recommended.config);
}

void TrainWorkspace::saveSettings()
{
    if (!m_store || m_store->isReadOnly())
        return;
    try {
        m_store->setSetting(kSettingsKey, workflow::configToText(settings()));
    } catch (const ProjectError &error) {
        Q_EMIT statusMessage(error.message());
    }
}

bool TrainWorkspace::isBusy() const
{
    return m_session->isRunning();
}

void TrainWorkspace::onTrainClicked()
{
    if (!m_store)
        return;
    refreshData();
    if (workflow::hasBlockingIssue(m_issues)) {
        QStringList reasons;
        for (const workflow::DataIssue &issue : std::as_const(m_issues)) {
            if (issue.severity == workflow::DataIssue::Severity::Blocking)
                reasons << issue.text;
        }
        Q_EMIT errorRaised(tr("Training cannot start"), reasons.join(QStringLiteral("\n")));
        return;
    }
    QStringList warnings;
    for (const workflow::DataIssue &issue : std::as_const(m_issues))
        warnings << QStringLiteral("• ") + issue.text;
    if (!m_unreadable.isEmpty())
        warnings << QStringLiteral("• ") + tr("%n images cannot be read and will be left out.", nullptr, int(m_unreadable.size()));
    if (!warnings.isEmpty()) {
        QMessageBox box(QMessageBox::Warning, tr("Train"),
                        tr("These things will weaken the model:") + QStringLiteral("\n\n") + warnings.join(QStringLiteral("\n")),
                        QMessageBox::Cancel, this);
        QPushButton *goOn = box.addButton(tr("Go On"), QMessageBox::AcceptRole);
        box.setDefaultButton(goOn);
        box.exec();
        if (box.clickedButton() != goOn)
            return;
    }
    startTraining();
}

bool TrainWorkspace::startTraining()
{
    if (!m_store || m_session->isRunning())
        return false;
    refreshData();
    if (workflow::hasBlockingIssue(m_issues)) {
        Q_EMIT errorRaised(tr("Training cannot start"), m_issues.first().text);
        return false;
    }
    const ml::TrainConfig config = settings();
    try {
        config.validate();
    } catch (const std::invalid_argument &error) {
        Q_EMIT errorRaised(tr("Training cannot start"), QString::fromStdString(error.what()));
        return false;
    }
    saveSettings();
    const QString id = workflow::newRunId(*m_store);
    const QString runDir = workflow::runsFolder(*m_store) + QLatin1Char('/') + id;
    const ml::RuntimeOverrides runtime = prepareSession(config, id);
    m_plots->reset(tagNames());
    m_plots->setOverlays({});
    if (!m_session->start(config, m_data, runDir))
        return false;
    m_runningId = id;
    m_shownRun = id;
    m_deviceLabel->setText(workflow::TrainingSession::deviceDescription(config, runtime));
    m_progress->setValue(0);
    m_progressLabel->setText(tr("Decoding %n images…", nullptr,
                                int(m_data.snapshot.train.size() + m_data.snapshot.validation.size())));
    updateButtons();
    Q_EMIT trainingStarted(id);
    return true;
}

ml::RuntimeOverrides TrainWorkspace::prepareSession(const ml::TrainConfig &config, const QString &runId)
{
    // Beside the GUI: a thread budget and a lower priority, so the window answers at once.
    const ml::ThreadBudget budget = ml::ThreadBudget::interactive();
    ml::RuntimeOverrides runtime;
    if (config.threads == 0)
        runtime.threads = budget.threads;
    runtime.workers = budget.workers;
    runtime.lowPriority = budget.lowPriority;
    m_session->setRuntime(runtime);
    m_session->setCacheDir(m_data.cacheDir);
    m_session->setStore(runId.isEmpty() ? nullptr : m_store.data(), runId);
    return runtime;
}

QStringList TrainWorkspace::tagNames() const
{
    QStringList tags;
    for (const std::string &tag : m_data.snapshot.tags)
        tags << QString::fromStdString(tag);
    return tags;
}

void TrainWorkspace::stopTraining()
{
    m_session->stop();
    m_progressLabel->setText(tr("Stopping after this batch…"));
}

void TrainWorkspace::stopAndWait()
{
    if (!m_session->isRunning())
        return;
    m_session->stop();
    QEventLoop loop;
    connect(m_session, &workflow::TrainingSession::finished, &loop, &QEventLoop::quit);
    if (m_session->isRunning())
        loop.exec();
}

bool TrainWorkspace::resumeRun(QString runId)
{
    if (!m_store || m_session->isRunning())
        return false;
    const RunRecord run = m_store->run(runId);
    if (run.id.isEmpty())
        return false;
    const QString runDir = workflow::runFolder(*m_store, run);
    ml::TrainConfig config;
    try {
        config = ml::Trainer::readConfig(QDir::cleanPath(runDir).toStdString());
    } catch (const std::exception &error) {
        Q_EMIT errorRaised(tr("The run cannot be resumed"), QString::fromStdString(error.what()));
        return false;
    }
    const ml::RuntimeOverrides runtime = prepareSession(config, runId);
    m_plots->reset(tagNames());
    m_plots->setEpochs(workflow::readRunRecords(runDir));
    if (!m_session->resume(runDir))
        return false;
    m_runningId = runId;
    m_shownRun = runId;
    m_deviceLabel->setText(workflow::TrainingSession::deviceDescription(config, runtime));
    m_progressLabel->setText(tr("Resuming…"));
    updateButtons();
    Q_EMIT trainingStarted(runId);
    return true;
}

bool TrainWorkspace::findLearningRate()
{
    if (!m_store || m_session->isRunning() || workflow::hasBlockingIssue(m_issues))
        return false;
    const ml::TrainConfig config = settings();
    prepareSession(config, QString());
    if (!m_session->findLearningRate(config, m_data))
        return false;
    m_sweeping = true;
    m_progressLabel->setText(tr("Sweeping the learning rate…"));
    m_progress->setValue(0);
    updateButtons();
    return true;
}

void TrainWorkspace::handleBatch(const workflow::BatchUpdate &update)
{
    if (m_sweeping) {
        m_progress->setValue(int(1000 * update.batch / std::max<qint64>(1, update.batches)));
        return;
    }
    m_plots->addBatch(update);
    const qint64 total = qint64(update.epochs) * update.batches;
    m_progress->setValue(int(1000.0 * double(update.step) / double(std::max<qint64>(1, total))));
    QStringList parts{tr("Epoch %1 of %2").arg(update.epoch).arg(update.epochs),
                      tr("batch %1 of %2").arg(update.batch).arg(update.batches)};
    if (update.imagesPerSecond >= 1.0)
        parts << tr("%1 images/s").arg(QLocale().toString(update.imagesPerSecond, 'f', 0));
    if (update.etaSeconds >= 0.0 && update.batch > 1)
        parts << minutesText(update.etaSeconds);
    m_progressLabel->setText(parts.join(QStringLiteral(" · ")));
}

void TrainWorkspace::handleEpoch(const ml::EpochRecord &record)
{
    if (m_sweeping)
        return;
    m_plots->addEpoch(record);
    Q_EMIT statusMessage(tr("Epoch %1: validation F-beta %2").arg(record.epoch).arg(record.fbeta, 0, 'f', 4));
}

void TrainWorkspace::handleFinished(const workflow::SessionResult &result)
{
    if (m_sweeping) {
        m_sweeping = false;
        m_progressLabel->setText(result.end == workflow::SessionResult::End::Failed ? tr("The sweep failed") : tr("Not training"));
        if (result.end == workflow::SessionResult::End::Failed)
            Q_EMIT errorRaised(tr("The learning-rate sweep failed"), result.message);
        updateButtons();
        return;
    }
    const QString id = m_runningId;
    m_runningId.clear();
    m_runs->refresh();
    switch (result.end) {
    case workflow::SessionResult::End::Finished:
        m_progress->setValue(1000);
        m_progressLabel->setText(tr("Finished: best epoch %1, validation F-beta %2 (with tuned thresholds %3)")
                                     .arg(result.bestEpoch)
                                     .arg(result.bestFbeta, 0, 'f', 4)
                                     .arg(result.finalFbeta, 0, 'f', 4));
        // The first model of a project becomes its active one.
        if (activeRun().isEmpty())
            setActiveRun(id);
        break;
    case workflow::SessionResult::End::Stopped:
        m_progressLabel->setText(tr("Stopped after %n epochs; Resume continues the run.", nullptr, result.epochs));
        break;
    case workflow::SessionResult::End::Failed:
        m_progressLabel->setText(tr("Failed: %1").arg(result.message));
        Q_EMIT errorRaised(tr("Training failed"), result.message);
        break;
    }
    Q_EMIT statusMessage(m_progressLabel->text());
    const int row = m_runs->rowOf(id);
    if (row >= 0)
        m_runTable->selectRow(row);
    updateButtons();
    Q_EMIT trainingFinished(result);
}

void TrainWorkspace::handleSweep(const ml::LrSweep &sweep)
{
    auto *dialog = new LearningRateDialog(sweep, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &LearningRateDialog::rateChosen, this, [this](double rate) {
        m_learningRate->setText(QString::number(rate, 'g', 2));
        showReasons();
    });
    dialog->open();
}

void TrainWorkspace::onResumeClicked()
{
    const QModelIndexList rows = m_runTable->selectionModel()->selectedRows();
    if (!rows.isEmpty())
        resumeRun(rows.first().data(RunListModel::RunIdRole).toString());
}

void TrainWorkspace::onActiveClicked()
{
    const QModelIndexList rows = m_runTable->selectionModel()->selectedRows();
    if (!rows.isEmpty())
        setActiveRun(rows.first().data(RunListModel::RunIdRole).toString());
}

void TrainWorkspace::onDeleteClicked()
{
    const QModelIndexList rows = m_runTable->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const QString id = rows.first().data(RunListModel::RunIdRole).toString();
    const auto answer = QMessageBox::question(
        this, tr("Delete Run"), tr("Delete run %1 and its model? Its folder is removed; this cannot be undone.").arg(id),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        deleteRun(id);
}

bool TrainWorkspace::deleteRun(QString runId)
{
    if (!m_store || runId == m_runningId)
        return false;
    const RunRecord run = m_store->run(runId);
    if (run.id.isEmpty())
        return false;
    try {
        const QString folder = workflow::runFolder(*m_store, run);
        // Only a folder inside the project's runs folder is removed; one elsewhere is the user's.
        if (folder.startsWith(workflow::runsFolder(*m_store) + QLatin1Char('/')))
            QDir(folder).removeRecursively();
        m_store->deleteRun(runId);
        if (activeRun() == runId)
            setActiveRun(QString());
    } catch (const ProjectError &error) {
        Q_EMIT errorRaised(tr("The run was not deleted"), error.message());
        return false;
    }
    return true;
}

void TrainWorkspace::setActiveRun(const QString &runId)
{
    if (!m_store)
        return;
    try {
        m_store->setSetting(kActiveRunKey, runId);
    } catch (const ProjectError &error) {
        Q_EMIT errorRaised(tr("The active model was not changed"), error.message());
        return;
    }
    m_runs->setActiveRun(runId);
    updateButtons();
    Q_EMIT activeRunChanged(runId);
}

QString TrainWorkspace::activeRun() const
{
    return m_store ? m_store->setting(kActiveRunKey) : QString();
}

void TrainWorkspace::showRunCurves(const QString &runId)
{
    // The plots already show it (with its batches, when it just trained).
    if (!m_store || runId == m_shownRun)
        return;
    m_shownRun = runId;
    const RunRecord run = m_store->run(runId);
    QStringList tags;
    for (const std::string &tag : m_data.snapshot.tags)
        tags << QString::fromStdString(tag);
    m_plots->reset(tags);
    m_plots->setEpochs(workflow::readRunRecords(workflow::runFolder(*m_store, run)));
    updateOverlays();
}

void TrainWorkspace::updateOverlays()
{
    if (!m_store)
        return;
    QList<TrainingPlots::Overlay> overlays;
    for (const QString &id : m_runs->checkedRuns()) {
        const RunRecord run = m_store->run(id);
        overlays.append({id, workflow::readRunRecords(workflow::runFolder(*m_store, run))});
    }
    m_plots->setOverlays(overlays);
}

void TrainWorkspace::updateButtons()
{
    const bool busy = m_session->isRunning();
    const bool writable = m_store && !m_store->isReadOnly();
    m_trainButton->setEnabled(writable && !busy);
    m_findButton->setEnabled(writable && !busy);
    m_stopButton->setEnabled(busy && !m_sweeping);
    const QModelIndexList rows = m_runTable->selectionModel() ? m_runTable->selectionModel()->selectedRows() : QModelIndexList();
    const int row = rows.isEmpty() ? -1 : rows.first().row();
    const RunRecord *run = m_runs->run(row);
    const QString status = m_runs->status(row);
    m_resumeButton->setEnabled(writable && !busy && run && status == QLatin1String("stopped"));
    m_activeButton->setEnabled(writable && run && status == QLatin1String("finished") && run->id != activeRun());
    m_deleteButton->setEnabled(writable && run && run->id != m_runningId);
    for (QWidget *field : std::initializer_list<QWidget *>{m_arch, m_size, m_epochs, m_learningRate, m_schedule, m_augment,
                                                          m_dropout, m_bf16, m_advanced})
        field->setEnabled(!busy);
}

}
