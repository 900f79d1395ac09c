#pragma once

#include "core/project/projectstore.h"

#include <QDir>
#include <QList>
#include <QSet>
#include <QString>

#include <atomic>
#include <functional>

namespace tagwise {

/**
 * Lists the image files under a project root (recursively, skipping hidden
 * folders such as `.tagwise`). Blocking: run it on a worker thread, then hand
 * the result to ProjectStore::applyScan() on the store's thread.
 */
class FolderScanner final
{
public:
    using ProgressFunction = std::function<void(int filesFound)>;

    explicit FolderScanner(const QString &rootDir);

    /// Stops a running scan() soon; scan() then returns what it found so far
    /// and isCanceled() is true.
    void cancel() { m_canceled.store(true); }
    bool isCanceled() const { return m_canceled.load(); }

    /// Called every 1,000 files or so, from the scanning thread.
    void setProgressFunction(ProgressFunction function) { m_progress = std::move(function); }

    /// Walks the folder; paths are relative to the root, '/' separated, sorted.
    QList<ScannedFile> scan();

    /**
     * Image files and folders the last scan() left out because their names are
     * not valid UTF-8 (Qt cannot name such a file again to open it), as
     * "<path>: <reason>" with the bad bytes shown as U+FFFD.
     */
    const QStringList &skipped() const { return m_skipped; }

private:
    void reportUndecodableNames(const QString &folder, const QDir &root, const QSet<QString> &suffixes);

    QString m_root;
    QStringList m_skipped;
    std::atomic<bool> m_canceled{false};
    ProgressFunction m_progress;
};

}
