#include "core/cli/evaluatecommand.h"

#include "core/cli/commands.h"
#include "core/cli/decodedimages.h"
#include "core/cli/modeloptions.h"
#include "core/cli/options.h"
#include "core/formats/planetcsv.h"
#include "core/io/atomicwrite.h"
#include "core/ml/json.h"
#include "core/ml/metrics.h"
#include "core/ml/metricsjson.h"
#include "core/ml/predictor.h"
#include "core/project/projecterror.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QStandardPaths>
#include <QTextStream>

#include <nlohmann/json.hpp>

namespace tagwise::cli {

namespace {

const char *const kUsage = "usage: tagwise-cli evaluate --model RUN_DIR --csv FILE --images DIR [--json FILE]\n"
                           "                            [--threads N] [--device auto|cpu|cuda] [--batch N]\n";

}

int runEvaluate(const QStringList &args, QTextStream &out, QTextStream &err)
{
    return runCommand("evaluate", kUsage, err, [&] {
        Options options({"model", "csv", "images", "json", "threads", "device", "batch"}, {});
        options.parse(args);
        options.required(QStringLiteral("model"));
        const QString csv = options.required(QStringLiteral("csv"));
        const QString images = options.required(QStringLiteral("images"));
        const int batch = options.integer(QStringLiteral("batch"), 32, 1, 4096);
        const auto predictor = loadPredictor(options);
        const ml::ModelBundle &bundle = predictor->bundle();

        if (!QFileInfo(csv).isFile())
            throw ProjectError(QStringLiteral("%1: no such file").arg(csv));
        if (!QFileInfo(images).isDir())
            throw ProjectError(QStringLiteral("%1: no such images folder").arg(images));
        const formats::ImportReport rows = formats::readPlanetCsv(csv, images);
        for (const QString &problem : rows.problems)
            err << problem << '\n';
        if (rows.rows.isEmpty())
            throw ProjectError(QStringLiteral("%1: no usable rows").arg(csv));

        QHash<QString, std::size_t> tagIndex;
        for (std::size_t t = 0; t < bundle.tags.size(); ++t)
            tagIndex.insert(QString::fromStdString(bundle.tags[t]), t);
        QSet<QString> unknown;
        QStringList paths;
        QHash<QString, const ImageTags *> rowOf;
        const QDir imagesDir(images);
        for (const ImageTags &row : rows.rows) {
            const QString path = QDir::cleanPath(imagesDir.absoluteFilePath(row.path));
            paths << path;
            rowOf.insert(path, &row);
            for (const QString &tag : row.tags) {
                if (!tagIndex.contains(tag))
                    unknown.insert(tag);
            }
        }
        QStringList unknownList(unknown.begin(), unknown.end());
        unknownList.sort();
        for (const QString &tag : std::as_const(unknownList))
            err << "warning: " << csv << ": tag '" << tag << "' is not one the model knows; ignored\n";

        const DecodedImages decoded = DecodedImages::decode(
            paths, bundle.inputSize,
            QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/decoded"), err);
        if (decoded.paths.isEmpty())
            throw ProjectError(QStringLiteral("%1: none of the %2 images could be read").arg(csv).arg(paths.size()));

        const std::size_t count = std::size_t(decoded.paths.size());
        const std::vector<float> probabilities = predictor->predict(decoded.pixels.data(), count, batch);
        std::vector<std::uint8_t> truth(count * bundle.tags.size(), 0);
        for (std::size_t i = 0; i < count; ++i) {
            for (const QString &tag : rowOf.value(decoded.paths[qsizetype(i)])->tags) {
                if (const auto it = tagIndex.constFind(tag); it != tagIndex.cend())
                    truth[i * bundle.tags.size() + *it] = 1;
            }
        }
        const ml::MetricsReport report
            = ml::computeMetrics(probabilities, truth, bundle.tags, bundle.thresholds, bundle.beta);
        printMetricsReport(report, int(count), out);
        if (options.isSet(QStringLiteral("json"))) {
            const std::string json = ml::dumpJson(ml::metricsToJson(report));
            writeReportFile(options.value(QStringLiteral("json")), QByteArray::fromStdString(json));
        }
        // The metrics above are those of the images that could be read; say so, and succeed.
        if (decoded.failed > 0)
            err << "warning: " << decoded.failed << " of " << paths.size()
                << " images could not be read and are not in the metrics\n";
        return ExitOk;
    });
}

void printMetricsReport(const ml::MetricsReport &report, int images, QTextStream &out)
{
    out << QString::asprintf("%d images, %d tags, beta %g\n", images, int(report.perTag.size()), report.beta);
    out << QString::asprintf("fbeta_samples %.4f  f1_micro %.4f  f1_macro %.4f  map %.4f  hamming_loss %.4f\n\n",
                             report.fbetaSamples, report.f1Micro, report.f1Macro, report.map, report.hammingLoss);
    int width = 3;
    for (const auto &tag : report.perTag)
        width = std::max(width, int(QString::fromStdString(tag.tag).size()));
    out << QStringLiteral("tag").leftJustified(width)
        << "      tp      fp      fn      tn  precision  recall      f1      ap  support  threshold\n";
    for (const auto &tag : report.perTag) {
        out << QString::fromStdString(tag.tag).leftJustified(width)
            << QString::asprintf(" %7lld %7lld %7lld %7lld  %9.4f  %6.4f  %6.4f  %6.4f  %7lld  %9.4f\n", tag.tp, tag.fp,
                                 tag.fn, tag.tn, tag.precision, tag.recall, tag.f1, tag.ap, tag.support,
                                 double(tag.threshold));
    }
}

void writeReportFile(const QString &file, const QByteArray &bytes)
{
    const QString error = io::writeFileAtomically(file, bytes);
    if (!error.isEmpty())
        throw ProjectError(error);
}

}
