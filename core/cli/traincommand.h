#pragma once

#include <QStringList>

class QTextStream;

namespace tagwise::cli {

/**
 * tagwise-cli train (--project DIR | --csv FILE --images DIR) [--val-csv FILE]
 * [--arch NAME] [--size N] [--epochs N] [--batch N] [--lr X] [--beta X]
 * [--threads N] [--seed N] [--device auto|cpu|cuda] [advanced options] --out RUN_DIR
 * tagwise-cli train --resume RUN_DIR [--threads N] [--workers N] [--device D]
 *
 * Trains into RUN_DIR (see ml::Trainer for what it holds), printing one line
 * per epoch. Ctrl+C (or SIGTERM) stops after the current batch, leaving the
 * last epoch's checkpoint for --resume. Exit 0 when the run finished, 1 on an
 * error or when stopped, 2 on a usage error.
 */
int runTrain(const QStringList &args, QTextStream &out, QTextStream &err);

/// The usage text of the command.
extern const char *const kTrainUsage;

}
