#pragma once

#include "core/project/projectstore.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QSet>

namespace tagwise {

/**
 * The project's training runs for a table: date, status, architecture,
 * epochs, best F-beta, duration; newest first, from the runs table. The first
 * column has a check box: the runs whose curves are laid over the current
 * run's. The project's active model (the run Review and Classify use) shows
 * in bold with a star.
 */
class RunListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Created, Status, Architecture, Epochs, BestFbeta, Duration, ColumnCount };
    enum Role { RunIdRole = Qt::UserRole + 1 };

    explicit RunListModel(QObject *parent = nullptr);

    void setStore(ProjectStore *store);
    /// Reads the runs table again (the store signals changes; a session's end too).
    void refresh();
    void setActiveRun(const QString &id);
    QString activeRun() const { return m_active; }

    const RunRecord *run(int row) const;
    int rowOf(const QString &id) const;
    /// The runs ticked for an overlay.
    QStringList checkedRuns() const;
    /// Status as the table shows it (a crashed run is stopped).
    QString status(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// The runs ticked for an overlay changed.
    void checkedRunsChanged();

private:
    QPointer<ProjectStore> m_store;
    QList<RunRecord> m_runs;
    QStringList m_statuses;
    QSet<QString> m_checked;
    QString m_active;
};

}
