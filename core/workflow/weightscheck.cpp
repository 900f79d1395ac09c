#include "core/workflow/weightscheck.h"

#include "core/ml/network.h"
#include "core/ml/pretrained.h"

namespace tagwise::workflow {

WeightsCheck checkWeights(const QString &file, const QString &arch, int tags, int inputSize)
{
    try {
        ml::NetworkPtr network = ml::createNetwork(arch.toStdString(), std::max(tags, 1), inputSize);
        return {true, QString::fromStdString(ml::loadPretrained(*network, file.toStdString()).summary())};
    } catch (const std::exception &error) {
        return {false, QString::fromStdString(error.what())};
    }
}

}
