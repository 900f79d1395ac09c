#include "core/cli/reviewcommand.h"

#include "core/cli/commands.h"
#include "core/cli/evaluatecommand.h"
#include "core/cli/options.h"
#include "core/ml/device.h"
#include "core/ml/metrics.h"
#include "core/ml/metricsjson.h"
#include "core/workflow/review.h"

#include <QTextStream>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <tuple>

namespace tagwise::cli {

namespace {

const char *const kUsage = "usage: tagwise-cli review --model RUN_DIR [--split validation|test] [--json FILE] [--threads N]\n";

/// The pairs of different tags the model mixes up most, as lines.
void printConfusions(const workflow::ReviewSet &review, const ml::MetricsReport &report,
                     const std::vector<long long> &counts, QTextStream &out)
{
    const int tags = review.tagCount();
    std::vector<std::tuple<long long, int, int>> pairs;
    for (int i = 0; i < tags; ++i) {
        for (int j = 0; j < tags; ++j) {
            const long long count = counts[std::size_t(i * tags + j)];
            if (i != j && count > 0)
                pairs.emplace_back(count, i, j);
        }
    }
    std::sort(pairs.begin(), pairs.end(), [](const auto &a, const auto &b) { return std::get<0>(a) > std::get<0>(b); });
    out << "\nmost confused (images that have the first tag for which the second is predicted):\n";
    if (pairs.empty())
        out << "    none\n";
    for (std::size_t k = 0; k < std::min<std::size_t>(pairs.size(), 10); ++k) {
        const auto [count, i, j] = pairs[k];
        const long long support = report.perTag[std::size_t(i)].support;
        out << "    " << review.tags[i] << " -> " << review.tags[j] << ": " << count << " of " << support
            << QString::asprintf(" (%.1f %%)\n", support > 0 ? 100.0 * double(count) / double(support) : 0.0);
    }
}

}

int runReview(const QStringList &args, QTextStream &out, QTextStream &err)
{
    return runCommand("review", kUsage, err, [&] {
        Options options({"model", "split", "json", "threads"}, {});
        options.parse(args);
        const QString runDir = options.required(QStringLiteral("model"));
        const QString split = options.choice(QStringLiteral("split"), QStringLiteral("validation"), {"validation", "test"});
        ml::applyThreadCount(options.integer(QStringLiteral("threads"), 0, 0, 1024));

        const workflow::ReviewSet review = workflow::loadReview(runDir, split);
        const ml::MetricsReport report = review.metrics(review.thresholds);
        const std::vector<long long> counts = review.confusion(review.thresholds);
        out << split << " split of " << runDir << ", weights of epoch " << review.epoch << '\n';
        if (review.relabeled > 0)
            out << review.relabeled << " images are scored against the project's tags of now, which changed since training\n";
        printMetricsReport(report, review.rows(), out);
        printConfusions(review, report, counts, out);

        if (options.isSet(QStringLiteral("json"))) {
            ml::Json json = ml::metricsToJson(report);
            json["split"] = split.toStdString();
            json["images"] = review.rows();
            ml::Json tags = ml::Json::array();
            for (const QString &tag : review.tags)
                tags.push_back(tag.toStdString());
            ml::Json rows = ml::Json::array();
            const std::size_t n = std::size_t(review.tagCount());
            for (std::size_t i = 0; i < n; ++i)
                rows.push_back(std::vector<long long>(counts.begin() + std::ptrdiff_t(i * n),
                                                      counts.begin() + std::ptrdiff_t((i + 1) * n)));
            json["confusion"] = ml::Json{{"tags", std::move(tags)}, {"counts", std::move(rows)}};
            writeReportFile(options.value(QStringLiteral("json")), QByteArray::fromStdString(ml::dumpJson(json)));
        }
        return ExitOk;
    });
}

}
