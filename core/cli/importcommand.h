#pragma once

#include <QStringList>

class QTextStream;

namespace tagwise::cli {

/**
 * tagwise-cli import --project DIR (--csv FILE | --onehot FILE | --folders DIR
 * [--separator S] | --voc DIR [--images DIR] | --coco FILE [--images DIR]) [--replace]
 *
 * Reads the annotations first (a malformed file: exit 1, nothing created or
 * changed), then opens the project in DIR (creating it when there is none),
 * scans its images and applies the annotations. Problems go to \a err, one
 * per line; exit 0 when anything was imported.
 */
int runImport(const QStringList &args, QTextStream &out, QTextStream &err);

}
