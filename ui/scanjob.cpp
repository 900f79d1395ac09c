#include "ui/scanjob.h"

#include "core/project/folderscanner.h"

#include <QtConcurrent>

namespace tagwise {

ScanJob::ScanJob(const QString &rootDir, QObject *parent)
    : QObject(parent)
    , m_root(rootDir)
    , m_scanner(std::make_shared<FolderScanner>(rootDir))
{
    connect(&m_watcher, &QFutureWatcher<QList<ScannedFile>>::finished, this, &ScanJob::handleFinished);
}

ScanJob::~ScanJob()
{
    // The worker reports progress to this object: stop it and wait.
    m_scanner->cancel();
    m_watcher.waitForFinished();
}

void ScanJob::start()
{
    m_scanner->setProgressFunction([this](int found) {
        // From the worker thread; queued to the GUI thread, dropped if the job is gone.
        QMetaObject::invokeMethod(this, [this, found] { Q_EMIT progressed(found); }, Qt::QueuedConnection);
    });
    const std::shared_ptr<FolderScanner> scanner = m_scanner;
    m_watcher.setFuture(QtConcurrent::run([scanner] { return scanner->scan(); }));
}

void ScanJob::cancel()
{
    m_scanner->cancel();
}

bool ScanJob::isRunning() const
{
    return m_watcher.isRunning();
}

QStringList ScanJob::skipped() const
{
    // Read once the worker is done with it.
    return m_watcher.isFinished() ? m_scanner->skipped() : QStringList();
}

void ScanJob::handleFinished()
{
    Q_EMIT finished(m_watcher.result(), m_scanner->isCanceled());
}

}
