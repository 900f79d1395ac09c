#pragma once

#include "core/formats/importreport.h"

#include <QString>

namespace tagwise {
class ProjectStore;
}

namespace tagwise::formats {

/**
 * Reads a one-hot CSV: a header "image_path,tagA,tagB,..." and one row per
 * image with a 0 or 1 cell per tag (white space around a cell is ignored).
 * Names are resolved against \a imagesDir as in readPlanetCsv(); an all-zero
 * row lists the image with no tags (reviewed). Several rows for one image
 * merge their tags.
 *
 * Throws ProjectError "<file>:<line>: <reason>" on a malformed file (bad
 * header, duplicate tag column, wrong column count, a cell that is not 0 or
 * 1, unterminated quote); images that are not on disk go to problems.
 */
ImportReport readOneHotCsv(const QString &csvFile, const QString &imagesDir);

/**
 * Writes the exported images (see exportedImages()) as a one-hot CSV with a
 * column for every tag of the project, in tag order. Atomic.
 */
void writeOneHotCsv(const ProjectStore &store, const QString &csvFile);

}
