#pragma once

#include <QByteArray>
#include <QStringList>

#include <opencv2/core.hpp>

#include <vector>

namespace tagwise {

class FashionMnist;

/// The shape of the generated images.
struct MosaicOptions
{
    int cell = 32;    ///< side of one grid cell in pixels (the image is grid * cell square)
    int grid = 2;     ///< cells per side
    int minItems = 1; ///< garments per image, at least
    int maxItems = 4; ///< and at most (up to grid * grid)
    /// Tint each garment with one of four colours (red, green, blue, yellow;
    /// the shade varies) and tag the image with the colours it holds too.
    bool colourTags = false;
};

/// One garment drawn into a mosaic.
struct MosaicItem
{
    int cell = 0;        ///< row-major cell index
    int sourceIndex = 0; ///< item of the source data set
    int label = 0;       ///< its class (0..9)
    cv::Rect rect;       ///< where it was drawn, in image pixels
    cv::Scalar tint;     ///< the garment's colour (BGR) at full brightness
    int colour = -1;     ///< index into MosaicBuilder::colourNames() with colour tags, else -1
};

/// A generated image and what is in it.
struct Mosaic
{
    cv::Mat image; ///< BGR, CV_8UC3
    cv::Scalar background;
    std::vector<MosaicItem> items;
    QStringList tags; ///< distinct classes present, as tag names, in class order (then the colours)
};

/**
 * Makes multi-label images from Fashion-MNIST garments: a grid of cells, each
 * empty or holding one garment (a random item of the source, randomly scaled a
 * little, shifted inside its cell and tinted), on a dark background of a
 * random colour. Image \a index depends only on the seed, the options and the
 * source, so images can be made in any order, in parallel, and a set can be
 * continued later. Thread-safe (build() is const and keeps no state).
 */
class MosaicBuilder final
{
public:
    /// Throws ImagingError when the options are impossible or the source is empty.
    MosaicBuilder(const FashionMnist &source, const MosaicOptions &options, quint64 seed);

    const MosaicOptions &options() const { return m_options; }
    int imageSize() const { return m_options.cell * m_options.grid; }

    Mosaic build(qint64 index) const;

    /// The colour tags of MosaicOptions::colourTags: {"red", "green", "blue", "yellow"}.
    static const QStringList &colourNames();

    /// PNG bytes of \a image (fast compression: these sets are made by the thousand).
    static QByteArray encodePng(const cv::Mat &image);

private:
    const FashionMnist &m_source;
    MosaicOptions m_options;
    quint64 m_seed;
};

}
