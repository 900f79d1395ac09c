#include "ui/labeling/thumbnailloader.h"

#include "core/imaging/thumbnailcache.h"

#include <QImageReader>
#include <QMetaObject>
#include <QThread>

#include <algorithm>

namespace tagwise {

namespace {

// Decoded thumbnails kept in memory: ~100 KiB each at 160 px, so ~1,000 of them.
constexpr int kPixmapBudgetKiB = 96 * 1024;

}

ThumbnailLoader::ThumbnailLoader(QObject *parent)
    : QObject(parent)
{
    // Thumbnail work is disk and decode bound; a few threads keep the visible
    // page filling quickly without starving the GUI thread on small machines.
    m_pool.setMaxThreadCount(std::clamp(QThread::idealThreadCount(), 2, 4));
    m_pixmaps.setMaxCost(kPixmapBudgetKiB);
}

ThumbnailLoader::~ThumbnailLoader()
{
    // Workers post their results to this object: none may outlive it.
    m_pool.clear();
    m_pool.waitForDone();
}

void ThumbnailLoader::setCacheDir(const QString &cacheDir)
{
    ++m_generation;
    m_queue.clear();
    m_queued.clear();
    m_runningIds.clear();
    m_pixmaps.clear();
    m_failed.clear();
    m_cache = cacheDir.isEmpty() ? nullptr : std::make_shared<ThumbnailCache>(cacheDir, m_edge);
}

QPixmap ThumbnailLoader::thumbnail(qint64 imageId, const QString &absolutePath, State *state, QString *error)
{
    if (const QPixmap *pixmap = m_pixmaps.object(imageId)) {
        if (state)
            *state = State::Ready;
        return *pixmap;
    }
    const auto failed = m_failed.constFind(imageId);
    if (failed != m_failed.cend()) {
        if (state)
            *state = State::Failed;
        if (error)
            *error = failed.value();
        return {};
    }
    if (state)
        *state = State::Pending;
    if (!m_cache)
        return {};
    if (m_queued.contains(imageId)) {
        // Painted again: move it to the back, where the next worker looks first.
        const auto it = std::find_if(m_queue.begin(), m_queue.end(),
                                     [imageId](const Request &r) { return r.imageId == imageId; });
        if (it != m_queue.end() && std::next(it) != m_queue.end()) {
            Request request = std::move(*it);
            m_queue.erase(it);
            m_queue.push_back(std::move(request));
        }
        return {};
    }
    if (m_runningIds.contains(imageId))
        return {};
    m_queue.push_back({imageId, absolutePath});
    m_queued.insert(imageId);
    while (int(m_queue.size()) > maxQueued) {
        m_queued.remove(m_queue.front().imageId);
        m_queue.pop_front();
    }
    dispatch();
    return {};
}

void ThumbnailLoader::retainOnly(const QSet<qint64> &wanted)
{
    std::deque<Request> kept;
    for (Request &request : m_queue) {
        if (wanted.contains(request.imageId))
            kept.push_back(std::move(request));
        else
            m_queued.remove(request.imageId);
    }
    m_queue.swap(kept);
}

void ThumbnailLoader::invalidate()
{
    m_pixmaps.clear();
    m_failed.clear();
}

void ThumbnailLoader::dispatch()
{
    while (m_cache && !m_queue.empty() && m_running < m_pool.maxThreadCount()) {
        Request request = std::move(m_queue.back());
        m_queue.pop_back();
        m_queued.remove(request.imageId);
        m_runningIds.insert(request.imageId);
        ++m_running;
        const std::shared_ptr<ThumbnailCache> cache = m_cache;
        const quint64 generation = m_generation;
        m_pool.start([this, cache, generation, request] {
            QString error;
            QImage image;
            const QString file = cache->thumbnail(request.path, &error);
            if (!file.isEmpty()) {
                QImageReader reader(file);
                image = reader.read();
                if (image.isNull())
                    error = tr("%1: cannot read the thumbnail: %2").arg(file, reader.errorString());
            } else if (error.isEmpty()) {
                error = tr("%1: no thumbnail could be made").arg(request.path);
            }
            // Queued to the GUI thread; the destructor waits for this task.
            QMetaObject::invokeMethod(
                this, [this, generation, id = request.imageId, image, error] { handleResult(generation, id, image, error); },
                Qt::QueuedConnection);
        });
    }
}

void ThumbnailLoader::handleResult(quint64 generation, qint64 imageId, const QImage &image, const QString &error)
{
    --m_running;
    if (generation == m_generation) {
        m_runningIds.remove(imageId);
        if (image.isNull()) {
            m_failed.insert(imageId, error);
        } else {
            auto *pixmap = new QPixmap(QPixmap::fromImage(image));
            const int costKiB = std::max(1, int(qint64(pixmap->width()) * pixmap->height() * 4 / 1024));
            m_pixmaps.insert(imageId, pixmap, costKiB);
        }
        Q_EMIT thumbnailReady(imageId);
    }
    dispatch();
}

}
