#pragma once

#include "core/ml/datasetsnapshot.h"

#include <torch/types.h>

#include <functional>
#include <string>
#include <vector>

namespace tagwise::ml {

class Feedback;
class ImageLoader;

/// Images decoded into memory: pixels N x S x S x 3 uint8 (HWC), targets N x T float.
struct DecodedSet
{
    torch::Tensor pixels;
    torch::Tensor targets;
    std::vector<std::string> paths;

    std::int64_t size() const { return pixels.defined() ? pixels.size(0) : 0; }
};

/// The training and validation sets of a snapshot, decoded.
struct DecodedDataset
{
    DecodedSet train;
    DecodedSet validation;

    /// Called once per image that could not be decoded: "<file>: <reason>".
    using WarningFunction = std::function<void(const std::string &message)>;

    /**
     * Decodes every image of \a snapshot once, at \a size x \a size, with one
     * ImageLoader::loadAll call (so the loader can use all its threads and its
     * cache). Images that fail are reported through \a warn and left out.
     * Throws MlError when the training set ends up empty, and Canceled (mlerror.h) when
     * \a feedback is canceled.
     */
    static DecodedDataset decode(const DatasetSnapshot &snapshot, int size, ImageLoader &loader,
                                 const WarningFunction &warn, Feedback *feedback);
};

}
