#pragma once

#include <QStringList>

class QTextStream;

namespace tagwise::cli {

/**
 * Runs `tagwise-cli train ARGS` as \a ranks local processes, the ranks of one
 * data-parallel job (torchrun's variables, MASTER_ADDR 127.0.0.1 and a free
 * port), and waits for them. Rank 0's output is passed on as it comes; the
 * other ranks' errors are passed on marked with their rank. When a rank
 * fails, the others are ended (SIGTERM, then SIGKILL after \a graceSeconds)
 * and the launch fails naming it. SIGINT/SIGTERM are passed to every rank,
 * which stop together. Returns the exit code: rank 0's, or the failing rank's.
 */
int launchLocalRanks(const QStringList &trainArgs, int ranks, QTextStream &out, QTextStream &err,
                     int graceSeconds = 10);

}
