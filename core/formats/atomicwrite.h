#pragma once

#include <QByteArray>
#include <QString>

namespace tagwise::formats {

/// Writes \a contents to \a fileName atomically (QSaveFile): on failure the
/// old file is left as it was and ProjectError names the file and the reason.
/// A pipe or a device (e.g. /dev/stdout on a terminal) is written directly.
void writeFileAtomically(const QString &fileName, const QByteArray &contents);

}
