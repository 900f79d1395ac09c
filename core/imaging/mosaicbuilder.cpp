#include "core/imaging/mosaicbuilder.h"

#include "core/imaging/fashionmnist.h"
#include "core/imaging/imagingerror.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace tagwise {

namespace {

/// SplitMix64: tiny, fast and the same on every platform and standard library
/// (std::uniform_int_distribution is not), so a seed means the same images everywhere.
class Random
{
public:
    explicit Random(quint64 seed)
        : m_state(seed)
    {
    }

    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    /// Uniform in [lo, hi]; the modulo bias is far below anything visible here.
    int between(int lo, int hi) { return lo + int(next() % quint64(hi - lo + 1)); }

    /// Uniform in [lo, hi).
    double real(double lo, double hi) { return lo + (hi - lo) * double(next() >> 11) * 0x1.0p-53; }

private:
    quint64 m_state;
};

// Fashion-MNIST's 28 px garment in a 32 px cell, as the original MNIST padding.
constexpr double ItemFraction = 28.0 / 32.0;

}

MosaicBuilder::MosaicBuilder(const FashionMnist &source, const MosaicOptions &options, quint64 seed)
    : m_source(source)
    , m_options(options)
    , m_seed(seed)
{
    const int cells = options.grid * options.grid;
    if (options.grid < 1 || options.grid > 16)
        throw ImagingError(QStringLiteral("the grid must have 1 to 16 cells per side, not %1").arg(options.grid));
    if (options.cell < 8 || options.cell > 1024)
        throw ImagingError(QStringLiteral("the cell size must be 8 to 1024 pixels, not %1").arg(options.cell));
    if (options.minItems < 1 || options.maxItems > cells || options.minItems > options.maxItems)
        throw ImagingError(QStringLiteral("items per image must satisfy 1 <= minimum (%1) <= maximum (%2) <= %3")
                               .arg(options.minItems).arg(options.maxItems).arg(cells));
    if (source.count() == 0)
        throw ImagingError(QStringLiteral("the Fashion-MNIST source holds no images"));
}

Mosaic MosaicBuilder::build(qint64 index) const
{
    // One generator per image, seeded from (seed, index): image k is the same
    // however many images are made, in whatever order.
    Random random(Random(m_seed ^ (quint64(index) * 0xD1B54A32D192ED03ull)).next());
    const int cell = m_options.cell;
    const int cells = m_options.grid * m_options.grid;

    Mosaic mosaic;
    mosaic.background = cv::Scalar(random.between(0, 48), random.between(0, 48), random.between(0, 48));
    mosaic.image = cv::Mat(imageSize(), imageSize(), CV_8UC3, mosaic.background);

    std::vector<int> order(static_cast<std::size_t>(cells));
    std::iota(order.begin(), order.end(), 0);
    for (int i = cells - 1; i > 0; --i) // Fisher-Yates with our own generator
        std::swap(order[std::size_t(i)], order[std::size_t(random.between(0, i))]);
    const int itemCount = random.between(m_options.minItems, m_options.maxItems);
    std::sort(order.begin(), order.begin() + itemCount);

    bool present[FashionMnist::ClassCount] = {};
    for (int k = 0; k < itemCount; ++k) {
        MosaicItem item;
        item.cell = order[std::size_t(k)];
        item.sourceIndex = random.between(0, m_source.count() - 1);
        item.label = m_source.label(item.sourceIndex);
        const int side = std::max(4, int(std::lround(cell * ItemFraction * random.real(0.85, 1.0))));
        const int x = (item.cell % m_options.grid) * cell + random.between(0, cell - side);
        const int y = (item.cell / m_options.grid) * cell + random.between(0, cell - side);
        item.rect = cv::Rect(x, y, side, side);
        item.tint = cv::Scalar(random.real(0.55, 1.0) * 255, random.real(0.55, 1.0) * 255, random.real(0.55, 1.0) * 255);
        const bool mirrored = random.between(0, 1) == 1;
        if (m_options.colourTags) {
            // Drawn after everything else, so that the images without colour tags stay as they were.
            item.colour = random.between(0, 3);
            // BGR: a strong main channel (two for yellow), weak others, each varying.
            const double strong = random.real(0.7, 1.0) * 255;
            const double weak1 = random.real(0.0, 0.35) * 255;
            const double weak2 = random.real(0.0, 0.35) * 255;
            switch (item.colour) {
            case 0: item.tint = cv::Scalar(weak1, weak2, strong); break;       // red
            case 1: item.tint = cv::Scalar(weak1, strong, weak2); break;       // green
            case 2: item.tint = cv::Scalar(strong, weak1, weak2); break;       // blue
            default: item.tint = cv::Scalar(weak1, strong, strong * random.real(0.9, 1.0)); // yellow
            }
        }

        const cv::Mat garment(FashionMnist::Rows, FashionMnist::Cols, CV_8UC1,
                              const_cast<std::uint8_t *>(m_source.image(item.sourceIndex)));
        cv::Mat alpha;
        cv::resize(garment, alpha, cv::Size(side, side), 0, 0, side < FashionMnist::Cols ? cv::INTER_AREA : cv::INTER_LINEAR);
        if (mirrored)
            cv::flip(alpha, alpha, 1);
        // The grey level is the garment's coverage: blend the tint over the background.
        cv::Mat region = mosaic.image(item.rect);
        for (int row = 0; row < side; ++row) {
            const uchar *a = alpha.ptr<uchar>(row);
            auto *pixel = region.ptr<cv::Vec3b>(row);
            for (int col = 0; col < side; ++col) {
                const double w = a[col] / 255.0;
                for (int c = 0; c < 3; ++c)
                    pixel[col][c] = cv::saturate_cast<uchar>(mosaic.background[c] * (1.0 - w) + item.tint[c] * w);
            }
        }
        present[item.label] = true;
        mosaic.items.push_back(item);
    }
    for (int label = 0; label < FashionMnist::ClassCount; ++label) {
        if (present[label])
            mosaic.tags << FashionMnist::tagNames().at(label);
    }
    if (m_options.colourTags) {
        for (int colour = 0; colour < int(colourNames().size()); ++colour) {
            if (std::any_of(mosaic.items.cbegin(), mosaic.items.cend(),
                            [colour](const MosaicItem &item) { return item.colour == colour; }))
                mosaic.tags << colourNames().at(colour);
        }
    }
    return mosaic;
}

const QStringList &MosaicBuilder::colourNames()
{
    static const QStringList names = {QStringLiteral("red"), QStringLiteral("green"), QStringLiteral("blue"),
                                      QStringLiteral("yellow")};
    return names;
}

QByteArray MosaicBuilder::encodePng(const cv::Mat &image)
{
    std::vector<uchar> bytes;
    if (!cv::imencode(".png", image, bytes, {cv::IMWRITE_PNG_COMPRESSION, 1}))
        throw ImagingError(QStringLiteral("OpenCV cannot encode PNG images"));
    return QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()));
}

}
