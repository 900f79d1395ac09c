#include "core/cli/cli.h"

#include "core/cli/commands.h"

#include <QTextStream>

#include <cstdio>

namespace tagwise::cli {

namespace {

void printUsage(QTextStream &stream)
{
    stream << "usage: tagwise-cli COMMAND [OPTIONS]\n\ncommands:\n";
    for (const Command &command : commands())
        stream << "  " << command.synopsis << '\n';
}

}

int run(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.size() < 2 || args.at(1) == QLatin1String("--help") || args.at(1) == QLatin1String("-h")) {
        printUsage(args.size() < 2 ? err : out);
        return args.size() < 2 ? ExitUsage : ExitOk;
    }
    const QString name = args.at(1);
    for (const Command &command : commands()) {
        if (name == QLatin1String(command.name)) {
            const int code = command.function(args.mid(2), out, err);
            out.flush();
            err.flush();
            return code;
        }
    }
    err << "tagwise-cli: unknown command '" << name << "'\n";
    printUsage(err);
    return ExitUsage;
}

int run(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    return run(args, out, err);
}

}
