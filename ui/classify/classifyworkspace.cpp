#include "ui/classify/classifyworkspace.h"

#include "core/io/atomicwrite.h"
#include "core/ml/json.h"
#include "core/ml/predictor.h"
#include "core/project/projectstore.h"
#include "core/project/projecterror.h"
#include "core/workflow/projectruns.h"
#include "ui/classify/addtoprojectdialog.h"
#include "ui/modelviews.h"
#include "ui/projecteditor.h"

#include <QAbstractTableModel>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace tagwise {

namespace {

constexpr int kShownEdge = 512;

/// The tags of \a image at or over their thresholds, as names.
QStringList predictedTags(const workflow::ClassifiedImage &image, const QStringList &tags, const std::vector<float> &thresholds)
{
    QStringList names;
    for (std::size_t t = 0; t < image.probabilities.size(); ++t) {
        if (image.probabilities[t] >= thresholds[t])
            names << tags[qsizetype(t)];
    }
    return names;
}

float topProbability(const workflow::ClassifiedImage &image)
{
    return image.probabilities.empty() ? -1.0f : *std::max_element(image.probabilities.begin(), image.probabilities.end());
}

}

/// The results as a table: file, predicted tags, highest probability, problem.
class ClassifiedModel final : public QAbstractTableModel
{
public:
    enum Column { File, Tags, Top, Problem, ColumnCount };
    enum Role { SortRole = Qt::UserRole, RowRole };

    using QAbstractTableModel::QAbstractTableModel;

    void setModel(const QStringList &tags, const std::vector<float> &thresholds)
    {
        beginResetModel();
        m_tags = tags;
        m_thresholds = thresholds;
        m_results.clear();
        endResetModel();
    }

    void append(std::vector<workflow::ClassifiedImage> results)
    {
        if (results.empty())
            return;
        beginInsertRows({}, int(m_results.size()), int(m_results.size() + results.size()) - 1);
        for (auto &result : results)
            m_results.push_back(std::move(result));
        endInsertRows();
    }

    const std::vector<workflow::ClassifiedImage> &results() const { return m_results; }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_results.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid())
            return {};
        const workflow::ClassifiedImage &image = m_results[std::size_t(index.row())];
        if (role == RowRole)
            return index.row();
        if (role == Qt::ToolTipRole)
            return image.error.isEmpty() ? image.path : image.error;
        if (role == Qt::DisplayRole || role == SortRole) {
            switch (index.column()) {
            case File: return QFileInfo(image.path).fileName();
            case Tags: return predictedTags(image, m_tags, m_thresholds).join(QLatin1Char(' '));
            case Top:
                if (role == SortRole)
                    return double(topProbability(image));
                return image.error.isEmpty() ? probabilityText(topProbability(image)) : QString();
            case Problem: {
                // The path is the row's: the column says the reason.
                const QString prefix = image.path + QStringLiteral(": ");
                return image.error.startsWith(prefix) ? image.error.mid(prefix.size()) : image.error;
            }
            default: return {};
            }
        }
        return {};
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return {};
        switch (section) {
        case File: return ClassifyWorkspace::tr("Image");
        case Tags: return ClassifyWorkspace::tr("Predicted tags");
        case Top: return ClassifyWorkspace::tr("Highest probability");
        case Problem: return ClassifyWorkspace::tr("Problem");
        default: return {};
        }
    }

private:
    QStringList m_tags;
    std::vector<float> m_thresholds;
    std::vector<workflow::ClassifiedImage> m_results;
};

namespace {

/// Rows predicted with the chosen tag (any when none), at or over the confidence asked.
class ResultFilter final : public QSortFilterProxyModel
{
public:
    ResultFilter(const ClassifiedModel *model, QObject *parent)
        : QSortFilterProxyModel(parent)
        , m_model(model)
    {
    }

    void setFilter(int tag, double confidence, const std::vector<float> &thresholds)
    {
        m_tag = tag;
        m_confidence = confidence;
        m_thresholds = thresholds;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &) const override
    {
        const workflow::ClassifiedImage &image = m_model->results()[std::size_t(row)];
        if (m_tag < 0)
            return m_confidence <= 0.0 || topProbability(image) >= m_confidence;
        if (image.probabilities.size() <= std::size_t(m_tag))
            return false;
        const float p = image.probabilities[std::size_t(m_tag)];
        return p >= m_thresholds[std::size_t(m_tag)] && p >= m_confidence;
    }

private:
    const ClassifiedModel *m_model;
    int m_tag = -1;
    double m_confidence = 0.0;
    std::vector<float> m_thresholds;
};

}

