#pragma once

#include "core/ml/datasetsnapshot.h"
#include "core/ml/recommendation.h"

#include <QString>
#include <QStringList>

namespace tagwise {
class ProjectStore;
}

namespace tagwise::workflow {

/// What a training run will learn from, and how it was chosen.
struct TrainingData
{
    ml::DatasetSnapshot snapshot;  ///< absolute image paths
    int heldOut = 0;               ///< test-split images kept out of training and validation
    std::vector<ml::Sample> test;  ///< those images (a project's), for Review once the run has ended
    int leftOut = 0;               ///< images neither tagged nor reviewed, or missing on disk
    int awaitingReview = 0;        ///< images with tags a model suggested and nobody confirmed (left out)
    QStringList problems;          ///< rows of the input that could not be used, one line each
    QString cacheDir;              ///< where decoded pixels are best cached for this source
};

/**
 * The training data of a project folder, from the store's splits: the train
 * split trains, the validation split validates, and the test split is held
 * out (it stays unseen for a later evaluation). Images missing on disk, and
 * images neither tagged nor reviewed, and images whose tags a model suggested
 * and no person confirmed yet, are left out; a reviewed image without
 * tags is a true negative for every tag. Throws ProjectError naming the folder
 * and the reason.
 */
TrainingData trainingDataFromProject(const QString &projectDir);

/**
 * The same from the store a caller already holds (the GUI's), on its thread;
 * it never throws: a project with nothing to train on gives empty lists, which
 * checkTrainingData() (datacheck.h) explains.
 */
TrainingData trainingDataFromStore(const ProjectStore &store);

/**
 * The training data of a Planet-style CSV and its images folder. Without
 * \a validationCsv the split is ProjectStore::defaultSplit() of each image's
 * relative path: the train part trains, and the validation and test parts
 * together validate (20 %: a CSV run has no later use for a held-out part,
 * and more validation images make better thresholds). With \a validationCsv
 * every row of \a csv trains and every row of \a validationCsv validates.
 * The tags are those of the rows, sorted. Throws ProjectError naming the file
 * and the reason (missing, malformed, no usable rows).
 */
TrainingData trainingDataFromCsv(const QString &csv, const QString &imagesDir, const QString &validationCsv = QString());

/**
 * What recommendSettings() needs to know of \a data and this machine: the
 * counts, the median shorter side of the images (from the headers of up to
 * 200 of them, spread over the list), the cores and whether the CPU computes
 * bfloat16; \a cuda whether a GPU will train, \a minutes how long a run may take.
 */
ml::DataProfile dataProfile(const TrainingData &data, bool cuda, double minutes);

}
