#pragma once

#include <QStringList>

class QTextStream;

namespace tagwise::cli {

/**
 * tagwise-cli predict --model RUN_DIR [--json] [--gradcam DIR] [--threads N]
 * [--device auto|cpu|cuda] [--batch N] IMAGE_OR_DIR...
 *
 * Classifies images (a folder means every image file under it, recursively).
 * With --json, \a out gets a JSON array of {"path", "probabilities": {tag: p},
 * "tags": [predicted]}; else one readable line per image. --gradcam DIR writes
 * one Grad-CAM overlay PNG per image and predicted tag into DIR. Unreadable
 * images are reported on \a err and the exit code is 1, after the others are
 * answered.
 */
int runPredict(const QStringList &args, QTextStream &out, QTextStream &err);

}