/// A batch classified in the background.
struct ClassifyWorkspace::Job
{
    std::vector<workflow::ClassifiedImage> results;
};

struct ClassifyWorkspace::CopyJob
{
    workflow::CopiedImages copied;
    QString error;
};

ClassifyWorkspace::ClassifyWorkspace(ProjectEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_cancel(std::make_shared<std::atomic<bool>>(false))
    , m_done(std::make_shared<std::atomic<int>>(0))
    , m_total(std::make_shared<std::atomic<int>>(0))
    , m_copyCancel(std::make_shared<std::atomic<bool>>(false))
{
    setObjectName(QStringLiteral("classifyWorkspace"));
    createWidgets();
    connect(&m_job, &QFutureWatcher<std::shared_ptr<Job>>::finished, this, &ClassifyWorkspace::handleFinished);
    connect(&m_copy, &QFutureWatcher<std::shared_ptr<CopyJob>>::finished, this, [this] { finishCopy(true); });
    connect(&m_explain, &QFutureWatcher<std::shared_ptr<workflow::Explanation>>::finished, this, [this] {
        const auto explanation = m_explain.result();
        if (explanation && m_shownRow >= 0 && explanation->path == results()[std::size_t(m_shownRow)].path) {
            m_explanation = *explanation;
            showOverlay();
        }
        if (m_explainAgain) {
            m_explainAgain = false;
            QMetaObject::invokeMethod(this, &ClassifyWorkspace::requestExplanation, Qt::QueuedConnection);
        } else {
            Q_EMIT explained();
        }
    });
    auto *poll = new QTimer(this);
    connect(poll, &QTimer::timeout, this, [this] {
        if (!m_job.isRunning() && !m_copy.isRunning())
            return;
        m_progress->setMaximum(std::max(1, m_total->load()));
        m_progress->setValue(m_done->load());
    });
    poll->start(100);
}

ClassifyWorkspace::~ClassifyWorkspace()
{
    m_cancel->store(true);
    m_copyCancel->store(true);
    m_job.waitForFinished();
    m_explain.waitForFinished();
    // Those copied so far stay in the folder; the project lists them, untagged, when next opened.
    m_copy.waitForFinished();
}

void ClassifyWorkspace::createWidgets()
{
    m_runBox = new QComboBox;
    m_runBox->setObjectName(QStringLiteral("classifyRunBox"));
    m_runBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *addFiles = new QPushButton(tr("Add Images…"));
    auto *addFolder = new QPushButton(tr("Add Folder…"));
    auto *paste = new QPushButton(tr("Paste"));
    paste->setToolTip(tr("Classify the image or the files on the clipboard (Ctrl+V)"));
    auto *exportButton = new QPushButton(tr("Export…"));
    exportButton->setObjectName(QStringLiteral("exportResultsButton"));
    auto *clearButton = new QPushButton(tr("Clear"));
    m_addButton = new QPushButton(tr("Add to Project…"));
    m_addButton->setObjectName(QStringLiteral("addToProjectButton"));
    m_addButton->setToolTip(tr("Copy the images shown (or the selected ones, when several are) into the project, "
                               "with the predicted tags as suggestions to review"));
    m_addButton->setEnabled(false);
    m_progress = new QProgressBar;
    m_progress->setVisible(false);
    m_cancelButton = new QPushButton(tr("Cancel"));
    m_cancelButton->setObjectName(QStringLiteral("cancelClassifyButton"));
    m_cancelButton->setVisible(false);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Model:")));
    top->addWidget(m_runBox);
    top->addWidget(addFiles);
    top->addWidget(addFolder);
    top->addWidget(paste);
    top->addStretch(1);
    top->addWidget(m_progress);
    top->addWidget(m_cancelButton);
    top->addWidget(m_addButton);
    top->addWidget(exportButton);
    top->addWidget(clearButton);

    m_summary = new QLabel(tr("Drop images or folders anywhere on the window to classify them."));
    m_summary->setObjectName(QStringLiteral("classifySummary"));
    m_summary->setWordWrap(true);

    m_model = new ClassifiedModel(this);
    auto *filter = new ResultFilter(m_model, this);
    m_proxy = filter;
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ClassifiedModel::SortRole);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("classifiedTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(ClassifiedModel::File, 220);
    m_table->setColumnWidth(ClassifiedModel::Tags, 200);
    m_table->setColumnWidth(ClassifiedModel::Top, m_table->fontMetrics().horizontalAdvance(tr("Highest probability")) + 24);
    m_tagFilter = new QComboBox;
    m_tagFilter->setObjectName(QStringLiteral("classifyTagFilter"));
    m_confidence = new QDoubleSpinBox;
    m_confidence->setObjectName(QStringLiteral("classifyConfidenceFilter"));
    m_confidence->setRange(0.0, 1.0);
    m_confidence->setSingleStep(0.05);
    m_confidence->setDecimals(2);
    m_confidence->setPrefix(tr("at least "));
    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Show:")));
    filters->addWidget(m_tagFilter, 1);
    filters->addWidget(m_confidence);
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(filters);
    leftLayout->addWidget(m_table, 1);

    m_imageTitle = new QLabel;
    m_imageTitle->setWordWrap(true);
    m_imageTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_camView = new QLabel;
    m_camView->setObjectName(QStringLiteral("classifyCamView"));
    m_camView->setAlignment(Qt::AlignCenter);
    m_camView->setMinimumSize(280, 280);
    m_camView->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_camTag = new QComboBox;
    m_camTag->setObjectName(QStringLiteral("classifyCamTagBox"));
    m_opacity = new QSlider(Qt::Horizontal);
    m_opacity->setRange(0, 100);
    m_opacity->setValue(50);
    m_opacity->setToolTip(tr("Opacity of the heat map"));
    auto *camRow = new QHBoxLayout;
    camRow->addWidget(new QLabel(tr("Heat map of")));
    camRow->addWidget(m_camTag, 1);
    camRow->addWidget(new QLabel(tr("Opacity")));
    camRow->addWidget(m_opacity);
    m_probabilities = newProbabilityTable({tr("Tag"), tr("Probability"), tr("Threshold")});
    m_probabilities->setObjectName(QStringLiteral("classifyProbabilityTable"));
    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_imageTitle);
    rightLayout->addWidget(m_camView, 3);
    rightLayout->addLayout(camRow);
    rightLayout->addWidget(m_probabilities, 2);

    auto *splitter = new QSplitter;
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);

    connect(m_runBox, &QComboBox::activated, this, [this] { setRun(m_runBox->currentData().toString()); });
    connect(addFiles, &QPushButton::clicked, this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(
            this, tr("Classify Images"), QString(),
            tr("Images (%1)").arg(QStringLiteral("*.") + ProjectStore::imageSuffixes().join(QStringLiteral(" *."))));
        if (!files.isEmpty())
            classify(files);
    });
    connect(addFolder, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Classify a Folder"));
        if (!folder.isEmpty())
            classify({folder});
    });
    connect(paste, &QPushButton::clicked, this, [this] {
        if (!take(QApplication::clipboard()->mimeData()))
            Q_EMIT statusMessage(tr("The clipboard holds no image and no image file"));
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        QString selected;
        const QString planet = tr("Planet CSV, predicted tags (*.csv)");
        const QString probabilities = tr("CSV with every probability (*.csv)");
        const QString json = tr("JSON, as tagwise-cli predict (*.json)");
        const QString file = QFileDialog::getSaveFileName(this, tr("Export Results"), QString(),
                                                          planet + QStringLiteral(";;") + probabilities + QStringLiteral(";;") + json,
                                                          &selected);
        if (!file.isEmpty())
            exportResults(file, selected == json ? QStringLiteral("json") : selected == probabilities ? QStringLiteral("csv")
                                                                                                         : QStringLiteral("planet"));
    });
    connect(clearButton, &QPushButton::clicked, this, &ClassifyWorkspace::clear);
    connect(m_addButton, &QPushButton::clicked, this, &ClassifyWorkspace::openAddToProject);
    connect(m_cancelButton, &QPushButton::clicked, this, &ClassifyWorkspace::cancel);
    connect(m_tagFilter, &QComboBox::activated, this, &ClassifyWorkspace::applyFilter);
    connect(m_confidence, &QDoubleSpinBox::valueChanged, this, &ClassifyWorkspace::applyFilter);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            showResult(current.data(ClassifiedModel::RowRole).toInt(), -1);
    });
    connect(m_camTag, &QComboBox::activated, this, &ClassifyWorkspace::requestExplanation);
    connect(m_opacity, &QSlider::valueChanged, this, &ClassifyWorkspace::showOverlay);
}

