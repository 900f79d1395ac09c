#pragma once

#include <QString>

namespace tagwise::formats {

/// Width, height and channel count of an image, as stored in its file.
struct ImageHeader
{
    int width = 0;
    int height = 0;
    int channels = 0;
};

/**
 * The size of an image from its header alone, without decoding it (VOC and
 * COCO need sizes): io::readImageHeader() with the errors this layer raises.
 * The size is the stored one, before any EXIF orientation (as PIL reports).
 * Throws ProjectError naming the file and the reason.
 */
ImageHeader readImageHeader(const QString &fileName);

}
