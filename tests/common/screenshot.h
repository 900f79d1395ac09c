#pragma once
// Screenshots of GUI tests: TAGWISE_SCREENSHOT_DIR=DIR saves them as DIR/<name>.png.

#include <QDir>
#include <QPixmap>
#include <QString>
#include <QWidget>

namespace tagwise::test {

inline void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("TAGWISE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

}
