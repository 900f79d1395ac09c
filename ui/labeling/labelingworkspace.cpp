#include "ui/labeling/labelingworkspace.h"

#include "core/project/projectstore.h"
#include "ui/labeling/datasetoverviewdialog.h"
#include "ui/labeling/filterbar.h"
#include "ui/labeling/imagelistmodel.h"
#include "ui/labeling/imagepreview.h"
#include "ui/labeling/tagpanel.h"
#include "ui/labeling/thumbnailgrid.h"
#include "ui/labeling/thumbnailloader.h"
#include "ui/projecteditor.h"
#include "ui/tagswatch.h"

#include <QAction>
#include <QActionGroup>
#include <QDir>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QSplitter>
#include <QVBoxLayout>

namespace tagwise {

LabelingWorkspace::LabelingWorkspace(ProjectEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_loader(new ThumbnailLoader(this))
    , m_model(new ImageListModel(m_loader, this))
{
    setObjectName(QStringLiteral("labelingWorkspace"));
    createWidgets();
    createActions();

    connect(m_model, &ImageListModel::countsChanged, this, &LabelingWorkspace::statusChanged);
    connect(m_model, &ImageListModel::rowsRebuilt, this, [this] {
        m_filterBar->setCounts(m_model->rowCount(), m_model->totalCount());
        // The model may have dropped a filter whose tag is gone.
        if (!(m_filterBar->filter() == m_model->filter()))
            m_filterBar->setFilter(m_model->filter());
        syncFilterActions();
    });
    // A reset (filter, scan, import) keeps the selection and the current image.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_savedSelection = m_grid->selectedImageIds();
        m_savedCurrent = m_grid->currentImageId();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_grid->selectImageIds(m_savedSelection, m_savedCurrent);
        m_savedSelection.clear();
        onSelectionSettled();
    });

    m_selectionTimer.setSingleShot(true);
    m_selectionTimer.setInterval(0);
    connect(&m_selectionTimer, &QTimer::timeout, this, &LabelingWorkspace::onSelectionSettled);
    connect(m_grid->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] { m_selectionTimer.start(); });
    connect(m_grid->selectionModel(), &QItemSelectionModel::currentChanged, this, &LabelingWorkspace::onCurrentChanged);
    updateActions();
}

LabelingWorkspace::~LabelingWorkspace()
{
    setStore(nullptr);
}

void LabelingWorkspace::createWidgets()
{
    m_filterBar = new FilterBar;
    m_grid = new ThumbnailGrid(m_model, m_loader);
    m_grid->setFrameShape(QFrame::NoFrame);

    auto *gridPane = new QWidget;
    gridPane->setObjectName(QStringLiteral("gridPane"));
    auto *gridLayout = new QVBoxLayout(gridPane);
    gridLayout->setContentsMargins(0, 0, 0, 0);
    gridLayout->setSpacing(0);
    gridLayout->addWidget(m_filterBar);
    auto *line = new QFrame;
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    gridLayout->addWidget(line);
    gridLayout->addWidget(m_grid, 1);

    m_preview = new ImagePreview;
    m_caption = new QLabel;
    m_caption->setObjectName(QStringLiteral("previewCaption"));
    m_caption->setWordWrap(true);
    m_caption->setTextFormat(Qt::RichText);
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_caption->setContentsMargins(8, 4, 8, 8);
    m_caption->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *previewPane = new QWidget;
    previewPane->setObjectName(QStringLiteral("previewPane"));
    auto *previewLayout = new QVBoxLayout(previewPane);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->setSpacing(0);
    previewLayout->addWidget(m_preview, 1);
    previewLayout->addWidget(m_caption);
    connect(m_preview, &ImagePreview::loaded, this, &LabelingWorkspace::updateCaption);

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(gridPane);
    m_splitter->addWidget(previewPane);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    // Docked by the main window.
    m_tagPanel = new TagPanel;

    connect(m_filterBar, &FilterBar::filterChanged, this, &LabelingWorkspace::onFilterChanged);
    connect(m_filterBar, &FilterBar::refreshRequested, m_model, &ImageListModel::refilter);
    connect(m_tagPanel, &TagPanel::tagClicked, this,
            [this](qint64 tagId, bool on) { m_editor->setTag(selectedImageIds(), tagId, on); });
    connect(m_tagPanel, &TagPanel::addTagRequested, m_editor, &ProjectEditor::addTag);
    connect(m_tagPanel, &TagPanel::renameTagRequested, m_editor, &ProjectEditor::renameTag);
    connect(m_tagPanel, &TagPanel::recolorTagRequested, m_editor, &ProjectEditor::setTagColor);
    connect(m_tagPanel, &TagPanel::shortcutRequested, m_editor, &ProjectEditor::setTagShortcut);
    connect(m_tagPanel, &TagPanel::mergeTagsRequested, m_editor, &ProjectEditor::mergeTags);
    connect(m_tagPanel, &TagPanel::deleteTagRequested, m_editor, &ProjectEditor::deleteTag);
}

