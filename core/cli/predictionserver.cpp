#include "core/cli/predictionserver.h"

#include "core/cli/predictcommand.h"
#include "core/imaging/imagedecoder.h"
#include "core/ml/json.h"
#include "core/ml/predictor.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QRegularExpression>
#include <QtConcurrent>

#include <nlohmann/json.hpp>
#include <opencv2/imgproc.hpp>

#include <cstring>

namespace tagwise::cli {

namespace {

using Status = QHttpServerResponder::StatusCode;

QByteArray jsonBytes(const ml::Json &json)
{
    return QByteArray::fromStdString(ml::dumpJson(json, -1));
}

void answer(QHttpServerResponder &responder, Status status, const QByteArray &json)
{
    responder.write(json, "application/json", status);
}

void answerError(QHttpServerResponder &responder, Status status, const QString &message)
{
    answer(responder, status, jsonBytes(ml::Json{{"error", message.toStdString()}}));
}

QByteArray header(const QHttpServerRequest &request, const QByteArray &name)
{
    for (const auto &[key, value] : request.headers()) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

/// The HTTP status an image decoding error deserves.
Status statusOfDecodeError(const QString &error)
{
    if (error.contains(QLatin1String("too large")))
        return Status::PayloadTooLarge;
    if (error.contains(QLatin1String("not an image")) || error.contains(QLatin1String("unsupported format")))
        return Status::UnsupportedMediaType;
    return Status::BadRequest;
}

QString methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return QStringLiteral("GET");
    case QHttpServerRequest::Method::Post: return QStringLiteral("POST");
    case QHttpServerRequest::Method::Put: return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete: return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Head: return QStringLiteral("HEAD");
    default: return QStringLiteral("this method");
    }
}

}

bool parseMultipart(const QByteArray &contentType, const QByteArray &body, QList<std::pair<QString, QByteArray>> &files,
                    QString &error)
{
    static const QRegularExpression boundaryPattern(QStringLiteral("boundary=\"?([^\";]+)\"?"));
    const QRegularExpressionMatch match = boundaryPattern.match(QString::fromLatin1(contentType));
    if (!match.hasMatch()) {
        error = QStringLiteral("multipart/form-data without a boundary");
        return false;
    }
    const QByteArray delimiter = "--" + match.captured(1).toLatin1();
    qsizetype at = body.indexOf(delimiter);
    if (at < 0) {
        error = QStringLiteral("multipart body without its boundary");
        return false;
    }
    static const QRegularExpression filenamePattern(QStringLiteral("filename=\"([^\"]*)\""));
    static const QRegularExpression namePattern(QStringLiteral("name=\"([^\"]*)\""));
    while (true) {
        at += delimiter.size();
        if (body.mid(at, 2) == "--")
            return true; // the closing delimiter
        if (body.mid(at, 2) != "\r\n") {
            error = QStringLiteral("malformed multipart body");
            return false;
        }
        at += 2;
        const qsizetype headersEnd = body.indexOf("\r\n\r\n", at);
        const qsizetype next = body.indexOf(QByteArray("\r\n" + delimiter), at);
        if (headersEnd < 0 || next < 0 || headersEnd > next) {
            error = QStringLiteral("truncated multipart body");
            return false;
        }
        const QString headers = QString::fromUtf8(body.mid(at, headersEnd - at));
        const QByteArray content = body.mid(headersEnd + 4, next - headersEnd - 4);
        const QRegularExpressionMatch file = filenamePattern.match(headers);
        if (file.hasMatch()) {
            QString name = file.captured(1);
            if (name.isEmpty())
                name = namePattern.match(headers).captured(1);
            files.append({name.isEmpty() ? QStringLiteral("-") : name, content});
        }
        at = next + 2;
    }
}

struct PredictionServer::Pending
{
    explicit Pending(QHttpServerResponder &&r)
        : responder(std::move(r))
    {
    }
    QHttpServerResponder responder;
    QList<Upload> uploads;
};

