#include "core/imaging/fashionmnist.h"

#include "core/imaging/imagingerror.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <zlib.h>

#include <cstring>

namespace tagwise {

namespace {

QString nameOf(const QString &file)
{
    return QDir::toNativeSeparators(file);
}

/// The whole content of \a file, inflated when it is gzip data.
QByteArray readMaybeGzip(const QString &file)
{
    QFile in(file);
    if (!in.exists())
        throw ImagingError(QStringLiteral("%1: not found (install the package dataset-fashion-mnist)").arg(nameOf(file)));
    if (!in.open(QIODevice::ReadOnly))
        throw ImagingError(QStringLiteral("%1: cannot be read (%2)").arg(nameOf(file), in.errorString()));
    const QByteArray raw = in.readAll();
    if (raw.size() < 2 || uchar(raw[0]) != 0x1F || uchar(raw[1]) != 0x8B)
        return raw;

    z_stream stream{};
    if (inflateInit2(&stream, 15 + 16) != Z_OK)
        throw ImagingError(QStringLiteral("%1: cannot start zlib").arg(nameOf(file)));
    QByteArray out;
    // gzip ends with the uncompressed size (mod 4 GiB): a good first guess, capped
    // because a damaged file could claim anything.
    quint32 hint = 0;
    if (raw.size() >= 18)
        std::memcpy(&hint, raw.constData() + raw.size() - 4, 4);
    out.resize(qMin<qsizetype>(qMax<qsizetype>(hint, 1 << 16), qsizetype(raw.size()) * 16 + (1 << 16)));
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(raw.constData()));
    stream.avail_in = uInt(raw.size());
    int status = Z_OK;
    while (status == Z_OK) {
        if (stream.total_out == uLong(out.size()))
            out.resize(out.size() * 2);
        stream.next_out = reinterpret_cast<Bytef *>(out.data() + stream.total_out);
        stream.avail_out = uInt(out.size() - qsizetype(stream.total_out));
        status = inflate(&stream, Z_NO_FLUSH);
    }
    const qsizetype produced = qsizetype(stream.total_out);
    const QString message = stream.msg ? QString::fromLatin1(stream.msg) : QString();
    inflateEnd(&stream);
    if (status == Z_BUF_ERROR)
        throw ImagingError(QStringLiteral("%1: truncated gzip data").arg(nameOf(file)));
    if (status != Z_STREAM_END)
        throw ImagingError(QStringLiteral("%1: corrupt gzip data (%2)").arg(nameOf(file), message));
    out.resize(produced);
    return out;
}

quint32 be32(const QByteArray &data, qsizetype offset)
{
    const auto *p = reinterpret_cast<const uchar *>(data.constData()) + offset;
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | p[3];
}

/// Checks an IDX header of unsigned bytes with \a dims dimensions; returns the dimensions.
std::vector<quint32> idxDimensions(const QByteArray &data, int dims, const QString &file)
{
    if (data.size() < 4 + 4 * dims)
        throw ImagingError(QStringLiteral("%1: truncated IDX header").arg(nameOf(file)));
    const quint32 magic = be32(data, 0);
    if ((magic >> 16) != 0 || ((magic >> 8) & 0xFF) != 0x08)
        throw ImagingError(QStringLiteral("%1: not an IDX file of unsigned bytes (magic 0x%2)")
                               .arg(nameOf(file)).arg(magic, 8, 16, QLatin1Char('0')));
    if (int(magic & 0xFF) != dims)
        throw ImagingError(QStringLiteral("%1: expected %2 IDX dimensions, found %3")
                               .arg(nameOf(file)).arg(dims).arg(magic & 0xFF));
    std::vector<quint32> result;
    quint64 items = 1;
    for (int i = 0; i < dims; ++i) {
        result.push_back(be32(data, 4 + 4 * i));
        items *= result.back();
    }
    const quint64 expected = 4 + 4 * quint64(dims) + items;
    if (quint64(data.size()) < expected)
        throw ImagingError(QStringLiteral("%1: truncated IDX data (%2 bytes, %3 expected)")
                               .arg(nameOf(file)).arg(data.size()).arg(expected));
    if (quint64(data.size()) > expected)
        throw ImagingError(QStringLiteral("%1: %2 unexpected bytes after the IDX data")
                               .arg(nameOf(file)).arg(quint64(data.size()) - expected));
    return result;
}

}

