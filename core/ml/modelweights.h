#pragma once

#include <c10/core/Device.h>

#include <string>

namespace torch::nn {
class Module;
}

namespace torch::serialize {
class InputArchive;
}

namespace tagwise::ml {

/**
 * Writes the parameters and buffers of \a module to \a path atomically
 * (LibTorch's archive format, with a checksum: writeChecksummedFile()).
 * Throws MlError naming the file and the reason.
 */
void saveWeights(torch::nn::Module &module, const std::string &path);

/**
 * Reads what saveWeights() wrote into \a module, moves it to \a device and
 * puts its 4-D weights in channels_last. Throws MlError naming the file and
 * the reason (missing, corrupt, another architecture or tag count, ...).
 */
void loadWeights(torch::nn::Module &module, const std::string &path, c10::Device device);

/**
 * Reads \a archive into \a module, and checks that every parameter and
 * buffer kept its shape: LibTorch's Module::load silently takes tensors of
 * another shape (the weights of a network with another tag count, say).
 * Throws std::runtime_error naming the first tensor that does not fit.
 */
void loadModuleState(torch::nn::Module &module, torch::serialize::InputArchive &archive);

/**
 * Stores every 4-D parameter and buffer of \a module in channels_last memory:
 * oneDNN's convolutions run about twice as fast that way on these CPUs.
 * Loading weights resets the layout, so call it again after a load.
 */
void toChannelsLast(torch::nn::Module &module);

}
