#include "core/ml/pretrained.h"

#include "core/ml/batchtransform.h"
#include "core/ml/json.h"
#include "core/ml/mlerror.h"
#include "core/ml/modelbundle.h"
#include "core/ml/modelweights.h"
#include "core/ml/networkfactory.h"
#include "core/ml/weightfile.h"

#include <nlohmann/json.hpp>

#include <torch/torch.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <unordered_map>

namespace tagwise::ml {

namespace {

std::string shapeText(const at::Tensor &tensor)
{
    std::string text = "[";
    for (std::int64_t d = 0; d < tensor.dim(); ++d)
        text += (d ? ", " : "") + std::to_string(tensor.size(d));
    return text + "]";
}

/// "a, b, c and 12 more".
std::string listed(const std::vector<std::string> &items, std::size_t most = 8)
{
    std::string text;
    for (std::size_t i = 0; i < std::min(items.size(), most); ++i)
        text += (i ? ", " : "") + items[i];
    if (items.size() > most)
        text += " and " + std::to_string(items.size() - most) + " more";
    return text;
}

bool endsWith(const std::string &text, const std::string &suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// Every parameter and buffer of \a network by its state-dict name, in order.
std::vector<std::pair<std::string, at::Tensor>> namedState(NetworkImpl &network)
{
    std::vector<std::pair<std::string, at::Tensor>> state;
    // Parameters and buffers of each module together, as torch's state_dict() orders them.
    for (const auto &item : network.named_modules()) {
        const std::string prefix = item.key().empty() ? std::string() : item.key() + ".";
        for (const auto &parameter : item.value()->named_parameters(/*recurse=*/false))
            state.emplace_back(prefix + parameter.key(), parameter.value());
        for (const auto &buffer : item.value()->named_buffers(/*recurse=*/false))
            state.emplace_back(prefix + buffer.key(), buffer.value());
    }
    return state;
}

}

Normalization imageNetNormalization()
{
    Normalization imageNet;
    imageNet.mean = {0.485f, 0.456f, 0.406f};
    imageNet.std = {0.229f, 0.224f, 0.225f};
    return imageNet;
}

std::string WeightMatch::summary() const
{
    std::string text = std::to_string(loaded) + " tensors loaded from " + file;
    if (!replaced.empty())
        text += "; new head for these tags: " + listed(replaced);
    if (!ignored.empty())
        text += "; not used: " + listed(ignored);
    return text;
}

bool isHead(const NetworkImpl &network, const std::string &name)
{
    for (const std::string &head : network.headModules()) {
        if (name == head || name.rfind(head + ".", 0) == 0)
            return true;
    }
    return false;
}

WeightMatch loadPretrained(NetworkImpl &network, const std::vector<std::pair<std::string, at::Tensor>> &tensors,
                           const std::string &source)
{
    std::unordered_map<std::string, const at::Tensor *> file;
    std::vector<std::string> order;
    for (const auto &[rawName, tensor] : tensors) {
        const std::string name = rawName.rfind("module.", 0) == 0 ? rawName.substr(7) : rawName;
        if (file.emplace(name, &tensor).second)
            order.push_back(name);
    }

    WeightMatch match;
    match.file = source;
    std::vector<std::string> missing, misshapen;
    std::set<std::string> used;
    std::vector<std::pair<at::Tensor, const at::Tensor *>> copies;
    for (const auto &[name, target] : namedState(network)) {
        const auto it = file.find(name);
        if (it == file.end()) {
            if (isHead(network, name))
                match.replaced.push_back(name);
            else if (!endsWith(name, "num_batches_tracked"))
                missing.push_back(name);
            continue;
        }
        used.insert(name);
        const at::Tensor &value = *it->second;
        if (value.sizes() != target.sizes()) {
            if (isHead(network, name))
                match.replaced.push_back(name + " " + shapeText(value) + " -> " + shapeText(target));
            else
                misshapen.push_back(name + " " + shapeText(value) + " where " + shapeText(target) + " is needed");
            continue;
        }
        copies.emplace_back(target, &value);
    }
    std::vector<std::string> unexpected;
    for (const std::string &name : order) {
        if (used.count(name))
            continue;
        if (isHead(network, name))
            match.ignored.push_back(name);
        else
            unexpected.push_back(name);
    }
    if (!missing.empty() || !misshapen.empty() || !unexpected.empty()) {
        std::string reason = source + ": the weights do not fit this architecture";
        if (!missing.empty())
            reason += "; missing: " + listed(missing);
        if (!misshapen.empty())
            reason += "; of another shape: " + listed(misshapen);
        if (!unexpected.empty())
            reason += "; not in the network: " + listed(unexpected);
        throw MlError(reason);
    }
    torch::NoGradGuard noGrad;
    for (auto &[target, value] : copies)
        target.copy_(value->to(target.device(), target.scalar_type()));
    match.loaded = int(copies.size());
    return match;
}

WeightMatch loadPretrained(NetworkImpl &network, const std::string &path)
{
    return loadPretrained(network, readWeightFile(path), path);
}

std::vector<std::pair<std::string, at::Tensor>> stateDict(NetworkImpl &network)
{
    std::vector<std::pair<std::string, at::Tensor>> state;
    for (const auto &[name, tensor] : namedState(network)) {
        at::Tensor value = tensor.detach().to(torch::kCPU).contiguous();
        if (value.is_floating_point())
            value = value.to(torch::kFloat);
        state.emplace_back(name, value);
    }
    return state;
}

void exportSafetensors(NetworkImpl &network, const std::string &path, const std::map<std::string, std::string> &metadata)
{
    writeSafetensors(path, stateDict(network), metadata);
}

std::string exportModelWeights(const std::string &runOrBundle, const std::string &path)
{
    const std::string directory = ModelBundle::locate(runOrBundle);
    const ModelBundle bundle = ModelBundle::read(directory);
    NetworkPtr network;
    try {
        network = createNetwork(bundle.architecture, int(bundle.tags.size()), bundle.inputSize);
    } catch (const std::exception &error) {
        throw MlError(directory + "/" + ModelBundle::kJsonName + ": " + describeError(error));
    }
    loadWeights(*network, directory + "/" + ModelBundle::kWeightsName, torch::kCPU);
    exportSafetensors(*network, path,
                      {{"format", "pt"},
                       {"architecture", canonicalArchitecture(bundle.architecture)},
                       {"input_size", std::to_string(bundle.inputSize)},
                       {"tags", Json(bundle.tags).dump()},
                       {"thresholds", Json(bundle.thresholds).dump()},
                       {"normalization", bundle.normalization.toJson().dump()}});
    return canonicalArchitecture(bundle.architecture);
}

at::Tensor imageFeatures(NetworkImpl &network, const at::Tensor &pixels, int batch)
{
    const BatchTransform transform(imageNetNormalization());
    torch::NoGradGuard noGrad;
    network.eval();
    std::vector<at::Tensor> parts;
    for (std::int64_t start = 0; start < pixels.size(0); start += batch) {
        const auto chunk = pixels.slice(0, start, std::min<std::int64_t>(start + batch, pixels.size(0)));
        parts.push_back(network.embedding(transform.normalize(chunk)).to(torch::kFloat).cpu());
    }
    return parts.empty() ? torch::empty({0, 0}) : torch::cat(parts);
}

std::vector<std::string> frozenParameters(NetworkImpl &network, const std::string &freeze)
{
    std::vector<std::string> frozen;
    if (freeze == "none" || freeze.empty())
        return frozen;
    const auto parameters = network.named_parameters();
    if (freeze == "backbone") {
        for (const auto &item : parameters) {
            if (!isHead(network, item.key()))
                frozen.push_back(item.key());
        }
        return frozen;
    }
    if (freeze.rfind("until:", 0) != 0)
        throw std::invalid_argument("freeze: \"" + freeze + "\" is none of backbone, none, until:LAYER");
    const std::string layer = freeze.substr(6);
    bool found = false;
    for (const auto &item : parameters) {
        if (item.key().rfind(layer + ".", 0) == 0) {
            found = true;
            break;
        }
        frozen.push_back(item.key());
    }
    if (!found || layer.empty()) {
        // The layers one can name: the children, and the children of containers (features.14).
        std::vector<std::string> names;
        for (const auto &child : network.named_children()) {
            const auto grandchildren = child.value()->named_children();
            if (grandchildren.size() > 4) {
                names.push_back(child.key() + ".0.." + child.key() + "." + std::to_string(grandchildren.size() - 1));
            } else {
                names.push_back(child.key());
            }
        }
        throw std::invalid_argument("freeze: the network has no layer \"" + layer + "\" with weights (it has "
                                    + listed(names, 32) + ")");
    }
    return frozen;
}

}
