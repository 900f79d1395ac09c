#include "core/cli/weightscommands.h"

#include "core/cli/commands.h"
#include "core/cli/decodedimages.h"
#include "core/cli/options.h"
#include "core/ml/json.h"
#include "core/ml/networkfactory.h"
#include "core/ml/pretrained.h"
#include "core/ml/threads.h"
#include "core/workflow/classification.h"

#include <QFileInfo>
#include <QTextStream>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

namespace tagwise::cli {

namespace {

const char *const kFeaturesUsage = "usage: tagwise-cli features --arch NAME --weights FILE [--size N] [--json] "
                                   "[--threads N] [--batch N] IMAGE_OR_DIR...\n";
const char *const kExportUsage = "usage: tagwise-cli export-weights --model RUN_DIR --out FILE.safetensors\n";

}

int runFeatures(const QStringList &args, QTextStream &out, QTextStream &err)
{
    return runCommand("features", kFeaturesUsage, err, [&] {
        Options options({"arch", "weights", "size", "threads", "batch"}, {"json"});
        options.parse(args, true);
        const std::string arch = options.required(QStringLiteral("arch")).toStdString();
        if (!ml::isArchitecture(arch))
            throw UsageError(QStringLiteral("unknown architecture \"%1\"").arg(QString::fromStdString(arch)));
        const QString weights = options.required(QStringLiteral("weights"));
        const int size = options.integer(QStringLiteral("size"), 224, 32, 1024);
        const int batch = options.integer(QStringLiteral("batch"), 32, 1, 4096);
        ml::applyThreadCount(options.integer(QStringLiteral("threads"), 0, 0, 1024));
        if (options.positional().isEmpty())
            throw UsageError(QStringLiteral("no image or folder given"));

        ml::NetworkPtr network = ml::createNetwork(arch, 1, size);
        const ml::WeightMatch match = ml::loadPretrained(*network, weights.toStdString());
        err << match.summary().c_str() << '\n';

        QStringList missingInputs;
        const QStringList files = workflow::imageFilesIn(options.positional(), &missingInputs);
        for (const QString &line : std::as_const(missingInputs))
            err << line << '\n';
        const DecodedImages images = DecodedImages::decode(files, size, QString(), err);
        const auto count = std::int64_t(images.paths.size());
        const at::Tensor pixels
            = torch::from_blob(const_cast<std::uint8_t *>(images.pixels.data()), {count, size, size, 3}, torch::kUInt8);
        const at::Tensor features = count > 0 ? ml::imageFeatures(*network, pixels, batch) : at::Tensor();

        const bool json = options.isSet(QStringLiteral("json"));
        ml::Json array = ml::Json::array();
        for (std::int64_t i = 0; i < count; ++i) {
            const at::Tensor row = features[i].contiguous();
            const float *values = row.data_ptr<float>();
            const std::vector<float> list(values, values + row.numel());
            if (json) {
                array.push_back(ml::Json{{"path", images.paths[qsizetype(i)].toStdString()}, {"features", list}});
                continue;
            }
            out << images.paths[qsizetype(i)] << ": " << row.numel() << " features\n   ";
            for (const float value : list)
                out << ' ' << QString::number(double(value), 'g', 7);
            out << '\n';
        }
        if (json)
            out << QString::fromStdString(ml::dumpJson(array));
        const int failed = images.failed + int(missingInputs.size());
        if (failed > 0) {
            err << "tagwise-cli features: " << failed << (failed == 1 ? " input" : " inputs") << " could not be read\n";
            return ExitFailure;
        }
        return ExitOk;
    });
}

int runExportWeights(const QStringList &args, QTextStream &out, QTextStream &err)
{
    return runCommand("export-weights", kExportUsage, err, [&] {
        Options options({"model", "out"}, {});
        options.parse(args);
        const QString model = options.required(QStringLiteral("model"));
        const QString file = options.required(QStringLiteral("out"));
        const std::string arch = ml::exportModelWeights(model.toStdString(), file.toStdString());
        out << "wrote " << file << " (" << QString::fromStdString(arch) << ", torchvision's names)\n";
        return ExitOk;
    });
}

}
