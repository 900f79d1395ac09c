#pragma once

#include <QStringList>

class QTextStream;

namespace tagwise::cli {

/**
 * Runs one tagwise-cli command. \a args is the whole argument list, program
 * name first. Results go to \a out, errors to \a err; returns the exit code
 * (0 on success, 1 on bad input or failure, 2 on a usage error).
 */
int run(const QStringList &args, QTextStream &out, QTextStream &err);

/// Same, writing to the process's stdout and stderr.
int run(const QStringList &args);

}
