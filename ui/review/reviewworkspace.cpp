#include "ui/review/reviewworkspace.h"

#include "core/ml/thresholds.h"
#include "core/project/projecterror.h"
#include "core/project/projectstore.h"
#include "core/workflow/projectruns.h"
#include "ui/plotstyle.h"
#include "ui/projecteditor.h"
#include "ui/modelviews.h"
#include "ui/review/confusionviews.h"

#include <QAbstractTableModel>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImageReader>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QShowEvent>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <qcustomplot.h>

#include <algorithm>
#include <numeric>

namespace tagwise {

namespace {

const QString kValidation = QStringLiteral("validation");
const QString kTest = QStringLiteral("test");
constexpr int kSliderSteps = 1000;
constexpr int kMaxListed = 300;
constexpr int kThumbnail = 96;
constexpr int kShownEdge = 512;
const QColor kPositiveColour(0x3cb44b);
const QColor kNegativeColour(0xe6194b);
const QColor kCurveColour(0x4363d8);
const QColor kMarkerColour(0xf58231);

int sliderValue(float threshold)
{
    return int(std::lround(double(threshold) * kSliderSteps));
}

float thresholdOf(int value)
{
    return float(value) / float(kSliderSteps);
}

/// Writes a run's thresholds into its model; undo writes the former ones back.
class ThresholdsCommand final : public QUndoCommand
{
public:
    using Applied = std::function<void(const QString &runDir, const std::vector<float> &thresholds, const QString &error)>;

    ThresholdsCommand(const QString &runDir, std::vector<float> before, std::vector<float> after, Applied applied)
        : QUndoCommand(ReviewWorkspace::tr("save thresholds"))
        , m_runDir(runDir)
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_applied(std::move(applied))
    {
    }

    void redo() override { apply(m_after); }
    void undo() override { apply(m_before); }

private:
    void apply(const std::vector<float> &thresholds)
    {
        try {
            workflow::saveThresholds(m_runDir, thresholds);
            m_applied(m_runDir, thresholds, QString());
        } catch (const ProjectError &error) {
            m_applied(m_runDir, {}, error.message());
        }
    }

    QString m_runDir;
    std::vector<float> m_before;
    std::vector<float> m_after;
    Applied m_applied;
};

}

/// The per-tag table: counts, scores and thresholds; sorts by the numbers (Qt::UserRole).
class TagMetricsModel final : public QAbstractTableModel
{
public:
    enum Column { Tag, Support, Precision, Recall, F1, Ap, Threshold, Tp, Fp, Fn, Tn, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setTags(const std::vector<ml::TagMetrics> &tags)
    {
        if (tags.size() != m_tags.size()) {
            beginResetModel();
            m_tags = tags;
            endResetModel();
        } else {
            m_tags = tags;
            if (!m_tags.empty())
                Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        }
    }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_tags.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid())
            return {};
        const ml::TagMetrics &m = m_tags[std::size_t(index.row())];
        if (role == Qt::TextAlignmentRole)
            return index.column() == Tag ? QVariant(Qt::AlignLeft | Qt::AlignVCenter) : QVariant(Qt::AlignRight | Qt::AlignVCenter);
        if (role != Qt::DisplayRole && role != Qt::UserRole)
            return {};
        const bool sort = role == Qt::UserRole;
        const auto number = [sort](double value) { return sort ? QVariant(value) : QVariant(probabilityText(value)); };
        const auto count = [sort](long long value) { return sort ? QVariant(value) : QVariant(QLocale().toString(value)); };
        switch (index.column()) {
        case Tag: return QString::fromStdString(m.tag);
        case Support: return count(m.support);
        case Precision: return number(m.precision);
        case Recall: return number(m.recall);
        case F1: return number(m.f1);
        case Ap: return number(m.ap);
        case Threshold: return number(double(m.threshold));
        case Tp: return count(m.tp);
        case Fp: return count(m.fp);
        case Fn: return count(m.fn);
        case Tn: return count(m.tn);
        default: return {};
        }
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal)
            return {};
        if (role == Qt::ToolTipRole) {
            switch (section) {
            case Support: return ReviewWorkspace::tr("images that have the tag");
            case Ap: return ReviewWorkspace::tr("average precision: the area under the precision-recall curve");
            case Tp: return ReviewWorkspace::tr("true positives");
            case Fp: return ReviewWorkspace::tr("false positives");
            case Fn: return ReviewWorkspace::tr("false negatives");
            case Tn: return ReviewWorkspace::tr("true negatives");
            default: return {};
            }
        }
        if (role != Qt::DisplayRole)
            return {};
        switch (section) {
        case Tag: return ReviewWorkspace::tr("Tag");
        case Support: return ReviewWorkspace::tr("Support");
        case Precision: return ReviewWorkspace::tr("Precision");
        case Recall: return ReviewWorkspace::tr("Recall");
        case F1: return ReviewWorkspace::tr("F1");
        case Ap: return ReviewWorkspace::tr("AP");
        case Threshold: return ReviewWorkspace::tr("Threshold");
        case Tp: return ReviewWorkspace::tr("TP");
        case Fp: return ReviewWorkspace::tr("FP");
        case Fn: return ReviewWorkspace::tr("FN");
        case Tn: return ReviewWorkspace::tr("TN");
        default: return {};
        }
    }

private:
    std::vector<ml::TagMetrics> m_tags;
};

