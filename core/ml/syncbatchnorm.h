#pragma once

#include <torch/nn/cloneable.h>
#include <torch/nn/options/batchnorm.h>
#include <torch/nn/pimpl.h>

namespace tagwise::ml {

class Communicator;

/**
 * Batch norm over the channels of (N, C) or (N, C, ...) inputs, with
 * torch::nn::BatchNorm2d's state and names (weight, bias, running_mean,
 * running_var, num_batches_tracked) and its results. In a data-parallel run
 * the trainer gives it the job's Communicator: a training batch is then
 * normalised with the mean and variance of the global batch, over every
 * rank, as PyTorch's SyncBatchNorm does, and the running statistics are
 * updated with them, so that they stay the same on every rank and equal to
 * a single process's. In evaluation, or without a Communicator, it is
 * LibTorch's batch norm (torch::batch_norm).
 */
class SyncBatchNormImpl final : public torch::nn::Cloneable<SyncBatchNormImpl>
{
public:
    explicit SyncBatchNormImpl(std::int64_t features)
        : SyncBatchNormImpl(torch::nn::BatchNormOptions(features))
    {
    }
    explicit SyncBatchNormImpl(const torch::nn::BatchNormOptions &options);

    void reset() override;
    void pretty_print(std::ostream &stream) const override;
    torch::Tensor forward(const torch::Tensor &input);

    void setCommunicator(Communicator *communicator) { m_communicator = communicator; }

    torch::nn::BatchNormOptions options;
    torch::Tensor weight;
    torch::Tensor bias;
    torch::Tensor running_mean;
    torch::Tensor running_var;
    torch::Tensor num_batches_tracked;

private:
    Communicator *m_communicator = nullptr;
};
TORCH_MODULE(SyncBatchNorm);

/// Gives every batch norm of \a module \a communicator (null: none); returns how many there are.
int synchronizeBatchNorms(torch::nn::Module &module, Communicator *communicator);

}