void ClassifyWorkspace::setStore(ProjectStore *store)
{
    cancel();
    m_job.waitForFinished();
    if (m_copyPending) {
        // What was copied before Cancel took effect is added to the project it was copied into,
        // without a word: the project is being closed (or the window).
        m_copy.waitForFinished();
        finishCopy(false);
    }
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    m_activeRun = store ? store->setting(QStringLiteral("activeRun")) : QString();
    if (store)
        connect(store, &ProjectStore::runsChanged, this, &ClassifyWorkspace::refreshRuns);
    m_run.clear();
    refreshRuns();
}

void ClassifyWorkspace::refreshRuns()
{
    const QString wanted = fillRunBox(m_runBox, m_store, m_activeRun, m_run);
    if (wanted != m_run || (!m_explainer && m_modelError.isEmpty() && !wanted.isEmpty()))
        setRun(wanted);
}

void ClassifyWorkspace::setActiveRun(const QString &runId)
{
    m_activeRun = runId;
    refreshRuns();
}

void ClassifyWorkspace::setRun(const QString &runId)
{
    if (m_job.isRunning()) {
        cancel();
        m_job.waitForFinished();
    }
    m_run = runId;
    m_runBox->setCurrentIndex(m_runBox->findData(runId));
    loadModel();
}

