#pragma once
// Screenshots of GUI tests: TAGWISE_SCREENSHOT_DIR=DIR saves them as DIR/<name>.png;
// with TAGWISE_SCREENSHOT_LOCALE=zh_CN (or de) the widgets made after
// useScreenshotLocale() speak that language.

#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <QPixmap>
#include <QString>
#include <QTranslator>
#include <QWidget>

namespace tagwise::test {

inline void useScreenshotLocale()
{
    const QString name = qEnvironmentVariable("TAGWISE_SCREENSHOT_LOCALE");
    if (name.isEmpty())
        return;
    static QTranslator translator;
    if (translator.load(QStringLiteral(":/i18n/tagwise_%1.qm").arg(name)))
        QCoreApplication::installTranslator(&translator);
    QLocale::setDefault(QLocale(name));
}

inline void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("TAGWISE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    const QString locale = qEnvironmentVariable("TAGWISE_SCREENSHOT_LOCALE");
    widget->grab().save(QDir(dir).filePath(name + (locale.isEmpty() ? QString() : QLatin1Char('-') + locale)
                                           + QStringLiteral(".png")));
}

}
