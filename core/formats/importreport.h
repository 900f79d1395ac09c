#pragma once

#include "core/project/projectstore.h"

#include <QList>
#include <QStringList>

namespace tagwise::formats {

/**
 * What an importer read: one row per image (paths relative to the images
 * folder, '/' separated) and the problems it found in rows it could not use
 * ("<file>:<line>: <reason>", e.g. an image that does not exist). Malformed
 * files throw ProjectError instead, naming the file, the line and the reason.
 */
struct ImportReport
{
    QList<ImageTags> rows;
    QStringList problems;
};

}
