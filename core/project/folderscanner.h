#pragma once

#include "core/project/projectstore.h"

#include <QList>
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

private:
    QString m_root;
    std::atomic<bool> m_canceled{false};
    ProgressFunction m_progress;
};

}
