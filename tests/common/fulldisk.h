#pragma once

// A folder on a full disk, for tests of what happens when a write fails.
//
// As root (CI runs so) it is a small tmpfs mounted in a temporary folder and
// filled up, so writes fail with "No space left on device" as on a real full
// disk. Elsewhere the process's file-size limit (RLIMIT_FSIZE) is lowered
// instead, so writes past a few bytes fail with "File too large": a real
// failure of write() too, but for every file of the process while it lasts.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <csignal>

#include <sys/mount.h>
#include <sys/resource.h>
#include <unistd.h>

namespace tagwise::test {

class FullDisk final
{
public:
    /// A folder on a disk with room, until fill().
    FullDisk()
    {
        m_path = m_dir.filePath(QStringLiteral("full"));
        QDir().mkpath(m_path);
        m_mounted = ::geteuid() == 0
                    && ::mount("tmpfs", QFile::encodeName(m_path).constData(), "tmpfs", 0, "size=512k") == 0;
    }

    /// Fills the disk: \a room bytes stay free (tmpfs) or may be written per file (file-size limit).
    void fill(qint64 room = 0)
    {
        if (m_mounted) {
            QFile filler(m_path + QStringLiteral("/.filler"));
            if (filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
                const QByteArray block(4096, 'x');
                while (filler.write(block) == block.size()) {
                }
                filler.close();
                filler.resize(qMax<qint64>(0, filler.size() - room));
            }
            return;
        }
        // Writes past the limit fail with EFBIG instead of killing the process.
        std::signal(SIGXFSZ, SIG_IGN);
        ::getrlimit(RLIMIT_FSIZE, &m_saved);
        rlimit limited = m_saved;
        limited.rlim_cur = rlim_t(qMax<qint64>(room, 1));
        m_limited = ::setrlimit(RLIMIT_FSIZE, &limited) == 0;
    }

    ~FullDisk()
    {
        if (m_mounted)
            ::umount2(QFile::encodeName(m_path).constData(), MNT_DETACH);
        if (m_limited)
            ::setrlimit(RLIMIT_FSIZE, &m_saved);
    }

    FullDisk(const FullDisk &) = delete;
    FullDisk &operator=(const FullDisk &) = delete;

    /// A folder to write into (on the full tmpfs, or anywhere under the limit).
    QString path() const { return m_path; }
    bool isFull() const { return m_mounted || m_limited; }
    /// The words the system uses for the failure.
    QString reason() const { return m_mounted ? QStringLiteral("No space left on device") : QStringLiteral("File too large"); }
    /// Lifts the limit early (the tmpfs stays full).
    void release()
    {
        if (m_limited)
            ::setrlimit(RLIMIT_FSIZE, &m_saved);
        m_limited = false;
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    bool m_mounted = false;
    bool m_limited = false;
    rlimit m_saved{};
};

}
