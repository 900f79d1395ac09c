#include "core/cli/predictcommand.h"

#include "core/cli/commands.h"
#include "core/cli/decodedimages.h"
#include "core/cli/modeloptions.h"
#include "core/cli/options.h"
#include "core/ml/json.h"
#include "core/ml/predictor.h"
#include "core/project/projecterror.h"
#include "core/project/projectstore.h"
#include "core/workflow/classification.h"
#include "core/workflow/explainer.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTextStream>

#include <nlohmann/json.hpp>

namespace tagwise::cli {

namespace {

const char *const kUsage = "usage: tagwise-cli predict --model RUN_DIR [--json] [--gradcam DIR] [--threads N]\n"
                           "                           [--device auto|cpu|cuda] [--batch N] IMAGE_OR_DIR...\n";

/// A file-name-safe version of a tag name or file stem.
QString safeName(const QString &text)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]"));
    QString name = text;
    name.replace(unsafe, QStringLiteral("_"));
    return name;
}

/**
 * Writes, for each predicted tag of \a path, <stem>.<tag>.png (the Grad-CAM
 * overlay) and <stem>.<tag>.heat.png (the heat map alone, grey, at the
 * image's own size) into \a dir. A stem met before gets "_2", "_3", ...
 */
void writeGradCams(const workflow::Explainer &explainer, const QString &path, const std::vector<std::size_t> &tags,
                   const QString &dir, QSet<QString> &usedStems)
{
    if (tags.empty())
        return;
    const QString base = safeName(QFileInfo(path).completeBaseName());
    QString stem = base;
    for (int n = 2; usedStems.contains(stem); ++n)
        stem = base + QLatin1Char('_') + QString::number(n);
    usedStems.insert(stem);
    QList<int> indexes;
    for (const std::size_t tag : tags)
        indexes << int(tag);
    const workflow::Explanation explanation = explainer.explain(path, indexes);
    for (int i = 0; i < indexes.size(); ++i) {
        const QString name = stem + QLatin1Char('.') + safeName(explainer.tags()[indexes[i]]);
        const QDir folder(dir);
        workflow::writePng(explanation.overlay(i), folder.filePath(name + QStringLiteral(".png")));
        workflow::writePng(explanation.heat(i), folder.filePath(name + QStringLiteral(".heat.png")));
    }
}

}

ml::Json predictionToJson(const ml::Predictor &predictor, const std::string &path, const float *row)
{
    const ml::ModelBundle &bundle = predictor.bundle();
    ml::Json probabilities = ml::Json::object();
    for (std::size_t t = 0; t < bundle.tags.size(); ++t)
        probabilities[bundle.tags[t]] = double(row[t]);
    ml::Json tags = ml::Json::array();
    for (const std::size_t t : predictor.predictedTags(row))
        tags.push_back(bundle.tags[t]);
    return ml::Json{{"path", path}, {"probabilities", std::move(probabilities)}, {"tags", std::move(tags)}};
}

int runPredict(const QStringList &args, QTextStream &out, QTextStream &err)
{
    return runCommand("predict", kUsage, err, [&] {
        Options options({"model", "gradcam", "threads", "device", "batch"}, {"json"});
        options.parse(args, true);
        options.required(QStringLiteral("model"));
        if (options.positional().isEmpty())
            throw UsageError(QStringLiteral("no image or folder given"));
        const int batch = options.integer(QStringLiteral("batch"), 32, 1, 4096);
        const workflow::Explainer explainer(loadPredictor(options));
        const ml::Predictor *predictor = &explainer.predictor();
        const ml::ModelBundle &bundle = predictor->bundle();
        const QString gradcamDir = options.value(QStringLiteral("gradcam"));
        if (!gradcamDir.isEmpty() && !QDir().mkpath(gradcamDir))
            throw ProjectError(QStringLiteral("%1: cannot create the folder").arg(gradcamDir));

        QStringList missingInputs;
        const QStringList files = workflow::imageFilesIn(options.positional(), &missingInputs);
        for (const QString &line : std::as_const(missingInputs))
            err << line << '\n';
        const int missing = int(missingInputs.size());
        // Predictions are not cached: dropped images are seldom seen twice.
        const DecodedImages images = DecodedImages::decode(files, bundle.inputSize, QString(), err);
        const std::size_t count = std::size_t(images.paths.size());
        const std::vector<float> probabilities = predictor->predict(images.pixels.data(), count, batch);

        const std::size_t tagCount = bundle.tags.size();
        const bool json = options.isSet(QStringLiteral("json"));
        ml::Json array = ml::Json::array();
        QSet<QString> usedStems;
        for (std::size_t i = 0; i < count; ++i) {
            const float *row = probabilities.data() + i * tagCount;
            const std::vector<std::size_t> predicted = predictor->predictedTags(row);
            const QString path = images.paths[qsizetype(i)];
            if (json) {
                array.push_back(predictionToJson(*predictor, path.toStdString(), row));
            } else {
                QStringList names;
                for (const std::size_t t : predicted)
                    names << QString::fromStdString(bundle.tags[t]);
                out << path << ": " << (names.isEmpty() ? QStringLiteral("(no tag)") : names.join(QLatin1Char(' ')))
                    << '\n';
                QStringList cells;
                for (std::size_t t = 0; t < tagCount; ++t)
                    cells << QString::asprintf("%s %.3f", bundle.tags[t].c_str(), double(row[t]));
                out << "    " << cells.join(QStringLiteral("  ")) << '\n';
            }
            if (!gradcamDir.isEmpty())
                writeGradCams(explainer, path, predicted, gradcamDir, usedStems);
        }
        if (json)
            out << QString::fromStdString(ml::dumpJson(array));
        const int failed = images.failed + missing;
        if (failed > 0) {
            err << "tagwise-cli predict: " << failed << (failed == 1 ? " input" : " inputs")
                << " could not be read\n";
            return ExitFailure;
        }
        return ExitOk;
    });
}

}
