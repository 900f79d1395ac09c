#pragma once

#include "core/ml/json.h"

namespace tagwise::ml {

struct MetricsReport;

/**
 * The report as JSON, in the layout `tagwise-cli evaluate --json` promises:
 * {"beta", "fbeta_samples", "f1_micro", "f1_macro", "map", "hamming_loss",
 *  "per_tag": [{"tag", "tp", "fp", "fn", "tn", "precision", "recall", "f1",
 *  "ap", "support", "threshold"}]}.
 */
Json metricsToJson(const MetricsReport &report);

}