/// What a background job brings back: a run's predictions, or an explanation.
struct ReviewWorkspace::Loaded
{
    QString runDir;
    QString split;
    workflow::ReviewSet review;
    std::shared_ptr<workflow::Explainer> explainer;
    workflow::Explanation explanation;
    int row = -1;
    QString error;
};

ReviewWorkspace::ReviewWorkspace(ProjectEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
{
    setObjectName(QStringLiteral("reviewWorkspace"));
    createWidgets();
    connect(&m_loader, &QFutureWatcher<std::shared_ptr<Loaded>>::finished, this, &ReviewWorkspace::handleLoaded);
    connect(&m_explainWatcher, &QFutureWatcher<std::shared_ptr<Loaded>>::finished, this, [this] {
        const std::shared_ptr<Loaded> result = m_explainWatcher.result();
        if (result->runDir == shownRunDir() && result->row == m_shownRow) {
            if (result->error.isEmpty()) {
                m_explainer = result->explainer;
                m_explainerRun = result->runDir;
                m_explanation = result->explanation;
                showOverlay();
            } else {
                m_explanation = {};
                m_camView->setPixmap({});
                m_camView->setText(result->error);
            }
        }
        if (m_explainAgain) {
            m_explainAgain = false;
            QMetaObject::invokeMethod(this, &ReviewWorkspace::requestExplanation, Qt::QueuedConnection);
        } else {
            Q_EMIT explained();
        }
    });
}

ReviewWorkspace::~ReviewWorkspace()
{
    m_loader.waitForFinished();
    m_explainWatcher.waitForFinished();
    m_thumbnails.waitForFinished();
}

void ReviewWorkspace::createWidgets()
{
    m_runBox = new QComboBox;
    m_runBox->setObjectName(QStringLiteral("reviewRunBox"));
    m_runBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_splitBox = new QComboBox;
    m_splitBox->setObjectName(QStringLiteral("reviewSplitBox"));
    m_splitBox->addItem(tr("Validation images"), kValidation);
    m_splitBox->addItem(tr("Test images"), kTest);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("reviewSummary"));
    m_globalSlider = new QSlider(Qt::Horizontal);
    m_globalSlider->setObjectName(QStringLiteral("globalThresholdSlider"));
    m_globalSlider->setRange(0, kSliderSteps);
    m_globalSlider->setValue(kSliderSteps / 2);
    m_globalSlider->setMinimumWidth(140);
    m_globalSlider->setToolTip(tr("Sets the threshold of every tag"));
    m_globalValue = new QLabel(probabilityText(0.5));
    m_tuneButton = new QPushButton(tr("Tune"));
    m_tuneButton->setObjectName(QStringLiteral("tuneThresholdsButton"));
    m_tuneButton->setToolTip(tr("Per tag, the threshold that maximises F-beta on the validation images"));
    m_revertButton = new QPushButton(tr("Revert"));
    m_revertButton->setObjectName(QStringLiteral("revertThresholdsButton"));
    m_revertButton->setToolTip(tr("Back to the thresholds saved in the model"));
    m_saveButton = new QPushButton(tr("Save Thresholds"));
    m_saveButton->setObjectName(QStringLiteral("saveThresholdsButton"));
    m_saveButton->setToolTip(tr("Write these thresholds into the model, for Classify and predictions (undoable)"));

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Run:")));
    top->addWidget(m_runBox);
    top->addWidget(m_splitBox);
    top->addWidget(m_summary, 1);
    top->addWidget(new QLabel(tr("All thresholds:")));
    top->addWidget(m_globalSlider);
    top->addWidget(m_globalValue);
    top->addWidget(m_tuneButton);
    top->addWidget(m_revertButton);
    top->addWidget(m_saveButton);

    m_totals = new QLabel;
    m_totals->setObjectName(QStringLiteral("reviewTotals"));
    m_totals->setTextFormat(Qt::RichText);

    m_views = new QTabWidget;
    m_views->setObjectName(QStringLiteral("reviewViews"));
    m_views->addTab(createMetricsPage(), tr("Metrics"));
    m_grid = new ConfusionGrid;
    m_matrix = new TagConfusionView;
    auto *confusionPage = new QWidget;
    auto *confusionLayout = new QVBoxLayout(confusionPage);
    auto *gridTitle = new QLabel(tr("<b>Per tag</b>: rows are the truth (without, with the tag), columns the "
                                    "prediction (no, yes); each cell shows its count and its share of the row."));
    gridTitle->setWordWrap(true);
    auto *matrixTitle = new QLabel(tr("<b>Tag by tag</b>: of the images that have the tag of the row, the share "
                                      "for which the tag of the column is predicted. Off the diagonal: the tags "
                                      "the model mixes up."));
    matrixTitle->setWordWrap(true);
    confusionLayout->addWidget(gridTitle);
    confusionLayout->addWidget(m_grid);
    confusionLayout->addSpacing(12);
    confusionLayout->addWidget(matrixTitle);
    confusionLayout->addWidget(m_matrix, 0, Qt::AlignLeft);
    confusionLayout->addStretch(1);
    auto *confusionScroll = new QScrollArea;
    confusionScroll->setWidgetResizable(true);
    confusionScroll->setWidget(confusionPage);
    m_views->addTab(confusionScroll, tr("Confusion"));
    m_views->addTab(createMistakesPage(), tr("Mistakes"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_totals);
    layout->addWidget(m_views, 1);

    connect(m_runBox, &QComboBox::activated, this, [this] { showRun(m_runBox->currentData().toString()); });
    connect(m_splitBox, &QComboBox::activated, this, [this] { showSplit(m_splitBox->currentData().toString()); });
    connect(m_globalSlider, &QSlider::valueChanged, this, [this](int value) {
        m_globalValue->setText(probabilityText(thresholdOf(value)));
        if (!m_updating)
            setAllThresholds(thresholdOf(value));
    });
    connect(m_views, &QTabWidget::currentChanged, this, &ReviewWorkspace::updateConfusion);
    connect(m_tuneButton, &QPushButton::clicked, this, &ReviewWorkspace::tuneThresholds);
    connect(m_saveButton, &QPushButton::clicked, this, &ReviewWorkspace::saveThresholds);
    connect(m_revertButton, &QPushButton::clicked, this, &ReviewWorkspace::revertThresholds);
    connect(m_grid, &ConfusionGrid::tagClicked, this, [this](int tag) {
        m_mistakeTag->setCurrentIndex(tag);
        updateMistakes();
        m_views->setCurrentIndex(2);
    });
}

QWidget *ReviewWorkspace::createMetricsPage()
{
    m_tagModel = new TagMetricsModel(this);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_tagModel);
    proxy->setSortRole(Qt::UserRole);
    m_tagTable = new QTableView;
    m_tagTable->setObjectName(QStringLiteral("tagMetricsTable"));
    m_tagTable->setModel(proxy);
    m_tagTable->setSortingEnabled(true);
    m_tagTable->sortByColumn(-1, Qt::AscendingOrder);
    m_tagTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tagTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tagTable->verticalHeader()->hide();
    // Sized to the contents when a set is shown, not on every threshold move (costly for many tags).
    m_tagTable->horizontalHeader()->setStretchLastSection(false);
    m_tagTable->setAlternatingRowColors(true);

    m_tagTitle = new QLabel;
    m_tagTitle->setObjectName(QStringLiteral("reviewTagTitle"));
    m_tagSlider = new QSlider(Qt::Horizontal);
    m_tagSlider->setObjectName(QStringLiteral("tagThresholdSlider"));
    m_tagSlider->setRange(0, kSliderSteps);
    m_tagValue = new QLabel;
    auto *sliderRow = new QHBoxLayout;
    sliderRow->addWidget(new QLabel(tr("Threshold:")));
    sliderRow->addWidget(m_tagSlider, 1);
    sliderRow->addWidget(m_tagValue);

    m_curvePlot = new QCustomPlot;
    m_curvePlot->setObjectName(QStringLiteral("precisionRecallPlot"));
    styleAxes(m_curvePlot);
    m_curvePlot->xAxis->setLabel(tr("recall"));
    m_curvePlot->yAxis->setLabel(tr("precision"));
    m_curvePlot->xAxis->setRange(0, 1.02);
    m_curvePlot->yAxis->setRange(0, 1.02);
    m_curvePlot->setMinimumHeight(180);
    auto *curve = new QCPCurve(m_curvePlot->xAxis, m_curvePlot->yAxis);
    QPen curvePen(kCurveColour);
    curvePen.setWidthF(2);
    curve->setPen(curvePen);
    auto *point = m_curvePlot->addGraph();
    point->setLineStyle(QCPGraph::lsNone);
    point->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, kMarkerColour, kMarkerColour, 10));

    m_histogramPlot = new QCustomPlot;
    m_histogramPlot->setObjectName(QStringLiteral("probabilityHistogram"));
    styleAxes(m_histogramPlot);
    m_histogramPlot->xAxis->setLabel(tr("predicted probability"));
    m_histogramPlot->yAxis->setLabel(tr("images"));
    m_histogramPlot->xAxis->setRange(0, 1);
    m_histogramPlot->setMinimumHeight(180);
    m_histogramPlot->legend->setVisible(true);
    m_histogramPlot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignHCenter);
    for (const auto &[name, colour] : {std::pair{tr("without the tag"), kNegativeColour}, std::pair{tr("with the tag"), kPositiveColour}}) {
        auto *bars = new QCPBars(m_histogramPlot->xAxis, m_histogramPlot->yAxis);
        bars->setName(name);
        bars->setWidth(0.05);
        QColor fill = colour;
        fill.setAlpha(120);
        bars->setBrush(fill);
        bars->setPen(QPen(colour));
    }
    auto *line = new QCPItemStraightLine(m_histogramPlot);
    QPen linePen(kMarkerColour);
    linePen.setWidthF(2);
    linePen.setStyle(Qt::DashLine);
    line->setPen(linePen);

    auto *side = new QWidget;
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_tagTitle);
    sideLayout->addLayout(sliderRow);
    sideLayout->addWidget(m_curvePlot, 1);
    sideLayout->addWidget(m_histogramPlot, 1);

    auto *splitter = new QSplitter;
    splitter->addWidget(m_tagTable);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    connect(m_tagTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] { updateTagPanel(); });
    connect(m_tagSlider, &QSlider::valueChanged, this, [this](int value) {
        m_tagValue->setText(probabilityText(thresholdOf(value)));
        if (!m_updating && selectedTag() >= 0)
            setThreshold(selectedTag(), thresholdOf(value));
    });
    return splitter;
}

