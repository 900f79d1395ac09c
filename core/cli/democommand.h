#pragma once

#include <QStringList>

class QTextStream;

namespace tagwise::cli {

/**
 * tagwise-cli demo --out DIR [--count N] [--seed S] [--data DIR]
 *
 * Makes a demo project in DIR (which must not exist or be empty): N (default
 * 300) Fashion-MNIST mosaics in DIR/images, the project store with the ten
 * garment tags, and the tags of two images in three applied (and marked
 * reviewed); every third image is left untagged for a person to label. Exit 1
 * when DIR already holds a project or anything else, or the data set is missing.
 */
int runDemo(const QStringList &args, QTextStream &out, QTextStream &err);

}
