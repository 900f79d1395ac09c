#pragma once

#include "core/formats/importreport.h"
#include "ui/datasetformat.h"

#include <QFutureWatcher>
#include <QObject>

namespace tagwise {

/**
 * Reads an import source on a worker thread (readDataset()); the report or the
 * error comes back on the GUI thread through finished(), where it is applied
 * to the store.
 */
class ImportJob final : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        DatasetFormat format = DatasetFormat::PlanetCsv;
        QString source;     ///< file or folder to read
        QString imagesDir;  ///< where the listed images are
        QString separator;  ///< class folders only
        QString rootDir;    ///< the project's folder (set by the main window)
        bool replace = true;
    };
    struct Result
    {
        formats::ImportReport report;
        QString error; ///< non-empty when the source could not be read
    };

    ImportJob(const Request &request, QObject *parent = nullptr);
    ~ImportJob() override;

    const Request &request() const { return m_request; }
    void start();
    bool isRunning() const { return m_watcher.isRunning(); }

Q_SIGNALS:
    void finished(const tagwise::ImportJob::Result &result);

private:
    Request m_request;
    QFutureWatcher<Result> m_watcher;
};

}
