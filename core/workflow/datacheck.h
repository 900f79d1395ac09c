#pragma once

#include "core/workflow/trainingdata.h"

#include <QList>
#include <QString>

#include <atomic>

namespace tagwise::workflow {

/// One finding of checkTrainingData(), in words for the user.
struct DataIssue
{
    enum class Severity {
        Blocking, ///< training cannot start
        Warning,  ///< training can start, but will be weaker
    };
    Severity severity = Severity::Warning;
    QString text;
};

/// The fewest training images of a tag below which it is flagged.
inline constexpr int kFewExamples = 10;

/**
 * What blocks or weakens training on \a data, said plainly: no tags, no
 * training or validation images (blocking); tags with fewer than kFewExamples
 * training images or none in validation, images left out because nobody
 * tagged or reviewed them, images missing on disk (warnings).
 */
QList<DataIssue> checkTrainingData(const TrainingData &data);

/**
 * The images of \a data whose header cannot be read (gone, unreadable, not an
 * image, truncated), as "<file>: <reason>": the ones training would skip.
 * Reads headers only, so it is quick; stops early when \a cancel turns true.
 */
QStringList unreadableImages(const TrainingData &data, const std::atomic<bool> *cancel = nullptr);

bool hasBlockingIssue(const QList<DataIssue> &issues);

}
