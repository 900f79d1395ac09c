#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tagwise::ml {

class Feedback;

/**
 * Decodes images for the engine, which knows nothing of image formats.
 * core/imaging implements it with OpenCV (and a disk cache).
 */
class ImageLoader
{
public:
    virtual ~ImageLoader() = default;

    /**
     * Decodes \a paths into \a pixels, resized to \a size x \a size RGB uint8,
     * row-major HWC, one image after the other (pixels.size() is set to
     * paths.size() * size * size * 3). errors[i] is empty on success, else the
     * reason image i could not be read (its pixels are then zero).
     * May use worker threads; checks \a feedback (may be null) for cancellation.
     */
    virtual void loadAll(const std::vector<std::string> &paths, int size,
                         std::vector<std::uint8_t> &pixels, std::vector<std::string> &errors,
                         Feedback *feedback) = 0;
};

}
