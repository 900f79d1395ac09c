#include "core/ml/metricsjson.h"

#include "core/ml/metrics.h"

#include <nlohmann/json.hpp>

namespace tagwise::ml {

Json metricsToJson(const MetricsReport &report)
{
    Json perTag = Json::array();
    for (const TagMetrics &tag : report.perTag) {
        perTag.push_back(Json{{"tag", tag.tag},
                              {"tp", tag.tp},
                              {"fp", tag.fp},
                              {"fn", tag.fn},
                              {"tn", tag.tn},
                              {"precision", tag.precision},
                              {"recall", tag.recall},
                              {"f1", tag.f1},
                              {"ap", tag.ap},
                              {"support", tag.support},
                              {"threshold", double(tag.threshold)}});
    }
    return Json{{"beta", report.beta},
                {"fbeta_samples", report.fbetaSamples},
                {"f1_micro", report.f1Micro},
                {"f1_macro", report.f1Macro},
                {"map", report.map},
                {"hamming_loss", report.hammingLoss},
                {"per_tag", std::move(perTag)}};
}

}
