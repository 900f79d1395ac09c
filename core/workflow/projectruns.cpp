#include "core/workflow/projectruns.h"

#include "core/ml/json.h"
#include "core/ml/mlerror.h"
#include "core/project/projectstore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace tagwise::workflow {

namespace {

QString lockFile(const QString &runDir)
{
    return QDir::cleanPath(QFileInfo(runDir).absoluteFilePath()) + QStringLiteral(".lock");
}

}

QString runsFolder(const ProjectStore &store)
{
    return store.dataPath() + QStringLiteral("/runs");
}

QString newRunId(const ProjectStore &store)
{
    const QString base = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QDir runs(runsFolder(store));
    QString id = base;
    for (int n = 2; runs.exists(id) || !store.run(id).id.isEmpty(); ++n)
        id = base + QStringLiteral("-%1").arg(n);
    return id;
}

std::pair<QString, QString> projectOfRun(const QString &runDir)
{
    const QFileInfo run(QDir::cleanPath(QFileInfo(runDir).absoluteFilePath()));
    const QDir runs = run.dir();
    if (runs.dirName() != QLatin1String("runs"))
        return {};
    QDir data = runs;
    if (!data.cdUp() || data.dirName() != QLatin1String(".tagwise"))
        return {};
    QDir root = data;
    if (!root.cdUp() || !ProjectStore::exists(root.path()))
        return {};
    return {root.path(), run.fileName()};
}

QString runFolder(const ProjectStore &store, const RunRecord &run)
{
    return QDir::isAbsolutePath(run.folder) ? run.folder : store.absolutePath(run.folder);
}

RunLock::RunLock(const QString &runDir)
    : m_file(lockFile(runDir))
{
    QDir().mkpath(QFileInfo(m_file).absolutePath());
    m_fd = ::open(QFile::encodeName(m_file).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd >= 0 && ::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

RunLock::~RunLock()
{
    if (m_fd < 0)
        return;
    ::unlink(QFile::encodeName(m_file).constData());
    ::flock(m_fd, LOCK_UN);
    ::close(m_fd);
}

bool RunLock::isHeld(const QString &runDir)
{
    const int fd = ::open(QFile::encodeName(lockFile(runDir)).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool free = ::flock(fd, LOCK_SH | LOCK_NB) == 0;
    if (free)
        ::flock(fd, LOCK_UN);
    ::close(fd);
    return !free;
}

QString configToText(const ml::TrainConfig &config)
{
    return QString::fromStdString(ml::dumpJson(config.toJson(), -1)).trimmed();
}

ml::TrainConfig configFromText(const QString &text)
{
    return ml::TrainConfig::fromJson(ml::parseJson(text.toStdString(), "settings"));
}

QList<ml::EpochRecord> readRunRecords(const QString &runDir, QString *error)
{
    QList<ml::EpochRecord> records;
    const std::string file = QDir(runDir).filePath(QStringLiteral("metrics.json")).toStdString();
    try {
        const ml::Json metrics = ml::readJsonFile(file);
        for (const ml::Json &record : metrics.at("epochs"))
            records.append(ml::EpochRecord::fromJson(record));
    } catch (const std::exception &failure) {
        if (error)
            *error = QString::fromStdString(ml::describeError(failure));
        return {};
    }
    return records;
}

QString effectiveStatus(const ProjectStore &store, const RunRecord &run)
{
    if (run.status == QLatin1String("running") && !RunLock::isHeld(runFolder(store, run)))
        return QStringLiteral("stopped");
    return run.status;
}

}
