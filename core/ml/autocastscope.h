#pragma once

namespace tagwise::ml {

/**
 * Turns LibTorch's automatic mixed precision on for the current thread while
 * it lives, in bfloat16: on CUDA when \a cuda (bfloat16 needs no gradient
 * scaler, which LibTorch 1.13's C++ API lacks), on the CPU when \a cpu.
 * With both false it does nothing. Autocast state is per thread.
 */
class AutocastScope final
{
public:
    AutocastScope(bool cuda, bool cpu);
    ~AutocastScope();

    AutocastScope(const AutocastScope &) = delete;
    AutocastScope &operator=(const AutocastScope &) = delete;

private:
    bool m_cuda;
    bool m_cpu;
    bool m_wasCuda = false;
    bool m_wasCpu = false;
};

}
