#pragma once

#include "core/formats/importreport.h"

#include <QString>

namespace tagwise {
class ProjectStore;
}

namespace tagwise::formats {

/**
 * Reads a COCO instances file: the tags of an image are the names of the
 * categories its annotations refer to (boxes and masks are not used); an
 * image without annotations is listed with no tags (reviewed). "file_name"s
 * are resolved against \a imagesDir; images sharing a file name merge tags.
 *
 * Throws ProjectError on a malformed file: "<file>:<line>: JSON error at byte
 * <offset>: <reason>" for a syntax error, "<file>: <where>: <reason>" (e.g.
 * "annotations[3]: unknown image_id 99") for missing keys, wrong types,
 * duplicate ids and references to unknown images or categories. Images that
 * are not on disk go to problems ("<file>: images[5]: image not found: x.jpg").
 */
ImportReport readCoco(const QString &jsonFile, const QString &imagesDir);

/**
 * Writes the exported images (see exportedImages()) as a COCO instances file:
 * every tag of the project is a category, every (image, tag) pair one
 * annotation whose box is the whole image (so the image sizes are read from
 * the files). "file_name" is the path relative to the project root. Atomic.
 */
void writeCoco(const ProjectStore &store, const QString &jsonFile);

}
