#pragma once

#include <QStringList>

class QTextStream;

namespace tagwise::cli {

/**
 * tagwise-cli version
 *
 * Prints Tagwise's version and what it computes with: the LibTorch (version,
 * CPU only or CUDA, the library file in use), the device an automatic choice
 * trains on, whether data-parallel training is built in, and Qt's and
 * OpenCV's versions. For bug reports, and to check that a CUDA build is one.
 */
int runVersion(const QStringList &args, QTextStream &out, QTextStream &err);

}
