#pragma once

#include "core/ml/json.h"

#include <QStringList>

#include <string>

class QTextStream;

namespace tagwise::ml {
class Predictor;
}

namespace tagwise::cli {

/// One answer of predict --json and of the server: {"path", "probabilities": {tag: p}, "tags": [...]}.
ml::Json predictionToJson(const ml::Predictor &predictor, const std::string &path, const float *row);

/**
 * tagwise-cli predict --model RUN_DIR [--json] [--gradcam DIR] [--threads N]
 * [--device auto|cpu|cuda] [--batch N] IMAGE_OR_DIR...
 *
 * Classifies images (a folder means every image file under it, recursively).
 * With --json, \a out gets a JSON array of {"path", "probabilities": {tag: p},
 * "tags": [predicted]}; else one readable line per image. --gradcam DIR writes
 * <stem>.<tag>.png (the Grad-CAM overlay) and <stem>.<tag>.heat.png (the heat
 * map alone) per image and predicted tag into DIR. Unreadable
 * images are reported on \a err and the exit code is 1, after the others are
 * answered.
 */
int runPredict(const QStringList &args, QTextStream &out, QTextStream &err);

}
