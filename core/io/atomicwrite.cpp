#include "core/io/atomicwrite.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace tagwise::io {

AtomicFile::AtomicFile(const QString &fileName, Sync sync)
    : m_fileName(fileName)
    , m_sync(sync)
{
}

AtomicFile::~AtomicFile()
{
    cancel();
}

bool AtomicFile::fail(const QString &what, const QString &reason)
{
    m_error = QStringLiteral("%1: %2: %3").arg(QDir::toNativeSeparators(m_fileName), what, reason);
    cancel();
    return false;
}

bool AtomicFile::open()
{
    m_error.clear();
    // A pipe or a device cannot be replaced by renaming; it is written as it is.
    const QFileInfo info(m_fileName);
    if (info.exists() && !info.isFile() && !info.isDir()) {
        m_device = std::make_unique<QFile>(m_fileName);
        if (!m_device->open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            return fail(QStringLiteral("cannot write"), m_device->errorString());
        return true;
    }
    if (info.isDir())
        return fail(QStringLiteral("cannot write"), QStringLiteral("is a folder"));
    m_save = std::make_unique<QSaveFile>(m_fileName);
    if (!m_save->open(QIODevice::WriteOnly))
        return fail(QStringLiteral("cannot write"), m_save->errorString());
    return true;
}

bool AtomicFile::write(const char *data, qint64 size)
{
    QFileDevice *file = m_save ? static_cast<QFileDevice *>(m_save.get()) : m_device.get();
    if (!file)
        return fail(QStringLiteral("cannot write"), QStringLiteral("not open"));
    if (file->write(data, size) != size)
        return fail(QStringLiteral("cannot write"), file->errorString());
    return true;
}

bool AtomicFile::commit()
{
    if (m_device) {
        const bool ok = m_device->flush();
        const QString reason = m_device->errorString();
        m_device.reset();
        return ok ? true : fail(QStringLiteral("cannot write"), reason);
    }
    if (!m_save)
        return fail(QStringLiteral("cannot save"), QStringLiteral("not open"));
    if (!m_save->flush() || m_save->error() != QFileDevice::NoError)
        return fail(QStringLiteral("cannot write"), m_save->errorString());
    // The kernel may still report a full disk (or an I/O error) when the data
    // goes to disk: ask it now, while the old file can still be kept.
    if (m_sync == Sync::Yes && ::fsync(m_save->handle()) != 0) {
        const int error = errno;
        if (error != EINVAL && error != EROFS) // not syncable (a special file system): nothing to learn
            return fail(QStringLiteral("cannot write"), QString::fromLocal8Bit(std::strerror(error)));
    }
    if (!m_save->commit()) {
        const QString reason = m_save->errorString();
        m_save.reset();
        return fail(QStringLiteral("cannot save"), reason);
    }
    m_save.reset();
    if (m_sync == Sync::No)
        return true;
    // The rename lives in the folder: sync that too, or a power cut may undo it.
    const QByteArray folder = QFile::encodeName(QFileInfo(m_fileName).absolutePath());
    const int dir = ::open(folder.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return true;
}

void AtomicFile::cancel()
{
    if (m_save) {
        m_save->cancelWriting();
        m_save.reset(); // QSaveFile's destructor removes the temporary file
    }
    m_device.reset();
}

QString writeFileAtomically(const QString &fileName, const QByteArray &contents)
{
    AtomicFile file(fileName);
    if (file.open() && file.write(contents) && file.commit())
        return {};
    return file.error();
}

}
