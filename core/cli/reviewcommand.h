#pragma once

#include <QStringList>

class QTextStream;

namespace tagwise::cli {

/**
 * tagwise-cli review --model RUN_DIR [--split validation|test] [--json FILE]
 * [--threads N]
 *
 * What the Review workspace shows of a run: the metrics of the split at the
 * model's thresholds (the predictions stored with the run, made now when
 * missing) and the tag-by-tag confusion, as a table on \a out and, with
 * --json, as evaluate's JSON plus "split", "images" and
 * "confusion": {"tags": [...], "counts": [[...]]}, where counts[i][j] is the
 * number of images that truly have tag i for which tag j is predicted.
 */
int runReview(const QStringList &args, QTextStream &out, QTextStream &err);

}