QString FashionMnist::defaultDirectory()
{
    return QStringLiteral("/usr/share/datasets/fashion-mnist");
}

QStringList FashionMnist::fileNames(Part part)
{
    const QString prefix = part == Part::Train ? QStringLiteral("train") : QStringLiteral("t10k");
    return {prefix + QStringLiteral("-images-idx3-ubyte.gz"), prefix + QStringLiteral("-labels-idx1-ubyte.gz")};
}

FashionMnist FashionMnist::load(Part part, const QString &directory)
{
    const QStringList names = fileNames(part);
    const QDir dir(directory);
    return fromFiles(dir.filePath(names.at(0)), dir.filePath(names.at(1)));
}

FashionMnist FashionMnist::fromFiles(const QString &imagesFile, const QString &labelsFile)
{
    const QByteArray images = readMaybeGzip(imagesFile);
    const QByteArray labels = readMaybeGzip(labelsFile);
    const std::vector<quint32> imageDims = idxDimensions(images, 3, imagesFile);
    const std::vector<quint32> labelDims = idxDimensions(labels, 1, labelsFile);
    if (imageDims[1] != Rows || imageDims[2] != Cols)
        throw ImagingError(QStringLiteral("%1: images are %2 x %3, expected %4 x %5")
                               .arg(nameOf(imagesFile)).arg(imageDims[2]).arg(imageDims[1]).arg(Cols).arg(Rows));
    if (imageDims[0] != labelDims[0])
        throw ImagingError(QStringLiteral("%1 has %2 images but %3 has %4 labels")
                               .arg(nameOf(imagesFile)).arg(imageDims[0]).arg(nameOf(labelsFile)).arg(labelDims[0]));
    FashionMnist set;
    const auto *labelData = reinterpret_cast<const std::uint8_t *>(labels.constData()) + 8;
    set.m_labels.assign(labelData, labelData + labelDims[0]);
    for (std::size_t i = 0; i < set.m_labels.size(); ++i) {
        if (set.m_labels[i] >= ClassCount)
            throw ImagingError(QStringLiteral("%1: label %2 of item %3 is not a class (0..%4)")
                                   .arg(nameOf(labelsFile)).arg(set.m_labels[i]).arg(i).arg(ClassCount - 1));
    }
    const auto *imageData = reinterpret_cast<const std::uint8_t *>(images.constData()) + 16;
    set.m_images.assign(imageData, imageData + std::size_t(imageDims[0]) * Rows * Cols);
    return set;
}

const QStringList &FashionMnist::classNames()
{
    static const QStringList names = {
        QStringLiteral("T-shirt/top"), QStringLiteral("Trouser"), QStringLiteral("Pullover"),
        QStringLiteral("Dress"), QStringLiteral("Coat"), QStringLiteral("Sandal"),
        QStringLiteral("Shirt"), QStringLiteral("Sneaker"), QStringLiteral("Bag"),
        QStringLiteral("Ankle boot"),
    };
    return names;
}

const QStringList &FashionMnist::tagNames()
{
    static const QStringList names = {
        QStringLiteral("tshirt"), QStringLiteral("trouser"), QStringLiteral("pullover"),
        QStringLiteral("dress"), QStringLiteral("coat"), QStringLiteral("sandal"),
        QStringLiteral("shirt"), QStringLiteral("sneaker"), QStringLiteral("bag"),
        QStringLiteral("ankle_boot"),
    };
    return names;
}

}
