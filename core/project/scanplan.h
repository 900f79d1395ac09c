#pragma once

#include <QHash>
#include <QList>

#include <vector>

namespace tagwise {

struct ImageRecord;
struct ScannedFile;

/**
 * How a scan of the project folder changes the image list: which known
 * images vanished or came back, which were moved, and which files are new.
 * A pure function of the list and the scan (planScan()), so the matching is
 * tested without a database.
 */
struct ScanPlan
{
    QList<int> vanished;                      ///< indexes into the images, not moved
    QList<int> returned;                      ///< missing before, found again at their path
    QHash<int, const ScannedFile *> moves;    ///< image index -> its file at a new path
    QList<const ScannedFile *> fresh;         ///< new files, not the target of a move

    bool isEmpty() const { return vanished.isEmpty() && returned.isEmpty() && moves.isEmpty() && fresh.isEmpty(); }
};

/**
 * Matches a scan (\a files, every image file of the folder) with the known
 * \a images. An image that vanished from its path is moved when exactly one
 * new file has its file name and size (and no other vanished image claims
 * it); otherwise it becomes missing and keeps its tags. The plan points
 * into \a files, which must outlive it.
 */
ScanPlan planScan(const std::vector<ImageRecord> &images, const QList<ScannedFile> &files);

}