void ClassifyWorkspace::loadModel()
{
    m_explainer.reset();
    m_modelError.clear();
    m_tags.clear();
    m_thresholds.clear();
    if (m_store && !m_run.isEmpty()) {
        const RunRecord run = m_store->run(m_run);
        try {
            m_explainer = workflow::Explainer::load(workflow::runFolder(*m_store, run));
            m_tags = m_explainer->tags();
            m_thresholds = m_explainer->thresholds();
        } catch (const std::exception &error) {
            m_modelError = QString::fromUtf8(error.what());
        }
    }
    m_model->setModel(m_tags, m_thresholds);
    m_tagFilter->clear();
    m_tagFilter->addItem(tr("All images"), -1);
    for (int t = 0; t < m_tags.size(); ++t)
        m_tagFilter->addItem(tr("Predicted %1").arg(m_tags[t]), t);
    m_camTag->clear();
    m_camTag->addItems(m_tags);
    m_shownRow = -1;
    m_explanation = {};
    m_camView->clear();
    m_probabilities->setRowCount(0);
    m_imageTitle->clear();
    applyFilter();
    updateSummary();
}

bool ClassifyWorkspace::canTake(const QMimeData *mime)
{
    if (!mime)
        return false;
    if (mime->hasImage())
        return true;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            return true;
    }
    return false;
}

QString ClassifyWorkspace::pasteFolder()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/pasted");
    QDir().mkpath(folder);
    return folder;
}

bool ClassifyWorkspace::take(const QMimeData *mime)
{
    if (!canTake(mime))
        return false;
    QStringList inputs;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            inputs << url.toLocalFile();
    }
    if (inputs.isEmpty() && mime->hasImage()) {
        // An image without a file (a screenshot, an image copied in a browser) is saved to classify it.
        const QImage image = qvariant_cast<QImage>(mime->imageData());
        const QString file = QDir(pasteFolder()).filePath(
            QStringLiteral("pasted-%1-%2.png").arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))).arg(++m_pasted));
        if (image.isNull() || !image.save(file)) {
            Q_EMIT errorRaised(tr("Paste"), tr("%1: the pasted image cannot be saved").arg(file));
            return false;
        }
        inputs << file;
    }
    classify(inputs);
    return true;
}

void ClassifyWorkspace::classify(const QStringList &inputs)
{
    if (!m_explainer) {
        Q_EMIT errorRaised(tr("Classify"), m_modelError.isEmpty() ? tr("Train a model first: this project has none yet.")
                                                                  : m_modelError);
        return;
    }
    m_waiting += inputs;
    startNext();
}