void LabelingWorkspace::createActions()
{
    m_selectAllAction = new QAction(tr("Select &All"), this);
    m_selectAllAction->setObjectName(QStringLiteral("selectAllAction"));
    m_selectAllAction->setShortcut(QKeySequence::SelectAll);
    connect(m_selectAllAction, &QAction::triggered, this, [this] {
        m_grid->selectAll();
        m_grid->setFocus();
    });

    m_reviewedAction = new QAction(tr("Mark &Reviewed"), this);
    m_reviewedAction->setObjectName(QStringLiteral("markReviewedAction"));
    m_reviewedAction->setShortcut(Qt::Key_Space);
    m_reviewedAction->setToolTip(tr("Toggle the reviewed mark of the selected images"));
    connect(m_reviewedAction, &QAction::triggered, this, [this] { m_editor->toggleReviewed(selectedImageIds()); });

    m_filterGroup = new QActionGroup(this);
    m_filterGroup->setExclusive(true);
    const QList<std::pair<ImageFilter::Mode, QString>> modes = {
        {ImageFilter::Mode::All, tr("&All Images")},
        {ImageFilter::Mode::Untagged, tr("&Untagged")},
        {ImageFilter::Mode::NotReviewed, tr("&Not Reviewed")},
        {ImageFilter::Mode::Missing, tr("&Missing Files")},
        {ImageFilter::Mode::Suggested, tr("&Suggested by a Model")},
    };
    for (const auto &[mode, text] : modes) {
        auto *action = new QAction(text, m_filterGroup);
        action->setCheckable(true);
        action->setData(int(mode));
        action->setObjectName(QStringLiteral("filterAction%1").arg(int(mode)));
        connect(action, &QAction::triggered, this, [this, mode = mode] {
            ImageFilter filter = m_filterBar->filter();
            filter.mode = mode;
            filter.tagId = 0;
            m_filterBar->setFilter(filter);
            onFilterChanged(filter);
        });
    }
    m_reapplyFilterAction = new QAction(tr("&Reapply Filter"), this);
    m_reapplyFilterAction->setObjectName(QStringLiteral("reapplyFilterAction"));
    m_reapplyFilterAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(m_reapplyFilterAction, &QAction::triggered, m_model, &ImageListModel::refilter);
    m_searchAction = new QAction(tr("&Search File Names"), this);
    m_searchAction->setObjectName(QStringLiteral("searchAction"));
    m_searchAction->setShortcut(QKeySequence::Find);
    connect(m_searchAction, &QAction::triggered, this, [this] {
        m_filterBar->searchEdit()->setFocus();
        m_filterBar->searchEdit()->selectAll();
    });

    m_overviewAction = new QAction(tr("Dataset &Overview…"), this);
    m_overviewAction->setObjectName(QStringLiteral("datasetOverviewAction"));
    connect(m_overviewAction, &QAction::triggered, this, &LabelingWorkspace::showDatasetOverview);

    // Shortcuts of the window while the workspace is shown (see updateActions()).
    addActions({m_selectAllAction, m_reviewedAction, m_reapplyFilterAction, m_searchAction});
}

void LabelingWorkspace::addActionsTo(QMenu *edit, QMenu *view)
{
    edit->addAction(m_selectAllAction);
    edit->addAction(m_reviewedAction);
    m_toggleTagMenu = edit->addMenu(tr("&Toggle Tag"));
    m_toggleTagMenu->setObjectName(QStringLiteral("toggleTagMenu"));
    QMenu *show = view->addMenu(tr("&Show"));
    show->addActions(m_filterGroup->actions());
    view->addAction(m_reapplyFilterAction);
    view->addAction(m_searchAction);
    view->addSeparator();
    view->addAction(m_overviewAction);
    rebuildTagActions();
}

