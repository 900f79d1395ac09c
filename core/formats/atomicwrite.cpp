#include "core/formats/atomicwrite.h"

#include "core/project/projecterror.h"

#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QSaveFile>

namespace tagwise::formats {

void writeFileAtomically(const QString &fileName, const QByteArray &contents)
{
    // A pipe or a device cannot be replaced by renaming; it is written as it is.
    const QFileInfo info(fileName);
    if (info.exists() && !info.isFile() && !info.isDir()) {
        QFile device(fileName);
        if (!device.open(QIODevice::WriteOnly) || device.write(contents) != contents.size() || !device.flush())
            throw ProjectError(QObject::tr("%1: cannot write: %2").arg(fileName, device.errorString()));
        return;
    }
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly))
        throw ProjectError(QObject::tr("%1: cannot write: %2").arg(fileName, file.errorString()));
    if (file.write(contents) != contents.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        throw ProjectError(QObject::tr("%1: cannot write: %2").arg(fileName, reason));
    }
    if (!file.commit())
        throw ProjectError(QObject::tr("%1: cannot save: %2").arg(fileName, file.errorString()));
}

}