QWidget *ReviewWorkspace::createMistakesPage()
{
    m_mistakeTag = new QComboBox;
    m_mistakeTag->setObjectName(QStringLiteral("mistakeTagBox"));
    m_mistakeKind = new QComboBox;
    m_mistakeKind->setObjectName(QStringLiteral("mistakeKindBox"));
    m_mistakeKind->addItem(tr("False positives"), true);
    m_mistakeKind->addItem(tr("False negatives"), false);
    m_mistakeCount = new QLabel;
    m_mistakeList = new QListWidget;
    m_mistakeList->setObjectName(QStringLiteral("mistakeList"));
    m_mistakeList->setViewMode(QListView::IconMode);
    m_mistakeList->setIconSize(QSize(kThumbnail, kThumbnail));
    m_mistakeList->setGridSize(QSize(kThumbnail + 16, kThumbnail + 24));
    m_mistakeList->setResizeMode(QListView::Adjust);
    m_mistakeList->setMovement(QListView::Static);
    m_mistakeList->setUniformItemSizes(true);

    auto *choose = new QHBoxLayout;
    choose->addWidget(m_mistakeTag, 1);
    choose->addWidget(m_mistakeKind, 1);
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(choose);
    leftLayout->addWidget(m_mistakeCount);
    leftLayout->addWidget(m_mistakeList, 1);

    m_imageTitle = new QLabel(tr("Click an image to see where the model looks."));
    m_imageTitle->setWordWrap(true);
    m_imageTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_camView = new QLabel;
    m_camView->setObjectName(QStringLiteral("gradCamView"));
    m_camView->setAlignment(Qt::AlignCenter);
    m_camView->setMinimumSize(280, 280);
    m_camView->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_camTag = new QComboBox;
    m_camTag->setObjectName(QStringLiteral("camTagBox"));
    m_camMethod = new QComboBox;
    m_camMethod->setObjectName(QStringLiteral("camMethodBox"));
    m_camMethod->addItem(tr("Grad-CAM"), int(workflow::Explainer::Method::GradCam));
    m_camMethod->addItem(tr("Grad-CAM++"), int(workflow::Explainer::Method::GradCamPlusPlus));
    m_opacity = new QSlider(Qt::Horizontal);
    m_opacity->setObjectName(QStringLiteral("camOpacitySlider"));
    m_opacity->setRange(0, 100);
    m_opacity->setValue(50);
    m_opacity->setToolTip(tr("Opacity of the heat map"));
    auto *camRow = new QHBoxLayout;
    camRow->addWidget(new QLabel(tr("Heat map of")));
    camRow->addWidget(m_camTag, 1);
    camRow->addWidget(m_camMethod);
    camRow->addWidget(new QLabel(tr("Opacity")));
    camRow->addWidget(m_opacity);

    m_imageTags = newProbabilityTable({tr("Has the tag"), tr("Probability"), tr("Threshold")});
    m_imageTags->setObjectName(QStringLiteral("imageTagTable"));
    m_imageTags->setToolTip(tr("Tick or clear a tag to fix the image's labels in the project (undoable)"));

    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_imageTitle);
    rightLayout->addWidget(m_camView, 3);
    rightLayout->addLayout(camRow);
    rightLayout->addWidget(m_imageTags, 2);

    auto *splitter = new QSplitter;
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    connect(m_mistakeTag, &QComboBox::activated, this, &ReviewWorkspace::updateMistakes);
    connect(m_mistakeKind, &QComboBox::activated, this, &ReviewWorkspace::updateMistakes);
    connect(m_mistakeList, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            showImage(item->data(Qt::UserRole).toInt(), m_mistakeTag->currentIndex());
    });
    connect(m_camTag, &QComboBox::activated, this, &ReviewWorkspace::requestExplanation);
    connect(m_camMethod, &QComboBox::activated, this, &ReviewWorkspace::requestExplanation);
    connect(m_opacity, &QSlider::valueChanged, this, &ReviewWorkspace::showOverlay);
    connect(m_imageTags, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (!m_updating && item->column() == 0)
            onImageTagToggled(item->row(), item->checkState() == Qt::Checked);
    });
    return splitter;
}

