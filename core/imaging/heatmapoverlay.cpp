#include "core/imaging/heatmapoverlay.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <stdexcept>

namespace tagwise {

cv::Mat colorizeHeatmap(const cv::Mat &heatmap, ChannelOrder order)
{
    if (heatmap.empty())
        throw std::invalid_argument("colorizeHeatmap: the heat map is empty");
    if (heatmap.type() != CV_32FC1)
        throw std::invalid_argument("colorizeHeatmap: the heat map must be one-channel float (CV_32FC1)");
    cv::Mat clamped;
    cv::min(cv::max(heatmap, 0.0), 1.0, clamped);
    cv::Mat levels;
    clamped.convertTo(levels, CV_8UC1, 255.0);
    cv::Mat colour;
    cv::applyColorMap(levels, colour, cv::COLORMAP_JET); // OpenCV returns BGR
    if (order == ChannelOrder::Rgb)
        cv::cvtColor(colour, colour, cv::COLOR_BGR2RGB);
    return colour;
}

cv::Mat overlayHeatmap(const cv::Mat &image, const cv::Mat &heatmap, double alpha, ChannelOrder order)
{
    if (image.empty())
        throw std::invalid_argument("overlayHeatmap: the image is empty");
    if (image.type() != CV_8UC3 && image.type() != CV_8UC1)
        throw std::invalid_argument("overlayHeatmap: the image must be 8-bit with 1 or 3 channels");
    if (!(alpha >= 0.0 && alpha <= 1.0))
        throw std::invalid_argument("overlayHeatmap: alpha must be in [0, 1]");

    cv::Mat base;
    if (image.channels() == 1)
        cv::cvtColor(image, base, cv::COLOR_GRAY2BGR); // equal channels: the order does not matter
    else
        base = image;

    // Resize the values, not the colours: interpolating JET colours would
    // invent hues that stand for no value.
    cv::Mat values = heatmap;
    if (!heatmap.empty() && heatmap.size() != base.size())
        cv::resize(heatmap, values, base.size(), 0, 0, cv::INTER_LINEAR);
    const cv::Mat colour = colorizeHeatmap(values, order);
    cv::Mat blended;
    cv::addWeighted(base, 1.0 - alpha, colour, alpha, 0.0, blended);
    return blended;
}

}
