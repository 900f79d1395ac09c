#include "ui/modelviews.h"

#include "core/project/projectstore.h"
#include "core/workflow/projectruns.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QHeaderView>
#include <QLocale>
#include <QPainter>
#include <QTableWidget>

#include <algorithm>
#include <cmath>

namespace tagwise {

namespace {

const QColor kPredictedColour(0x3cb44b);

}

QString probabilityText(double value)
{
    return QLocale().toString(value, 'f', 3);
}

QImage toImage(const workflow::Bitmap &bitmap)
{
    if (bitmap.isNull())
        return {};
    const QImage::Format format = bitmap.channels == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888;
    return QImage(reinterpret_cast<const uchar *>(bitmap.pixels.constData()), bitmap.width, bitmap.height,
                  bitmap.width * bitmap.channels, format)
        .copy();
}

QString fillRunBox(QComboBox *box, const ProjectStore *store, const QString &activeRun, const QString &keep)
{
    const QSignalBlocker blocker(box);
    box->clear();
    if (store) {
        for (const RunRecord &run : store->runs()) {
            // A run that still trains may have its bundle before its predictions: it is listed once it ended.
            if (run.status == QLatin1String("running")
                || !QFileInfo::exists(workflow::runFolder(*store, run) + QStringLiteral("/model/bundle.json")))
                continue;
            QString text = QLocale().toString(QDateTime::fromSecsSinceEpoch(run.created), QLocale::ShortFormat)
                           + QStringLiteral(" · ") + run.architecture;
            if (run.bestFbeta >= 0)
                text += QStringLiteral(" · F %1").arg(probabilityText(run.bestFbeta));
            if (run.id == activeRun)
                text = QStringLiteral("★ ") + text;
            box->addItem(text, run.id);
        }
    }
    QString wanted = keep;
    if (box->findData(wanted) < 0)
        wanted = box->findData(activeRun) >= 0 ? activeRun : box->itemData(0).toString();
    box->setCurrentIndex(box->findData(wanted));
    return wanted;
}

QTableWidget *newProbabilityTable(const QStringList &headers)
{
    auto *table = new QTableWidget(0, 3);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    return table;
}

ProbabilityBar::ProbabilityBar(float probability, float threshold, QWidget *parent)
    : QWidget(parent)
    , m_probability(probability)
    , m_threshold(threshold)
{
    setMinimumSize(120, 18);
    setToolTip(QCoreApplication::translate("tagwise::ProbabilityBar", "probability %1, threshold %2")
                   .arg(probabilityText(probability), probabilityText(threshold)));
}

void ProbabilityBar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRect bar = rect().adjusted(2, 3, -2, -3);
    painter.fillRect(bar, palette().color(QPalette::AlternateBase));
    const bool predicted = m_probability >= m_threshold;
    QRect filled = bar;
    filled.setWidth(int(std::lround(bar.width() * double(std::clamp(m_probability, 0.0f, 1.0f)))));
    painter.fillRect(filled, predicted ? kPredictedColour : palette().color(QPalette::Mid));
    const int x = bar.left() + int(std::lround(bar.width() * double(std::clamp(m_threshold, 0.0f, 1.0f))));
    painter.setPen(QPen(palette().color(QPalette::WindowText), 2));
    painter.drawLine(x, rect().top(), x, rect().bottom());
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(bar.adjusted(4, 0, -4, 0), Qt::AlignRight | Qt::AlignVCenter, probabilityText(m_probability));
}

}
