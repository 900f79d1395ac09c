#pragma once

#include "core/formats/importreport.h"

#include <QString>

namespace tagwise {
class ProjectStore;
}

namespace tagwise::formats {

/**
 * The path of \a imagesDir relative to the project root \a rootDir ("" when
 * they are the same folder). Throws ProjectError when \a imagesDir does not lie
 * inside the project root.
 */
QString imagesDirInProject(const QString &rootDir, const QString &imagesDir);

/**
 * \a report without the rows the project's scanner would never list, each
 * moved to the problems with the reason: images reached through a symbolic
 * link to a folder (the scanner does not follow those: the folder may lie
 * outside the project), and images in hidden folders (".tagwise/..."), or
 * outside the root. \a imagesDir must lie inside \a rootDir (else ProjectError).
 */
ImportReport keepProjectImages(ImportReport report, const QString &rootDir, const QString &imagesDir);

/**
 * Applies a report to the store (all or nothing, through
 * ProjectStore::applyImageTags()): every listed image gets the tags (added to
 * what it has, or replacing them with \a replace) and is marked reviewed;
 * unknown tags are created. Paths in the report are relative to \a imagesDir,
 * which must lie inside the project root, and must name images the scanner
 * would list (see keepProjectImages(); else ProjectError).
 * Returns the number of images whose tags or review mark changed (or which
 * were new to the project).
 */
int importIntoProject(ProjectStore &store, const ImportReport &report, const QString &imagesDir, bool replace);

}
