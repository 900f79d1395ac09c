#include "core/formats/stagingfolder.h"

#include "core/project/projecterror.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QObject>

namespace tagwise::formats {

namespace {

QString checkedTarget(const QString &targetDir)
{
    const QString target = QDir::cleanPath(QFileInfo(targetDir).absoluteFilePath());
    const QFileInfo info(target);
    if (info.exists() && !info.isDir())
        throw ProjectError(QObject::tr("%1: exists and is not a folder").arg(targetDir));
    if (info.isDir() && !QDir(target).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System))
        throw ProjectError(QObject::tr("%1: the folder is not empty (export into a new or empty folder)").arg(targetDir));
    const QString parent = info.absolutePath();
    if (!QDir().mkpath(parent))
        throw ProjectError(QObject::tr("%1: cannot create the folder").arg(parent));
    return target;
}

}

StagingFolder::StagingFolder(const QString &targetDir)
    : m_target(checkedTarget(targetDir))
    , m_temp(QFileInfo(m_target).absolutePath() + QLatin1String("/.") + QFileInfo(m_target).fileName()
             + QLatin1String(".partial-XXXXXX"))
{
    if (!m_temp.isValid())
        throw ProjectError(QObject::tr("%1: cannot create a temporary folder: %2").arg(m_target, m_temp.errorString()));
}

void StagingFolder::commit()
{
    // QTemporaryDir makes the folder private (0700); an export is an ordinary folder.
    QFile::setPermissions(m_temp.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                             | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    QDir dir;
    // The constructor checked that an existing target is empty.
    if (QFileInfo(m_target).isDir() && !dir.rmdir(m_target))
        throw ProjectError(QObject::tr("%1: cannot replace the empty folder").arg(m_target));
    if (!dir.rename(m_temp.path(), m_target))
        throw ProjectError(QObject::tr("%1: cannot move the export into place from %2").arg(m_target, m_temp.path()));
    m_temp.setAutoRemove(false);
}

}
