#include "core/cli/cli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tagwise-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Tagwise"));
    return tagwise::cli::run(QCoreApplication::arguments());
}
