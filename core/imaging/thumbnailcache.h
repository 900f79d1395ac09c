#pragma once

#include <QString>

namespace tagwise {

/**
 * Thumbnails on disk: JPEG files in a cache folder, keyed by the image's path,
 * size and modification time, made with OpenCV. Thread-safe: the GUI calls it
 * from worker threads, never from its own.
 */
class ThumbnailCache final
{
public:
    /// \a cacheDir is created when missing; \a edge is the longest side in pixels.
    ThumbnailCache(const QString &cacheDir, int edge = 160);

    int edge() const { return m_edge; }

    /// Path of the thumbnail of \a imagePath (absolute), making it when missing or
    /// stale. Returns an empty string and sets \a error (file and reason) when the
    /// image cannot be read.
    QString thumbnail(const QString &imagePath, QString *error = nullptr) const;

private:
    QString m_dir;
    int m_edge;
};

}
