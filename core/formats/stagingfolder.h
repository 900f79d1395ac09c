#pragma once

#include <QString>
#include <QTemporaryDir>

namespace tagwise::formats {

/**
 * Builds a folder export out of sight and puts it in place at the end, so a
 * failed export leaves no half-written folder behind: the files go into a
 * hidden temporary folder beside the target, which commit() renames to the
 * target. The target must not exist or be empty (stale files from an older
 * export would otherwise be read back as part of this one).
 */
class StagingFolder final
{
public:
    /// Throws ProjectError when \a targetDir is a file or a folder that is not empty.
    explicit StagingFolder(const QString &targetDir);

    /// Where to write the files until commit().
    QString path() const { return m_temp.path(); }
    QString targetPath() const { return m_target; }

    /// Renames the staged folder to the target; throws ProjectError on failure.
    void commit();

private:
    QString m_target;
    QTemporaryDir m_temp;
};

}
