#include "core/workflow/weightscheck.h"

#include "core/ml/network.h"
#include "core/ml/pretrained.h"

namespace tagwise::workflow {

WeightsCheck checkWeights(const QString &file, const QString &arch, int tags, int inputSize)
{
    try {
        ml::NetworkPtr network = ml::createNetwork(arch.toStdString(), std::max(tags, 1), inputSize);
        const ml::WeightMatch match = ml::loadPretrained(*network, file.toStdString());
        const auto names = [](const std::vector<std::string> &items) {
            QStringList list;
            for (const std::string &item : items)
                list << QString::fromStdString(item);
            return list;
        };
        return {true, QString::fromStdString(match.summary()), match.loaded, names(match.replaced), names(match.ignored)};
    } catch (const std::exception &error) {
        WeightsCheck check;
        check.text = QString::fromStdString(error.what());
        return check;
    }
}

}
