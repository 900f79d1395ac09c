#pragma once

// Helpers shared by the formats and import/export CLI tests (header-only).

#include "core/project/folderscanner.h"
#include "core/project/projectstore.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QtEndian>

#include <algorithm>

namespace tagwise::test {

inline quint32 crc32(const QByteArray &bytes)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char c : bytes) {
        crc ^= quint8(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

inline void appendChunk(QByteArray &png, const char *type, const QByteArray &data)
{
    char length[4];
    qToBigEndian(quint32(data.size()), length);
    png.append(length, 4);
    const QByteArray body = QByteArray(type, 4) + data;
    png.append(body);
    char crc[4];
    qToBigEndian(crc32(body), crc);
    png.append(crc, 4);
}

/// A valid 8-bit grey PNG (core tests link no image library); \a seed varies the pixels.
inline QByteArray pngBytes(int width, int height, int seed = 0)
{
    QByteArray ihdr(13, '\0');
    qToBigEndian(quint32(width), ihdr.data());
    qToBigEndian(quint32(height), ihdr.data() + 4);
    ihdr[8] = 8; // bit depth; colour type 0 (grey), default compression, filter, no interlace
    QByteArray raw;
    for (int y = 0; y < height; ++y) {
        raw.append('\0'); // filter: none
        for (int x = 0; x < width; ++x)
            raw.append(char((x * 31 + y * 17 + seed * 101) & 0xFF));
    }
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    appendChunk(png, "IHDR", ihdr);
    appendChunk(png, "IDAT", qCompress(raw).mid(4)); // qCompress prefixes the zlib stream with its length
    appendChunk(png, "IEND", QByteArray());
    return png;
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

inline bool writeImage(const QString &path, int seed = 0, int width = 4, int height = 3)
{
    return writeFile(path, pngBytes(width, height, seed));
}

inline void scan(ProjectStore &store)
{
    FolderScanner scanner(store.rootPath());
    store.applyScan(scanner.scan());
}

/// Image path -> sorted tag names, for every tagged or reviewed image.
using Labels = QMap<QString, QStringList>;

inline Labels labels(const ProjectStore &store)
{
    Labels result;
    for (const ImageRecord &image : store.images()) {
        if (!image.reviewed && image.tags.empty())
            continue;
        QStringList names = store.tagNames(image);
        names.sort();
        result.insert(image.path, names);
    }
    return result;
}

/// Everything an import may change, as text: tags, then each image with its flags and tags.
inline QString snapshot(const ProjectStore &store)
{
    QStringList lines;
    for (const TagInfo &tag : store.tags())
        lines.append(QStringLiteral("tag %1 %2 %3").arg(tag.id).arg(tag.name, tag.shortcut));
    for (const ImageRecord &image : store.images())
        lines.append(QStringLiteral("image %1 %2 reviewed=%3 missing=%4 tags=%5")
                         .arg(image.id)
                         .arg(image.path)
                         .arg(image.reviewed)
                         .arg(image.missing)
                         .arg(store.tagNames(image).join(QLatin1Char(' '))));
    return lines.join(QLatin1Char('\n'));
}

}
