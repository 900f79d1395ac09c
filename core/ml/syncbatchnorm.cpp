#include "core/ml/syncbatchnorm.h"

#include "core/ml/distributed.h"

#include <torch/torch.h>

namespace tagwise::ml {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

/// The shape that broadcasts a per-channel vector over an input of \a dims dimensions.
std::vector<std::int64_t> channelShape(std::int64_t channels, std::int64_t dims)
{
    std::vector<std::int64_t> shape(std::size_t(dims), 1);
    shape[1] = channels;
    return shape;
}

/// What batch norm computes in: double for double inputs, float for the rest (bf16 and half under autocast too).
c10::ScalarType computeType(const torch::Tensor &input)
{
    return input.scalar_type() == torch::kDouble ? torch::kDouble : torch::kFloat;
}

std::vector<std::int64_t> reducedDims(std::int64_t dims)
{
    std::vector<std::int64_t> reduced{0};
    for (std::int64_t d = 2; d < dims; ++d)
        reduced.push_back(d);
    return reduced;
}

/**
 * Batch norm over the global batch. Forward: each rank's count, mean and sum
 * of squared deviations (two-pass, in float, or double for double inputs),
 * combined over the ranks in double. Backward (as PyTorch's SyncBatchNorm): the sums of the gradient and
 * of gradient x centred input are all-reduced for the input's gradient; the
 * weight's and bias's gradients stay local, as the gradient averaging that
 * follows sums them over the ranks.
 */
struct SyncBatchNormFunction : torch::autograd::Function<SyncBatchNormFunction>
{
    static torch::Tensor forward(AutogradContext *context, const torch::Tensor &input, const torch::Tensor &weight,
                                 const torch::Tensor &bias, torch::Tensor runningMean, torch::Tensor runningVariance,
                                 double momentum, double eps, std::int64_t communicatorAddress)
    {
        auto *communicator = reinterpret_cast<Communicator *>(communicatorAddress);
        const torch::Tensor x = input.to(computeType(input));
        const std::int64_t channels = x.size(1);
        const auto dims = reducedDims(x.dim());
        const double count = double(x.numel() / channels);
        const auto [variance, mean] = torch::var_mean(x, dims, /*unbiased=*/false);
        // [count, sum, sum of squares] per channel, the squares as M2 + n mean^2 in double.
        const auto meanD = mean.to(torch::kDouble);
        auto stats = torch::cat({torch::full({1}, count, meanD.options()), meanD * count,
                                 (variance.to(torch::kDouble) + meanD * meanD) * count});
        communicator->allReduce(stats);
        const double total = stats[0].item<double>();
        const auto globalMean = stats.narrow(0, 1, channels) / total;
        const auto globalVariance = (stats.narrow(0, 1 + channels, channels) / total - globalMean * globalMean).clamp_min(0.0);
        const auto meanF = globalMean.to(x.scalar_type());
        const auto varianceF = globalVariance.to(x.scalar_type());
        {
            torch::NoGradGuard noGrad;
            if (runningMean.defined()) {
                runningMean.mul_(1.0 - momentum).add_(meanF, momentum);
                const double unbias = total > 1.0 ? total / (total - 1.0) : 1.0;
                runningVariance.mul_(1.0 - momentum).add_(varianceF * unbias, momentum);
            }
        }
        const auto invstd = (varianceF + eps).rsqrt();
        const auto shape = channelShape(channels, x.dim());
        const auto centred = x - meanF.view(shape);
        auto output = centred * (invstd * weight).view(shape) + bias.view(shape);
        context->save_for_backward({centred, weight, invstd});
        context->saved_data["communicator"] = communicatorAddress;
        context->saved_data["total"] = total;
        context->saved_data["dtype"] = static_cast<std::int64_t>(input.scalar_type());
        return output;
    }

