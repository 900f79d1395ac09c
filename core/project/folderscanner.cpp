#include "core/project/folderscanner.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QObject>
#include <QStringList>
#include <QFileInfo>
#include <QSet>

#include <algorithm>

#include <dirent.h>

namespace tagwise {

void FolderScanner::reportUndecodableNames(const QString &folder, const QDir &root, const QSet<QString> &suffixes)
{
    // Qt decodes file names as UTF-8; a name that is not (bytes from another
    // system) decodes to U+FFFD, leads to no file, and QDirIterator drops it
    // without a word. The raw listing finds them, so the user hears of them.
    DIR *dir = ::opendir(QFile::encodeName(folder).constData());
    if (!dir)
        return;
    while (const dirent *entry = ::readdir(dir)) {
        const QByteArray name(entry->d_name);
        if (name.startsWith('.'))
            continue; // hidden, as the scan skips them
        const QString decoded = QString::fromUtf8(name);
        if (decoded.toUtf8() == name)
            continue;
        const bool isDir = entry->d_type == DT_DIR;
        const QString suffix = decoded.section(QLatin1Char('.'), -1).toLower();
        if (isDir || suffixes.contains(suffix))
            m_skipped.append(QObject::tr("%1: left out: its name is not valid UTF-8 text; rename it")
                                 .arg(root.relativeFilePath(folder + QLatin1Char('/') + decoded)));
    }
    ::closedir(dir);
}

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
    m_skipped.clear();
    const QDir root(m_root);
    // Folders are walked by hand so hidden ones (`.tagwise`, `.git`, ...) are never entered.
    QStringList pending = {m_root};
    int sinceReport = 0;
    while (!pending.isEmpty() && !m_canceled.load()) {
        const QString folder = pending.takeLast();
        reportUndecodableNames(folder, root, suffixes);
        QDirIterator it(folder, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot);
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
