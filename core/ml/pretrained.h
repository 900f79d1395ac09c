#pragma once

#include "core/ml/network.h"
#include "core/ml/normalization.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace tagwise::ml {

/// ImageNet's per-channel mean and standard deviation, which torchvision's weights expect.
Normalization imageNetNormalization();

/// What loading pretrained weights into a network did.
struct WeightMatch
{
    std::string file;
    int loaded = 0;                   ///< tensors taken from the file
    std::vector<std::string> replaced; ///< head tensors left as initialised: absent there, or of another shape (tag count)
    std::vector<std::string> ignored;  ///< head tensors of the file the network has no place for

    /// One line: how many tensors came from the file, and which head is new.
    std::string summary() const;
};

/**
 * Loads the weights in \a tensors (named as torchvision names them, read
 * from \a source) into \a network by name. A "module." prefix (DataParallel)
 * is dropped. The head (NetworkImpl::headModules()) is taken where its shapes
 * fit and otherwise replaced by the network's own, as fine-tuning for other
 * tags needs; that is reported, not an error. Anything else that does not
 * fit throws MlError naming \a source and listing the keys: backbone tensors
 * missing from the file, of another shape, or keys the network does not have
 * (another architecture's file). BatchNorm's num_batches_tracked may be
 * absent (timm leaves it out).
 */
WeightMatch loadPretrained(NetworkImpl &network, const std::vector<std::pair<std::string, at::Tensor>> &tensors,
                           const std::string &source);

/// readWeightFile(\a path) (weightfile.h), then the above.
WeightMatch loadPretrained(NetworkImpl &network, const std::string &path);

/**
 * The parameters and buffers of \a network as torchvision names them
 * (its state dict), on the CPU, float32 (num_batches_tracked int64).
 */
std::vector<std::pair<std::string, at::Tensor>> stateDict(NetworkImpl &network);

/**
 * Writes stateDict(\a network) as a .safetensors file that
 * `torchvision.models.<arch>(num_classes=N).load_state_dict()` takes, with
 * \a metadata (architecture, tags, ...) in its header. Throws MlError
 * naming the file and the reason.
 */
void exportSafetensors(NetworkImpl &network, const std::string &path,
                       const std::map<std::string, std::string> &metadata = {});

/**
 * Writes the model of a run (\a runOrBundle: a run folder or its model
 * folder) as a .safetensors file with torchvision's names, for
 * `torchvision.models.<arch>(num_classes=len(tags))` or as --weights of
 * another run. The header's metadata holds the architecture, input size,
 * tags, thresholds and normalisation. Throws MlError naming the file and
 * the reason. Returns the architecture.
 */
std::string exportModelWeights(const std::string &runOrBundle, const std::string &path);

/**
 * The backbone features (NetworkImpl::embedding()) of images: \a pixels is
 * N x S x S x 3 uint8 RGB; they are scaled to 0..1 and normalised with
 * ImageNet's mean and standard deviation, as torchvision's weights expect,
 * and run in eval mode, \a batch at a time. Returns N x C float on the CPU.
 */
at::Tensor imageFeatures(NetworkImpl &network, const at::Tensor &pixels, int batch = 32);

/**
 * The parameters that training leaves alone for \a freeze: "none" (none),
 * "backbone" (all but the head) or "until:NAME" (every parameter before the
 * module NAME, e.g. "layer4" or "features.14": it and what follows train, as
 * in "make block 5 trainable"). Throws std::invalid_argument for another
 * \a freeze or a NAME the network does not have, listing the names it has.
 */
std::vector<std::string> frozenParameters(NetworkImpl &network, const std::string &freeze);

/// Whether \a name (a parameter's or a module's) lies in the head of \a network.
bool isHead(const NetworkImpl &network, const std::string &name);

}
