#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

class QTextStream;

namespace tagwise::cli {

/**
 * Images decoded at one size for prediction: the pixels of the images that
 * could be read (S x S x 3 RGB each, one after the other) and their paths.
 * Every image that could not be read is written to \a err ("<file>: <reason>")
 * and counted in failed.
 */
struct DecodedImages
{
    QStringList paths;
    std::vector<std::uint8_t> pixels;
    int failed = 0;

    static DecodedImages decode(const QStringList &paths, int size, const QString &cacheDir, QTextStream &err);
};

}
