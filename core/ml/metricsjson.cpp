#include "core/ml/metricsjson.h"

#include "core/ml/metrics.h"

namespace tagwise::ml {

JsonValue metricsToJson(const MetricsReport &report)
{
    JsonValue json = JsonValue::object();
    json.set("beta", report.beta);
    json.set("fbeta_samples", report.fbetaSamples);
    json.set("f1_micro", report.f1Micro);
    json.set("f1_macro", report.f1Macro);
    json.set("map", report.map);
    json.set("hamming_loss", report.hammingLoss);
    JsonValue perTag = JsonValue::array();
    for (const TagMetrics &tag : report.perTag) {
        JsonValue item = JsonValue::object();
        item.set("tag", tag.tag);
        item.set("tp", tag.tp);
        item.set("fp", tag.fp);
        item.set("fn", tag.fn);
        item.set("tn", tag.tn);
        item.set("precision", tag.precision);
        item.set("recall", tag.recall);
        item.set("f1", tag.f1);
        item.set("ap", tag.ap);
        item.set("support", tag.support);
        item.set("threshold", double(tag.threshold));
        perTag.append(std::move(item));
    }
    json.set("per_tag", std::move(perTag));
    return json;
}

}