/// What a batch brings back for each request: its status and its body.
struct PredictionServer::Batch
{
    std::vector<std::pair<Status, QByteArray>> answers;
    int images = 0;
};

PredictionServer::PredictionServer(std::unique_ptr<ml::Predictor> predictor, const QString &token, Limits limits,
                                   QObject *parent)
    : QObject(parent)
    , m_predictor(std::move(predictor))
    , m_token(token)
    , m_limits(limits)
    , m_server(new QHttpServer(this))
{
    m_server->route(QStringLiteral("/health"), [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        if (!authorised(request, responder))
            return;
        if (request.method() != QHttpServerRequest::Method::Get)
            return answerError(responder, Status::MethodNotAllowed, QStringLiteral("/health answers GET only"));
        answer(responder, Status::Ok, jsonBytes(ml::Json{{"status", "ok"}}));
    });
    m_server->route(QStringLiteral("/model"), [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        if (!authorised(request, responder))
            return;
        if (request.method() != QHttpServerRequest::Method::Get)
            return answerError(responder, Status::MethodNotAllowed, QStringLiteral("/model answers GET only"));
        const ml::ModelBundle &bundle = m_predictor->bundle();
        answer(responder, Status::Ok,
               jsonBytes(ml::Json{{"architecture", bundle.architecture},
                                  {"input_size", bundle.inputSize},
                                  {"tags", bundle.tags},
                                  {"thresholds", bundle.thresholds}}));
    });
    m_server->route(QStringLiteral("/predict"), [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        onPredict(request, std::move(responder));
    });
    m_server->setMissingHandler([](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        answerError(responder, Status::NotFound,
                    QStringLiteral("unknown path %1 (the server answers /predict, /model and /health)")
                        .arg(request.url().path()));
    });
    connect(&m_batch, &QFutureWatcher<std::shared_ptr<Batch>>::finished, this, &PredictionServer::finishBatch);
}

PredictionServer::~PredictionServer()
{
    m_batch.waitForFinished();
}

quint16 PredictionServer::listen(const QHostAddress &address, quint16 port)
{
    return m_server->listen(address, port);
}

bool PredictionServer::authorised(const QHttpServerRequest &request, QHttpServerResponder &responder) const
{
    if (m_token.isEmpty() || header(request, "Authorization") == "Bearer " + m_token.toUtf8())
        return true;
    answerError(responder, Status::Unauthorized, QStringLiteral("a valid \"Authorization: Bearer TOKEN\" header is needed"));
    return false;
}

void PredictionServer::onPredict(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    if (!authorised(request, responder))
        return;
    if (request.method() != QHttpServerRequest::Method::Post)
        return answerError(responder, Status::MethodNotAllowed,
                           QStringLiteral("/predict takes POST with an image, not %1").arg(methodName(request.method())));
    const QByteArray body = request.body();
    if (body.size() > m_limits.maxBodyBytes)
        return answerError(responder, Status::PayloadTooLarge,
                           QStringLiteral("the body has %1 bytes; the limit is %2").arg(body.size()).arg(m_limits.maxBodyBytes));
    auto pending = std::make_unique<Pending>(std::move(responder));
    const QByteArray contentType = header(request, "Content-Type");
    if (contentType.startsWith("multipart/form-data")) {
        QList<std::pair<QString, QByteArray>> files;
        QString error;
        if (!parseMultipart(contentType, body, files, error))
            return answerError(pending->responder, Status::BadRequest, error);
        if (files.isEmpty())
            return answerError(pending->responder, Status::BadRequest, QStringLiteral("the form holds no file"));
        for (const auto &[name, bytes] : files)
            pending->uploads.append({name, bytes});
    } else {
        if (body.isEmpty())
            return answerError(pending->responder, Status::BadRequest, QStringLiteral("empty body: send an image"));
        pending->uploads.append({QStringLiteral("-"), body});
    }
    m_queue.push_back(std::move(pending));
    if (!m_batch.isRunning())
        QMetaObject::invokeMethod(this, &PredictionServer::startBatch, Qt::QueuedConnection);
}

