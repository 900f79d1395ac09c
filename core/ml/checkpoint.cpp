#include "core/ml/checkpoint.h"

#include "core/ml/atomicfile.h"
#include "core/ml/mlerror.h"
#include "core/ml/modelweights.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <filesystem>
#include <sstream>

namespace tagwise::ml {

struct Checkpoint::Archive
{
    torch::serialize::InputArchive root;
};

Checkpoint::Checkpoint(std::string path, std::unique_ptr<Archive> archive, Json state)
    : m_path(std::move(path))
    , m_archive(std::move(archive))
    , m_state(std::move(state))
{
}

Checkpoint::Checkpoint(Checkpoint &&) noexcept = default;
Checkpoint &Checkpoint::operator=(Checkpoint &&) noexcept = default;
Checkpoint::~Checkpoint() = default;

void Checkpoint::save(const std::string &path, torch::nn::Module &model, torch::optim::Optimizer &optimizer,
                      const Json &state, torch::nn::Module *average)
{
    std::ostringstream bytes;
    try {
        torch::serialize::OutputArchive root;
        torch::serialize::OutputArchive modelArchive;
        torch::serialize::OutputArchive optimizerArchive;
        model.save(modelArchive);
        optimizer.save(optimizerArchive);
        root.write("model", modelArchive);
        root.write("optimizer", optimizerArchive);
        if (average) {
            torch::serialize::OutputArchive averageArchive;
            average->save(averageArchive);
            root.write("average", averageArchive);
        }
        root.write("state", c10::IValue(dumpJson(state, -1)));
        root.save_to(bytes);
    } catch (const std::exception &error) {
        throw MlError(path + ": cannot serialise the checkpoint: " + describeError(error));
    }
    writeChecksummedFile(path, bytes.str());
}

Checkpoint Checkpoint::load(const std::string &path, c10::Device device)
{
    std::error_code error;
    if (!std::filesystem::exists(path, error))
        throw MlError(path + ": no checkpoint to resume from (the run stopped before its first epoch ended)");
    std::istringstream bytes(readChecksummedFile(path));
    auto archive = std::make_unique<Archive>();
    Json state;
    try {
        archive->root.load_from(bytes, device);
        c10::IValue text;
        archive->root.read("state", text);
        state = parseJson(text.toStringRef(), path);
    } catch (const std::exception &failure) {
        throw MlError(path + ": cannot read the checkpoint: " + describeError(failure));
    }
    return Checkpoint(path, std::move(archive), std::move(state));
}

void Checkpoint::restoreModel(torch::nn::Module &model, c10::Device device) const
{
    try {
        torch::serialize::InputArchive archive;
        m_archive->root.read("model", archive);
        loadModuleState(model, archive);
    } catch (const std::exception &error) {
        throw MlError(m_path + ": cannot restore the model: " + describeError(error));
    }
    model.to(device);
    toChannelsLast(model);
}

void Checkpoint::restoreAverage(torch::nn::Module &average, c10::Device device) const
{
    try {
        torch::serialize::InputArchive archive;
        if (!m_archive->root.try_read("average", archive))
            throw std::runtime_error("it holds no weight average, though the run keeps one");
        loadModuleState(average, archive);
    } catch (const std::exception &error) {
        throw MlError(m_path + ": cannot restore the weight average: " + describeError(error));
    }
    average.to(device);
    toChannelsLast(average);
}

void Checkpoint::restoreOptimizer(torch::optim::Optimizer &optimizer) const
{
    try {
        torch::serialize::InputArchive archive;
        m_archive->root.read("optimizer", archive);
        optimizer.load(archive);
    } catch (const std::exception &error) {
        throw MlError(m_path + ": cannot restore the optimiser: " + describeError(error));
    }
}

}
