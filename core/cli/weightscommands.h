#pragma once

#include <QStringList>

class QTextStream;

namespace tagwise::cli {

/**
 * tagwise-cli features --arch NAME --weights FILE [--size N] [--json]
 * [--threads N] [--batch N] IMAGE_OR_DIR...
 *
 * Each image's backbone features with pretrained weights (torchvision's
 * names, .safetensors or torch.save): the last convolutional block averaged
 * over the image, before any head. Images are resized to N x N (224 by
 * default) and normalised with ImageNet's mean and standard deviation. Prints
 * "<path>: <C> features" and the values, or with --json an array of
 * {"path", "features": [...]}. Exit 1 when an input could not be read.
 */
int runFeatures(const QStringList &args, QTextStream &out, QTextStream &err);

/**
 * tagwise-cli export-weights --model RUN_DIR --out FILE.safetensors
 *
 * The run's model as a .safetensors file with torchvision's names: in Python,
 * torchvision.models.<arch>(num_classes=<tags>).load_state_dict(
 * safetensors.torch.load_file(FILE)) takes it; here, --weights of another run.
 */
int runExportWeights(const QStringList &args, QTextStream &out, QTextStream &err);

}
