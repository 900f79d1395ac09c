#include "core/ml/networkfactory.h"

#include "core/ml/mobilenetv2.h"
#include "core/ml/network.h"
#include "core/ml/resnet.h"
#include "core/ml/smallervggnet.h"
#include "core/ml/vgg.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Context.h>

#include <algorithm>
#include <mutex>
#include <stdexcept>

namespace tagwise::ml {

namespace {

/**
 * LibTorch's modules draw their default parameters from the global generator
 * while they are built; this puts its state back afterwards, so building a
 * network leaves the randomness of the rest of the process as it was.
 */
class GlobalGeneratorRestore final
{
public:
    GlobalGeneratorRestore()
        : m_generator(at::detail::getDefaultCPUGenerator())
    {
        std::lock_guard lock(m_generator.mutex());
        m_state = m_generator.get_state();
    }
    ~GlobalGeneratorRestore()
    {
        std::lock_guard lock(m_generator.mutex());
        m_generator.set_state(m_state);
    }
    GlobalGeneratorRestore(const GlobalGeneratorRestore &) = delete;
    GlobalGeneratorRestore &operator=(const GlobalGeneratorRestore &) = delete;

private:
    at::Generator m_generator;
    at::Tensor m_state;
};

NetworkPtr build(const std::string &arch, int numTags, int inputSize)
{
    if (arch == "smallervggnet")
        return std::make_shared<SmallerVggNet>(numTags, inputSize);
    if (arch == "smallervggnet_p2")
        return std::make_shared<SmallerVggNet>(numTags, inputSize, 2);
    if (arch == "resnet18")
        return std::make_shared<ResNet>(18, numTags, inputSize);
    if (arch == "resnet34")
        return std::make_shared<ResNet>(34, numTags, inputSize);
    if (arch == "resnet50")
        return std::make_shared<ResNet>(50, numTags, inputSize);
    if (arch == "mobilenet_v2")
        return std::make_shared<MobileNetV2>(numTags, inputSize);
    if (arch == "vgg16")
        return std::make_shared<Vgg16>(false, numTags, inputSize);
    if (arch == "vgg16_bn")
        return std::make_shared<Vgg16>(true, numTags, inputSize);
    return nullptr;
}

}

std::vector<std::string> architectureNames()
{
    return {"smallervggnet", "smallervggnet_p2", "resnet18", "resnet34", "resnet50", "mobilenet_v2", "vgg16", "vgg16_bn"};
}

std::string canonicalArchitecture(const std::string &arch)
{
    if (arch == "mobilenetv2") // the name before torchvision's spelling
        return "mobilenet_v2";
    const auto names = architectureNames();
    return std::find(names.begin(), names.end(), arch) != names.end() ? arch : std::string();
}

bool isArchitecture(const std::string &arch)
{
    return !canonicalArchitecture(arch).empty();
}

NetworkPtr createNetwork(const std::string &arch, int numTags, int inputSize, std::uint64_t seed)
{
    if (numTags < 1)
        throw std::invalid_argument("createNetwork: the number of tags must be at least 1, not "
                                    + std::to_string(numTags));
    NetworkPtr network;
    {
        const GlobalGeneratorRestore restore;
        network = build(canonicalArchitecture(arch), numTags, inputSize);
    }
    if (network) {
        at::Generator generator = at::make_generator<at::CPUGeneratorImpl>(seed);
        network->initialize(generator);
        return network;
    }
    std::string known;
    for (const auto &name : architectureNames())
        known += (known.empty() ? "" : ", ") + name;
    throw std::invalid_argument("unknown architecture \"" + arch + "\" (known: " + known + ")");
}

}
