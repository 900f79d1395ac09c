#pragma once

#include "core/ml/trainconfig.h"

#include <memory>

namespace tagwise::ml {
class Predictor;
}

namespace tagwise::cli {

class Options;

/// --device auto|cpu|cuda, \a fallback when absent; another value throws UsageError.
ml::DeviceChoice deviceOption(const Options &options, ml::DeviceChoice fallback = ml::DeviceChoice::Auto);

/// Applies --threads, then loads the model bundle of --model on --device: what evaluate and predict share.
std::unique_ptr<ml::Predictor> loadPredictor(const Options &options);

}
