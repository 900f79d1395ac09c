#include "core/ml/autocastscope.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>

namespace tagwise::ml {

// LibTorch 2.4 replaced the per-device autocast functions (is_enabled,
// set_cpu_enabled, set_autocast_gpu_dtype, ...) with ones that take the device
// type; 1.13 (Debian's) has only the old ones. Both are spelled here alone.
namespace {

bool autocastEnabled(at::DeviceType type)
{
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
    return at::autocast::is_autocast_enabled(type);
#else
    return type == at::kCUDA ? at::autocast::is_enabled() : at::autocast::is_cpu_enabled();
#endif
}

void enableAutocast(at::DeviceType type, bool enabled)
{
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
    at::autocast::set_autocast_enabled(type, enabled);
#else
    if (type == at::kCUDA)
        at::autocast::set_enabled(enabled);
    else
        at::autocast::set_cpu_enabled(enabled);
#endif
}

void setAutocastType(at::DeviceType type, at::ScalarType scalar)
{
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
    at::autocast::set_autocast_dtype(type, scalar);
#else
    if (type == at::kCUDA)
        at::autocast::set_autocast_gpu_dtype(scalar);
    else
        at::autocast::set_autocast_cpu_dtype(scalar);
#endif
}

}

AutocastScope::AutocastScope(bool cuda, bool cpu)
    : m_cuda(cuda)
    , m_cpu(cpu)
{
    if (!m_cuda && !m_cpu)
        return;
    m_wasCuda = autocastEnabled(at::kCUDA);
    m_wasCpu = autocastEnabled(at::kCPU);
    if (m_cuda) {
        setAutocastType(at::kCUDA, at::kBFloat16);
        enableAutocast(at::kCUDA, true);
    }
    if (m_cpu) {
        setAutocastType(at::kCPU, at::kBFloat16);
        enableAutocast(at::kCPU, true);
    }
    at::autocast::increment_nesting();
}

AutocastScope::~AutocastScope()
{
    if (!m_cuda && !m_cpu)
        return;
    // The weight casts are cached for the outermost scope only; drop them with it.
    if (at::autocast::decrement_nesting() == 0)
        at::autocast::clear_cache();
    enableAutocast(at::kCUDA, m_wasCuda);
    enableAutocast(at::kCPU, m_wasCpu);
}

}
