#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace tagwise {
class ProjectStore;
struct ImageRecord;
}

namespace tagwise::formats {

/**
 * The images an export writes: those that are tagged or marked reviewed (an
 * untagged image nobody reviewed is unlabeled, not a negative), in path
 * order. Images marked missing (not found on disk at the last scan) are left
 * out, so that an export never names a file that is not there, and so are
 * images whose tags a model suggested and no person confirmed yet
 * (ImageRecord::isLabeled()).
 */
QList<const ImageRecord *> exportedImages(const ProjectStore &store);

/**
 * Throws ProjectError when writing the file \a target would overwrite what
 * the project keeps: anything in its .tagwise folder (the database, runs,
 * thumbnails) or one of its images. Symbolic links are followed.
 */
void checkExportTarget(const ProjectStore &store, const QString &target);

/**
 * Writes one file of an export: checkExportTarget(), then a whole-or-nothing
 * write (io/atomicwrite.h). Throws ProjectError naming the file and the real
 * reason (a full disk, a read-only folder, ...); the old file then stays.
 */
void writeExportFile(const ProjectStore &store, const QString &fileName, const QByteArray &contents);

}
