#include "core/ml/networkfactory.h"

#include "core/ml/mobilenetv2.h"
#include "core/ml/network.h"
#include "core/ml/resnet18.h"
#include "core/ml/smallervggnet.h"

#include <algorithm>
#include <stdexcept>

namespace tagwise::ml {

std::vector<std::string> architectureNames()
{
    return {"smallervggnet", "resnet18", "mobilenetv2"};
}

bool isArchitecture(const std::string &arch)
{
    const auto names = architectureNames();
    return std::find(names.begin(), names.end(), arch) != names.end();
}

NetworkPtr createNetwork(const std::string &arch, int numTags, int inputSize)
{
    if (numTags < 1)
        throw std::invalid_argument("createNetwork: the number of tags must be at least 1, not "
                                    + std::to_string(numTags));
    if (arch == "smallervggnet")
        return std::make_shared<SmallerVggNet>(numTags, inputSize);
    if (arch == "resnet18")
        return std::make_shared<ResNet18>(numTags, inputSize);
    if (arch == "mobilenetv2")
        return std::make_shared<MobileNetV2>(numTags, inputSize);
    std::string known;
    for (const auto &name : architectureNames())
        known += (known.empty() ? "" : ", ") + name;
    throw std::invalid_argument("unknown architecture \"" + arch + "\" (known: " + known + ")");
}

}
