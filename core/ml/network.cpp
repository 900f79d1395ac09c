#include "core/ml/network.h"

namespace tagwise::ml {

torch::Tensor NetworkImpl::forward(torch::Tensor x)
{
    return head(features(std::move(x)));
}

}