void PredictionServer::startBatch()
{
    if (m_batch.isRunning() || m_queue.empty())
        return;
    // Everything that arrived meanwhile goes in, up to the image limit (one request at least).
    int images = 0;
    std::size_t take = 0;
    while (take < m_queue.size() && (take == 0 || images + m_queue[take]->uploads.size() <= m_limits.maxBatchImages)) {
        images += int(m_queue[take]->uploads.size());
        ++take;
    }
    m_running.clear();
    for (std::size_t i = 0; i < take; ++i)
        m_running.push_back(std::move(m_queue[i]));
    m_queue.erase(m_queue.begin(), m_queue.begin() + std::ptrdiff_t(take));

    QList<QList<Upload>> requests;
    for (const auto &pending : m_running)
        requests.append(pending->uploads);
    m_batch.setFuture(QtConcurrent::run([predictor = m_predictor, requests, maxPixels = m_limits.maxPixels] {
        auto batch = std::make_shared<Batch>();
        const int size = predictor->inputSize();
        const std::size_t block = std::size_t(size) * std::size_t(size) * 3;
        const ImageDecoder decoder(maxPixels);
        std::vector<std::uint8_t> pixels;
        std::vector<int> firstImage; // per request, its first row in pixels; -1 when it failed
        for (const QList<Upload> &uploads : requests) {
            const std::size_t start = pixels.size();
            QString error;
            for (const Upload &upload : uploads) {
                const DecodedImage decoded = decoder.decodeData(upload.bytes, upload.name, size);
                if (!decoded.ok()) {
                    error = decoded.error;
                    break;
                }
                cv::Mat rgb;
                cv::cvtColor(ImageDecoder::resizeSquare(decoded.image, size), rgb, cv::COLOR_BGR2RGB);
                pixels.insert(pixels.end(), rgb.data, rgb.data + block);
            }
            if (error.isEmpty()) {
                firstImage.push_back(int(start / block));
                batch->answers.emplace_back(Status::Ok, QByteArray());
            } else {
                pixels.resize(start);
                firstImage.push_back(-1);
                batch->answers.emplace_back(statusOfDecodeError(error),
                                            jsonBytes(ml::Json{{"error", error.toStdString()}}));
            }
        }
        batch->images = int(pixels.size() / block);
        std::vector<float> probabilities;
        try {
            probabilities = predictor->predict(pixels.data(), std::size_t(batch->images));
        } catch (const std::exception &error) {
            for (auto &[status, body] : batch->answers) {
                status = Status::InternalServerError;
                body = jsonBytes(ml::Json{{"error", std::string("prediction failed: ") + error.what()}});
            }
            return batch;
        }
        const std::size_t tags = predictor->tagCount();
        for (qsizetype r = 0; r < requests.size(); ++r) {
            if (firstImage[std::size_t(r)] < 0)
                continue;
            ml::Json array = ml::Json::array();
            for (qsizetype i = 0; i < requests[r].size(); ++i) {
                const std::size_t row = std::size_t(firstImage[std::size_t(r)] + i);
                array.push_back(predictionToJson(*predictor, requests[r][i].name.toStdString(),
                                                 probabilities.data() + row * tags));
            }
            batch->answers[std::size_t(r)].second = jsonBytes(array);
        }
        return batch;
    }));
}

void PredictionServer::finishBatch()
{
    const std::shared_ptr<Batch> batch = m_batch.result();
    for (std::size_t i = 0; i < m_running.size(); ++i)
        answer(m_running[i]->responder, batch->answers[i].first, batch->answers[i].second);
    m_running.clear();
    m_images += batch->images;
    ++m_batches;
    startBatch();
}

}
