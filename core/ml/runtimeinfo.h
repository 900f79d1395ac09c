#pragma once

#include <c10/core/Device.h>

#include <string>

namespace tagwise::ml {

/**
 * The LibTorch this program runs on, as a user reporting a problem or
 * wondering why training is slow needs to know it: its version, the library
 * file the loader picked, and what it was built for.
 */
struct LibTorchInfo
{
    std::string version;     ///< of the headers Tagwise was built with ("1.13.1")
    std::string library;     ///< the loaded libtorch_cpu file; empty when it cannot be told
    bool cudaBuild = false;  ///< built with CUDA (its CUDA runtime answers)
    long cudaRuntime = 0;    ///< CUDA runtime version (12080 = 12.8); 0 without CUDA
    long cudnn = 0;          ///< cuDNN version (90100 = 9.1.0); 0 without
    int gpus = 0;            ///< CUDA devices it sees

    /// "LibTorch 1.13.1, CPU only (/usr/lib/…/libtorch_cpu.so.1.13)",
    /// "LibTorch 2.11.0 with CUDA 12.8 and cuDNN 9.1, 1 GPU (…)".
    std::string summary() const;
};

/// What this process's LibTorch is (queried once; cheap afterwards).
const LibTorchInfo &libTorchInfo();

/// "12.8" for 12080; "9.1" for cuDNN's 90100 (or 8.9 for 8902).
std::string cudaVersionText(long version);
std::string cudnnVersionText(long version);

/// Whether this build has c10d with Gloo (Debian's LibTorch does; libgloo-dev provides the headers).
bool haveDistributed();

/**
 * A device in words: "cpu", or "cuda:0 (NVIDIA H200, 139 GiB)" where this
 * build can ask CUDA for the device's name (else "cuda:0").
 */
std::string deviceText(const c10::Device &device);

}
