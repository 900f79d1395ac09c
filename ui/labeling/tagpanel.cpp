#include "ui/labeling/tagpanel.h"

#include "core/project/projectstore.h"
#include "ui/labeling/tagcheckbox.h"
#include "ui/tagswatch.h"

#include <QColorDialog>
#include <QDialog>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace tagwise {

TagPanel::TagPanel(QWidget *parent)
    : QWidget(parent)
    , m_scroll(new QScrollArea(this))
    , m_rowsWidget(new QWidget)
    , m_grid(new QGridLayout(m_rowsWidget))
    , m_header(new QLabel(this))
    , m_emptyHint(new QLabel(this))
    , m_nameEdit(new QLineEdit(this))
    , m_addButton(new QPushButton(tr("Add"), this))
{
    setObjectName(QStringLiteral("tagPanel"));
    m_header->setObjectName(QStringLiteral("tagPanelHeader"));
    m_emptyHint->setObjectName(QStringLiteral("tagPanelEmptyHint"));
    m_nameEdit->setObjectName(QStringLiteral("newTagEdit"));
    m_addButton->setObjectName(QStringLiteral("addTagButton"));

    m_grid->setContentsMargins(6, 4, 6, 4);
    m_grid->setHorizontalSpacing(8);
    m_grid->setVerticalSpacing(2);
    m_grid->setColumnStretch(0, 1);
    m_scroll->setWidget(m_rowsWidget);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_rowsWidget->setContextMenuPolicy(Qt::NoContextMenu);

    m_header->setWordWrap(true);
    QPalette hintPalette = m_header->palette();
    hintPalette.setColor(QPalette::WindowText, palette().color(QPalette::Disabled, QPalette::WindowText));
    m_header->setPalette(hintPalette);
    m_emptyHint->setPalette(hintPalette);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_nameEdit->setEnabled(false);

    m_nameEdit->setPlaceholderText(tr("New tag…"));
    m_nameEdit->setClearButtonEnabled(true);
    m_addButton->setToolTip(tr("Add a tag with this name"));
    m_addButton->setEnabled(false);
    connect(m_nameEdit, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_addButton->setEnabled(m_store && !text.trimmed().isEmpty()); });
    connect(m_nameEdit, &QLineEdit::returnPressed, this, &TagPanel::requestAdd);
    connect(m_addButton, &QPushButton::clicked, this, &TagPanel::requestAdd);

    auto *addRow = new QHBoxLayout;
    addRow->setSpacing(4);
    addRow->addWidget(m_nameEdit, 1);
    addRow->addWidget(m_addButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addWidget(m_header);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(m_emptyHint, 1);
    layout->addLayout(addRow);

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(0);
    connect(&m_refreshTimer, &QTimer::timeout, this, &TagPanel::refreshStates);

    rebuildRows();
}

void TagPanel::setStore(ProjectStore *store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    m_selection.clear();
    if (m_store) {
        connect(m_store, &ProjectStore::tagsChanged, this, &TagPanel::rebuildRows);
        connect(m_store, &ProjectStore::imagesChanged, this, &TagPanel::scheduleRefresh);
        connect(m_store, &ProjectStore::imageListChanged, this, &TagPanel::scheduleRefresh);
    }
    m_addButton->setEnabled(m_store && !m_nameEdit->text().trimmed().isEmpty());
    m_nameEdit->setEnabled(m_store);
    rebuildRows();
}

void TagPanel::setSelection(const QList<qint64> &imageIds)
{
    m_selection = imageIds;
    scheduleRefresh();
}

TagCheckBox *TagPanel::checkBox(qint64 tagId) const
{
    return m_rows.value(tagId).box;
}

QLabel *TagPanel::countLabel(qint64 tagId) const
{
    return m_rows.value(tagId).count;
}

void TagPanel::refreshNow()
{
    m_refreshTimer.stop();
    refreshStates();
}

void TagPanel::scheduleRefresh()
{
    // Many signals in one event loop turn (a bulk edit, a selection sweep) cost one refresh.
    m_refreshTimer.start();
}

