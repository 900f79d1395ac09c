#pragma once

// A small stand-in for the Fashion-MNIST files, written by tests so that they
// do not depend on the 30 MB package (and can test what happens without it).

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>

#include <zlib.h>

#include <cstdint>
#include <stdexcept>
#include <vector>

namespace tagwise::test {

/// \a data compressed as a gzip file.
inline QByteArray gzip(const QByteArray &data)
{
    z_stream stream{};
    if (deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("deflateInit2 failed");
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size()))) + 32, '\0');
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int status = deflate(&stream, Z_FINISH);
    out.resize(qsizetype(stream.total_out));
    deflateEnd(&stream);
    if (status != Z_STREAM_END)
        throw std::runtime_error("deflate failed");
    return out;
}

inline void appendBigEndian(QByteArray &out, quint32 value)
{
    out.append(char(value >> 24)).append(char(value >> 16)).append(char(value >> 8)).append(char(value));
}

/// An IDX file of unsigned bytes with the given dimensions and data.
inline QByteArray idx(const std::vector<quint32> &dims, const QByteArray &data)
{
    QByteArray out;
    appendBigEndian(out, 0x0800u | quint32(dims.size()));
    for (quint32 d : dims)
        appendBigEndian(out, d);
    return out + data;
}

/// Item \a index of the fake set: class index % 10, a bright block whose place
/// depends on the class and whose size, brightness and stripe on the item.
inline QByteArray fakeGarment(int index)
{
    QByteArray pixels(28 * 28, '\0');
    const int label = index % 10;
    const int x0 = 1 + label;
    const int y0 = 1 + (index * 7) % 9;
    const int w = 8 + index % 7;
    const int h = 10 + (index / 10) % 8;
    const int brightness = 120 + (index * 37) % 136;
    for (int y = y0; y < y0 + h && y < 28; ++y)
        for (int x = x0; x < x0 + w && x < 28; ++x)
            pixels[y * 28 + x] = char(((x + y + index) % 5 == 0) ? brightness / 3 : brightness);
    return pixels;
}

/// Writes a fake Fashion-MNIST (the package's four file names) into \a dir.
inline void writeFakeFashionMnist(const QString &dir, int trainCount, int testCount)
{
    QDir().mkpath(dir);
    const auto write = [&dir](const QString &name, const QByteArray &bytes) {
        QFile file(QDir(dir).filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            throw std::runtime_error("cannot write a fake Fashion-MNIST file");
    };
    for (const bool train : {true, false}) {
        const int count = train ? trainCount : testCount;
        QByteArray images;
        QByteArray labels;
        for (int i = 0; i < count; ++i) {
            const int item = train ? i : i + 100000; // the parts differ
            images += fakeGarment(item);
            labels += char(item % 10);
        }
        const QString prefix = train ? QStringLiteral("train") : QStringLiteral("t10k");
        write(prefix + QStringLiteral("-images-idx3-ubyte.gz"), gzip(idx({quint32(count), 28, 28}, images)));
        write(prefix + QStringLiteral("-labels-idx1-ubyte.gz"), gzip(idx({quint32(count)}, labels)));
    }
}

}
