#include "core/workflow/review.h"

#include "core/imaging/opencvimageloader.h"
#include "core/ml/datasetsnapshot.h"
#include "core/ml/feedback.h"
#include "core/ml/metrics.h"
#include "core/ml/mlerror.h"
#include "core/ml/modelbundle.h"
#include "core/ml/predictionset.h"
#include "core/ml/predictor.h"
#include "core/project/projecterror.h"
#include "core/project/projectstore.h"
#include "core/workflow/projectruns.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>

#include <memory>

namespace tagwise::workflow {

namespace {

const QString kValidation = QStringLiteral("validation");
const QString kTest = QStringLiteral("test");

QString predictionsFile(const QString &runDir, const QString &split)
{
    return QDir(runDir).filePath(QString::fromLatin1(ml::PredictionSet::kFolder) + QLatin1Char('/')
                                 + QString::fromStdString(ml::PredictionSet::fileName(split.toStdString())));
}

/// The project store of a run inside a project, or null.
std::unique_ptr<ProjectStore> openProjectOf(const QString &runDir)
{
    const QString project = projectOfRun(runDir).first;
    if (project.isEmpty() || !ProjectStore::exists(project))
        return nullptr;
    return ProjectStore::open(project);
}

/// Images to predict and their truth, in the bundle's tag order.
struct Rows
{
    std::vector<std::string> paths;
    std::vector<std::uint8_t> truth;
};

/// The 0/1 row of \a image's tags of now in the order of \a tags.
std::vector<std::uint8_t> truthOf(const ProjectStore &store, const ImageRecord &image, const QStringList &tags)
{
    std::vector<std::uint8_t> row(std::size_t(tags.size()), 0);
    for (const qint64 id : image.tags) {
        if (const TagInfo *tag = store.tag(id)) {
            const qsizetype index = tags.indexOf(tag->name);
            if (index >= 0)
                row[std::size_t(index)] = 1;
        }
    }
    return row;
}

/// The project's test images that training would use (labeled by a person, on disk).
Rows testRows(const ProjectStore &store, const QStringList &tags)
{
    Rows rows;
    for (const ImageRecord &image : store.images()) {
        if (image.split != Split::Test || !image.isLabeled())
            continue;
        rows.paths.push_back(store.absolutePath(image.path).toStdString());
        const std::vector<std::uint8_t> row = truthOf(store, image, tags);
        rows.truth.insert(rows.truth.end(), row.begin(), row.end());
    }
    return rows;
}

/// The validation images of the run's snapshot (dataset.json), with the truth they were trained with.
Rows validationRows(const QString &runDir, const QStringList &tags)
{
    const ml::DatasetSnapshot snapshot = ml::DatasetSnapshot::load(QDir(runDir).filePath(QStringLiteral("dataset.json")).toStdString());
    std::vector<int> order;
    for (const QString &tag : tags) {
        const auto it = std::find(snapshot.tags.begin(), snapshot.tags.end(), tag.toStdString());
        order.push_back(it == snapshot.tags.end() ? -1 : int(it - snapshot.tags.begin()));
    }
    Rows rows;
    for (const ml::Sample &sample : snapshot.validation) {
        rows.paths.push_back(sample.path);
        for (const int index : order)
            rows.truth.push_back(index >= 0 ? sample.target[std::size_t(index)] : 0);
    }
    return rows;
}

/// The run's model predicts \a rows now; images that cannot be read are left out.
ml::PredictionSet predictNow(const QString &runDir, const QString &split, Rows rows, const QString &cacheDir,
                             ml::Feedback *feedback)
{
    const std::unique_ptr<ml::Predictor> predictor = ml::Predictor::load(runDir.toStdString());
    const ml::ModelBundle &bundle = predictor->bundle();
    const std::size_t tags = bundle.tags.size();
    const std::size_t block = std::size_t(bundle.inputSize) * std::size_t(bundle.inputSize) * 3;
    std::vector<std::uint8_t> pixels;
    std::vector<std::string> errors;
    OpenCvImageLoader loader(cacheDir);
    loader.loadAll(rows.paths, bundle.inputSize, pixels, errors, feedback);
    if (feedback && feedback->isCanceled())
        throw ml::Canceled();

    ml::PredictionSet set;
    set.split = split.toStdString();
    set.epoch = bundle.epoch;
    set.tags = bundle.tags;
    for (std::size_t i = 0; i < rows.paths.size(); ++i) {
        if (!errors[i].empty())
            continue;
        const std::size_t n = set.paths.size();
        if (n != i)
            std::copy_n(pixels.data() + i * block, block, pixels.data() + n * block);
        set.paths.push_back(rows.paths[i]);
        set.truth.insert(set.truth.end(), rows.truth.begin() + std::ptrdiff_t(i * tags),
                         rows.truth.begin() + std::ptrdiff_t((i + 1) * tags));
    }
    if (set.paths.empty())
        throw ProjectError(QStringLiteral("%1: none of the %2 images of the %3 split could be read")
                               .arg(runDir).arg(rows.paths.size()).arg(split));
    set.probabilities = predictor->predict(pixels.data(), set.paths.size());
    return set;
}

template<typename Function>
auto rethrowAsProjectError(Function function)
{
    try {
        return function();
    } catch (const ml::MlError &error) {
        throw ProjectError(QString::fromStdString(error.what()));
    }
}

}

ml::MetricsReport ReviewSet::metrics(const std::vector<float> &thresholds, const std::vector<double> &averagePrecisions) const
{
    std::vector<std::string> names;
    for (const QString &tag : tags)
        names.push_back(tag.toStdString());
    return ml::computeMetrics(probabilities, truth, names, thresholds, beta, averagePrecisions);
}

std::vector<double> ReviewSet::averagePrecisions() const
{
    std::vector<double> ap;
    const std::size_t n = std::size_t(tagCount());
    for (std::size_t t = 0; t < n; ++t)
        ap.push_back(ml::averagePrecision(probabilities.data() + t, truth.data() + t, std::size_t(rows()), n));
    return ap;
}

std::vector<long long> ReviewSet::confusion(const std::vector<float> &thresholds) const
{
    return ml::tagConfusion(probabilities, truth, thresholds);
}

QStringList reviewSplits(const QString &runDir, const ProjectStore *store)
{
    QStringList splits{kValidation};
    std::unique_ptr<ProjectStore> opened;
    if (!store) {
        try {
            opened = openProjectOf(runDir);
        } catch (const ProjectError &) {
        }
        store = opened.get();
    }
    if (QFileInfo::exists(predictionsFile(runDir, kTest)))
        splits << kTest;
    else if (store) {
        for (const ImageRecord &image : store->images()) {
            if (image.split == Split::Test && image.isLabeled()) {
                splits << kTest;
                break;
            }
        }
    }
    return splits;
}

ReviewSet loadReview(const QString &runDir, const QString &split, const ProjectStore *store, ml::Feedback *feedback)
{
    if (split != kValidation && split != kTest)
        throw ProjectError(QStringLiteral("'%1': no such split (validation or test)").arg(split));
    return rethrowAsProjectError([&] {
        const QString bundleDir = QString::fromStdString(ml::ModelBundle::locate(runDir.toStdString()));
        const ml::ModelBundle bundle = ml::ModelBundle::read(bundleDir.toStdString());
        ReviewSet review;
        review.runDir = runDir;
        review.split = split;
        review.thresholds = bundle.thresholds;
        review.beta = bundle.beta;
        for (const std::string &tag : bundle.tags)
            review.tags << QString::fromStdString(tag);

        std::unique_ptr<ProjectStore> opened;
        if (!store) {
            opened = openProjectOf(runDir);
            store = opened.get();
        }
        const QString file = predictionsFile(runDir, split);
        ml::PredictionSet set;
        if (QFileInfo::exists(file)) {
            set = ml::PredictionSet::load(file.toStdString());
            if (set.tags != bundle.tags)
                throw ProjectError(QStringLiteral("%1: the predictions are of other tags than the model's").arg(file));
        } else {
            if (split == kTest && !store)
                throw ProjectError(QStringLiteral("%1: a run outside a project has no test split").arg(runDir));
            Rows rows = split == kTest ? testRows(*store, review.tags) : validationRows(runDir, review.tags);
            if (rows.paths.empty())
                throw ProjectError(QStringLiteral("%1: the %2 split has no images").arg(runDir, split));
            const QString cacheDir = store ? store->dataPath() + QStringLiteral("/decoded") : QString();
            set = predictNow(runDir, split, std::move(rows), cacheDir, feedback);
            QDir().mkpath(QFileInfo(file).absolutePath());
            set.save(file.toStdString());
        }
        review.epoch = set.epoch;
        review.probabilities = std::move(set.probabilities);
        review.truth = std::move(set.truth);
        for (const std::string &path : set.paths)
            review.paths << QString::fromStdString(path);

        if (store) {
            const std::size_t tags = std::size_t(review.tagCount());
            for (int row = 0; row < review.rows(); ++row) {
                const int index = store->indexOfPath(store->relativePath(review.paths[row]));
                if (index < 0)
                    continue;
                const std::vector<std::uint8_t> now = truthOf(*store, store->images()[std::size_t(index)], review.tags);
                std::uint8_t *cells = review.truth.data() + std::size_t(row) * tags;
                if (!std::equal(now.begin(), now.end(), cells)) {
                    std::copy(now.begin(), now.end(), cells);
                    ++review.relabeled;
                }
            }
        }
        return review;
    });
}

void storeTestPredictions(const QString &runDir, const std::vector<ml::Sample> &samples, const QString &cacheDir,
                          ml::Feedback *feedback)
{
    if (samples.empty())
        return;
    rethrowAsProjectError([&] {
        Rows rows;
        for (const ml::Sample &sample : samples) {
            rows.paths.push_back(sample.path);
            rows.truth.insert(rows.truth.end(), sample.target.begin(), sample.target.end());
        }
        const ml::PredictionSet set = predictNow(runDir, kTest, std::move(rows), cacheDir, feedback);
        const QString file = predictionsFile(runDir, kTest);
        QDir().mkpath(QFileInfo(file).absolutePath());
        set.save(file.toStdString());
        return 0;
    });
}

void saveThresholds(const QString &runDir, const std::vector<float> &thresholds)
{
    rethrowAsProjectError([&] {
        const std::string dir = ml::ModelBundle::locate(runDir.toStdString());
        ml::ModelBundle bundle = ml::ModelBundle::read(dir);
        if (thresholds.size() != bundle.tags.size())
            throw ProjectError(QStringLiteral("%1: %2 thresholds for %3 tags")
                                   .arg(runDir).arg(thresholds.size()).arg(bundle.tags.size()));
        for (const float threshold : thresholds) {
            if (!(threshold >= 0.0f && threshold <= 1.0f))
                throw ProjectError(QStringLiteral("%1: a threshold must lie in [0, 1], not %2").arg(runDir).arg(threshold));
        }
        bundle.thresholds = thresholds;
        // The bundle's F-beta is that of its thresholds on the validation split.
        const QString file = predictionsFile(runDir, kValidation);
        if (QFileInfo::exists(file)) {
            const ml::PredictionSet set = ml::PredictionSet::load(file.toStdString());
            if (set.tags == bundle.tags)
                bundle.fbeta = ml::computeMetrics(set.probabilities, set.truth, set.tags, thresholds, bundle.beta).fbetaSamples;
        }
        bundle.write(dir);
        return 0;
    });
}

}
