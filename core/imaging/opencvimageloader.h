#pragma once

#include "core/ml/imageloader.h"

#include <QString>

#include <functional>
#include <mutex>

namespace tagwise {

/**
 * The engine's image loader: decodes with ImageDecoder on worker threads,
 * stretches to the training size, and keeps the result in a disk cache so that
 * the next run on the same images reads pixels instead of decoding again.
 *
 * The cache is one file per training size, `<cacheDir>/decoded-<size>.bin`,
 * holding an index of (absolute path, file size, modification time) and the
 * pixels of each image. An entry is used only when the file's size and time
 * still match, so a changed or added file is decoded again on its own. Images
 * of earlier runs that are not requested now stay in the file while their
 * files exist unchanged (another split or data set may ask for them). Failed
 * images are never cached. The file is rewritten atomically (QSaveFile)
 * whenever something new was decoded or an entry went stale.
 */
class OpenCvImageLoader final : public ml::ImageLoader
{
public:
    /// What the last loadAll() did.
    struct Stats
    {
        int decoded = 0;   ///< images decoded from their files
        int fromCache = 0; ///< images read from the disk cache
        int failed = 0;    ///< images with an error (pixels left zero)
        bool cacheWritten = false;
        QString cacheError; ///< why the cache could not be read or written (not fatal)
        QString cacheWriteError; ///< why it could not be written, if it could not
    };

    /// \a cacheDir: where the decoded cache lives; empty for no cache.
    /// \a threads: decoding threads; 0 for one per core.
    explicit OpenCvImageLoader(const QString &cacheDir = QString(), int threads = 0);

    void loadAll(const std::vector<std::string> &paths, int size, std::vector<std::uint8_t> &pixels,
                 std::vector<std::string> &errors, ml::Feedback *feedback) override;

    /// The cache file used for images of \a size (whether it exists or not); empty without a cache.
    QString cacheFile(int size) const;

    Stats lastStats() const;

    /// Called on a worker just before image \a index is decoded from its file
    /// (not for images from the cache). For tests that act mid-run; null by default.
    void setDecodeObserver(std::function<void(std::size_t index)> observer) { m_beforeDecode = std::move(observer); }
    /// The cache write failure of the last loadAll(), if any ("<file>: cannot write the image cache (...)").
    std::string lastProblem() const override;

private:
    QString m_cacheDir;
    int m_threads;
    mutable std::mutex m_mutex;
    Stats m_stats;
    std::function<void(std::size_t)> m_beforeDecode;
};

}
