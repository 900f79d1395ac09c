#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace tagwise {

/**
 * The Fashion-MNIST data set (70,000 greyscale 28 x 28 garments in ten
 * classes), read from its IDX files, gzip-compressed or not, as the Debian
 * package dataset-fashion-mnist installs them.
 */
class FashionMnist final
{
public:
    enum class Part { Train, Test };

    static constexpr int Rows = 28;
    static constexpr int Cols = 28;
    static constexpr int ClassCount = 10;

    /// Where dataset-fashion-mnist puts the files.
    static QString defaultDirectory();

    /// The file names of a part: {images, labels}, e.g. train-images-idx3-ubyte.gz.
    static QStringList fileNames(Part part);

    /**
     * Reads one part from \a directory. Throws ImagingError naming the file
     * and the reason: missing (with a hint to install the package), truncated,
     * corrupt, or images and labels that do not match.
     */
    static FashionMnist load(Part part, const QString &directory = defaultDirectory());

    /// Reads an IDX image file (28 x 28 unsigned bytes) and its label file.
    static FashionMnist fromFiles(const QString &imagesFile, const QString &labelsFile);

    /// The data set's class names: "T-shirt/top", "Trouser", ...
    static const QStringList &classNames();
    /// The same as tag names: "tshirt", "trouser", ..., "ankle_boot".
    static const QStringList &tagNames();

    int count() const { return int(m_labels.size()); }
    /// Row-major 28 x 28 bytes of item \a index: 0 is background, 255 the brightest garment pixel.
    const std::uint8_t *image(int index) const { return m_images.data() + std::size_t(index) * Rows * Cols; }
    /// Class index (0..9) of item \a index.
    int label(int index) const { return m_labels[std::size_t(index)]; }

private:
    FashionMnist() = default;

    std::vector<std::uint8_t> m_images;
    std::vector<std::uint8_t> m_labels;
};

}