void LabelingWorkspace::setStore(ProjectStore *store)
{
    if (m_store == store)
        return;
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    m_loader->setCacheDir(store ? store->dataPath() + QStringLiteral("/thumbnails") : QString());
    m_model->setStore(store);
    m_tagPanel->setStore(store);
    m_filterBar->setStore(store);
    if (m_overview)
        m_overview->setStore(store);
    if (store) {
        connect(store, &ProjectStore::tagsChanged, this, &LabelingWorkspace::rebuildTagActions);
        connect(store, &ProjectStore::imagesChanged, this, [this](const QList<qint64> &ids) {
            if (ids.contains(m_grid->currentImageId()))
                updateCaption();
        });
        if (m_model->rowCount() > 0)
            m_grid->setCurrentIndex(m_model->index(0));
        m_grid->setFocus();
    } else {
        m_preview->showImage(QString());
    }
    rebuildTagActions();
    updateActions();
    Q_EMIT statusChanged();
}

void LabelingWorkspace::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    updateActions();
}

void LabelingWorkspace::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    updateActions();
}

void LabelingWorkspace::updateActions()
{
    // Hidden behind another workspace, its keys must not edit images unseen.
    const bool active = m_store != nullptr && isVisible();
    m_selectAllAction->setEnabled(active);
    m_reviewedAction->setEnabled(active);
    m_overviewAction->setEnabled(m_store != nullptr);
    m_reapplyFilterAction->setEnabled(active);
    m_searchAction->setEnabled(active);
    m_filterGroup->setEnabled(active);
    m_filterBar->setEnabled(m_store != nullptr);
    for (QAction *action : std::as_const(m_tagActions))
        action->setEnabled(active);
    if (m_toggleTagMenu)
        m_toggleTagMenu->setEnabled(active && !m_tagActions.isEmpty());
}

void LabelingWorkspace::invalidateThumbnails()
{
    m_loader->invalidate();
}

void LabelingWorkspace::selectFirstImageIfNone()
{
    if (!m_grid->currentIndex().isValid() && m_model->rowCount() > 0)
        m_grid->setCurrentIndex(m_model->index(0));
}

QByteArray LabelingWorkspace::saveSplitterState() const
{
    return m_splitter->saveState();
}

void LabelingWorkspace::restoreSplitterState(const QByteArray &state)
{
    if (!m_splitter->restoreState(state))
        m_splitter->setSizes({640, 380});
}

DatasetOverviewDialog *LabelingWorkspace::showDatasetOverview()
{
    if (!m_overview) {
        m_overview = new DatasetOverviewDialog(window());
        m_overview->setAttribute(Qt::WA_DeleteOnClose);
        m_overview->setStore(m_store);
    } else {
        m_overview->refresh();
    }
    m_overview->show();
    m_overview->raise();
    return m_overview;
}

QList<qint64> LabelingWorkspace::selectedImageIds() const
{
    return m_grid->selectedImageIds();
}

void LabelingWorkspace::onFilterChanged(const ImageFilter &filter)
{
    m_model->setFilter(filter);
}

void LabelingWorkspace::onSelectionSettled()
{
    m_selectionTimer.stop();
    m_tagPanel->setSelection(selectedImageIds());
    Q_EMIT statusChanged();
}

void LabelingWorkspace::onCurrentChanged()
{
    const QModelIndex current = m_grid->currentIndex();
    if (!current.isValid()) {
        m_preview->showImage(QString());
    } else {
        m_preview->showImage(current.data(ImageListModel::AbsolutePathRole).toString(),
                             current.data(ImageListModel::MissingRole).toBool());
    }
    updateCaption();
}

