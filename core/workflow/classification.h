#pragma once

#include "core/project/projectstore.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <vector>

namespace tagwise::ml {
class Predictor;
}

namespace tagwise::workflow {

/// What the model says of one image, or why it could not say it.
struct ClassifiedImage
{
    QString path;
    std::vector<float> probabilities; ///< one per tag of the model; empty when error is set
    QString error;                    ///< "<file>: <reason>" when the image could not be read
};

/**
 * The image files \a inputs name: files as given (whatever their suffix, so
 * that a wrong file gets its own error), folders searched recursively for
 * files with an image suffix, sorted. Inputs that do not exist go to
 * \a missing as "<path>: no such file or folder".
 */
QStringList imageFilesIn(const QStringList &inputs, QStringList *missing = nullptr,
                         const std::atomic<bool> *cancel = nullptr);

/**
 * Classifies \a paths with \a predictor, \a chunk images at a time (decoded
 * on all cores, predicted as one batch): every image gets a result, in
 * order; unreadable ones get their error and the rest go on. \a progress
 * (done, total) follows each chunk; \a cancel is checked between chunks, and
 * the images not reached are left out of the result.
 */
std::vector<ClassifiedImage> classifyImages(const ml::Predictor &predictor, const QStringList &paths,
                                            const std::function<void(int done, int total)> &progress = {},
                                            const std::atomic<bool> *cancel = nullptr, int chunk = 64);

/// What copyIntoProject() did.
struct CopiedImages
{
    QList<ImageTags> rows;  ///< relative paths in the project and the tags to suggest, for applyImageTags()
    int copied = 0;         ///< files copied into the folder
    int reused = 0;         ///< files already in the project (or copied there before, byte for byte)
    QStringList problems;   ///< "<file>: <reason>" for each file not added
    int notReached = 0;     ///< images left out because the copy was canceled
};

/**
 * Brings image files into the project at \a root, for "Add to project":
 * each of \a images (absolute path, tags) is copied into \a folder
 * (relative to the root, created when missing) unless it lies in the project
 * already. A name taken by another file gets "-2", "-3", ... before its
 * suffix; a file with the same bytes is used as it is, so adding twice adds
 * once. Each copy is written beside its target and renamed when complete, so
 * a full disk or a crash leaves no half image. A file that cannot be copied
 * goes to problems and the rest go on. No store is read or changed, so this
 * runs on any thread: the caller applies rows with
 * applyImageTags(rows, false, TagSource::Model), so the tags are suggestions
 * until a person reviews them. \a progress (done, total) follows each image;
 * \a cancel is checked before each, and the images not reached are left out
 * (counted in notReached). Throws ProjectError when \a folder is not a place
 * for images (outside the root, hidden) or cannot be created.
 */
CopiedImages copyIntoProject(const QString &root, const QList<ImageTags> &images, const QString &folder,
                             const std::function<void(int done, int total)> &progress = {},
                             const std::atomic<bool> *cancel = nullptr);

}