void ReviewWorkspace::setStore(ProjectStore *store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    m_review = {};
    m_shownRun.clear();
    m_shownRow = -1;
    m_explainer.reset();
    m_explainerRun.clear();
    m_activeRun = store ? store->setting(QStringLiteral("activeRun")) : QString();
    if (store) {
        connect(store, &ProjectStore::imagesChanged, this, &ReviewWorkspace::onImagesChanged);
        connect(store, &ProjectStore::runsChanged, this, &ReviewWorkspace::refreshRuns);
    }
    refreshRuns();
    if (m_shownRun.isEmpty())
        showReviewSet({});
}

QString ReviewWorkspace::runFolder(const QString &runId) const
{
    if (!m_store)
        return {};
    const RunRecord run = m_store->run(runId);
    return run.id.isEmpty() ? QString() : workflow::runFolder(*m_store, run);
}

QString ReviewWorkspace::shownRunDir() const
{
    return runFolder(m_shownRun);
}

void ReviewWorkspace::refreshRuns()
{
    const QString current = m_shownRun;
    const QString wanted = fillRunBox(m_runBox, m_store, m_activeRun, current);
    if (wanted != current)
        showRun(wanted);
}

void ReviewWorkspace::setActiveRun(const QString &runId)
{
    m_activeRun = runId;
    refreshRuns();
    if (!runId.isEmpty() && m_runBox->findData(runId) >= 0)
        showRun(runId);
}

void ReviewWorkspace::showRun(const QString &runId)
{
    m_shownRun = runId;
    m_runBox->setCurrentIndex(m_runBox->findData(runId));
    const QStringList splits = runId.isEmpty() ? QStringList() : workflow::reviewSplits(shownRunDir(), m_store);
    if (!splits.contains(m_splitBox->currentData().toString()))
        m_splitBox->setCurrentIndex(0);
    auto *model = qobject_cast<QStandardItemModel *>(m_splitBox->model());
    if (QStandardItem *test = model ? model->item(1) : nullptr)
        test->setEnabled(splits.contains(kTest));
    m_splitBox->setToolTip(splits.contains(kTest) ? QString() : tr("The project has no test images"));
    load();
}

