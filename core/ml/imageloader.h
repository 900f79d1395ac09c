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

    /**
     * What went wrong in the last loadAll() without failing it, for a warning:
     * a disk cache that could not be written (the images were decoded all the
     * same, and will be decoded again next time). Empty when nothing did.
     */
    virtual std::string lastProblem() const { return {}; }
};

}
