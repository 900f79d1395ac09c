#include "core/ml/normalization.h"

#include "core/ml/jsonvalue.h"

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

JsonValue Normalization::toJson() const
{
    JsonValue json = JsonValue::object();
    JsonValue m = JsonValue::array();
    JsonValue s = JsonValue::array();
    for (int c = 0; c < 3; ++c) {
        m.append(double(mean[c]));
        s.append(double(std[c]));
    }
    json.set("mean", std::move(m));
    json.set("std", std::move(s));
    return json;
}

Normalization Normalization::fromJson(const JsonValue &json)
{
    Normalization n;
    const auto &m = json.at("mean").items();
    const auto &s = json.at("std").items();
    if (m.size() != 3 || s.size() != 3)
        throw std::runtime_error("normalisation needs three means and three standard deviations");
    for (int c = 0; c < 3; ++c) {
        n.mean[c] = float(m[c].toDouble());
        n.std[c] = float(s[c].toDouble());
        if (!(n.std[c] > 0.0f) || !std::isfinite(n.mean[c]))
            throw std::runtime_error("normalisation values out of range");
    }
    return n;
}

}
