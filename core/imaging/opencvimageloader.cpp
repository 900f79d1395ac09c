#include "core/imaging/opencvimageloader.h"

#include "core/io/atomicwrite.h"

#include "core/imaging/imagedecoder.h"
#include "core/ml/feedback.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <thread>

namespace tagwise {

namespace {

// Bump when decoding or resizing changes, so old caches are not mistaken for new ones.
constexpr quint32 CacheVersion = 1;
constexpr char CacheMagic[4] = {'T', 'W', 'D', 'C'};
constexpr qint64 HeaderBytes = 32; // magic, version, size, reserved, count (8), index bytes (8)

/// Identity of an image file: when any of it changes, the cached pixels are stale.
struct FileKey
{
    QString path; ///< absolute
    qint64 size = -1;
    qint64 mtime = 0; ///< milliseconds since the epoch

    bool valid() const { return size >= 0; }
};

FileKey keyOf(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isFile())
        return {info.absoluteFilePath(), -1, 0};
    return {info.absoluteFilePath(), info.size(), info.lastModified().toMSecsSinceEpoch()};
}

/// A cache file mapped into memory, read-only.
class CacheReader
{
public:
    struct Entry
    {
        qint64 size = 0;
        qint64 mtime = 0;
        qint64 ordinal = 0;
    };

    /// Opens \a fileName; on any mismatch or damage the cache counts as empty and \a error says why.
    CacheReader(const QString &fileName, int imageSize, QString *error)
        : m_file(fileName)
        , m_block(qint64(imageSize) * imageSize * 3)
    {
        if (!m_file.exists())
            return;
        const QString why = open(imageSize);
        if (!why.isEmpty()) {
            *error = QStringLiteral("%1: %2; decoding again").arg(QDir::toNativeSeparators(fileName), why);
            m_entries.clear();
            m_pixels = nullptr;
        }
    }

    /// Pixels cached for \a key, or null when there are none or they are stale.
    const uchar *find(const FileKey &key) const
    {
        const auto it = m_entries.constFind(key.path);
        if (it == m_entries.constEnd() || it->size != key.size || it->mtime != key.mtime)
            return nullptr;
        return m_pixels + it->ordinal * m_block;
    }

    const QHash<QString, Entry> &entries() const { return m_entries; }
    const uchar *pixels(const Entry &entry) const { return m_pixels + entry.ordinal * m_block; }

private:

    /// Maps the file and reads its index; returns why it cannot be used, or nothing.
    QString open(int imageSize)
    {
        if (!m_file.open(QIODevice::ReadOnly))
            return m_file.errorString();
        const qint64 total = m_file.size();
        if (total < HeaderBytes)
            return QStringLiteral("too short");
        const uchar *data = m_file.map(0, total);
        if (!data)
            return QStringLiteral("cannot be mapped (%1)").arg(m_file.errorString());
        quint32 version = 0;
        quint32 size = 0;
        qint64 count = 0;
        qint64 indexBytes = 0;
        std::memcpy(&version, data + 4, 4);
        std::memcpy(&size, data + 8, 4);
        std::memcpy(&count, data + 16, 8);
        std::memcpy(&indexBytes, data + 24, 8);
        if (std::memcmp(data, CacheMagic, 4) != 0 || version != CacheVersion || size != quint32(imageSize))
            return QStringLiteral("written by another version");
        if (count < 0 || indexBytes < 0 || count > total || total != HeaderBytes + indexBytes + count * m_block)
            return QStringLiteral("damaged (wrong length)");
        const uchar *p = data + HeaderBytes;
        const uchar *end = p + indexBytes;
        m_entries.reserve(count);
        for (qint64 i = 0; i < count; ++i) {
            Entry entry;
            quint32 pathBytes = 0;
            if (end - p < 20)
                return QStringLiteral("damaged (index)");
            std::memcpy(&entry.size, p, 8);
            std::memcpy(&entry.mtime, p + 8, 8);
            std::memcpy(&pathBytes, p + 16, 4);
            p += 20;
            if (end - p < qint64(pathBytes))
                return QStringLiteral("damaged (index)");
            entry.ordinal = i;
            m_entries.insert(QString::fromUtf8(reinterpret_cast<const char *>(p), pathBytes), entry);
            p += pathBytes;
        }
        if (p != end)
            return QStringLiteral("damaged (index)");
        m_pixels = end;
        return {};
    }

