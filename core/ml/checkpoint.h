#pragma once

#include "core/ml/json.h"

#include <c10/core/Device.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>

namespace torch::nn {
class Module;
}
namespace torch::optim {
class Optimizer;
}

namespace tagwise::ml {

/**
 * A training run's last.pt: the model's parameters and buffers, the
 * optimiser's state and the run's own state (epoch, records, schedule,
 * normalisation, ...) as JSON, in one LibTorch archive with a checksum
 * (writeChecksummedFile()). Written atomically after every epoch.
 */
class Checkpoint final
{
public:
    /// Writes \a path (with \a average, the weight average, when there is one);
    /// throws MlError naming the file and the reason.
    static void save(const std::string &path, torch::nn::Module &model, torch::optim::Optimizer &optimizer,
                     const Json &state, torch::nn::Module *average = nullptr);

    /**
     * Reads \a path, its tensors mapped to \a device. Throws MlError naming the
     * file: missing ("no checkpoint to resume from"), corrupt, or unreadable.
     */
    static Checkpoint load(const std::string &path, c10::Device device);

    Checkpoint(Checkpoint &&) noexcept;
    Checkpoint &operator=(Checkpoint &&) noexcept;
    ~Checkpoint();

    const Json &state() const { return m_state; }
    /// Loads the model's tensors (shapes checked) and puts them in channels_last.
    void restoreModel(torch::nn::Module &model, c10::Device device) const;
    /// Loads the optimiser's state; \a optimizer must be built over the restored model's parameters.
    void restoreOptimizer(torch::optim::Optimizer &optimizer) const;
    /// Loads the weight average saved with the checkpoint; throws MlError when it has none.
    void restoreAverage(torch::nn::Module &average, c10::Device device) const;

private:
    struct Archive;
    Checkpoint(std::string path, std::unique_ptr<Archive> archive, Json state);

    std::string m_path;
    std::unique_ptr<Archive> m_archive;
    Json m_state;
};

}