void TagPanel::rebuildRows()
{
    // deleteLater: this may run inside a signal of one of these boxes (a menu
    // action that deleted its tag).
    for (const Row &row : std::as_const(m_rows)) {
        for (QWidget *widget : {static_cast<QWidget *>(row.box), static_cast<QWidget *>(row.shortcut),
                                static_cast<QWidget *>(row.count)}) {
            m_grid->removeWidget(widget);
            widget->hide();
            widget->deleteLater();
        }
    }
    m_rows.clear();
    const QList<TagInfo> tags = m_store ? m_store->tags() : QList<TagInfo>();
    int line = 0;
    for (const TagInfo &tag : tags) {
        Row row;
        row.box = new TagCheckBox(tag.id, tag.name, m_rowsWidget);
        row.box->setIcon(tagSwatch(QColor(tag.color)));
        // Clicking a tag must not take the keyboard from the grid.
        row.box->setFocusPolicy(Qt::TabFocus);
        row.box->setContextMenuPolicy(Qt::CustomContextMenu);
        row.shortcut = new QLabel(m_rowsWidget);
        row.shortcut->setObjectName(QStringLiteral("tagShortcutLabel_%1").arg(tag.id));
        row.shortcut->setText(QKeySequence(tag.shortcut).toString(QKeySequence::NativeText));
        row.shortcut->setToolTip(tag.shortcut.isEmpty() ? QString() : tr("Press %1 to toggle this tag").arg(tag.shortcut));
        row.shortcut->setAlignment(Qt::AlignCenter);
        row.shortcut->setMinimumWidth(20);
        if (!tag.shortcut.isEmpty())
            row.shortcut->setStyleSheet(QStringLiteral("QLabel { border: 1px solid palette(mid); border-radius: 3px;"
                                                       " padding: 0px 4px; color: palette(text); }"));
        row.count = new QLabel(m_rowsWidget);
        row.count->setObjectName(QStringLiteral("tagCountLabel_%1").arg(tag.id));
        row.count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        row.count->setMinimumWidth(row.count->fontMetrics().horizontalAdvance(QStringLiteral("000,000")));
        m_grid->addWidget(row.box, line, 0);
        m_grid->addWidget(row.shortcut, line, 1);
        m_grid->addWidget(row.count, line, 2);
        ++line;

        const qint64 id = tag.id;
        connect(row.box, &QCheckBox::clicked, this, [this, id](bool checked) {
            Q_EMIT tagClicked(id, checked);
            // Show the store's truth again, whether the edit happened or not.
            scheduleRefresh();
        });
        connect(row.box, &QWidget::customContextMenuRequested, this,
                [this, id, box = row.box](const QPoint &pos) { showTagMenu(id, box->mapToGlobal(pos)); });
        m_rows.insert(tag.id, row);
    }
    // Rows stay at the top; the stretch takes the rest.
    m_grid->setRowStretch(line, 1);
    for (int r = 0; r < line; ++r)
        m_grid->setRowStretch(r, 0);
    // Without tags (or without a project) a hint says what to do instead.
    m_scroll->setVisible(!tags.isEmpty());
    m_header->setVisible(!tags.isEmpty());
    m_emptyHint->setVisible(tags.isEmpty());
    m_emptyHint->setText(m_store ? tr("No tags yet.\nType a name below and press Enter.")
                                 : tr("Open a folder to start tagging."));
    refreshStates();
}

void TagPanel::refreshStates()
{
    if (!m_store)
        return;
    QHash<qint64, int> selected;
    QHash<qint64, int> suggested;
    int present = 0;
    for (qint64 id : std::as_const(m_selection)) {
        const ImageRecord *image = m_store->image(id);
        if (!image)
            continue;
        ++present;
        for (qint64 tagId : image->tags)
            ++selected[tagId];
        for (qint64 tagId : image->suggested)
            ++suggested[tagId];
    }
    const QHash<qint64, int> counts = m_store->tagCounts();
    const QLocale locale;
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it) {
        const int have = selected.value(it.key());
        const Qt::CheckState state = (present == 0 || have == 0) ? Qt::Unchecked
                                     : have == present          ? Qt::Checked
                                                                : Qt::PartiallyChecked;
        it->box->setCheckState(state);
        it->box->setEnabled(present > 0);
        it->count->setText(locale.toString(counts.value(it.key())));
        // A model's suggestion shows in italics until a person confirms it.
        const int proposed = suggested.value(it.key());
        QFont font = it->box->font();
        font.setItalic(proposed > 0);
        it->box->setFont(font);
        QString tip = present > 0 ? tr("Selected images with this tag: %1 of %2")
                                        .arg(locale.toString(have), locale.toString(present))
                                  : tr("Select images to tag them");
        if (proposed > 0)
            tip += QLatin1Char('\n') + tr("Suggested by a model on %1 of them: Space confirms, a click clears it")
                                          .arg(locale.toString(proposed));
        it->box->setToolTip(tip);
    }
    if (present == 0)
        m_header->setText(tr("Select images to tag them."));
    else
        m_header->setText(present == 1 ? tr("Tags of the selected image")
                                       : tr("Tags of %1 selected images").arg(locale.toString(present)));
}

