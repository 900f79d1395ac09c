#pragma once

#include "core/ml/network.h"

namespace tagwise::ml {

/// How channels are weighted: Grad-CAM's mean gradient, or Grad-CAM++'s
/// (Chattopadhay et al. 2018) positive gradients weighted per position, which
/// marks every instance of a tag rather than the strongest alone.
enum class CamMethod { GradCam, GradCamPlusPlus };

/**
 * Grad-CAM (Selvaraju et al. 2017) heat maps for tag \a tagIndex:
 * channel weights are the spatial means of d logit / d features(), the map is
 * the ReLU of the weighted channel sum, upsampled bilinearly to the input size
 * and scaled to [0, 1] per image (divided by its maximum; all zeros when no
 * region speaks for the tag).
 *
 * \a batch is N x 3 x H x W float, normalised as the trainer does, on the
 * network's device; the result is N x H x W float on the same device.
 * Runs the network in eval mode (restoring its mode afterwards), works under
 * an outer NoGradGuard or InferenceMode, and leaves no gradient on any parameter.
 * Throws std::invalid_argument for a bad tag index or batch shape.
 */
torch::Tensor gradCam(NetworkImpl &network, const torch::Tensor &batch, int tagIndex,
                      CamMethod method = CamMethod::GradCam);

/// Overload for the shared pointer the factory returns.
torch::Tensor gradCam(const NetworkPtr &network, const torch::Tensor &batch, int tagIndex,
                      CamMethod method = CamMethod::GradCam);

}
