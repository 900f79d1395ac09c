#include "core/ml/runtimeinfo.h"

#include <ATen/Parallel.h>
#include <ATen/detail/CUDAHooksInterface.h>
#include <torch/cuda.h>
#include <torch/version.h>

#ifdef TAGWISE_HAVE_CUDA_CONTEXT
#include <ATen/cuda/CUDAContext.h>
#endif

#include <dlfcn.h>

namespace tagwise::ml {

namespace {

LibTorchInfo queryLibTorch()
{
    LibTorchInfo info;
    info.version = TORCH_VERSION;
    // The file that holds one of LibTorch's own functions is the LibTorch in use.
    Dl_info where{};
    if (::dladdr(reinterpret_cast<void *>(&at::get_num_threads), &where) != 0 && where.dli_fname)
        info.library = where.dli_fname;
    // Without ATen's CUDA library its hooks are the stubs, which throw.
    try {
        info.cudaRuntime = at::detail::getCUDAHooks().versionCUDART();
        info.cudaBuild = true;
    } catch (const std::exception &) {
        info.cudaBuild = false;
    }
    if (info.cudaBuild) {
        try {
            if (at::detail::getCUDAHooks().compiledWithCuDNN())
                info.cudnn = at::detail::getCUDAHooks().versionCuDNN();
        } catch (const std::exception &) {
            info.cudnn = 0;
        }
        info.gpus = int(torch::cuda::device_count());
    }
    return info;
}

}

std::string cudaVersionText(long version)
{
    return std::to_string(version / 1000) + '.' + std::to_string(version % 1000 / 10);
}

std::string cudnnVersionText(long version)
{
    // cuDNN 9 counts major * 10000 + minor * 100 + patch; cuDNN 8 major * 1000 + minor * 100 + patch.
    if (version >= 10000)
        return std::to_string(version / 10000) + '.' + std::to_string(version % 10000 / 100);
    return std::to_string(version / 1000) + '.' + std::to_string(version % 1000 / 100);
}

std::string LibTorchInfo::summary() const
{
    std::string text = "LibTorch " + version;
    if (!cudaBuild) {
        text += ", CPU only";
    } else {
        text += " with CUDA " + cudaVersionText(cudaRuntime);
        if (cudnn > 0)
            text += " and cuDNN " + cudnnVersionText(cudnn);
        text += gpus == 0 ? std::string(", no GPU found")
                          : ", " + std::to_string(gpus) + (gpus == 1 ? " GPU" : " GPUs");
    }
    if (!library.empty())
        text += " (" + library + ")";
    return text;
}

const LibTorchInfo &libTorchInfo()
{
    static const LibTorchInfo info = queryLibTorch();
    return info;
}

std::string deviceText(const c10::Device &device)
{
    std::string text = device.str();
#ifdef TAGWISE_HAVE_CUDA_CONTEXT
    if (device.is_cuda()) {
        const cudaDeviceProp *properties = at::cuda::getDeviceProperties(device.has_index() ? device.index() : 0);
        const long gib = long((properties->totalGlobalMem + (1ULL << 29)) >> 30);
        text += std::string(" (") + properties->name + ", " + std::to_string(gib) + " GiB)";
    }
#endif
    return text;
}

}
