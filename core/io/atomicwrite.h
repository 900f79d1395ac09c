#pragma once

#include <QByteArray>
#include <QFile>
#include <QSaveFile>
#include <QString>

#include <memory>

namespace tagwise::io {

/**
 * A file written whole or not at all: the bytes go to a temporary file
 * beside the target (QSaveFile), which replaces the target only once every
 * byte is on disk. A pipe or a device (/dev/stdout) is written directly.
 *
 * QSaveFile alone is not enough: when the bytes fit in Qt's write buffer,
 * commit() reports success on a full disk (the error only shows in
 * error()), and it ignores a failing fsync. Here the buffer is flushed and
 * the file synced, and each step checked, before the rename; on any failure
 * the old file is left as it was.
 *
 * Errors are returned as "<file>: <what>: <reason>" (the system's words, e.g.
 * "No space left on device"), for the caller to raise in its own error type.
 */
class AtomicFile final
{
public:
    /// Whether commit() waits for the bytes to reach the disk (fsync) before the rename.
    enum class Sync {
        Yes, ///< survives a power cut; what anything a user keeps needs
        No,  ///< for caches, which are made again when lost (still whole or absent)
    };

    explicit AtomicFile(const QString &fileName, Sync sync = Sync::Yes);
    ~AtomicFile();
    AtomicFile(const AtomicFile &) = delete;
    AtomicFile &operator=(const AtomicFile &) = delete;

    /// Creates the temporary file; false (see error()) when it cannot.
    bool open();
    /// Appends \a size bytes; false on failure (the file is then abandoned).
    bool write(const char *data, qint64 size);
    bool write(const QByteArray &bytes) { return write(bytes.constData(), bytes.size()); }
    /// Flushes, syncs and renames over the target; false on failure.
    bool commit();
    /// Removes the temporary file; the target stays as it was.
    void cancel();

    QString error() const { return m_error; }

private:
    bool fail(const QString &what, const QString &reason);

    QString m_fileName;
    Sync m_sync;
    std::unique_ptr<QSaveFile> m_save;
    std::unique_ptr<QFile> m_device; // pipes and devices
    QString m_error;
};

/// AtomicFile in one call: an empty string on success, else the error.
QString writeFileAtomically(const QString &fileName, const QByteArray &contents);

}
