#include "core/ml/decodeddataset.h"

#include "core/ml/feedback.h"
#include "core/ml/imageloader.h"
#include "core/ml/mlerror.h"

#include <torch/torch.h>

namespace tagwise::ml {

namespace {

DecodedSet select(const torch::Tensor &pixels, const std::vector<Sample> &samples, std::size_t offset,
                  const std::vector<std::string> &errors, std::size_t tagCount)
{
    std::vector<std::int64_t> kept;
    DecodedSet set;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        if (errors[offset + i].empty()) {
            kept.push_back(std::int64_t(offset + i));
            set.paths.push_back(samples[i].path);
        }
    }
    const auto count = std::int64_t(kept.size());
    if (count > 0 && kept.back() - kept.front() + 1 == count)
        set.pixels = pixels.narrow(0, kept.front(), count); // a contiguous block: a view, no copy
    else
        set.pixels = pixels.index_select(0, torch::tensor(kept, torch::kLong));

    set.targets = torch::zeros({count, std::int64_t(tagCount)}, torch::kFloat);
    auto targets = set.targets.accessor<float, 2>();
    std::int64_t row = 0;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        if (!errors[offset + i].empty())
            continue;
        for (std::size_t t = 0; t < tagCount; ++t)
            targets[row][std::int64_t(t)] = samples[i].target[t] ? 1.0f : 0.0f;
        ++row;
    }
    return set;
}

}

DecodedDataset DecodedDataset::decode(const DatasetSnapshot &snapshot, int size, ImageLoader &loader,
                                      const WarningFunction &warn, Feedback *feedback)
{
    snapshot.validate();
    std::vector<std::string> paths;
    paths.reserve(snapshot.train.size() + snapshot.validation.size());
    for (const Sample &sample : snapshot.train)
        paths.push_back(sample.path);
    for (const Sample &sample : snapshot.validation)
        paths.push_back(sample.path);

    // The loader fills a vector; the tensor adopts its buffer instead of copying it.
    auto *buffer = new std::vector<std::uint8_t>();
    std::vector<std::string> errors;
    try {
        loader.loadAll(paths, size, *buffer, errors, feedback);
    } catch (...) {
        delete buffer;
        throw;
    }
    if (feedback && feedback->isCanceled()) {
        delete buffer;
        throw Canceled();
    }
    if (const std::string problem = loader.lastProblem(); !problem.empty() && warn)
        warn(problem);
    const std::size_t imageBytes = std::size_t(size) * std::size_t(size) * 3;
    if (buffer->size() != paths.size() * imageBytes || errors.size() != paths.size()) {
        delete buffer;
        throw MlError("the image loader returned " + std::to_string(errors.size()) + " results for "
                      + std::to_string(paths.size()) + " images");
    }
    const torch::Tensor pixels = torch::from_blob(
        buffer->data(), {std::int64_t(paths.size()), size, size, 3}, [buffer](void *) { delete buffer; },
        torch::kUInt8);

    for (std::size_t i = 0; i < paths.size(); ++i) {
        if (!errors[i].empty() && warn) {
            // Loaders may or may not name the file in the reason; name it once.
            const bool named = errors[i].find(paths[i]) != std::string::npos;
            warn((named ? errors[i] : paths[i] + ": " + errors[i]) + " (left out)");
        }
    }

    DecodedDataset dataset;
    const std::size_t tagCount = snapshot.tags.size();
    dataset.train = select(pixels, snapshot.train, 0, errors, tagCount);
    dataset.validation = select(pixels, snapshot.validation, snapshot.train.size(), errors, tagCount);
    if (dataset.train.size() == 0) {
        throw MlError(snapshot.train.empty() ? "no training images"
                                             : "none of the " + std::to_string(snapshot.train.size())
                                                   + " training images could be read");
    }
    return dataset;
}

}
