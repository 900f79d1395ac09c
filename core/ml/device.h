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

}
