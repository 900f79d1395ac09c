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
 * Reads the size of an image from its header alone, without decoding it (VOC
 * and COCO need sizes; this layer links no image library). Knows PNG, JPEG,
 * BMP, TIFF, WebP, JPEG 2000 and PGM/PPM/PNM, recognised by their contents.
 * The size is the stored one, before any EXIF orientation (as PIL reports).
 * Throws ProjectError naming the file and the reason.
 */
ImageHeader readImageHeader(const QString &fileName);

}