    QFile m_file;
    qint64 m_block;
    const uchar *m_pixels = nullptr;
    QHash<QString, Entry> m_entries;
};

/// One entry of the cache file to write: its key and where its pixels are.
struct OutEntry
{
    FileKey key;
    const uchar *pixels = nullptr;
};

QString writeCache(const QString &fileName, int size, const std::vector<OutEntry> &entries)
{
    QByteArray index;
    for (const OutEntry &entry : entries) {
        const QByteArray path = entry.key.path.toUtf8();
        const quint32 pathBytes = quint32(path.size());
        index.append(reinterpret_cast<const char *>(&entry.key.size), 8);
        index.append(reinterpret_cast<const char *>(&entry.key.mtime), 8);
        index.append(reinterpret_cast<const char *>(&pathBytes), 4);
        index.append(path);
    }
    QByteArray header(HeaderBytes, '\0');
    const quint32 version = CacheVersion;
    const quint32 imageSize = quint32(size);
    const qint64 count = qint64(entries.size());
    const qint64 indexBytes = index.size();
    std::memcpy(header.data(), CacheMagic, 4);
    std::memcpy(header.data() + 4, &version, 4);
    std::memcpy(header.data() + 8, &imageSize, 4);
    std::memcpy(header.data() + 16, &count, 8);
    std::memcpy(header.data() + 24, &indexBytes, 8);

    const qint64 block = qint64(size) * size * 3;
    io::AtomicFile file(fileName);
    bool ok = file.open() && file.write(header) && file.write(index);
    for (auto it = entries.begin(); ok && it != entries.end(); ++it)
        ok = file.write(reinterpret_cast<const char *>(it->pixels), block);
    if (!ok || !file.commit())
        return QStringLiteral("cannot write the image cache: %1").arg(file.error());
    return {};
}

}

OpenCvImageLoader::OpenCvImageLoader(const QString &cacheDir, int threads)
    : m_cacheDir(cacheDir.isEmpty() ? QString() : QDir(cacheDir).absolutePath())
    , m_threads(threads)
{
}

QString OpenCvImageLoader::cacheFile(int size) const
{
    if (m_cacheDir.isEmpty())
        return {};
    return m_cacheDir + QStringLiteral("/decoded-%1.bin").arg(size);
}

OpenCvImageLoader::Stats OpenCvImageLoader::lastStats() const
{
    std::lock_guard lock(m_mutex);
    return m_stats;
}

std::string OpenCvImageLoader::lastProblem() const
{
    std::lock_guard lock(m_mutex);
    return m_stats.cacheWriteError.toStdString();
}