void ReviewWorkspace::showSplit(const QString &split)
{
    m_splitBox->setCurrentIndex(m_splitBox->findData(split));
    load();
}

bool ReviewWorkspace::isLoading() const
{
    return m_loader.isRunning();
}

void ReviewWorkspace::load()
{
    if (m_shownRun.isEmpty() || m_loader.isRunning())
        return; // handleLoaded() asks again when what it brings is not what is wanted
    const QString runDir = shownRunDir();
    const QString split = m_splitBox->currentData().toString();
    m_summary->setText(tr("Loading the predictions…"));
    m_loader.setFuture(QtConcurrent::run([runDir, split] {
        auto loaded = std::make_shared<Loaded>();
        loaded->runDir = runDir;
        loaded->split = split;
        try {
            // The worker opens the project by itself: the store writes every edit through at once.
            loaded->review = workflow::loadReview(runDir, split);
        } catch (const std::exception &error) {
            loaded->error = QString::fromUtf8(error.what());
        }
        return loaded;
    }));
}

void ReviewWorkspace::handleLoaded()
{
    std::shared_ptr<Loaded> loaded;
    if (m_loader.isFinished() && m_loader.future().resultCount() > 0)
        loaded = m_loader.result();
    if (loaded && (loaded->runDir != shownRunDir() || loaded->split != m_splitBox->currentData().toString())) {
        // Another run or split was asked for meanwhile; the watcher is restarted once this signal is over.
        QMetaObject::invokeMethod(this, &ReviewWorkspace::load, Qt::QueuedConnection);
        return;
    }
    if (loaded && !loaded->error.isEmpty()) {
        m_summary->setText(tr("The predictions could not be read."));
        Q_EMIT errorRaised(tr("Review"), loaded->error);
        loaded->review = {};
    }
    if (loaded || m_shownRun.isEmpty())
        showReviewSet(loaded ? std::move(loaded->review) : workflow::ReviewSet());
}

void ReviewWorkspace::showReviewSet(workflow::ReviewSet review)
{
    m_review = std::move(review);
    m_averagePrecisions = m_review.averagePrecisions();
    m_saved = m_review.thresholds;
    m_thresholds = m_saved;
    m_rowOfPath.clear();
    for (int row = 0; row < m_review.rows(); ++row)
        m_rowOfPath.insert(m_review.paths[row], row);
    m_shownRow = -1;
    m_explanation = {};
    m_camView->setPixmap({});
    m_camView->clear();
    m_imageTags->setRowCount(0);

    const int tag = std::max(0, m_mistakeTag->currentIndex());
    m_mistakeTag->clear();
    m_camTag->clear();
    m_mistakeTag->addItems(m_review.tags);
    m_camTag->addItems(m_review.tags);
    m_mistakeTag->setCurrentIndex(std::min(tag, int(m_review.tags.size()) - 1));

    if (m_review.tags.isEmpty()) {
        m_summary->setText(m_store ? tr("No run of this project has a model yet: train one first.") : QString());
    } else {
        QString text = tr("%n images, weights of epoch %1", nullptr, m_review.rows()).arg(m_review.epoch);
        if (m_review.relabeled > 0)
            text += QStringLiteral("; ") + tr("%n scored against labels changed since training", nullptr, m_review.relabeled);
        m_summary->setText(text);
    }
    m_tuneButton->setEnabled(!m_review.tags.isEmpty() && !m_review.runDir.isEmpty());
    thresholdsChanged();
    m_tagTable->resizeColumnsToContents();
    if (m_tagTable->model()->rowCount() > 0 && !m_tagTable->currentIndex().isValid())
        m_tagTable->selectRow(0);
    Q_EMIT loaded();
}

void ReviewWorkspace::thresholdsChanged()
{
    m_report = m_review.tags.isEmpty() ? ml::MetricsReport() : m_review.metrics(m_thresholds, m_averagePrecisions);
    m_tagModel->setTags(m_report.perTag);
    m_grid->setMetrics(m_report.perTag);
    m_confusionDirty = true;
    updateConfusion();
    const bool changed = m_thresholds != m_saved;
    m_saveButton->setEnabled(changed && !m_review.runDir.isEmpty());
    m_revertButton->setEnabled(changed);
    updateTotals();
    updateTagPanel();
    updateMistakes();
    updateImagePanel();
}

void ReviewWorkspace::updateConfusion()
{
    if (!m_confusionDirty || m_views->currentIndex() != 1)
        return;
    m_confusionDirty = false;
    std::vector<long long> support;
    for (const ml::TagMetrics &tag : m_report.perTag)
        support.push_back(tag.support);
    m_matrix->setConfusion(m_review.tags, m_review.tags.isEmpty() ? std::vector<long long>() : m_review.confusion(m_thresholds),
                           support);
}

void ReviewWorkspace::updateTotals()
{
    if (m_review.tags.isEmpty()) {
        m_totals->clear();
        return;
    }
    const QLocale locale;
    m_totals->setText(tr("F%1 (samples) <b>%2</b> · micro F1 <b>%3</b> · macro F1 <b>%4</b> · mAP <b>%5</b> · "
                         "Hamming loss <b>%6</b>")
                          .arg(locale.toString(m_report.beta, 'g', 3), probabilityText(m_report.fbetaSamples),
                               probabilityText(m_report.f1Micro), probabilityText(m_report.f1Macro), probabilityText(m_report.map),
                               probabilityText(m_report.hammingLoss)));
}

