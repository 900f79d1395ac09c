#include "ui/labeling/filterbar.h"

#include "core/project/projectstore.h"
#include "ui/tagswatch.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QStyle>
#include <QToolButton>

namespace tagwise {

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
    , m_mode(new QComboBox(this))
    , m_tag(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_refresh(new QToolButton(this))
    , m_count(new QLabel(this))
{
    setObjectName(QStringLiteral("filterBar"));
    m_mode->setObjectName(QStringLiteral("filterModeCombo"));
    m_tag->setObjectName(QStringLiteral("filterTagCombo"));
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_refresh->setObjectName(QStringLiteral("refreshFilterButton"));
    m_count->setObjectName(QStringLiteral("filterCountLabel"));

    using Mode = ImageFilter::Mode;
    m_mode->addItem(tr("All images"), int(Mode::All));
    m_mode->addItem(tr("Untagged"), int(Mode::Untagged));
    m_mode->addItem(tr("Not reviewed"), int(Mode::NotReviewed));
    m_mode->addItem(tr("Has tag"), int(Mode::HasTag));
    m_mode->addItem(tr("Lacks tag"), int(Mode::LacksTag));
    m_mode->addItem(tr("Missing files"), int(Mode::Missing));
    m_mode->addItem(tr("Suggested by a model"), int(Mode::Suggested));
    m_mode->setToolTip(tr("Which images to show"));
    m_tag->setToolTip(tr("The tag to filter by"));
    m_tag->setMinimumContentsLength(10);
    m_tag->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);

    m_search->setPlaceholderText(tr("Search file names…"));
    m_search->setClearButtonEnabled(true);
    m_refresh->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_refresh->setToolTip(tr("Apply the filter again (images you just edited may no longer match)"));
    m_refresh->setAutoRaise(true);
    m_count->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(6);
    layout->addWidget(m_mode);
    layout->addWidget(m_tag);
    layout->addWidget(m_search, 1);
    layout->addWidget(m_refresh);
    layout->addWidget(m_count);

    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(searchDelayMs);
    connect(&m_searchTimer, &QTimer::timeout, this, &FilterBar::emitChanged);
    connect(m_search, &QLineEdit::textChanged, this, [this] {
        if (!m_quiet)
            m_searchTimer.start();
    });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchTimer.stop();
        emitChanged();
    });
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        updateTagCombo();
        emitChanged();
    });
    connect(m_tag, &QComboBox::currentIndexChanged, this, [this] {
        if (filter().needsTag())
            emitChanged();
    });
    connect(m_refresh, &QToolButton::clicked, this, &FilterBar::refreshRequested);

    updateTagCombo();
    setCounts(0, 0);
}

void FilterBar::setStore(ProjectStore *store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (m_store)
        connect(m_store, &ProjectStore::tagsChanged, this, &FilterBar::rebuildTags);
    rebuildTags();
}

ImageFilter FilterBar::filter() const
{
    ImageFilter filter;
    filter.mode = ImageFilter::Mode(m_mode->currentData().toInt());
    filter.tagId = m_tag->currentData().toLongLong();
    if (!filter.needsTag())
        filter.tagId = 0;
    filter.text = m_search->text().trimmed();
    return filter;
}

void FilterBar::setFilter(const ImageFilter &filter)
{
    m_quiet = true;
    m_mode->setCurrentIndex(std::max(0, m_mode->findData(int(filter.mode))));
    if (filter.needsTag())
        m_tag->setCurrentIndex(std::max(0, m_tag->findData(filter.tagId)));
    m_search->setText(filter.text);
    updateTagCombo();
    m_quiet = false;
}

void FilterBar::setCounts(int shown, int total)
{
    // The locale's digit grouping: "100,000".
    const QLocale locale;
    if (shown == total)
        m_count->setText(total == 1 ? tr("1 image") : tr("%1 images").arg(locale.toString(total)));
    else
        m_count->setText(tr("%1 of %2 images").arg(locale.toString(shown), locale.toString(total)));
    // The count is never cut; the search field gives way instead.
    m_count->setMinimumWidth(m_count->sizeHint().width());
}

void FilterBar::rebuildTags()
{
    const qint64 current = m_tag->currentData().toLongLong();
    m_quiet = true;
    m_tag->clear();
    if (m_store) {
        for (const TagInfo &tag : m_store->tags())
            m_tag->addItem(tagSwatch(QColor(tag.color), 12), tag.name, tag.id);
    }
    const int index = m_tag->findData(current);
    m_tag->setCurrentIndex(index >= 0 ? index : 0);
    m_quiet = false;
    updateTagCombo();
}

void FilterBar::updateTagCombo()
{
    const bool needsTag = filter().needsTag();
    m_tag->setVisible(needsTag);
    m_tag->setEnabled(m_tag->count() > 0);
}

void FilterBar::emitChanged()
{
    if (m_quiet)
        return;
    const ImageFilter current = filter();
    if (current.needsTag() && current.tagId == 0)
        return; // no tag to filter by yet
    Q_EMIT filterChanged(current);
}

}