void OpenCvImageLoader::loadAll(const std::vector<std::string> &paths, int size, std::vector<std::uint8_t> &pixels,
                                std::vector<std::string> &errors, ml::Feedback *feedback)
{
    const std::size_t count = paths.size();
    const std::size_t block = std::size_t(size) * std::size_t(size) * 3;
    pixels.assign(count * block, 0);
    errors.assign(count, std::string());
    Stats stats;
    if (feedback)
        feedback->setProgress(0.0, "decoding images");

    const QString cacheName = cacheFile(size);
    QString cacheError;
    const CacheReader cache(cacheName, size, &cacheError);
    stats.cacheError = cacheError;

    std::vector<FileKey> keys(count);
    std::vector<char> fromDisk(count, 0); // 1: decoded now, so the cache must be rewritten
    std::vector<char> done(count, 0);
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> finished{0};
    std::atomic<int> decodedCount{0};
    std::atomic<int> cachedCount{0};
    std::atomic<int> failedCount{0};
    std::mutex waitMutex;
    std::condition_variable allDone;
    const ImageDecoder decoder;

    auto work = [&] {
        while (true) {
            if (feedback && feedback->isCanceled())
                break;
            const std::size_t i = next.fetch_add(1);
            if (i >= count)
                break;
            const QString path = QString::fromStdString(paths[i]);
            keys[i] = keyOf(path);
            std::uint8_t *target = pixels.data() + i * block;
            if (const uchar *cached = keys[i].valid() ? cache.find(keys[i]) : nullptr) {
                std::memcpy(target, cached, block);
                ++cachedCount;
            } else {
                if (m_beforeDecode)
                    m_beforeDecode(i);
                const DecodedImage decoded = decoder.decodeFile(path, size);
                cv::Mat rgb;
                QString error = decoded.error;
                if (decoded.ok()) {
                    try {
                        cv::cvtColor(ImageDecoder::resizeSquare(decoded.image, size), rgb, cv::COLOR_BGR2RGB);
                    } catch (const cv::Exception &e) {
                        error = QStringLiteral("%1: cannot be resized (%2)")
                                    .arg(QDir::toNativeSeparators(path), QString::fromStdString(e.err));
                    }
                }
                if (error.isEmpty()) {
                    for (int row = 0; row < size; ++row)
                        std::memcpy(target + std::size_t(row) * size * 3, rgb.ptr(row), std::size_t(size) * 3);
                    fromDisk[i] = 1;
                    ++decodedCount;
                } else {
                    errors[i] = error.toStdString();
                    ++failedCount;
                }
            }
            done[i] = 1;
            if (finished.fetch_add(1) + 1 == count) {
                std::lock_guard lock(waitMutex);
                allDone.notify_all();
            }
        }
    };

    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t threadCount = std::min<std::size_t>(m_threads > 0 ? std::size_t(m_threads) : cores,
                                                          std::max<std::size_t>(count, 1));
    std::vector<std::jthread> workers;
    workers.reserve(threadCount);
    for (std::size_t t = 0; t < threadCount; ++t)
        workers.emplace_back(work);
    // Progress is reported from this thread, so the callback never runs on a worker.
    {
        std::unique_lock lock(waitMutex);
        while (finished.load() < count && !(feedback && feedback->isCanceled())) {
            allDone.wait_for(lock, std::chrono::milliseconds(100));
            if (feedback && count > 0)
                feedback->setProgress(double(finished.load()) / double(count), "decoding images");
        }
    }
    workers.clear(); // joins

    stats.decoded = decodedCount.load();
    stats.fromCache = cachedCount.load();
    stats.failed = failedCount.load();
    const bool canceled = finished.load() < count;
    if (canceled) {
        for (std::size_t i = 0; i < count; ++i) {
            if (!done[i])
                errors[i] = QStringLiteral("%1: canceled")
                                .arg(QDir::toNativeSeparators(QString::fromStdString(paths[i])))
                                .toStdString();
        }
    }

    // Rewrite the cache when something was decoded or an entry went stale. Skipped
    // on cancellation: whoever cancels wants control back now.
    if (!cacheName.isEmpty() && !canceled) {
        std::vector<OutEntry> out;
        QHash<QString, int> requested;
        bool changed = false;
        for (std::size_t i = 0; i < count; ++i) {
            if (!errors[i].empty() || requested.contains(keys[i].path))
                continue;
            requested.insert(keys[i].path, int(out.size()));
            out.push_back({keys[i], pixels.data() + i * block});
            changed = changed || fromDisk[i];
        }
        for (auto it = cache.entries().constBegin(); it != cache.entries().constEnd(); ++it) {
            if (requested.contains(it.key()))
                continue; // replaced by this run's pixels, or failed now: dropped
            const FileKey key = keyOf(it.key());
            if (key.valid() && key.size == it->size && key.mtime == it->mtime)
                out.push_back({key, cache.pixels(*it)});
            else
                changed = true; // the file is gone or changed: forget it
        }
        for (std::size_t i = 0; i < count && !changed; ++i)
            changed = !errors[i].empty() && cache.entries().contains(keys[i].path);
        if (changed || !cacheError.isEmpty()) {
            QDir().mkpath(m_cacheDir);
            const QString writeError = writeCache(cacheName, size, out);
            stats.cacheWritten = writeError.isEmpty();
            if (!writeError.isEmpty()) {
                stats.cacheError = writeError;
                stats.cacheWriteError = writeError + QStringLiteral("; the images will be decoded again next time");
            }
        }
    }
    {
        std::lock_guard lock(m_mutex);
        m_stats = stats;
    }
    if (feedback && !canceled)
        feedback->setProgress(1.0, "decoding images");
}

}
