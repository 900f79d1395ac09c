// `tagwise-cli serve` as a program sees it: the real executable on a free port,
// asked over HTTP. Its answers equal `tagwise-cli predict --json`; every bad
// request gets its 4xx and the server goes on; the token is enforced; 8
// clients at once all get answers; SIGTERM stops it cleanly.
#include "common/clirunner.h"
#include "common/trainingimages.h"
#include "core/ml/json.h"
#include "core/ml/modelbundle.h"

#include <QHttpMultiPart>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#include <cmath>

using namespace tagwise;

namespace {

struct Reply
{
    int status = 0;
    QByteArray body;
    ml::Json json() const { return ml::parseJson(body.toStdString(), "server answer"); }
};

/// A `tagwise-cli serve` process on a free port.
class Server
{
public:
    explicit Server(const QStringList &args)
    {
        m_process.setProgram(QStringLiteral(TAGWISE_CLI_PATH));
        m_process.setArguments(QStringList{"serve", "--port", "0", "--threads", "1"} + args);
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return;
        while (m_port == 0 && m_process.waitForReadyRead(20000)) {
            m_out += m_process.readAllStandardOutput();
            const qsizetype at = m_out.indexOf("listening on http://");
            const qsizetype end = m_out.indexOf('\n', at);
            if (at >= 0 && end > at)
                m_port = m_out.mid(at, end - at).split(':').last().toUShort();
        }
    }
    ~Server()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    quint16 port() const { return m_port; }
    QString url(const QString &path) const { return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path); }
    QProcess &process() { return m_process; }
    QByteArray output()
    {
        m_out += m_process.readAllStandardOutput();
        return m_out;
    }

private:
    QProcess m_process;
    QByteArray m_out;
    quint16 m_port = 0;
};

Reply wait(QNetworkReply *reply)
{
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    Reply r{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    reply->deleteLater();
    return r;
}

QNetworkRequest request(const QString &url, const QByteArray &token = {})
{
    QNetworkRequest r{QUrl(url)};
    r.setHeader(QNetworkRequest::ContentTypeHeader, "application/octet-stream");
    if (!token.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + token);
    return r;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}

class TestServe final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void answersAsPredictDoes();
    void modelAndHealth();
    void badRequestsGetTheirStatus();
    void tokenIsRequired();
    void eightClientsAtOnce();

private:
    QTemporaryDir m_dir;
    QString m_run;
    QStringList m_images;
    QNetworkAccessManager m_network;
};

void TestServe::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CACHE_HOME", m_dir.filePath("cache").toUtf8());
    const QStringList rows = test::writeTrainingImages(m_dir.filePath("images"), 0, 60, 32);
    QCOMPARE(rows.size(), 60);
    QVERIFY(test::writeCsv(m_dir.filePath("labels.csv"), rows));
    m_run = m_dir.filePath("run");
    const test::CliResult r = test::runCli({"train", "--csv", m_dir.filePath("labels.csv"), "--images", m_dir.filePath("images"),
                                            "--arch", "smallervggnet", "--size", "24", "--epochs", "1", "--batch", "8",
                                            "--threads", "1", "--seed", "3", "--out", m_run});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    for (const QString &row : rows.mid(0, 8))
        m_images << m_dir.filePath("images/" + row.section(',', 0, 0) + ".png");
}

void TestServe::answersAsPredictDoes()
{
    const test::CliResult r = test::runCli({"predict", "--model", m_run, "--json", "--threads", "1", m_images[0], m_images[1], m_images[2]});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const ml::Json expected = ml::parseJson(r.out.toStdString(), "predict");

    Server server({"--model", m_run});
    QVERIFY(server.port() != 0);
    const auto same = [](const ml::Json &answer, const ml::Json &reference) {
        QVERIFY(answer.at("tags") == reference.at("tags"));
        for (const auto &[tag, p] : reference.at("probabilities").items())
            QVERIFY2(std::abs(answer.at("probabilities").at(tag).get<double>() - p.get<double>()) < 1e-5, tag.c_str());
    };
    // A bare body: one answer, path "-".
    for (int i = 0; i < 3; ++i) {
        const Reply reply = wait(m_network.post(request(server.url("/predict")), readFile(m_images[i])));
        QCOMPARE(reply.status, 200);
        const ml::Json json = reply.json();
        QCOMPARE(json.size(), std::size_t(1));
        QCOMPARE(json[0].at("path").get<std::string>(), std::string("-"));
        same(json[0], expected[std::size_t(i)]);
    }
    // A form with three files: one answer each, named by the upload.
    auto *form = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    for (int i = 0; i < 3; ++i) {
        QHttpPart part;
        part.setHeader(QNetworkRequest::ContentDispositionHeader,
                       QStringLiteral("form-data; name=\"file%1\"; filename=\"%2\"").arg(i).arg(QFileInfo(m_images[i]).fileName()));
        part.setBody(readFile(m_images[i]));
        form->append(part);
    }
    const Reply reply = wait(m_network.post(QNetworkRequest(QUrl(server.url("/predict"))), form));
    form->deleteLater();
    QCOMPARE(reply.status, 200);
    const ml::Json json = reply.json();
    QCOMPARE(json.size(), std::size_t(3));
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(QString::fromStdString(json[std::size_t(i)].at("path").get<std::string>()), QFileInfo(m_images[i]).fileName());
        same(json[std::size_t(i)], expected[std::size_t(i)]);
    }
}

