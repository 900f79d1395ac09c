#include "ui/importjob.h"

#include "core/formats/projectimport.h"
#include "core/project/projecterror.h"

#include <QtConcurrent>

namespace tagwise {

ImportJob::ImportJob(const Request &request, QObject *parent)
    : QObject(parent)
    , m_request(request)
{
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, [this] { Q_EMIT finished(m_watcher.result()); });
}

ImportJob::~ImportJob()
{
    m_watcher.waitForFinished();
}

void ImportJob::start()
{
    m_watcher.setFuture(QtConcurrent::run([request = m_request] {
        Result result;
        try {
            result.report = formats::keepProjectImages(
                readDataset(request.format, request.source, request.imagesDir, request.separator), request.rootDir,
                request.imagesDir);
        } catch (const ProjectError &error) {
            result.error = error.message();
        } catch (const std::exception &error) {
            result.error = QStringLiteral("%1: %2").arg(request.source, QString::fromLocal8Bit(error.what()));
        }
        return result;
    }));
}

}
