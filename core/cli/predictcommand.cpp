#include "core/cli/predictcommand.h"

#include "core/cli/commands.h"
#include "core/cli/decodedimages.h"
#include "core/cli/modeloptions.h"
#include "core/cli/options.h"
#include "core/imaging/heatmapoverlay.h"
#include "core/imaging/imagedecoder.h"
#include "core/ml/gradcam.h"
#include "core/ml/json.h"
#include "core/ml/predictor.h"
#include "core/project/projecterror.h"
#include "core/project/projectstore.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTextStream>

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <torch/torch.h>

namespace tagwise::cli {

namespace {

const char *const kUsage = "usage: tagwise-cli predict --model RUN_DIR [--json] [--gradcam DIR] [--threads N]\n"
                           "                           [--device auto|cpu|cuda] [--batch N] IMAGE_OR_DIR...\n";

/// The image files \a inputs name: files as given, folders searched recursively for image suffixes.
QStringList imageFiles(const QStringList &inputs, QTextStream &err, int &missing)
{
    QStringList files;
    const QStringList &suffixes = ProjectStore::imageSuffixes();
    for (const QString &input : inputs) {
        const QFileInfo info(input);
        if (info.isDir()) {
            QStringList found;
            QDirIterator it(input, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString file = it.next();
                if (suffixes.contains(QFileInfo(file).suffix().toLower()))
                    found << QDir::cleanPath(file);
            }
            found.sort();
            files += found;
        } else if (info.exists()) {
            files << QDir::cleanPath(input);
        } else {
            err << input << ": no such file or folder\n";
            ++missing;
        }
    }
    return files;
}

/// A file-name-safe version of a tag name.
QString safeName(const QString &text)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]"));
    QString name = text;
    name.replace(unsafe, QStringLiteral("_"));
    return name;
}

/// Writes one Grad-CAM overlay per predicted tag of image \a index into \a dir.
void writeGradCams(const ml::Predictor &predictor, const DecodedImages &images, qsizetype index,
                   const std::vector<std::size_t> &tags, const QString &dir, QSet<QString> &used)
{
    if (tags.empty())
        return;
    const QString path = images.paths[index];
    const DecodedImage original = ImageDecoder().decodeFile(path);
    if (!original.ok())
        throw ProjectError(original.error);
    cv::Mat shown = original.image;
    if (std::max(shown.cols, shown.rows) > 512)
        shown = ImageDecoder::resizeToFit(shown, 512);
    const std::size_t imageBytes = std::size_t(predictor.inputSize()) * std::size_t(predictor.inputSize()) * 3;
    const torch::Tensor input = predictor.input(images.pixels.data() + std::size_t(index) * imageBytes, 1);
    for (const std::size_t tag : tags) {
        const torch::Tensor map = ml::gradCam(predictor.network(), input, int(tag))[0].to(torch::kCPU).contiguous();
        const cv::Mat heatmap(int(map.size(0)), int(map.size(1)), CV_32FC1, map.data_ptr<float>());
        const cv::Mat overlay = overlayHeatmap(shown, heatmap, 0.5, ChannelOrder::Bgr);
        const QString stem = safeName(QFileInfo(path).completeBaseName()) + QLatin1Char('_')
                             + safeName(QString::fromStdString(predictor.bundle().tags[tag]));
        QString name = stem + QStringLiteral(".png");
        for (int n = 2; used.contains(name); ++n)
            name = stem + QLatin1Char('_') + QString::number(n) + QStringLiteral(".png");
        used.insert(name);
        const QString file = QDir(dir).filePath(name);
        if (!cv::imwrite(file.toStdString(), overlay))
            throw ProjectError(QStringLiteral("%1: cannot write the Grad-CAM overlay").arg(file));
    }
}

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
        const auto predictor = loadPredictor(options);
        const ml::ModelBundle &bundle = predictor->bundle();
        const QString gradcamDir = options.value(QStringLiteral("gradcam"));
        if (!gradcamDir.isEmpty() && !QDir().mkpath(gradcamDir))
            throw ProjectError(QStringLiteral("%1: cannot create the folder").arg(gradcamDir));

        int missing = 0;
        const QStringList files = imageFiles(options.positional(), err, missing);
        // Predictions are not cached: dropped images are seldom seen twice.
        const DecodedImages images = DecodedImages::decode(files, bundle.inputSize, QString(), err);
        const std::size_t count = std::size_t(images.paths.size());
        const std::vector<float> probabilities = predictor->predict(images.pixels.data(), count, batch);

        const std::size_t tagCount = bundle.tags.size();
        const bool json = options.isSet(QStringLiteral("json"));
        ml::Json array = ml::Json::array();
        QSet<QString> usedNames;
        for (std::size_t i = 0; i < count; ++i) {
            const float *row = probabilities.data() + i * tagCount;
            const std::vector<std::size_t> predicted = predictor->predictedTags(row);
            const QString path = images.paths[qsizetype(i)];
            if (json) {
                ml::Json probs = ml::Json::object();
                for (std::size_t t = 0; t < tagCount; ++t)
                    probs[bundle.tags[t]] = double(row[t]);
                ml::Json tags = ml::Json::array();
                for (const std::size_t t : predicted)
                    tags.push_back(bundle.tags[t]);
                array.push_back(ml::Json{{"path", path.toStdString()}, {"probabilities", std::move(probs)},
                                         {"tags", std::move(tags)}});
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
                writeGradCams(*predictor, images, qsizetype(i), predicted, gradcamDir, usedNames);
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
