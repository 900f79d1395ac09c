#include "ui/labeling/datasetoverviewdialog.h"

#include "ui/plotstyle.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>

namespace tagwise {

namespace {

constexpr int kBarRowHeight = 24;

// Counts are whole numbers: ticks at 1, 2, 5, 10, ... never 2.5.
QSharedPointer<QCPAxisTickerFixed> integerTicker()
{
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(1.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    return ticker;
}

}

DatasetOverviewDialog::DatasetOverviewDialog(QWidget *parent)
    : QDialog(parent)
    , m_summary(new QLabel(this))
    , m_warning(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_tagPlot(new QCustomPlot)
    , m_histogram(new QCustomPlot)
    , m_cooccurrence(new QTableWidget)
{
    setObjectName(QStringLiteral("datasetOverviewDialog"));
    setWindowTitle(tr("Dataset Overview"));
    m_summary->setObjectName(QStringLiteral("overviewSummary"));
    m_warning->setObjectName(QStringLiteral("rareTagsWarning"));
    m_tagPlot->setObjectName(QStringLiteral("tagCountPlot"));
    m_histogram->setObjectName(QStringLiteral("tagsPerImagePlot"));
    m_cooccurrence->setObjectName(QStringLiteral("cooccurrenceTable"));

    m_warning->setWordWrap(true);
    m_warning->setTextFormat(Qt::RichText);
    m_warning->setStyleSheet(QStringLiteral("QLabel { background: #fff4d6; color: #5c4500; border: 1px solid #e8c96a;"
                                            " border-radius: 4px; padding: 6px 8px; }"));

    // The bar list grows with the number of tags: it scrolls instead of squeezing.
    auto *tagScroll = new QScrollArea;
    tagScroll->setWidget(m_tagPlot);
    tagScroll->setWidgetResizable(true);
    tagScroll->setFrameShape(QFrame::NoFrame);
    tagScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_tabs->addTab(tagScroll, tr("Images per Tag"));
    m_tabs->addTab(m_histogram, tr("Tags per Image"));
    m_tabs->addTab(m_cooccurrence, tr("Co-occurrence"));
    styleAxes(m_tagPlot);
    styleAxes(m_histogram);

    m_cooccurrence->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_cooccurrence->setSelectionMode(QAbstractItemView::NoSelection);
    m_cooccurrence->horizontalHeader()->setDefaultSectionSize(56);
    m_cooccurrence->verticalHeader()->setDefaultSectionSize(24);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *refreshButton = buttons->addButton(tr("Refresh"), QDialogButtonBox::ActionRole);
    refreshButton->setObjectName(QStringLiteral("overviewRefreshButton"));
    connect(refreshButton, &QPushButton::clicked, this, &DatasetOverviewDialog::refresh);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_warning);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    resize(720, 560);
}

void DatasetOverviewDialog::setStore(ProjectStore *store)
{
    m_store = store;
    refresh();
}

void DatasetOverviewDialog::refresh()
{
    m_stats = m_store ? DatasetStats::compute(*m_store) : DatasetStats();
    const QLocale locale;
    const QString dot = QStringLiteral(" · ");
    QString summary = (m_stats.images == 1 ? tr("1 image") : tr("%1 images").arg(locale.toString(m_stats.images)))
                      + dot + tr("%1 tagged").arg(locale.toString(m_stats.taggedImages)) + dot
                      + (m_stats.tags.size() == 1 ? tr("1 tag") : tr("%1 tags").arg(m_stats.tags.size()));
    if (m_stats.missingImages > 0)
        summary += dot + tr("%1 missing").arg(locale.toString(m_stats.missingImages));
    m_summary->setText(summary);

    if (m_stats.rareTags.isEmpty()) {
        m_warning->hide();
    } else {
        QStringList names;
        for (int i : std::as_const(m_stats.rareTags))
            names.append(tr("%1 (%2)").arg(m_stats.tags[i].name.toHtmlEscaped(), locale.toString(m_stats.tagCounts[i])));
        const DatasetStats::Limits limits;
        m_warning->setText(tr("<b>Rare tags:</b> %1.<br>A model learns little from a tag with fewer than %2 images "
                              "or under %3% of the tagged images; tag more examples or merge it.")
                               .arg(names.join(QStringLiteral(", ")))
                               .arg(limits.minImages)
                               .arg(limits.minFraction * 100.0, 0, 'g', 3));
        m_warning->show();
    }
    fillTagPlot();
    fillHistogram();
    fillCooccurrence();
}

void DatasetOverviewDialog::fillTagPlot()
{
    m_tagPlot->clearPlottables();
    const int n = int(m_stats.tags.size());
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    int maxCount = 1;
    for (int i = 0; i < n; ++i) {
        // One bar object per tag so each can wear its tag's colour; the first tag on top.
        auto *bar = new QCPBars(m_tagPlot->yAxis, m_tagPlot->xAxis);
        const QColor color(m_stats.tags[i].color);
        bar->setBrush(color);
        bar->setPen(QPen(color.darker(120)));
        bar->setWidth(0.7);
        const double key = n - i;
        bar->addData(key, m_stats.tagCounts[i]);
        ticker->addTick(key, QStringLiteral("%1 (%2)").arg(m_stats.tags[i].name, QLocale().toString(m_stats.tagCounts[i])));
        maxCount = std::max(maxCount, m_stats.tagCounts[i]);
    }
    m_tagPlot->yAxis->setTicker(ticker);
    m_tagPlot->yAxis->setRange(0.4, n + 0.6);
    m_tagPlot->yAxis->grid()->setVisible(false);
    m_tagPlot->xAxis->setTicker(integerTicker());
    m_tagPlot->xAxis->setRange(0, maxCount * 1.08);
    m_tagPlot->xAxis->setLabel(tr("Images"));
    m_tagPlot->setMinimumHeight(std::max(200, n * kBarRowHeight + 60));
    m_tagPlot->replot();
}

void DatasetOverviewDialog::fillHistogram()
{
    m_histogram->clearPlottables();
    auto *bars = new QCPBars(m_histogram->xAxis, m_histogram->yAxis);
    bars->setBrush(QColor(0x43, 0x63, 0xd8));
    bars->setPen(QPen(QColor(0x2c, 0x45, 0xa0)));
    bars->setWidth(0.7);
    int maxCount = 1;
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(1.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    for (int k = 0; k < m_stats.tagsPerImage.size(); ++k) {
        bars->addData(k, m_stats.tagsPerImage[k]);
        maxCount = std::max(maxCount, m_stats.tagsPerImage[k]);
    }
    m_histogram->xAxis->setTicker(ticker);
    m_histogram->xAxis->setLabel(tr("Tags on an image"));
    m_histogram->yAxis->setLabel(tr("Images"));
    m_histogram->xAxis->setRange(-0.6, std::max<qsizetype>(1, m_stats.tagsPerImage.size()) - 0.4);
    m_histogram->yAxis->setTicker(integerTicker());
    m_histogram->yAxis->setRange(0, maxCount * 1.08);
    m_histogram->replot();
}

void DatasetOverviewDialog::fillCooccurrence()
{
    const int n = int(m_stats.tags.size());
    m_cooccurrence->clear();
    m_cooccurrence->setRowCount(n);
    m_cooccurrence->setColumnCount(n);
    QStringList names;
    for (const TagInfo &tag : std::as_const(m_stats.tags))
        names.append(tag.name);
    m_cooccurrence->setHorizontalHeaderLabels(names);
    m_cooccurrence->setVerticalHeaderLabels(names);
    int maxPair = 1;
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j)
            if (i != j)
                maxPair = std::max(maxPair, m_stats.cooccurrence[i][j]);
    const QLocale locale;
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < n; ++j) {
            const int value = m_stats.cooccurrence[i][j];
            auto *item = new QTableWidgetItem(locale.toString(value));
            item->setTextAlignment(Qt::AlignCenter);
            if (i == j) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
                item->setBackground(QColor(0xee, 0xee, 0xee));
                item->setToolTip(tr("Images tagged %1: %2").arg(names[i], locale.toString(value)));
            } else {
                // Heat: white for none, deep blue for the most frequent pair.
                const double t = double(value) / maxPair;
                const QColor color = QColor::fromRgbF(1.0 - 0.74 * t, 1.0 - 0.6 * t, 1.0 - 0.15 * t);
                item->setBackground(color);
                item->setForeground(t > 0.55 ? QColor(Qt::white) : QColor(0x20, 0x20, 0x20));
                item->setToolTip(tr("Images tagged both %1 and %2: %3").arg(names[i], names[j], locale.toString(value)));
            }
            m_cooccurrence->setItem(i, j, item);
        }
    }
}

}
