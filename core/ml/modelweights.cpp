#include "core/ml/modelweights.h"

#include "core/ml/atomicfile.h"
#include "core/ml/mlerror.h"

#include <torch/torch.h>

#include <sstream>

namespace tagwise::ml {

void saveWeights(torch::nn::Module &module, const std::string &path)
{
    std::ostringstream bytes;
    try {
        torch::serialize::OutputArchive archive;
        module.save(archive);
        archive.save_to(bytes);
    } catch (const std::exception &error) {
        throw MlError(path + ": cannot serialise the weights: " + describeError(error));
    }
    writeChecksummedFile(path, bytes.str());
}

void loadWeights(torch::nn::Module &module, const std::string &path, c10::Device device)
{
    std::istringstream bytes(readChecksummedFile(path));
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(bytes, device);
        loadModuleState(module, archive);
    } catch (const std::exception &error) {
        throw MlError(path + ": cannot load the weights: " + describeError(error));
    }
    module.to(device);
    toChannelsLast(module);
}

void loadModuleState(torch::nn::Module &module, torch::serialize::InputArchive &archive)
{
    std::vector<std::pair<std::string, std::vector<std::int64_t>>> before;
    for (const auto &item : module.named_parameters())
        before.emplace_back(item.key(), item.value().sizes().vec());
    for (const auto &item : module.named_buffers())
        before.emplace_back(item.key(), item.value().sizes().vec());
    module.load(archive);
    std::size_t i = 0;
    const auto check = [&](const std::string &name, const torch::Tensor &tensor) {
        const auto &[expectedName, expected] = before[i++];
        if (tensor.sizes().vec() != expected)
            throw std::runtime_error(name + " has shape " + c10::str(tensor.sizes()) + " where the network has "
                                     + c10::str(c10::IntArrayRef(expected)) + " (another architecture or tag count)");
    };
    for (const auto &item : module.named_parameters())
        check(item.key(), item.value());
    for (const auto &item : module.named_buffers())
        check(item.key(), item.value());
}

void toChannelsLast(torch::nn::Module &module)
{
    torch::NoGradGuard noGrad;
    for (auto &parameter : module.parameters()) {
        if (parameter.dim() == 4)
            parameter.set_data(parameter.contiguous(torch::MemoryFormat::ChannelsLast));
    }
    for (auto &buffer : module.buffers()) {
        if (buffer.dim() == 4)
            buffer.set_data(buffer.contiguous(torch::MemoryFormat::ChannelsLast));
    }
}

}
