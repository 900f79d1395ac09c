#pragma once

#include <QStringList>

class QTextStream;

namespace tagwise::cli {

/// One tagwise-cli command: \a args are the arguments after the command name.
using CommandFunction = int (*)(const QStringList &args, QTextStream &out, QTextStream &err);

struct Command
{
    const char *name;
    const char *synopsis;
    CommandFunction function;
};

/// Exit codes shared by every command.
enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

/// Every command of the tool, in the order the usage text lists them.
QList<Command> commands();

}
