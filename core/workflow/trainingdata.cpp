#include "core/workflow/trainingdata.h"

#include "core/formats/planetcsv.h"
#include "core/io/imageheader.h"
#include "core/ml/device.h"
#include "core/project/projecterror.h"
#include "core/project/projectstore.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>
#include <map>

namespace tagwise::workflow {

namespace {

formats::ImportReport readCsv(const QString &csv, const QString &imagesDir)
{
    if (!QFileInfo(csv).isFile())
        throw ProjectError(QStringLiteral("%1: no such file").arg(csv));
    if (!QFileInfo(csv).isReadable())
        throw ProjectError(QStringLiteral("%1: not readable").arg(csv));
    formats::ImportReport report = formats::readPlanetCsv(csv, imagesDir);
    if (report.rows.isEmpty())
        throw ProjectError(QStringLiteral("%1: no usable rows (%2 problems)").arg(csv).arg(report.problems.size()));
    return report;
}

ml::Sample sampleOf(const ImageTags &row, const QDir &images, const std::map<QString, std::size_t> &tagIndex)
{
    ml::Sample sample;
    sample.path = QDir::cleanPath(images.absoluteFilePath(row.path)).toStdString();
    sample.target.assign(tagIndex.size(), 0);
    for (const QString &tag : row.tags)
        sample.target[tagIndex.at(tag)] = 1;
    return sample;
}

QString userCacheDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/decoded");
}

}

TrainingData trainingDataFromProject(const QString &projectDir)
{
    if (!QFileInfo(projectDir).isDir())
        throw ProjectError(QStringLiteral("%1: no such folder").arg(projectDir));
    if (!ProjectStore::exists(projectDir))
        throw ProjectError(QStringLiteral("%1: not a Tagwise project (no .tagwise folder); import images into it first")
                               .arg(projectDir));
    const std::unique_ptr<ProjectStore> store = ProjectStore::open(projectDir);
    TrainingData data = trainingDataFromStore(*store);
    if (data.snapshot.tags.empty())
        throw ProjectError(QStringLiteral("%1: the project has no tags").arg(projectDir));
    if (data.snapshot.train.empty())
        throw ProjectError(QStringLiteral("%1: no tagged or reviewed images in the train split").arg(projectDir));
    return data;
}

TrainingData trainingDataFromStore(const ProjectStore &store)
{
    TrainingData data;
    data.cacheDir = store.dataPath() + QStringLiteral("/decoded");
    std::map<qint64, std::size_t> tagIndex;
    for (const TagInfo &tag : store.tags()) {
        tagIndex[tag.id] = data.snapshot.tags.size();
        data.snapshot.tags.push_back(tag.name.toStdString());
    }
    for (const ImageRecord &image : store.images()) {
        if (!image.missing && !image.suggested.empty()) {
            ++data.awaitingReview;
            continue;
        }
        if (!image.isLabeled()) {
            ++data.leftOut;
            continue;
        }
        ml::Sample sample;
        sample.path = store.absolutePath(image.path).toStdString();
        sample.target.assign(tagIndex.size(), 0);
        for (const qint64 id : image.tags) {
            const auto it = tagIndex.find(id);
            if (it != tagIndex.end())
                sample.target[it->second] = 1;
        }
        if (image.split == Split::Test)
            ++data.heldOut;
        (image.split == Split::Train ? data.snapshot.train
                                     : image.split == Split::Test ? data.test : data.snapshot.validation)
            .push_back(std::move(sample));
    }
    return data;
}

TrainingData trainingDataFromCsv(const QString &csv, const QString &imagesDir, const QString &validationCsv)
{
    if (!QFileInfo(imagesDir).isDir())
        throw ProjectError(QStringLiteral("%1: no such images folder").arg(imagesDir));
    TrainingData data;
    data.cacheDir = userCacheDir();
    const formats::ImportReport trainReport = readCsv(csv, imagesDir);
    formats::ImportReport validationReport;
    if (!validationCsv.isEmpty())
        validationReport = readCsv(validationCsv, imagesDir);
    data.problems = trainReport.problems + validationReport.problems;

    QStringList tags;
    for (const formats::ImportReport *report : std::initializer_list<const formats::ImportReport *>{&trainReport, &validationReport}) {
        for (const ImageTags &row : report->rows)
            tags += row.tags;
    }
    tags.removeDuplicates();
    std::sort(tags.begin(), tags.end());
    if (tags.isEmpty())
        throw ProjectError(QStringLiteral("%1: no image has a tag").arg(csv));
    std::map<QString, std::size_t> tagIndex;
    for (const QString &tag : std::as_const(tags)) {
        tagIndex[tag] = data.snapshot.tags.size();
        data.snapshot.tags.push_back(tag.toStdString());
    }

    const QDir images(imagesDir);
    for (const ImageTags &row : trainReport.rows) {
        const bool train = !validationCsv.isEmpty() || ProjectStore::defaultSplit(row.path) == Split::Train;
        (train ? data.snapshot.train : data.snapshot.validation).push_back(sampleOf(row, images, tagIndex));
    }
    for (const ImageTags &row : validationReport.rows)
        data.snapshot.validation.push_back(sampleOf(row, images, tagIndex));
    if (data.snapshot.train.empty())
        throw ProjectError(QStringLiteral("%1: no image falls in the train split").arg(csv));
    return data;
}

ml::DataProfile dataProfile(const TrainingData &data, bool cuda, double minutes)
{
    ml::DataProfile profile;
    profile.trainImages = std::int64_t(data.snapshot.train.size());
    profile.validationImages = std::int64_t(data.snapshot.validation.size());
    profile.tags = int(data.snapshot.tags.size());
    profile.cuda = cuda;
    profile.cpuBfloat16 = ml::cpuHasBfloat16();
    profile.cores = ml::coreCount();
    profile.minutes = minutes;
    std::vector<int> sides;
    const std::size_t count = data.snapshot.train.size();
    const std::size_t step = std::max<std::size_t>(1, count / 200);
    for (std::size_t i = 0; i < count; i += step) {
        const io::ImageHeader header = io::readImageHeader(QString::fromStdString(data.snapshot.train[i].path));
        if (header.sizeKnown())
            sides.push_back(int(std::min(header.width, header.height)));
    }
    if (!sides.empty()) {
        std::nth_element(sides.begin(), sides.begin() + std::ptrdiff_t(sides.size() / 2), sides.end());
        profile.typicalSide = sides[sides.size() / 2];
    }
    return profile;
}

}
