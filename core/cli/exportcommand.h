#pragma once

#include <QStringList>

class QTextStream;

namespace tagwise::cli {

/**
 * tagwise-cli export --project DIR (--csv FILE | --onehot FILE | --coco FILE |
 * --folders DIR | --voc DIR)
 *
 * Writes the project's tagged or reviewed images in one format.
 */
int runExport(const QStringList &args, QTextStream &out, QTextStream &err);

}
