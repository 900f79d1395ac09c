#include "core/ml/device.h"

#include "core/ml/mlerror.h"

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
    return selectDevice(choice, cudaAvailable());
}

c10::Device rankDevice(const c10::Device &chosen, int localRank, int cudaDevices)
{
    if (!chosen.is_cuda() || cudaDevices <= 0)
        return chosen;
    return c10::Device(c10::kCUDA, c10::DeviceIndex(localRank % cudaDevices));
}

}
