#include "ui/train/runlistmodel.h"

#include "core/workflow/projectruns.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>

namespace tagwise {

namespace {

QString statusText(const QString &status)
{
    if (status == QLatin1String("running"))
        return RunListModel::tr("running");
    if (status == QLatin1String("finished"))
        return RunListModel::tr("finished");
    if (status == QLatin1String("stopped"))
        return RunListModel::tr("stopped");
    return RunListModel::tr("failed");
}

QString duration(qint64 seconds)
{
    if (seconds < 60)
        return RunListModel::tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return RunListModel::tr("%1 min").arg((seconds + 30) / 60);
    return RunListModel::tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600 + 30) / 60);
}

}

RunListModel::RunListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void RunListModel::setStore(ProjectStore *store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    m_checked.clear();
    if (store)
        connect(store, &ProjectStore::runsChanged, this, &RunListModel::refresh);
    refresh();
}

void RunListModel::refresh()
{
    beginResetModel();
    m_runs = m_store ? m_store->runs() : QList<RunRecord>();
    m_statuses.clear();
    for (const RunRecord &run : std::as_const(m_runs))
        m_statuses << (m_store ? workflow::effectiveStatus(*m_store, run) : run.status);
    endResetModel();
}

void RunListModel::setActiveRun(const QString &id)
{
    m_active = id;
    if (!m_runs.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

const RunRecord *RunListModel::run(int row) const
{
    return row >= 0 && row < m_runs.size() ? &m_runs[row] : nullptr;
}

int RunListModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_runs.size(); ++row) {
        if (m_runs[row].id == id)
            return row;
    }
    return -1;
}

QStringList RunListModel::checkedRuns() const
{
    QStringList ids;
    for (const RunRecord &run : m_runs) {
        if (m_checked.contains(run.id))
            ids << run.id;
    }
    return ids;
}

QString RunListModel::status(int row) const
{
    return row >= 0 && row < m_statuses.size() ? m_statuses[row] : QString();
}

int RunListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int RunListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunListModel::data(const QModelIndex &index, int role) const
{
    const RunRecord *r = run(index.row());
    if (!r)
        return {};
    if (role == RunIdRole)
        return r->id;
    const bool active = r->id == m_active;
    if (role == Qt::FontRole && active) {
        QFont font;
        font.setBold(true);
        return font;
    }
    if (role == Qt::CheckStateRole && index.column() == Created)
        return m_checked.contains(r->id) ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::ToolTipRole) {
        QString settings;
        try {
            const ml::TrainConfig config = workflow::configFromText(r->settings);
            settings = (config.augmentation.any()
                            ? tr("%1 at %2 px, %3 epochs, batch %4, learning rate %5, %6 schedule, with augmentation")
                            : tr("%1 at %2 px, %3 epochs, batch %4, learning rate %5, %6 schedule, no augmentation"))
                           .arg(QString::fromStdString(config.architecture))
                           .arg(config.inputSize)
                           .arg(config.epochs)
                           .arg(config.batchSize)
                           .arg(config.learningRate, 0, 'g', 3)
                           .arg(QString::fromStdString(ml::scheduleName(config.schedule)));
        } catch (const std::exception &) {
            settings = tr("settings not recorded");
        }
        return tr("Run %1, in %2\n%3").arg(r->id, r->folder, settings);
    }
    if (role == Qt::TextAlignmentRole && (index.column() == Epochs || index.column() == BestFbeta))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Created:
        return QString((active ? QStringLiteral("★ ") : QString())
                       + QLocale().toString(QDateTime::fromSecsSinceEpoch(r->created), QLocale::ShortFormat));
    case Status:
        return statusText(m_statuses.value(index.row()));
    case Architecture:
        return r->architecture;
    case Epochs:
        return r->epochs;
    case BestFbeta:
        return r->bestFbeta >= 0.0 ? QLocale().toString(r->bestFbeta, 'f', 4) : QStringLiteral("–");
    case Duration:
        return r->finished > 0 ? duration(r->finished - r->created) : QStringLiteral("–");
    default:
        return {};
    }
}

bool RunListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const RunRecord *r = run(index.row());
    if (!r || role != Qt::CheckStateRole || index.column() != Created)
        return false;
    if (value.toInt() == Qt::Checked)
        m_checked.insert(r->id);
    else
        m_checked.remove(r->id);
    Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
    Q_EMIT checkedRunsChanged();
    return true;
}

Qt::ItemFlags RunListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.column() == Created)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant RunListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Created: return tr("Started");
    case Status: return tr("Status");
    case Architecture: return tr("Network");
    case Epochs: return tr("Epochs");
    case BestFbeta: return tr("Best F-beta");
    case Duration: return tr("Duration");
    default: return {};
    }
}

}
