#pragma once

#include "core/project/projectstore.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QStringList>

#include <memory>

namespace tagwise {

class FolderScanner;

/**
 * One background scan of a project folder: FolderScanner runs on a worker
 * thread (QtConcurrent), progress arrives on the GUI thread as a signal, and
 * the list of files is handed back there to be applied to the store.
 */
class ScanJob final : public QObject
{
    Q_OBJECT

public:
    explicit ScanJob(const QString &rootDir, QObject *parent = nullptr);
    ~ScanJob() override;

    void start();
    /// Asks the scan to stop soon; finished() still follows, with canceled set.
    void cancel();
    bool isRunning() const;
    QString rootDir() const { return m_root; }
    /// What the finished scan left out, and why (FolderScanner::skipped()).
    QStringList skipped() const;

Q_SIGNALS:
    void progressed(int filesFound);
    /// \a files are sorted relative paths; when \a canceled they are only part of the folder.
    void finished(const QList<tagwise::ScannedFile> &files, bool canceled);

private:
    void handleFinished();

    QString m_root;
    std::shared_ptr<FolderScanner> m_scanner;
    QFutureWatcher<QList<ScannedFile>> m_watcher;
};

}
