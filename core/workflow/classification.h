#pragma once

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

}