void TestServe::modelAndHealth()
{
    Server server({"--model", m_run});
    QVERIFY(server.port() != 0);
    const Reply health = wait(m_network.get(request(server.url("/health"))));
    QCOMPARE(health.status, 200);
    const ml::ModelBundle bundle = ml::ModelBundle::read(QString(m_run + "/model").toStdString());
    const Reply model = wait(m_network.get(request(server.url("/model"))));
    QCOMPARE(model.status, 200);
    const ml::Json json = model.json();
    QCOMPARE(json.at("architecture").get<std::string>(), bundle.architecture);
    QCOMPARE(json.at("input_size").get<int>(), bundle.inputSize);
    QVERIFY(json.at("tags").get<std::vector<std::string>>() == bundle.tags);
    QVERIFY(json.at("thresholds").get<std::vector<float>>() == bundle.thresholds);

    // SIGTERM ends it cleanly, with a last line.
    server.process().terminate();
    QVERIFY(server.process().waitForFinished(10000));
    QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.process().exitCode(), 0);
    QVERIFY2(server.output().contains("stopped after"), server.output().constData());
}

void TestServe::badRequestsGetTheirStatus()
{
    Server server({"--model", m_run, "--max-mb", "1"});
    QVERIFY(server.port() != 0);
    const QByteArray png = readFile(m_images[0]);
    const QString big = m_dir.filePath("big.png");
    QVERIFY(cv::imwrite(big.toStdString(), cv::Mat(7200, 7200, CV_8UC1, cv::Scalar(0))));
    QVERIFY(QFileInfo(big).size() < (1 << 20));

    struct Case
    {
        const char *what;
        int status;
        QNetworkReply *reply;
        const char *says;
    } cases[] = {
        {"not an image", 415, m_network.post(request(server.url("/predict")), QByteArray("hello, world")), "not an image"},
        {"truncated", 400, m_network.post(request(server.url("/predict")), png.left(png.size() / 2)), "truncated"},
        {"empty", 400, m_network.post(request(server.url("/predict")), QByteArray()), "empty"},
        {"over the size limit", 413, m_network.post(request(server.url("/predict")), QByteArray(2 << 20, 'x')), "limit"},
        {"too many pixels", 413, m_network.post(request(server.url("/predict")), readFile(big)), "too large"},
        {"unknown path", 404, m_network.get(request(server.url("/nowhere"))), "/nowhere"},
        {"wrong method", 405, m_network.get(request(server.url("/predict"))), "POST"},
        {"malformed form", 400,
         [&] {
             QNetworkRequest r(QUrl(server.url("/predict")));
             r.setRawHeader("Content-Type", "multipart/form-data; boundary=XYZ");
             return m_network.post(r, QByteArray("--XYZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.png\"\r\n\r\nabc"));
         }(),
         "multipart"},
    };
    for (Case &c : cases) {
        const Reply reply = wait(c.reply);
        QVERIFY2(reply.status == c.status, qPrintable(QStringLiteral("%1: %2 %3").arg(c.what).arg(reply.status).arg(QString::fromUtf8(reply.body))));
        const std::string error = reply.json().at("error").get<std::string>();
        QVERIFY2(QString::fromStdString(error).contains(c.says), qPrintable(QStringLiteral("%1: %2").arg(c.what, QString::fromStdString(error))));
    }
    // It goes on serving.
    QCOMPARE(wait(m_network.post(request(server.url("/predict")), png)).status, 200);
}

void TestServe::tokenIsRequired()
{
    Server server({"--model", m_run, "--token", "s3cret"});
    QVERIFY(server.port() != 0);
    const QByteArray png = readFile(m_images[0]);
    QCOMPARE(wait(m_network.post(request(server.url("/predict")), png)).status, 401);
    QCOMPARE(wait(m_network.post(request(server.url("/predict"), "wrong"), png)).status, 401);
    QCOMPARE(wait(m_network.get(request(server.url("/model")))).status, 401);
    QCOMPARE(wait(m_network.post(request(server.url("/predict"), "s3cret"), png)).status, 200);
    QCOMPARE(wait(m_network.get(request(server.url("/health"), "s3cret"))).status, 200);

    // Another address than the loopback without a token: a warning (and it still serves).
    Server open({"--model", m_run, "--host", "0.0.0.0"});
    QVERIFY(open.port() != 0);
    QVERIFY(open.process().readAllStandardError().contains("warning: listening on 0.0.0.0 without --token"));
}

void TestServe::eightClientsAtOnce()
{
    Server server({"--model", m_run});
    QVERIFY(server.port() != 0);
    // Eight clients, each with its own connection, all asking at once.
    std::vector<std::unique_ptr<QNetworkAccessManager>> clients;
    QList<QNetworkReply *> replies;
    for (int i = 0; i < 8; ++i) {
        clients.push_back(std::make_unique<QNetworkAccessManager>());
        replies << clients.back()->post(request(server.url("/predict")), readFile(m_images[i]));
    }
    for (int i = 0; i < 8; ++i) {
        const Reply reply = wait(replies[i]);
        QCOMPARE(reply.status, 200);
        const Reply alone = wait(m_network.post(request(server.url("/predict")), readFile(m_images[i])));
        QVERIFY(reply.json()[0].at("tags") == alone.json()[0].at("tags"));
    }
    server.process().terminate();
    QVERIFY(server.process().waitForFinished(10000));
    const QByteArray out = server.output();
    QVERIFY2(out.contains("stopped after 16 images"), out.constData());
}

QTEST_GUILESS_MAIN(TestServe)
#include "tst_serve.moc"
