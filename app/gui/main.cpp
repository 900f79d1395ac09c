#include "ui/mainwindow.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Tagwise"));
    QApplication::setOrganizationName(QStringLiteral("Tagwise"));
    QApplication::setApplicationVersion(QStringLiteral(TAGWISE_VERSION));
    // Matches resources/tagwise.desktop, so desktops show the right icon and name.
    QApplication::setDesktopFileName(QStringLiteral("tagwise"));

    // Follow the system locale: Qt's own strings, then ours.
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("tagwise"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        app.installTranslator(&translator);

    tagwise::MainWindow window;
    window.show();
    const QStringList args = app.arguments();
    if (args.size() > 1)
        window.openProject(args.at(1));
    return app.exec();
}
