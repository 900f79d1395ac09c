#pragma once

#include <QStringList>

class QTextStream;

namespace tagwise::cli {

/**
 * tagwise-cli serve --model RUN_DIR [--host 127.0.0.1] [--port 8080]
 * [--token SECRET] [--threads N] [--device auto|cpu|cuda] [--max-mb N]
 *
 * Serves the model over HTTP (PredictionServer) until SIGINT or SIGTERM.
 * Prints "listening on http://HOST:PORT" once it listens (--port 0 picks a
 * free port). Listening on another address than the loopback without a
 * token prints a warning.
 */
int runServe(const QStringList &args, QTextStream &out, QTextStream &err);

}