int ReviewWorkspace::selectedTag() const
{
    const QModelIndex current = m_tagTable->currentIndex();
    if (!current.isValid())
        return -1;
    const auto *proxy = static_cast<const QSortFilterProxyModel *>(m_tagTable->model());
    return proxy->mapToSource(current).row();
}

void ReviewWorkspace::updateTagPanel()
{
    const int tag = selectedTag();
    const bool valid = tag >= 0 && tag < m_review.tagCount();
    m_tagSlider->setEnabled(valid);
    m_updating = true;
    if (valid) {
        const ml::TagMetrics &m = m_report.perTag[std::size_t(tag)];
        m_tagTitle->setText(tr("<b>%1</b>: %2 of %n images have it", nullptr, m_review.rows())
                                .arg(m_review.tags[tag].toHtmlEscaped())
                                .arg(m.support));
        m_tagSlider->setValue(sliderValue(m_thresholds[std::size_t(tag)]));
        m_tagValue->setText(probabilityText(m_thresholds[std::size_t(tag)]));
    } else {
        m_tagTitle->clear();
    }
    const bool same = !m_thresholds.empty()
                      && std::all_of(m_thresholds.begin(), m_thresholds.end(), [&](float t) { return t == m_thresholds[0]; });
    if (same)
        m_globalSlider->setValue(sliderValue(m_thresholds[0]));
    m_updating = false;
    updatePlots();
}

void ReviewWorkspace::updatePlots()
{
    auto *curve = static_cast<QCPCurve *>(m_curvePlot->plottable(0));
    QCPGraph *point = m_curvePlot->graph(0);
    auto *negatives = static_cast<QCPBars *>(m_histogramPlot->plottable(0));
    auto *positives = static_cast<QCPBars *>(m_histogramPlot->plottable(1));
    auto *line = static_cast<QCPItemStraightLine *>(m_histogramPlot->item(0));
    const int tag = selectedTag();
    if (tag < 0 || tag >= m_review.tagCount()) {
        curve->data()->clear();
        point->data()->clear();
        negatives->data()->clear();
        positives->data()->clear();
        line->setVisible(false);
        m_curvePlot->replot(QCustomPlot::rpQueuedReplot);
        m_histogramPlot->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    const std::size_t tags = std::size_t(m_review.tagCount());
    const std::size_t rows = std::size_t(m_review.rows());
    std::vector<std::pair<float, std::uint8_t>> scores(rows);
    for (std::size_t i = 0; i < rows; ++i)
        scores[i] = {m_review.probabilities[i * tags + std::size_t(tag)], m_review.truth[i * tags + std::size_t(tag)]};
    std::sort(scores.begin(), scores.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    const long long positivesTotal = m_report.perTag[std::size_t(tag)].support;

    // The precision-recall curve: one point per distinct score, as average_precision_score steps through them.
    QVector<double> recall, precision;
    long long tp = 0, fp = 0;
    for (std::size_t i = 0; i < rows; ++i) {
        (scores[i].second ? tp : fp) += 1;
        if (i + 1 < rows && scores[i + 1].first == scores[i].first)
            continue;
        recall << (positivesTotal > 0 ? double(tp) / double(positivesTotal) : 0.0);
        precision << double(tp) / double(tp + fp);
    }
    curve->setData(recall, precision);
    const ml::TagMetrics &m = m_report.perTag[std::size_t(tag)];
    point->setData(QVector<double>{m.recall}, QVector<double>{m.tp + m.fp > 0 ? m.precision : 1.0});
    m_curvePlot->replot(QCustomPlot::rpQueuedReplot);

    constexpr int kBins = 20;
    QVector<double> centres(kBins), without(kBins, 0.0), with(kBins, 0.0);
    for (int b = 0; b < kBins; ++b)
        centres[b] = (b + 0.5) / kBins;
    for (const auto &[score, truth] : scores) {
        const int bin = std::clamp(int(score * kBins), 0, kBins - 1);
        (truth ? with : without)[bin] += 1;
    }
    negatives->setData(centres, without, true);
    positives->setData(centres, with, true);
    const double top = std::max(*std::max_element(without.begin(), without.end()), *std::max_element(with.begin(), with.end()));
    m_histogramPlot->yAxis->setRange(0, std::max(1.0, top * 1.1));
    const double threshold = m_thresholds[std::size_t(tag)];
    line->point1->setCoords(threshold, 0);
    line->point2->setCoords(threshold, 1);
    line->setVisible(true);
    m_histogramPlot->replot(QCustomPlot::rpQueuedReplot);
}

void ReviewWorkspace::setThreshold(int tag, float value)
{
    if (tag < 0 || tag >= int(m_thresholds.size()))
        return;
    m_thresholds[std::size_t(tag)] = std::clamp(value, 0.0f, 1.0f);
    thresholdsChanged();
}

void ReviewWorkspace::setAllThresholds(float value)
{
    std::fill(m_thresholds.begin(), m_thresholds.end(), std::clamp(value, 0.0f, 1.0f));
    thresholdsChanged();
}

void ReviewWorkspace::revertThresholds()
{
    m_thresholds = m_saved;
    thresholdsChanged();
}

bool ReviewWorkspace::tuneThresholds()
{
    if (m_review.tags.isEmpty())
        return false;
    workflow::ReviewSet validation;
    const workflow::ReviewSet *source = &m_review;
    if (m_review.split != kValidation) {
        try {
            validation = workflow::loadReview(m_review.runDir, kValidation, m_store);
        } catch (const ProjectError &error) {
            Q_EMIT errorRaised(tr("Tune Thresholds"), error.message());
            return false;
        }
        source = &validation;
    }
    const double before = m_report.fbetaSamples;
    m_thresholds = ml::tuneThresholds(source->probabilities, source->truth, source->tagCount(), source->beta);
    thresholdsChanged();
    Q_EMIT statusMessage(tr("Thresholds tuned on the validation images: F-beta here %1 → %2")
                             .arg(probabilityText(before), probabilityText(m_report.fbetaSamples)));
    return true;
}

bool ReviewWorkspace::saveThresholds()
{
    if (m_review.runDir.isEmpty() || m_thresholds == m_saved)
        return false;
    QPointer<ReviewWorkspace> self(this);
    auto *command = new ThresholdsCommand(m_review.runDir, m_saved, m_thresholds,
                                          [self](const QString &runDir, const std::vector<float> &thresholds, const QString &error) {
                                              if (!self)
                                                  return;
                                              if (!error.isEmpty()) {
                                                  Q_EMIT self->errorRaised(tr("Save Thresholds"), error);
                                                  return;
                                              }
                                              if (self->m_review.runDir != runDir)
                                                  return;
                                              self->m_saved = thresholds;
                                              self->m_review.thresholds = thresholds;
                                              self->m_thresholds = thresholds;
                                              self->thresholdsChanged();
                                              Q_EMIT self->statusMessage(tr("Thresholds saved into the model"));
                                          });
    m_editor->undoStack()->push(command);
    return m_saved == m_thresholds;
}

QList<int> ReviewWorkspace::mistakes(int tag, bool falsePositives) const
{
    QList<int> rows;
    if (tag < 0 || tag >= m_review.tagCount())
        return rows;
    const std::size_t tags = std::size_t(m_review.tagCount());
    const float threshold = m_thresholds[std::size_t(tag)];
    for (int row = 0; row < m_review.rows(); ++row) {
        const std::size_t cell = std::size_t(row) * tags + std::size_t(tag);
        const bool predicted = m_review.probabilities[cell] >= threshold;
        if (predicted != bool(m_review.truth[cell]) && predicted == falsePositives)
            rows << row;
    }
    // Most confident first: the highest probabilities of false positives, the lowest of false negatives.
    std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
        const float pa = m_review.probabilities[std::size_t(a) * tags + std::size_t(tag)];
        const float pb = m_review.probabilities[std::size_t(b) * tags + std::size_t(tag)];
        return falsePositives ? pa > pb : pa < pb;
    });
    return rows;
}

