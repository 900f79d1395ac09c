#pragma once

#include "core/ml/epochrecord.h"
#include "core/ml/trainconfig.h"

#include <QList>
#include <QString>

#include <utility>

namespace tagwise {
class ProjectStore;
struct RunRecord;
}

namespace tagwise::workflow {

/// The folder a project keeps its runs in: <root>/.tagwise/runs.
QString runsFolder(const ProjectStore &store);

/// A new run's id, which is also its folder's name: the local time, as
/// "20261126-163012", with "-2", "-3", ... when that is taken.
QString newRunId(const ProjectStore &store);

/// The project folder and run id of a run folder inside a project
/// (<root>/.tagwise/runs/<id>); two empty strings for a run elsewhere.
std::pair<QString, QString> projectOfRun(const QString &runDir);

/// The absolute folder of \a run of \a store.
QString runFolder(const ProjectStore &store, const RunRecord &run);

/**
 * Held by a training session while its run trains (an flock on "<run>.lock",
 * beside the run's folder), so that a run whose process died is not taken for
 * one that goes on: the runs table says "running" until the end is recorded,
 * and a crash never records it.
 */
class RunLock final
{
public:
    explicit RunLock(const QString &runDir);
    ~RunLock();
    RunLock(const RunLock &) = delete;
    RunLock &operator=(const RunLock &) = delete;

    bool acquired() const { return m_fd >= 0; }
    /// Whether some process holds the lock of \a runDir now.
    static bool isHeld(const QString &runDir);

private:
    QString m_file;
    int m_fd = -1;
};

/// \a config as one line of JSON (config.json's layout), for the project's settings.
QString configToText(const ml::TrainConfig &config);
/// The config in \a text; throws std::runtime_error when it is not one.
ml::TrainConfig configFromText(const QString &text);

/// The epochs a run recorded (its metrics.json); empty, and why in \a error, when it cannot be read.
QList<ml::EpochRecord> readRunRecords(const QString &runDir, QString *error = nullptr);

/// The status a user sees: a run recorded as running whose lock nobody holds stopped (it crashed).
QString effectiveStatus(const ProjectStore &store, const RunRecord &run);

}