void ClassifyWorkspace::startNext()
{
    if (m_job.isRunning() || m_copyPending || m_waiting.isEmpty())
        return;
    const QStringList inputs = m_waiting;
    m_waiting.clear();
    m_cancel->store(false);
    m_done->store(0);
    m_total->store(0);
    m_progress->setRange(0, 0);
    m_progress->setVisible(true);
    m_cancelButton->setVisible(true);
    m_addButton->setEnabled(false);
    m_summary->setText(tr("Classifying…"));
    m_job.setFuture(QtConcurrent::run([explainer = m_explainer, inputs, cancel = m_cancel, done = m_done, total = m_total] {
        auto job = std::make_shared<Job>();
        QStringList missing;
        const QStringList files = workflow::imageFilesIn(inputs, &missing, cancel.get());
        total->store(int(files.size()));
        for (const QString &line : std::as_const(missing))
            job->results.push_back({line.section(QStringLiteral(": "), 0, 0), {}, line});
        try {
            auto classified = workflow::classifyImages(
                explainer->predictor(), files, [done](int n, int) { done->store(n); }, cancel.get());
            for (auto &image : classified)
                job->results.push_back(std::move(image));
        } catch (const std::exception &error) {
            job->results.push_back({QString(), {}, QString::fromUtf8(error.what())});
        }
        return job;
    }));
}

void ClassifyWorkspace::handleFinished()
{
    const std::shared_ptr<Job> job = m_job.result();
    m_model->append(std::move(job->results));
    m_progress->setVisible(false);
    m_cancelButton->setVisible(false);
    if (m_cancel->load())
        m_waiting.clear();
    updateSummary();
    if (!m_table->currentIndex().isValid() && m_proxy->rowCount() > 0)
        m_table->selectRow(0);
    Q_EMIT classified();
    QMetaObject::invokeMethod(this, &ClassifyWorkspace::startNext, Qt::QueuedConnection);
}

void ClassifyWorkspace::cancel()
{
    m_cancel->store(true);
    m_copyCancel->store(true);
    m_waiting.clear();
}

bool ClassifyWorkspace::isBusy() const
{
    return m_job.isRunning() || m_copyPending || !m_waiting.isEmpty();
}

void ClassifyWorkspace::clear()
{
    cancel();
    m_job.waitForFinished();
    loadModel();
}

const std::vector<workflow::ClassifiedImage> &ClassifyWorkspace::results() const
{
    return m_model->results();
}

void ClassifyWorkspace::updateSummary()
{
    const auto &shown = results();
    m_addButton->setEnabled(m_store && !m_store->isReadOnly() && !m_job.isRunning() && !m_copyPending
                            && std::any_of(shown.begin(), shown.end(), [](const auto &image) { return image.error.isEmpty(); }));
    if (!m_modelError.isEmpty()) {
        m_summary->setText(tr("The model cannot be loaded: %1").arg(m_modelError));
        return;
    }
    if (!m_explainer) {
        m_summary->setText(tr("Train a model first: this project has none yet."));
        return;
    }
    const auto &all = results();
    if (all.empty()) {
        m_summary->setText(tr("Drop images or folders anywhere on the window to classify them (%1, %n tags).", nullptr,
                              int(m_tags.size()))
                               .arg(m_explainer->architecture()));
        return;
    }
    const auto failed = std::count_if(all.begin(), all.end(), [](const auto &image) { return !image.error.isEmpty(); });
    QString text = tr("%n images classified", nullptr, int(all.size() - std::size_t(failed)));
    if (failed > 0)
        text += QStringLiteral("; ") + tr("%n could not be read (see the Problem column)", nullptr, int(failed));
    if (m_cancel->load())
        text += QStringLiteral("; ") + tr("canceled");
    m_summary->setText(text);
}

void ClassifyWorkspace::openAddToProject()
{
    if (!m_store || m_tags.isEmpty())
        return;
    // The selected rows when several are, else every row the filter shows (one
    // selected row is the one looked at); never an unreadable one.
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.size() < 2) {
        rows.clear();
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            rows.append(m_proxy->index(row, 0));
    }
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList paths;
    std::vector<std::vector<bool>> predicted;
    for (const QModelIndex &index : std::as_const(rows)) {
        const workflow::ClassifiedImage &image = results()[std::size_t(index.data(ClassifiedModel::RowRole).toInt())];
        if (!image.error.isEmpty())
            continue;
        paths << image.path;
        std::vector<bool> on(std::size_t(m_tags.size()));
        for (std::size_t t = 0; t < on.size(); ++t)
            on[t] = image.probabilities[t] >= m_thresholds[t];
        predicted.push_back(std::move(on));
    }
    if (paths.isEmpty()) {
        Q_EMIT statusMessage(tr("No readable image to add"));
        return;
    }
    const QString folder = m_store->setting(QStringLiteral("classifyFolder"), QStringLiteral("classified"));
    auto *dialog = new AddToProjectDialog(paths, m_tags, predicted, folder, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { addToProject(dialog->images(), dialog->folder()); });
    dialog->open();
}

