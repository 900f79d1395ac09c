#pragma once

#include <QByteArray>
#include <QFutureWatcher>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;

namespace tagwise::ml {
class Predictor;
}

namespace tagwise::cli {

/**
 * The model of a run over HTTP (Qt HTTP Server), for programs:
 *
 *     POST /predict   an image as the body, or multipart/form-data with one or
 *                     more files: the JSON of `tagwise-cli predict --json`, an
 *                     array of {"path", "probabilities", "tags"} ("path" is the
 *                     upload's file name, or "-" for a bare body)
 *     GET  /model     {"architecture", "input_size", "tags", "thresholds"}
 *     GET  /health    200 {"status": "ok"}
 *
 * With a token, any request without "Authorization: Bearer TOKEN" gets 401.
 * Bad requests get a 4xx status and {"error": "..."} naming the reason: 400
 * (empty, truncated or corrupt image, malformed multipart), 404 (unknown
 * path), 405 (wrong method), 413 (body over the limit, too many pixels), 415
 * (not an image); the server goes on serving. Requests that arrive while a
 * batch is being predicted are predicted together in the next one, decoded
 * and run on a worker thread, so the network sees batches under load.
 */
class PredictionServer final : public QObject
{
    Q_OBJECT

public:
    struct Limits
    {
        qint64 maxBodyBytes = qint64(64) << 20;
        qint64 maxPixels = 50'000'000;
        int maxBatchImages = 64;
    };

    PredictionServer(std::unique_ptr<ml::Predictor> predictor, const QString &token, Limits limits,
                     QObject *parent = nullptr);
    ~PredictionServer() override;

    /// Listens on \a address, \a port (0: any free port); the port, or 0 when it cannot.
    quint16 listen(const QHostAddress &address, quint16 port);
    /// Images predicted so far, and the batches they went through the network in.
    qint64 imagesPredicted() const { return m_images; }
    qint64 batches() const { return m_batches; }

private:
    struct Upload
    {
        QString name;
        QByteArray bytes;
    };
    struct Pending;
    struct Batch;

    bool authorised(const QHttpServerRequest &request, QHttpServerResponder &responder) const;
    void onPredict(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void startBatch();
    void finishBatch();

    std::shared_ptr<ml::Predictor> m_predictor;
    QString m_token;
    Limits m_limits;
    QHttpServer *m_server;
    std::vector<std::unique_ptr<Pending>> m_queue;
    std::vector<std::unique_ptr<Pending>> m_running;
    QFutureWatcher<std::shared_ptr<Batch>> m_batch;
    qint64 m_images = 0;
    qint64 m_batches = 0;
};

/// The files of a multipart/form-data \a body with \a contentType's boundary; false and \a error when malformed.
bool parseMultipart(const QByteArray &contentType, const QByteArray &body, QList<std::pair<QString, QByteArray>> &files,
                    QString &error);

}
