#pragma once

#include <QByteArray>
#include <QStringList>

class QTextStream;

namespace tagwise::ml {
struct MetricsReport;
}

namespace tagwise::cli {

/// The readable table evaluate and review print: totals, then one row per tag.
void printMetricsReport(const ml::MetricsReport &report, int images, QTextStream &out);
/// Writes a --json report atomically; throws ProjectError naming the file.
void writeReportFile(const QString &file, const QByteArray &bytes);

/**
 * tagwise-cli evaluate --model RUN_DIR --csv FILE --images DIR [--json FILE]
 * [--threads N] [--device auto|cpu|cuda] [--batch N]
 *
 * Predicts the images of a Planet-style CSV with the model bundle of RUN_DIR
 * (or a bundle folder) and scores them at the bundle's thresholds: a readable
 * table on \a out, and with --json the report as JSON (see
 * ml::metricsToJson). Tags of the CSV the model does not know are reported and
 * ignored. Unreadable images are reported and left out; the exit code is then
 * 1, after the report of the others.
 */
int runEvaluate(const QStringList &args, QTextStream &out, QTextStream &err);

}