bool ClassifyWorkspace::addToProject(const QList<ImageTags> &images, const QString &folder)
{
    if (!m_store || images.isEmpty() || m_job.isRunning() || m_copyPending)
        return false;
    m_copyPending = true;
    m_copyFolder = folder;
    m_copyCancel->store(false);
    m_done->store(0);
    m_total->store(int(images.size()));
    m_progress->setRange(0, int(images.size()));
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_cancelButton->setVisible(true);
    m_addButton->setEnabled(false);
    m_summary->setText(tr("Copying %n images into the project…", nullptr, int(images.size())));
    m_copy.setFuture(QtConcurrent::run([root = m_store->rootPath(), images, folder, cancel = m_copyCancel, done = m_done] {
        auto job = std::make_shared<CopyJob>();
        try {
            job->copied = workflow::copyIntoProject(
                root, images, folder, [done](int n, int) { done->store(n); }, cancel.get());
        } catch (const ProjectError &error) {
            job->error = error.message();
        } catch (const std::exception &error) {
            job->error = QStringLiteral("%1: %2").arg(folder, QString::fromLocal8Bit(error.what()));
        }
        return job;
    }));
    return true;
}

void ClassifyWorkspace::finishCopy(bool report)
{
    if (!m_copyPending)
        return; // applied already, when the project was closed
    m_copyPending = false;
    const std::shared_ptr<CopyJob> job = m_copy.result();
    m_progress->setVisible(false);
    m_cancelButton->setVisible(false);
    const workflow::CopiedImages &copied = job->copied;
    const QList<ImageTags> rows = copied.rows;
    const bool ok = job->error.isEmpty() && m_store && !rows.isEmpty()
                    && m_editor->applyImport(tr("Add %n images with suggested tags", nullptr, int(rows.size())),
                                             [rows](ProjectStore &store) {
                                                 store.applyImageTags(rows, false, TagSource::Model);
                                             });
    updateSummary();
    if (ok) {
        try {
            m_store->setSetting(QStringLiteral("classifyFolder"), m_copyFolder);
        } catch (const ProjectError &) {
            // Only the folder offered next time is lost.
        }
    }
    Q_EMIT addedToProject(ok);
    if (!report)
        return;
    if (!job->error.isEmpty())
        Q_EMIT errorRaised(tr("Add to Project"), job->error);
    if (ok) {
        QString text = tr("%n images added to the project with the model's tags as suggestions; the Label "
                          "workspace lists them under \"Suggested by a model\"",
                          nullptr, int(rows.size()));
        if (copied.notReached > 0)
            text += QStringLiteral("; ") + tr("canceled: %n others not added", nullptr, copied.notReached);
        Q_EMIT statusMessage(text);
    } else if (job->error.isEmpty() && copied.notReached > 0) {
        Q_EMIT statusMessage(tr("Add to Project canceled: no image was added"));
    }
    if (!copied.problems.isEmpty())
        Q_EMIT errorRaised(tr("Add to Project"), tr("%n images could not be added:", nullptr, int(copied.problems.size()))
                                                     + QLatin1Char('\n') + copied.problems.join(QLatin1Char('\n')));
    QMetaObject::invokeMethod(this, &ClassifyWorkspace::startNext, Qt::QueuedConnection);
}

void ClassifyWorkspace::applyFilter()
{
    static_cast<ResultFilter *>(m_proxy)->setFilter(m_tagFilter->currentData().isValid() ? m_tagFilter->currentData().toInt() : -1,
                                                    m_confidence->value(), m_thresholds);
}

