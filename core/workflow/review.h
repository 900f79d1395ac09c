#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace tagwise {
class ProjectStore;
}

namespace tagwise::ml {
class Feedback;
struct MetricsReport;
struct Sample;
}

namespace tagwise::workflow {

/// What Review shows of one split of a run: the model's probabilities, the truth and the model's thresholds.
struct ReviewSet
{
    QString runDir;
    QString split;                      ///< "validation" or "test"
    int epoch = 0;                      ///< of the weights that predicted
    QStringList tags;
    QStringList paths;                  ///< absolute, one per row
    std::vector<float> probabilities;   ///< rows() x tags.size(), row-major
    std::vector<std::uint8_t> truth;    ///< the same shape; 0 or 1
    std::vector<float> thresholds;      ///< the model bundle's, one per tag
    double beta = 2.0;
    int relabeled = 0;                  ///< images whose truth was taken from the project's tags of now

    int rows() const { return int(paths.size()); }
    int tagCount() const { return int(tags.size()); }

    /// Metrics of these predictions at \a thresholds (one per tag); \a averagePrecisions
    /// as averagePrecisions() gives them, or empty to compute them.
    ml::MetricsReport metrics(const std::vector<float> &thresholds, const std::vector<double> &averagePrecisions = {}) const;
    /// Each tag's AP, which no threshold changes (only the truth does).
    std::vector<double> averagePrecisions() const;
    /// The tag-by-tag confusion (metrics.h, tagConfusion()) at \a thresholds.
    std::vector<long long> confusion(const std::vector<float> &thresholds) const;
};

/// The splits Review can show for a run: "validation", and "test" when the run's project has test images.
QStringList reviewSplits(const QString &runDir, const ProjectStore *store = nullptr);

/**
 * The predictions of \a split of the run in \a runDir. They are read from the
 * run (RUN_DIR/predictions/<split>.bin, written when training ends); when the
 * file is not there (a run of an older version, or the test split) the run's
 * model predicts them now, and they are stored for the next time.
 *
 * For a run inside a project (with \a store, or the store opened from the run
 * folder's place) the truth is the project's tags of now, so that a label
 * corrected since training counts; images no longer in the project keep the
 * truth they were trained with. Throws ProjectError naming the file and the
 * reason, and ml::Canceled when \a feedback is canceled.
 */
ReviewSet loadReview(const QString &runDir, const QString &split, const ProjectStore *store = nullptr,
                     ml::Feedback *feedback = nullptr);

/**
 * Predicts \a samples (the test split of the run's project, as in
 * TrainingData::test, targets in the model's tag order) with the run's model
 * and stores them with the run, so that Review opens at once. Images that
 * cannot be read are left out. Throws as loadReview().
 */
void storeTestPredictions(const QString &runDir, const std::vector<ml::Sample> &samples, const QString &cacheDir,
                          ml::Feedback *feedback = nullptr);

/**
 * Writes \a thresholds (one per tag, in [0, 1]) into the run's model bundle,
 * atomically; the next prediction with the model uses them. Throws ProjectError
 * naming the file and the reason.
 */
void saveThresholds(const QString &runDir, const std::vector<float> &thresholds);

}