void TagPanel::requestAdd()
{
    const QString name = m_nameEdit->text().trimmed();
    if (name.isEmpty() || !m_store)
        return;
    const qsizetype before = m_store->tags().size();
    Q_EMIT addTagRequested(name);
    // Clear only when a tag was added; otherwise the user fixes the name.
    if (m_store && m_store->tags().size() > before)
        m_nameEdit->clear();
}

void TagPanel::showTagMenu(qint64 tagId, const QPoint &globalPos)
{
    if (!m_store || !m_store->tag(tagId))
        return;
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("tagContextMenu"));
    menu.addAction(tr("&Rename…"), this, [this, tagId] { askRename(tagId); });
    menu.addAction(tr("&Colour…"), this, [this, tagId] { askColor(tagId); });
    menu.addAction(tr("&Shortcut…"), this, [this, tagId] { askShortcut(tagId); });
    QMenu *merge = menu.addMenu(tr("&Merge Into"));
    for (const TagInfo &other : m_store->tags()) {
        if (other.id != tagId)
            merge->addAction(tagSwatch(QColor(other.color)), other.name, this,
                             [this, tagId, into = other.id] { Q_EMIT mergeTagsRequested(tagId, into); });
    }
    merge->setEnabled(!merge->isEmpty());
    menu.addSeparator();
    menu.addAction(tr("&Delete…"), this, [this, tagId] { askDelete(tagId); });
    menu.exec(globalPos);
}

void TagPanel::askRename(qint64 tagId)
{
    const TagInfo *tag = m_store ? m_store->tag(tagId) : nullptr;
    if (!tag)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename Tag"), tr("New name of \"%1\":").arg(tag->name),
                                               QLineEdit::Normal, tag->name, &ok);
    if (ok && !name.trimmed().isEmpty() && name.trimmed() != tag->name)
        Q_EMIT renameTagRequested(tagId, name.trimmed());
}

void TagPanel::askColor(qint64 tagId)
{
    const TagInfo *tag = m_store ? m_store->tag(tagId) : nullptr;
    if (!tag)
        return;
    const QColor color = QColorDialog::getColor(QColor(tag->color), this, tr("Colour of \"%1\"").arg(tag->name));
    if (color.isValid() && color.name() != tag->color)
        Q_EMIT recolorTagRequested(tagId, color.name());
}

void TagPanel::askShortcut(qint64 tagId)
{
    const TagInfo *tag = m_store ? m_store->tag(tagId) : nullptr;
    if (!tag)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Shortcut of \"%1\"").arg(tag->name));
    auto *edit = new QKeySequenceEdit(QKeySequence(tag->shortcut), &dialog);
    edit->setObjectName(QStringLiteral("shortcutEdit"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Reset,
                                         &dialog);
    buttons->button(QDialogButtonBox::Reset)->setText(tr("No Shortcut"));
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Reset), &QPushButton::clicked, edit, &QKeySequenceEdit::clear);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(new QLabel(tr("Press the key that toggles this tag on the selected images."), &dialog));
    layout->addWidget(edit);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // One key (or chord) only: a multi-key sequence would delay every tap.
    const QKeySequence sequence = edit->keySequence().isEmpty() ? QKeySequence() : QKeySequence(edit->keySequence()[0]);
    const QString text = sequence.toString(QKeySequence::PortableText);
    if (text != tag->shortcut)
        Q_EMIT shortcutRequested(tagId, text);
}

void TagPanel::askDelete(qint64 tagId)
{
    const TagInfo *tag = m_store ? m_store->tag(tagId) : nullptr;
    if (!tag)
        return;
    const int count = m_store->tagCounts().value(tagId);
    const auto answer = QMessageBox::question(
        this, tr("Delete Tag"),
        tr("Delete the tag \"%1\"? Images that lose it: %2. You can undo this.").arg(tag->name).arg(count),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        Q_EMIT deleteTagRequested(tagId);
}

}