void ClassifyWorkspace::showResult(int row, int tag)
{
    if (row < 0 || row >= int(results().size()))
        return;
    m_shownRow = row;
    const workflow::ClassifiedImage &image = results()[std::size_t(row)];
    m_imageTitle->setText(QDir::toNativeSeparators(image.error.isEmpty() ? image.path : image.error));
    m_probabilities->setRowCount(image.error.isEmpty() ? int(m_tags.size()) : 0);
    int best = 0;
    for (int t = 0; t < int(image.probabilities.size()); ++t) {
        auto *name = new QTableWidgetItem(m_tags[t]);
        m_probabilities->setItem(t, 0, name);
        m_probabilities->setCellWidget(t, 1, new ProbabilityBar(image.probabilities[std::size_t(t)], m_thresholds[std::size_t(t)]));
        auto *threshold = new QTableWidgetItem(probabilityText(m_thresholds[std::size_t(t)]));
        threshold->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_probabilities->setItem(t, 2, threshold);
        if (image.probabilities[std::size_t(t)] > image.probabilities[std::size_t(best)])
            best = t;
    }
    if (!image.error.isEmpty()) {
        m_explanation = {};
        m_camView->clear();
        m_camView->setText(image.error);
        Q_EMIT explained();
        return;
    }
    m_camTag->setCurrentIndex(tag >= 0 ? tag : best);
    requestExplanation();
}

void ClassifyWorkspace::requestExplanation()
{
    if (m_shownRow < 0 || !m_explainer || !results()[std::size_t(m_shownRow)].error.isEmpty())
        return;
    if (m_explain.isRunning()) {
        m_explainAgain = true;
        return;
    }
    const QString path = results()[std::size_t(m_shownRow)].path;
    const int tag = std::max(0, m_camTag->currentIndex());
    m_explain.setFuture(QtConcurrent::run([explainer = m_explainer, path, tag] {
        try {
            return std::make_shared<workflow::Explanation>(explainer->explain(path, {tag}, kShownEdge));
        } catch (const std::exception &) {
            return std::shared_ptr<workflow::Explanation>(); // the file went away since it was classified
        }
    }));
}

void ClassifyWorkspace::showOverlay()
{
    if (m_explanation.maps.empty())
        return;
    const QImage image = toImage(m_explanation.overlay(0, m_opacity->value() / 100.0));
    const QSize room = m_camView->size().boundedTo(QSize(kShownEdge, kShownEdge));
    m_camView->setPixmap(QPixmap::fromImage(image.scaled(room, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}

bool ClassifyWorkspace::exportResults(const QString &file, const QString &format)
{
    QByteArray bytes;
    const auto &all = results();
    const auto csvCell = [](QString text) {
        if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n')))
            text = QLatin1Char('"') + text.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
        return text.toUtf8();
    };
    if (format == QLatin1String("json")) {
        ml::Json array = ml::Json::array();
        for (const auto &image : all) {
            if (!image.error.isEmpty())
                continue;
            ml::Json probabilities = ml::Json::object();
            for (int t = 0; t < m_tags.size(); ++t)
                probabilities[m_tags[t].toStdString()] = double(image.probabilities[std::size_t(t)]);
            ml::Json tags = ml::Json::array();
            for (const QString &tag : predictedTags(image, m_tags, m_thresholds))
                tags.push_back(tag.toStdString());
            array.push_back(ml::Json{{"path", image.path.toStdString()}, {"probabilities", std::move(probabilities)},
                                     {"tags", std::move(tags)}});
        }
        bytes = QByteArray::fromStdString(ml::dumpJson(array));
    } else if (format == QLatin1String("csv")) {
        bytes = "image_path";
        for (const QString &tag : m_tags)
            bytes += ',' + csvCell(tag);
        bytes += '\n';
        for (const auto &image : all) {
            if (!image.error.isEmpty())
                continue;
            bytes += csvCell(image.path);
            for (const float p : image.probabilities)
                bytes += ',' + QByteArray::number(double(p), 'g', 9);
            bytes += '\n';
        }
    } else {
        bytes = "image_name,tags\n";
        for (const auto &image : all) {
            if (image.error.isEmpty())
                bytes += csvCell(image.path) + ',' + predictedTags(image, m_tags, m_thresholds).join(QLatin1Char(' ')).toUtf8() + '\n';
        }
    }
    const QString error = io::writeFileAtomically(file, bytes);
    if (!error.isEmpty()) {
        Q_EMIT errorRaised(tr("Export Results"), error);
        return false;
    }
    Q_EMIT statusMessage(tr("Results written to %1").arg(QDir::toNativeSeparators(file)));
    return true;
}

void ClassifyWorkspace::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Paste)) {
        if (!take(QApplication::clipboard()->mimeData()))
            Q_EMIT statusMessage(tr("The clipboard holds no image and no image file"));
        return;
    }
    QWidget::keyPressEvent(event);
}

}
