#include "core/cli/servecommand.h"

#include "core/cli/commands.h"
#include "core/cli/modeloptions.h"
#include "core/cli/options.h"
#include "core/cli/predictionserver.h"
#include "core/cli/signalstop.h"
#include "core/ml/predictor.h"
#include "core/project/projecterror.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QTextStream>

namespace tagwise::cli {

namespace {

const char *const kUsage = "usage: tagwise-cli serve --model RUN_DIR [--host 127.0.0.1] [--port 8080] [--token SECRET]\n"
                           "                         [--threads N] [--device auto|cpu|cuda] [--max-mb N]\n";

}

int runServe(const QStringList &args, QTextStream &out, QTextStream &err)
{
    return runCommand("serve", kUsage, err, [&] {
        Options options({"model", "host", "port", "token", "threads", "device", "max-mb"}, {});
        options.parse(args);
        options.required(QStringLiteral("model"));
        const QString host = options.isSet(QStringLiteral("host")) ? options.value(QStringLiteral("host")) : QStringLiteral("127.0.0.1");
        const QHostAddress address(host);
        if (address.isNull())
            throw UsageError(QStringLiteral("--host: '%1' is not an IP address").arg(host));
        const int port = options.integer(QStringLiteral("port"), 8080, 0, 65535);
        PredictionServer::Limits limits;
        limits.maxBodyBytes = qint64(options.integer(QStringLiteral("max-mb"), 64, 1, 4096)) << 20;
        const QString token = options.value(QStringLiteral("token"));
        if (!address.isLoopback() && token.isEmpty())
            err << "warning: listening on " << host
                << " without --token: anyone who can reach this machine can use the model\n";
        err.flush();

        PredictionServer server(loadPredictor(options), token, limits);
        const quint16 listening = server.listen(address, quint16(port));
        if (listening == 0)
            throw ProjectError(QStringLiteral("%1:%2: cannot listen (the port is taken, or not allowed)").arg(host).arg(port));
        out << "listening on http://" << (address.protocol() == QAbstractSocket::IPv6Protocol ? "[" + host + "]" : host)
            << ':' << listening << '\n';
        out.flush();

        QEventLoop loop;
        const SignalStop signalStop(&loop, [&loop] { loop.quit(); });
        loop.exec();
        out << "stopped after " << server.imagesPredicted() << " images in " << server.batches() << " batches\n";
        return ExitOk;
    });
}

}
