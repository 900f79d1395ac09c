#pragma once

#include <opencv2/core/mat.hpp>

namespace tagwise {

/// Channel order of 3-channel images given to and returned by the heat-map functions.
enum class ChannelOrder { Bgr, Rgb };

/**
 * Colours \a heatmap (CV_32FC1 with values in [0, 1], e.g. a Grad-CAM map;
 * values outside are clamped) with OpenCV's JET colour map: 0 dark blue,
 * 1 dark red. Returns CV_8UC3 of the heat map's size in \a order.
 * Throws std::invalid_argument for an empty or non-float map.
 */
cv::Mat colorizeHeatmap(const cv::Mat &heatmap, ChannelOrder order = ChannelOrder::Bgr);

/**
 * Blends the JET-coloured \a heatmap over \a image: (1 - alpha) * image +
 * alpha * colour. \a image is CV_8UC3 in \a order or CV_8UC1 greyscale; the
 * heat map may be of any size (it is resized bilinearly to the image's, as
 * network inputs are usually smaller than the photo shown). Returns CV_8UC3 in
 * \a order. Throws std::invalid_argument for empty or unsupported inputs or an
 * alpha outside [0, 1].
 */
cv::Mat overlayHeatmap(const cv::Mat &image, const cv::Mat &heatmap, double alpha = 0.5,
                       ChannelOrder order = ChannelOrder::Bgr);

}
