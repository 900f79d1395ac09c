#include "core/workflow/datacheck.h"

#include "core/io/imageheader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace tagwise::workflow {

namespace {

/// The translation context of the messages below.
class DataCheck
{
    Q_DECLARE_TR_FUNCTIONS(tagwise::workflow::DataCheck)
};

}

QList<DataIssue> checkTrainingData(const TrainingData &data)
{
    QList<DataIssue> issues;
    const auto blocking = [&issues](const QString &text) { issues.append({DataIssue::Severity::Blocking, text}); };
    const auto warning = [&issues](const QString &text) { issues.append({DataIssue::Severity::Warning, text}); };
    const ml::DatasetSnapshot &s = data.snapshot;
    if (s.tags.empty())
        blocking(DataCheck::tr("The project has no tags: add tags and tick them on some images."));
    if (s.train.size() < 2)
        blocking(DataCheck::tr("Only %1 tagged or reviewed images are in the training split; training needs at least 2.")
                     .arg(s.train.size()));
    if (s.validation.empty())
        blocking(DataCheck::tr("No tagged or reviewed image is in the validation split: it picks the best epoch and the "
                    "thresholds. Tag more images (about one in ten lands in validation)."));
    if (!s.tags.empty()) {
        std::vector<int> trainCounts(s.tags.size(), 0), validationCounts(s.tags.size(), 0);
        for (const ml::Sample &sample : s.train) {
            for (std::size_t t = 0; t < sample.target.size(); ++t)
                trainCounts[t] += sample.target[t];
        }
        for (const ml::Sample &sample : s.validation) {
            for (std::size_t t = 0; t < sample.target.size(); ++t)
                validationCounts[t] += sample.target[t];
        }
        QStringList none, few, unvalidated;
        for (std::size_t t = 0; t < s.tags.size(); ++t) {
            const QString name = QString::fromStdString(s.tags[t]);
            if (trainCounts[t] == 0)
                none << name;
            else if (trainCounts[t] < kFewExamples)
                few << QStringLiteral("%1 (%2)").arg(name).arg(trainCounts[t]);
            if (trainCounts[t] > 0 && validationCounts[t] == 0)
                unvalidated << name;
        }
        if (!none.isEmpty())
            warning(DataCheck::tr("No training image has these tags, so the model cannot learn them: %1.").arg(none.join(QStringLiteral(", "))));
        if (!few.isEmpty())
            warning(DataCheck::tr("These tags have fewer than %1 training images, too few to learn well: %2.")
                        .arg(kFewExamples)
                        .arg(few.join(QStringLiteral(", "))));
        if (!unvalidated.isEmpty())
            warning(DataCheck::tr("No validation image has these tags, so their thresholds stay at 0.5 and their scores say "
                       "nothing: %1.")
                        .arg(unvalidated.join(QStringLiteral(", "))));
    }
    if (data.leftOut > 0)
        warning(DataCheck::tr("%1 images are left out: nobody tagged or reviewed them, or their files are missing. Mark an "
                   "image reviewed (Space) to train on it as having none of the tags.")
                    .arg(data.leftOut));
    if (data.awaitingReview > 0)
        warning(DataCheck::tr("%1 images are left out until a person reviews them: a model suggested their tags. Show "
                   "them in the Label workspace (Suggested by a model), fix the tags, and mark them reviewed (Space).")
                    .arg(data.awaitingReview));
    return issues;
}

QStringList unreadableImages(const TrainingData &data, const std::atomic<bool> *cancel)
{
    QStringList problems;
    for (const auto *list : {&data.snapshot.train, &data.snapshot.validation}) {
        for (const ml::Sample &sample : *list) {
            if (cancel && cancel->load())
                return problems;
            const QString path = QString::fromStdString(sample.path);
            const QString name = QDir::toNativeSeparators(path);
            if (!QFileInfo::exists(path)) {
                problems << DataCheck::tr("%1: the file is gone").arg(name);
                continue;
            }
            const io::ImageHeader header = io::readImageHeader(path);
            if (header.format == io::ImageFormat::Unknown)
                problems << DataCheck::tr("%1: not an image this program reads%2")
                                .arg(name, header.problem.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(header.problem));
            else if (header.format == io::ImageFormat::Gif || header.format == io::ImageFormat::Heif)
                problems << DataCheck::tr("%1: %2 images are not supported").arg(name, io::formatName(header.format));
            else if (!header.problem.isEmpty() && header.format != io::ImageFormat::Tiff
                     && header.format != io::ImageFormat::Jpeg2000)
                problems << QStringLiteral("%1: %2").arg(name, header.problem);
        }
    }
    return problems;
}

bool hasBlockingIssue(const QList<DataIssue> &issues)
{
    return std::any_of(issues.cbegin(), issues.cend(),
                       [](const DataIssue &issue) { return issue.severity == DataIssue::Severity::Blocking; });
}

}
