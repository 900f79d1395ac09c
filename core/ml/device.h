#pragma once

#include "core/ml/threads.h"
#include "core/ml/trainconfig.h"

#include <c10/core/Device.h>

namespace tagwise::ml {

/**
 * The device a choice means: Auto is CUDA when \a cudaAvailable, else the
 * CPU; Cuda without CUDA throws MlError saying so. Pure, so that the rule is
 * testable on a machine without a GPU.
 */
c10::Device selectDevice(DeviceChoice choice, bool cudaAvailable);

/// selectDevice() with what this machine has (cudaAvailable()).
c10::Device selectDevice(DeviceChoice choice);

/**
 * The device of the rank with \a localRank (torchrun's LOCAL_RANK: its place
 * among the job's processes on this machine) when \a chosen is what
 * selectDevice() gave: each rank on a machine takes its own GPU,
 * cuda:(localRank mod \a cudaDevices), as PyTorch's data-parallel scripts do;
 * a CPU stays the CPU. Pure, like selectDevice().
 */
c10::Device rankDevice(const c10::Device &chosen, int localRank, int cudaDevices);

}
