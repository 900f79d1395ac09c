#pragma once

#include <QStringList>

class QTextStream;

namespace tagwise::cli {

/**
 * tagwise-cli runs --project DIR [--json]
 *
 * Lists the project's training runs, newest first: id, dates, architecture,
 * status (running, finished, stopped or failed; a run whose process died
 * counts as stopped), best validation F-beta, epochs and folder. With --json
 * an array of {"id", "created", "finished", "architecture", "status",
 * "best_fbeta", "epochs", "folder"} (dates in ISO 8601 UTC, null when none).
 */
int runRuns(const QStringList &args, QTextStream &out, QTextStream &err);

}
