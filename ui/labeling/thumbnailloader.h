#pragma once

#include <QCache>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QPixmap>
#include <QSet>
#include <QThreadPool>

#include <deque>
#include <memory>

namespace tagwise {

class ThumbnailCache;

/**
 * Loads thumbnails for the grid without blocking the GUI thread. Requests are
 * queued on the GUI thread and served newest first (the items just painted) by
 * a small thread pool, which makes or finds the thumbnail file through the
 * ThumbnailCache and decodes it with QImageReader. The queue is bounded, and
 * requests for items scrolled away can be dropped with retainOnly(), so
 * scrolling through 100,000 images never builds up work. Decoded thumbnails
 * stay in an LRU cache bounded in bytes.
 */
class ThumbnailLoader final : public QObject
{
    Q_OBJECT

public:
    enum class State { Pending, Ready, Failed };

    explicit ThumbnailLoader(QObject *parent = nullptr);
    ~ThumbnailLoader() override;

    /// Uses thumbnails from \a cacheDir from now on (an empty path: none, nothing
    /// loads); forgets every queued request, cached pixmap and failure.
    void setCacheDir(const QString &cacheDir);
    /// Longest side of a thumbnail in pixels.
    int edge() const { return m_edge; }

    /**
     * The thumbnail of image \a imageId (file \a absolutePath) when it is ready.
     * Otherwise queues a request (once) and returns a null pixmap; \a state says
     * which, and \a error the reason of a failure.
     */
    QPixmap thumbnail(qint64 imageId, const QString &absolutePath, State *state = nullptr,
                      QString *error = nullptr);

    /// Drops queued (not yet started) requests for images not in \a wanted.
    void retainOnly(const QSet<qint64> &wanted);
    /// Forgets the cached pixmaps and failures (files may have changed).
    void invalidate();

    int queuedCount() const { return int(m_queue.size()); }
    int runningCount() const { return m_running; }
    /// Most requests kept waiting; older ones are dropped first.
    static constexpr int maxQueued = 512;

Q_SIGNALS:
    /// The thumbnail of this image is ready (or failed): repaint it.
    void thumbnailReady(qint64 imageId);

private:
    struct Request
    {
        qint64 imageId = 0;
        QString path;
    };

    void dispatch();
    void handleResult(quint64 generation, qint64 imageId, const QImage &image, const QString &error);

    QThreadPool m_pool;
    std::shared_ptr<ThumbnailCache> m_cache;
    int m_edge = 160;
    quint64 m_generation = 0;
    std::deque<Request> m_queue;
    QSet<qint64> m_queued;  ///< ids in m_queue
    QSet<qint64> m_runningIds;
    int m_running = 0;
    QCache<qint64, QPixmap> m_pixmaps; ///< cost in KiB
    QHash<qint64, QString> m_failed;
};

}
