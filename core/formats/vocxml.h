#pragma once

#include "core/formats/importreport.h"

#include <QString>

namespace tagwise {
class ProjectStore;
}

namespace tagwise::formats {

/**
 * Reads Pascal VOC annotations: every *.xml under \a annotationsDir (sub-folders
 * included, hidden ones skipped). The <filename> of each is resolved against
 * \a imagesDir (it may hold a relative path); the distinct <name>s of its
 * <object>s are the image's tags (an annotation without objects lists the
 * image with no tags). Several files for one image merge their tags.
 *
 * Throws ProjectError "<file>:<line>: <reason>" on an XML error, a root element
 * other than <annotation>, a missing <filename>, or an <object> without a
 * <name>; images that are not on disk go to problems.
 */
ImportReport readVocFolder(const QString &annotationsDir, const QString &imagesDir);

/**
 * Writes one VOC XML per exported image (see exportedImages()) into \a outDir
 * (new or empty), mirroring the image's folder (a/b.jpg -> a/b.xml; b.jpg.xml
 * when two images share a base name). <filename> holds the path relative to the
 * project root; each tag is one object whose box is the whole image, since
 * VOC has no labels without boxes, so the image sizes are read from the files.
 * The folder appears complete or not at all; throws ProjectError.
 */
void writeVocFolder(const ProjectStore &store, const QString &outDir);

}
