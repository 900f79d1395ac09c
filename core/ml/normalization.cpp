#include "core/ml/normalization.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cmath>
#include <stdexcept>

namespace tagwise::ml {

Normalization Normalization::measure(const at::Tensor &pixels)
{
    Normalization n;
    const std::int64_t count = pixels.size(0);
    if (count == 0)
        return n;
    torch::NoGradGuard noGrad;
    std::array<double, 3> sum{}, squares{};
    const std::int64_t slice = 256;
    for (std::int64_t start = 0; start < count; start += slice) {
        const auto x = pixels.narrow(0, start, std::min(slice, count - start)).reshape({-1, 3}).to(torch::kDouble);
        const auto s = x.sum(0);
        const auto q = x.square().sum(0);
        for (int c = 0; c < 3; ++c) {
            sum[c] += s[c].item<double>();
            squares[c] += q[c].item<double>();
        }
    }
    const double values = double(pixels.numel() / 3);
    for (int c = 0; c < 3; ++c) {
        const double mean = sum[c] / values;
        const double variance = std::max(0.0, squares[c] / values - mean * mean);
        n.mean[c] = float(mean / 255.0);
        // A flat channel (a set of grey images) must not divide by zero.
        n.std[c] = float(std::max(std::sqrt(variance) / 255.0, 1e-3));
    }
    return n;
}

Json Normalization::toJson() const
{
    return Json{{"mean", {double(mean[0]), double(mean[1]), double(mean[2])}},
                {"std", {double(std[0]), double(std[1]), double(std[2])}}};
}

Normalization Normalization::fromJson(const Json &json)
{
    Normalization n;
    const auto values = [&json](const char *key) {
        if (!json.is_object() || !json.contains(key) || !json.at(key).is_array() || json.at(key).size() != 3)
            throw std::runtime_error("normalisation needs three means and three standard deviations");
        std::array<float, 3> out{};
        for (int c = 0; c < 3; ++c) {
            const Json &value = json.at(key).at(std::size_t(c));
            if (!value.is_number())
                throw std::runtime_error("normalisation values must be numbers");
            out[std::size_t(c)] = value.get<float>();
        }
        return out;
    };
    n.mean = values("mean");
    n.std = values("std");
    for (int c = 0; c < 3; ++c) {
        if (!(n.std[c] > 0.0f) || !std::isfinite(n.mean[c]) || !std::isfinite(n.std[c]))
            throw std::runtime_error("normalisation values out of range");
    }
    return n;
}

}
