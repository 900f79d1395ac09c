#pragma once

#include "core/formats/importreport.h"

#include <QString>

namespace tagwise {
class ProjectStore;
}

namespace tagwise::formats {

/**
 * Reads a Planet-style CSV: a header of two columns (e.g. "image_name,tags"),
 * then one row per image: the image name and its tags separated by white space. A
 * name without an image suffix is resolved against \a imagesDir ("train_1" ->
 * "train_1.jpg"). An empty tags cell lists the image with no tags (reviewed).
 * Several rows for one image merge their tags.
 *
 * Throws ProjectError "<file>:<line>: <reason>" on a malformed file (bad
 * header, wrong column count, empty image name, unterminated quote); images
 * that are not on disk go to ImportReport::problems.
 */
ImportReport readPlanetCsv(const QString &csvFile, const QString &imagesDir);

/**
 * Writes the exported images (see exportedImages()) as a Planet-style CSV:
 * "image_name,tags", the path relative to the project root and the tags in
 * tag order, separated by spaces. Atomic: on failure the old file stays.
 */
void writePlanetCsv(const ProjectStore &store, const QString &csvFile);

}