void ReviewWorkspace::updateMistakes()
{
    const int tag = m_mistakeTag->currentIndex();
    const bool falsePositives = m_mistakeKind->currentData().toBool();
    const QList<int> rows = mistakes(tag, falsePositives);
    QList<int> listed;
    for (int i = 0; i < m_mistakeList->count(); ++i)
        listed << m_mistakeList->item(i)->data(Qt::UserRole).toInt();
    const QList<int> shown = rows.mid(0, kMaxListed);
    m_mistakeCount->setText(rows.size() > shown.size()
                                ? tr("%1 images; the %n most confident shown", nullptr, int(shown.size())).arg(rows.size())
                                : tr("%n images", nullptr, int(rows.size())));
    if (shown == listed)
        return;
    const QSignalBlocker blocker(m_mistakeList);
    m_mistakeList->clear();
    const std::size_t tags = std::size_t(std::max(1, m_review.tagCount()));
    QStringList paths;
    // Until its thumbnail comes, an item shows a blank of the thumbnail's size.
    QPixmap blank(kThumbnail, kThumbnail);
    blank.fill(palette().color(QPalette::Base));
    for (const int row : shown) {
        const float p = m_review.probabilities[std::size_t(row) * tags + std::size_t(tag)];
        auto *item = new QListWidgetItem(QIcon(blank), probabilityText(p), m_mistakeList);
        item->setData(Qt::UserRole, row);
        item->setToolTip(m_review.paths[row]);
        if (row == m_shownRow)
            m_mistakeList->setCurrentItem(item);
        paths << m_review.paths[row];
    }
    // Thumbnails come from a worker, so that a long list never stalls the window.
    m_thumbnails.cancel();
    m_thumbnails.waitForFinished();
    disconnect(&m_thumbnails, nullptr, this, nullptr);
    connect(&m_thumbnails, &QFutureWatcher<QList<QImage>>::finished, this, [this, paths] {
        if (m_thumbnails.isCanceled() || m_thumbnails.future().resultCount() == 0)
            return;
        const QList<QImage> images = m_thumbnails.result();
        for (int i = 0; i < images.size() && i < m_mistakeList->count(); ++i) {
            QListWidgetItem *item = m_mistakeList->item(i);
            if (item->toolTip() == paths.value(i) && !images[i].isNull())
                item->setIcon(QIcon(QPixmap::fromImage(images[i])));
        }
    });
    m_thumbnails.setFuture(QtConcurrent::run([paths] {
        QList<QImage> images;
        for (const QString &path : paths) {
            QImageReader reader(path);
            reader.setAutoTransform(true);
            const QSize size = reader.size();
            if (size.isValid())
                reader.setScaledSize(size.scaled(kThumbnail, kThumbnail, Qt::KeepAspectRatio));
            images << reader.read();
        }
        return images;
    }));
}