void LabelingWorkspace::updateCaption()
{
    const QModelIndex current = m_grid->currentIndex();
    const ImageRecord *image = current.isValid() ? m_model->record(current.row()) : nullptr;
    if (!image || !m_store) {
        m_caption->clear();
        return;
    }
    const QString name = current.data(Qt::DisplayRole).toString().toHtmlEscaped();
    const int slash = int(image->path.lastIndexOf(QLatin1Char('/')));
    QString details;
    if (slash > 0)
        details += QDir::toNativeSeparators(image->path.left(slash)).toHtmlEscaped() + QStringLiteral(" · ");
    if (m_preview->originalSize().isValid() && m_preview->path() == m_store->absolutePath(image->path))
        details += tr("%1 × %2").arg(m_preview->originalSize().width()).arg(m_preview->originalSize().height())
                   + QStringLiteral(" · ");
    details += image->reviewed ? tr("reviewed") : tr("not reviewed");
    if (!image->suggested.empty())
        details += QStringLiteral(" · ") + tr("tags with ? suggested by a model (Space confirms them)");
    if (image->missing)
        details += QStringLiteral(" · <span style='color:#b03030'>") + tr("file missing") + QStringLiteral("</span>");

    QStringList chips;
    for (const TagInfo &tag : m_store->tags()) {
        if (!image->hasTag(tag.id))
            continue;
        // A suggestion: a hollow square and a "?", as on the thumbnails.
        chips << (image->isSuggested(tag.id) ? QStringLiteral("<span style='color:%1'>&#9633;</span>&nbsp;<i>%2?</i>")
                                             : QStringLiteral("<span style='color:%1'>&#9632;</span>&nbsp;%2"))
                     .arg(tag.color, tag.name.toHtmlEscaped());
    }
    const QString tags = chips.isEmpty() ? QStringLiteral("<i>") + tr("no tags") + QStringLiteral("</i>")
                                         : chips.join(QStringLiteral("&nbsp;&nbsp; "));
    m_caption->setText(QStringLiteral("<b>%1</b><br><span style='color:gray'>%2</span><br>%3")
                           .arg(name, details, tags));
}

void LabelingWorkspace::rebuildTagActions()
{
    for (QAction *action : std::as_const(m_tagActions)) {
        // Later, not now: this may run inside one of these actions' signals.
        removeAction(action);
        action->setShortcuts({});
        action->setObjectName(QString());
        action->deleteLater();
    }
    m_tagActions.clear();
    if (!m_toggleTagMenu)
        return;
    m_toggleTagMenu->clear();
    if (m_store) {
        for (const TagInfo &tag : m_store->tags()) {
            auto *action = new QAction(tagSwatch(QColor(tag.color)), tag.name, this);
            action->setObjectName(QStringLiteral("toggleTagAction_%1").arg(tag.id));
            QList<QKeySequence> keys;
            if (!tag.shortcut.isEmpty()) {
                const QKeySequence key(tag.shortcut, QKeySequence::PortableText);
                keys << key;
                // The number pad's digits are other keys to Qt: accept them too.
                if (key.count() == 1 && key[0].key() >= Qt::Key_0 && key[0].key() <= Qt::Key_9
                    && key[0].keyboardModifiers() == Qt::NoModifier)
                    keys << QKeySequence(Qt::KeypadModifier | key[0].key());
            }
            action->setShortcuts(keys);
            const qint64 id = tag.id;
            connect(action, &QAction::triggered, this, [this, id] { m_editor->toggleTag(selectedImageIds(), id); });
            m_toggleTagMenu->addAction(action);
            addAction(action);
            m_tagActions.append(action);
        }
    }
    updateActions();
    updateCaption();
}

void LabelingWorkspace::syncFilterActions()
{
    const ImageFilter filter = m_model->filter();
    for (QAction *action : m_filterGroup->actions())
        action->setChecked(!filter.needsTag() && action->data().toInt() == int(filter.mode));
}

QString LabelingWorkspace::statusText() const
{
    if (!m_store)
        return tr("No folder open");
    const ImageListModel::Counts &counts = m_model->counts();
    const QString dot = QStringLiteral(" · ");
    const QLocale locale;
    return (counts.images == 1 ? tr("1 image") : tr("%1 images").arg(locale.toString(counts.images))) + dot
           + tr("%1 tagged").arg(locale.toString(counts.tagged)) + dot
           + tr("%1 reviewed").arg(locale.toString(counts.reviewed)) + dot
           + tr("%1 missing").arg(locale.toString(counts.missing)) + dot
           + tr("%1 selected").arg(locale.toString(m_grid->selectedCount()));
}

}
