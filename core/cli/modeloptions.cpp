#include "core/cli/modeloptions.h"

#include "core/cli/options.h"
#include "core/ml/device.h"
#include "core/ml/predictor.h"

namespace tagwise::cli {

ml::DeviceChoice deviceOption(const Options &options, ml::DeviceChoice fallback)
{
    if (!options.isSet(QStringLiteral("device")))
        return fallback;
    return ml::deviceChoiceFromName(
        options.choice(QStringLiteral("device"), QString(), {"auto", "cpu", "cuda"}).toStdString());
}

std::unique_ptr<ml::Predictor> loadPredictor(const Options &options)
{
    ml::applyThreadCount(options.integer(QStringLiteral("threads"), 0, 0, 1024));
    return ml::Predictor::load(options.required(QStringLiteral("model")).toStdString(), deviceOption(options));
}

}