    static variable_list backward(AutogradContext *context, variable_list gradients)
    {
        auto *communicator = reinterpret_cast<Communicator *>(context->saved_data["communicator"].toInt());
        const double total = context->saved_data["total"].toDouble();
        const auto dtype = static_cast<c10::ScalarType>(context->saved_data["dtype"].toInt());
        const auto saved = context->get_saved_variables();
        const torch::Tensor &centred = saved[0];
        const torch::Tensor &weight = saved[1];
        const torch::Tensor &invstd = saved[2];
        const torch::Tensor dy = gradients[0].to(centred.scalar_type());
        const std::int64_t channels = centred.size(1);
        const auto dims = reducedDims(centred.dim());
        const auto shape = channelShape(channels, centred.dim());
        const auto sumDy = dy.sum(dims);
        const auto sumDyCentred = (dy * centred).sum(dims);
        auto global = torch::cat({sumDy, sumDyCentred});
        communicator->allReduce(global);
        const auto meanDy = global.narrow(0, 0, channels) / total;
        const auto meanDyCentred = global.narrow(0, channels, channels) / total;
        const auto gradInput = (dy - meanDy.view(shape) - centred * (invstd * invstd * meanDyCentred).view(shape))
                               * (invstd * weight).view(shape);
        return {gradInput.to(dtype), sumDyCentred * invstd, sumDy, {}, {}, {}, {}, {}};
    }
};

}

SyncBatchNormImpl::SyncBatchNormImpl(const torch::nn::BatchNormOptions &options_)
    : options(options_)
{
    reset();
}

void SyncBatchNormImpl::reset()
{
    const std::int64_t features = options.num_features();
    weight = register_parameter("weight", torch::ones({features}), options.affine());
    bias = register_parameter("bias", torch::zeros({features}), options.affine());
    if (!options.affine()) {
        weight = torch::Tensor();
        bias = torch::Tensor();
    }
    if (options.track_running_stats()) {
        running_mean = register_buffer("running_mean", torch::zeros({features}));
        running_var = register_buffer("running_var", torch::ones({features}));
        num_batches_tracked = register_buffer("num_batches_tracked", torch::tensor(0, torch::kLong));
    }
}

void SyncBatchNormImpl::pretty_print(std::ostream &stream) const
{
    stream << "tagwise::ml::SyncBatchNorm(" << options.num_features() << ", eps=" << options.eps()
           << ", momentum=" << options.momentum().value_or(0.0) << ", affine=" << options.affine()
           << ", track_running_stats=" << options.track_running_stats() << ")";
}

torch::Tensor SyncBatchNormImpl::forward(const torch::Tensor &input)
{
    TORCH_CHECK(input.dim() >= 2 && input.size(1) == options.num_features(), "SyncBatchNorm of ",
                options.num_features(), " features got an input of shape ", input.sizes());
    // The momentum of this step; none means a cumulative average, as in LibTorch.
    double momentum = options.momentum().value_or(0.0);
    if (is_training() && num_batches_tracked.defined()) {
        torch::NoGradGuard noGrad;
        num_batches_tracked += 1;
        if (!options.momentum())
            momentum = 1.0 / num_batches_tracked.item<double>();
    }
    if (!m_communicator || !is_training())
        return torch::batch_norm(input, weight, bias, running_mean, running_var,
                                 is_training() || !options.track_running_stats(), momentum, options.eps(),
                                 torch::globalContext().userEnabledCuDNN());
    const std::int64_t features = options.num_features();
    const torch::Tensor w = weight.defined() ? weight : torch::ones({features}, input.options().dtype(computeType(input)));
    const torch::Tensor b = bias.defined() ? bias : torch::zeros({features}, input.options().dtype(computeType(input)));
    return SyncBatchNormFunction::apply(input, w, b, running_mean, running_var, momentum, options.eps(),
                                        reinterpret_cast<std::int64_t>(m_communicator));
}

int synchronizeBatchNorms(torch::nn::Module &module, Communicator *communicator)
{
    int count = 0;
    for (const auto &child : module.modules()) {
        if (auto *norm = child->as<SyncBatchNormImpl>()) {
            norm->setCommunicator(communicator);
            ++count;
        }
    }
    return count;
}

}
