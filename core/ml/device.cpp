#include "core/ml/device.h"

#include "core/ml/mlerror.h"

#include <ATen/Parallel.h>
#include <torch/cuda.h>

#include <thread>

#include <dlfcn.h>

namespace tagwise::ml {

c10::Device selectDevice(DeviceChoice choice, bool cudaAvailable)
{
    switch (choice) {
    case DeviceChoice::Cpu:
        return c10::Device(c10::kCPU);
    case DeviceChoice::Cuda:
        if (!cudaAvailable)
            throw MlError("device cuda: CUDA is not available (no GPU found, or this LibTorch was built without CUDA)");
        return c10::Device(c10::kCUDA, 0);
    case DeviceChoice::Auto:
        break;
    }
    return cudaAvailable ? c10::Device(c10::kCUDA, 0) : c10::Device(c10::kCPU);
}

c10::Device selectDevice(DeviceChoice choice)
{
    return selectDevice(choice, torch::cuda::is_available());
}

void applyThreadCount(int threads)
{
    // Debian's LibTorch starts with a single thread; training wants them all.
    const int count = threads > 0 ? threads : int(std::max(1u, std::thread::hardware_concurrency()));
    if (at::get_num_threads() != count)
        at::set_num_threads(count);
}

}

namespace tagwise::ml {

void runSingleThreadedHere()
{
    // LibTorch sets each thread's OpenMP team size lazily, on its first parallel
    // call, to the global count: trigger that first, then lower this thread's
    // own setting. omp_set_num_threads is looked up at run time because LibTorch
    // brings the OpenMP runtime it was built with (none in a build that uses its
    // own thread pool, which has no per-thread teams to begin with).
    at::get_num_threads();
    using SetThreads = void (*)(int);
    static const auto setThreads = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "omp_set_num_threads"));
    if (setThreads)
        setThreads(1);
}

}
