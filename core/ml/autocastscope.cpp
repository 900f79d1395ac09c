#include "core/ml/autocastscope.h"

#include <ATen/autocast_mode.h>

namespace tagwise::ml {

AutocastScope::AutocastScope(bool cuda, bool cpu)
    : m_cuda(cuda)
    , m_cpu(cpu)
{
    if (!m_cuda && !m_cpu)
        return;
    m_wasCuda = at::autocast::is_enabled();
    m_wasCpu = at::autocast::is_cpu_enabled();
    if (m_cuda) {
        at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
        at::autocast::set_enabled(true);
    }
    if (m_cpu) {
        at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
        at::autocast::set_cpu_enabled(true);
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
    at::autocast::set_enabled(m_wasCuda);
    at::autocast::set_cpu_enabled(m_wasCpu);
}

}
