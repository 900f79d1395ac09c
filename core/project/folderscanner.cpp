#include "core/project/folderscanner.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QStringList>
#include <QFileInfo>
#include <QSet>

#include <algorithm>

namespace tagwise {

FolderScanner::FolderScanner(const QString &rootDir)
    : m_root(QDir::cleanPath(QFileInfo(rootDir).absoluteFilePath()))
{
}

QList<ScannedFile> FolderScanner::scan()
{
    QSet<QString> suffixes;
    for (const QString &suffix : ProjectStore::imageSuffixes())
        suffixes.insert(suffix);

    QList<ScannedFile> files;
    const QDir root(m_root);
    // Folders are walked by hand so hidden ones (`.tagwise`, `.git`, ...) are never entered.
    QStringList pending = {m_root};
    int sinceReport = 0;
    while (!pending.isEmpty() && !m_canceled.load()) {
        QDirIterator it(pending.takeLast(), QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot);
        while (it.hasNext()) {
            if (m_canceled.load())
                break;
            it.next();
            const QFileInfo info = it.fileInfo();
            if (info.isDir()) {
                if (!info.isSymLink())
                    pending.append(info.filePath());
                continue;
            }
            if (!suffixes.contains(info.suffix().toLower()))
                continue;
            files.append({root.relativeFilePath(info.filePath()), info.size(), info.lastModified().toSecsSinceEpoch()});
            if (++sinceReport >= 1000 && m_progress) {
                sinceReport = 0;
                m_progress(int(files.size()));
            }
        }
    }
    std::sort(files.begin(), files.end(), [](const ScannedFile &a, const ScannedFile &b) { return a.path < b.path; });
    if (m_progress)
        m_progress(int(files.size()));
    return files;
}

}