void ReviewWorkspace::showImage(int row, int camTag)
{
    if (row < 0 || row >= m_review.rows())
        return;
    m_shownRow = row;
    if (camTag >= 0 && camTag < m_camTag->count())
        m_camTag->setCurrentIndex(camTag);
    m_imageTitle->setText(QDir::toNativeSeparators(m_review.paths[row]));
    updateImagePanel();
    requestExplanation();
}

void ReviewWorkspace::updateImagePanel()
{
    if (m_shownRow < 0 || m_shownRow >= m_review.rows()) {
        m_imageTags->setRowCount(0);
        return;
    }
    const std::size_t tags = std::size_t(m_review.tagCount());
    const bool inProject = m_store && m_store->indexOfPath(m_store->relativePath(m_review.paths[m_shownRow])) >= 0;
    m_updating = true;
    m_imageTags->setRowCount(int(tags));
    for (std::size_t t = 0; t < tags; ++t) {
        const std::size_t cell = std::size_t(m_shownRow) * tags + t;
        auto *name = new QTableWidgetItem(m_review.tags[qsizetype(t)]);
        Qt::ItemFlags flags = Qt::ItemIsEnabled;
        if (inProject)
            flags |= Qt::ItemIsUserCheckable;
        name->setFlags(flags);
        name->setCheckState(m_review.truth[cell] ? Qt::Checked : Qt::Unchecked);
        m_imageTags->setItem(int(t), 0, name);
        m_imageTags->setCellWidget(int(t), 1, new ProbabilityBar(m_review.probabilities[cell], m_thresholds[t]));
        auto *threshold = new QTableWidgetItem(probabilityText(m_thresholds[t]));
        threshold->setFlags(Qt::ItemIsEnabled);
        threshold->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_imageTags->setItem(int(t), 2, threshold);
    }
    m_updating = false;
}

void ReviewWorkspace::requestExplanation()
{
    if (m_shownRow < 0 || m_shownRow >= m_review.rows())
        return;
    if (m_explainWatcher.isRunning()) {
        m_explainAgain = true;
        return;
    }
    const QString runDir = m_review.runDir;
    const QString path = m_review.paths[m_shownRow];
    if (runDir.isEmpty()) {
        m_camView->setPixmap(QPixmap(path).scaled(kShownEdge, kShownEdge, Qt::KeepAspectRatio, Qt::SmoothTransformation));
        Q_EMIT explained();
        return;
    }
    const int tag = std::max(0, m_camTag->currentIndex());
    const auto method = workflow::Explainer::Method(m_camMethod->currentData().toInt());
    std::shared_ptr<workflow::Explainer> explainer = m_explainerRun == runDir ? m_explainer : nullptr;
    const int row = m_shownRow;
    m_explainWatcher.setFuture(QtConcurrent::run([=]() mutable {
        auto loaded = std::make_shared<Loaded>();
        loaded->runDir = runDir;
        loaded->row = row;
        try {
            if (!explainer)
                explainer = workflow::Explainer::load(runDir);
            loaded->explanation = explainer->explain(path, {tag}, kShownEdge, method);
            loaded->explainer = explainer;
        } catch (const std::exception &error) {
            loaded->error = QString::fromUtf8(error.what());
        }
        return loaded;
    }));
}

void ReviewWorkspace::showOverlay()
{
    if (m_explanation.maps.empty())
        return;
    const QImage image = toImage(m_explanation.overlay(0, m_opacity->value() / 100.0));
    const QSize room = m_camView->size().boundedTo(QSize(kShownEdge, kShownEdge));
    m_camView->setPixmap(QPixmap::fromImage(image.scaled(room, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}

void ReviewWorkspace::onImageTagToggled(int tag, bool on)
{
    if (!m_store || m_shownRow < 0 || tag < 0 || tag >= m_review.tagCount())
        return;
    const int index = m_store->indexOfPath(m_store->relativePath(m_review.paths[m_shownRow]));
    const TagInfo *info = m_store->tagByName(m_review.tags[tag]);
    if (index < 0 || !info) {
        Q_EMIT errorRaised(tr("Fix Tags"), tr("%1: the image or the tag '%2' is no longer in the project")
                                               .arg(m_review.paths[m_shownRow], m_review.tags[tag]));
        updateImagePanel();
        return;
    }
    // The store's imagesChanged() brings the change back here (and so does undo).
    if (!m_editor->setTag({m_store->images()[std::size_t(index)].id}, info->id, on))
        updateImagePanel();
}

void ReviewWorkspace::onImagesChanged(const QList<qint64> &imageIds)
{
    if (!m_store || m_review.tags.isEmpty())
        return;
    const std::size_t tags = std::size_t(m_review.tagCount());
    bool changed = false;
    for (const qint64 id : imageIds) {
        const ImageRecord *image = m_store->image(id);
        if (!image)
            continue;
        const int row = m_rowOfPath.value(m_store->absolutePath(image->path), -1);
        if (row < 0)
            continue;
        for (std::size_t t = 0; t < tags; ++t) {
            const TagInfo *info = m_store->tagByName(m_review.tags[qsizetype(t)]);
            const std::uint8_t has = info && image->hasTag(info->id) ? 1 : 0;
            std::uint8_t &cell = m_review.truth[std::size_t(row) * tags + t];
            if (cell != has) {
                cell = has;
                changed = true;
            }
        }
    }
    if (changed) {
        m_averagePrecisions = m_review.averagePrecisions();
        thresholdsChanged();
    }
}

}
