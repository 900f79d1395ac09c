#pragma once

#include "core/ml/trainconfig.h"

#include <c10/core/Device.h>

namespace tagwise::ml {

/**
 * The device a choice means: Auto is CUDA when \a cudaAvailable, else the
 * CPU; Cuda without CUDA throws MlError saying so. Pure, so that the rule is
 * testable on a machine without a GPU.
 */
c10::Device selectDevice(DeviceChoice choice, bool cudaAvailable);

/// selectDevice() with what this machine has (torch::cuda::is_available()).
c10::Device selectDevice(DeviceChoice choice);

/// Sets LibTorch's intra-op thread count: \a threads, or every core when 0.
void applyThreadCount(int threads);

/**
 * Makes LibTorch's operations on the calling thread run single-threaded.
 * For helper threads (batch assembly): with OpenMP each thread that calls a
 * parallel operation gets a team of its own, whose spinning threads would
 * compete with the training thread's team for the same cores.
 */
void runSingleThreadedHere();

}
