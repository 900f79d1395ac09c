#pragma once

#include <ATen/core/Tensor.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace tagwise::ml {

/// Named tensors of a weight file, in the file's order, on the CPU, of the dtype stored.
using NamedTensors = std::vector<std::pair<std::string, at::Tensor>>;

/**
 * Reads a `.safetensors` file, or a PyTorch file written by
 * `torch.save(model.state_dict(), path)` (the zip archive of PyTorch 1.6 and
 * later: `data.pkl` and one record per storage, read with LibTorch's own zip
 * reader and an unpickler for what a state dict holds; LibTorch's
 * torch::pickle_load rejects the OrderedDict with `_metadata` that
 * state_dict() returns). A dict holding the state dict under "state_dict" or
 * "model" (a training checkpoint) is taken too. The format is told by the
 * first bytes, not the suffix. \a metadata, when given, receives a
 * safetensors file's "__metadata__" (string values; empty for torch.save).
 *
 * Throws MlError naming \a path and the reason: missing, empty or truncated;
 * neither format; the legacy (non-zip) torch.save format; a whole pickled
 * nn.Module instead of its state dict; an unknown dtype; offsets, sizes or
 * strides that leave the data.
 */
NamedTensors readWeightFile(const std::string &path, std::map<std::string, std::string> *metadata = nullptr);

/**
 * Writes \a tensors as a `.safetensors` file (little-endian, contiguous,
 * header padded to 8 bytes) with \a metadata as its "__metadata__",
 * atomically (writeFileAtomically()). Throws MlError naming the file and the
 * reason (a duplicate name, an unsupported dtype, a full disk, ...).
 */
void writeSafetensors(const std::string &path, const NamedTensors &tensors,
                      const std::map<std::string, std::string> &metadata = {});

}
