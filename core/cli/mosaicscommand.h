#pragma once

#include <QString>
#include <QStringList>

#include <vector>

class QTextStream;

namespace tagwise {
class MosaicBuilder;
}

namespace tagwise::cli {

/**
 * tagwise-cli mosaics --out DIR --count N [--source train|test] [--seed S]
 * [--cell PX] [--min-items N] [--max-items N] [--layout csv|folders] [--start K]
 * [--threads N] [--data DIR]
 *
 * Writes N multi-label images made of Fashion-MNIST garments (see MosaicBuilder):
 * DIR/images/<name>.png and DIR/labels.csv (Planet layout, names without the
 * extension), or with --layout folders (one garment per image)
 * DIR/<tag>/<name>.png. Names are `<source>_<index>`, indices from K, and image
 * K is the same whatever N, so sets can be continued. Train and test images
 * come from the data set's own train and test parts and never share a garment.
 */
int runMosaics(const QStringList &args, QTextStream &out, QTextStream &err);

/// One image written by writeMosaics().
struct WrittenMosaic
{
    QString relativePath; ///< relative to the output folder, '/' separated
    QStringList tags;
};

/**
 * Makes images \a start .. \a start + \a count - 1 of \a builder and writes them
 * as PNG under \a dir: `images/<prefix>_<index>.png`, or `<tag>/<prefix>_<index>.png`
 * with \a folders (single-item images). Uses \a threads threads (0: one per core).
 * Throws ImagingError naming the file that could not be written.
 */
std::vector<WrittenMosaic> writeMosaics(const MosaicBuilder &builder, const QString &dir, const QString &prefix,
                                        qint64 start, qint64 count, bool folders, int threads);

}
