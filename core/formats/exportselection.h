#pragma once

#include <QList>

namespace tagwise {
class ProjectStore;
struct ImageRecord;
}

namespace tagwise::formats {

/**
 * The images an export writes: those that are tagged or marked reviewed (an
 * untagged image nobody reviewed is unlabeled, not a negative), in path
 * order. Images marked missing (not found on disk at the last scan) are left
 * out, so that an export never names a file that is not there.
 */
QList<const ImageRecord *> exportedImages(const ProjectStore &store);

}
