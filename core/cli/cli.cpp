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

// Every command answers a call without its required options with its full
// usage text; --help shows that text on stdout instead of as an error.
void printCommandUsage(const Command &command, QTextStream &out)
{
    QString text;
    QTextStream capture(&text);
    command.function({}, capture, capture);
    capture.flush();
    const qsizetype at = text.indexOf(QLatin1String("usage:"));
    if (at >= 0)
        out << text.mid(at);
    else
        out << "usage: tagwise-cli " << command.synopsis << '\n';
}

}

int run(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.size() < 2 || args.at(1) == QLatin1String("--help") || args.at(1) == QLatin1String("-h")) {
        printUsage(args.size() < 2 ? err : out);
        return args.size() < 2 ? ExitUsage : ExitOk;
    }
    // Bytes that are not UTF-8 (a file name from another system) reach Qt as
    // U+FFFD, and the name no longer leads to the file.
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args.at(i).contains(QChar::ReplacementCharacter)) {
            err << "tagwise-cli: argument " << i << " (\"" << args.at(i)
                << "\") is not valid UTF-8; rename the file or folder it names\n";
            return ExitUsage;
        }
    }
    const QString name = args.at(1);
    for (const Command &command : commands()) {
        if (name == QLatin1String(command.name)) {
            const QStringList rest = args.mid(2);
            if (rest.contains(QLatin1String("--help")) || rest.contains(QLatin1String("-h"))) {
                printCommandUsage(command, out);
                return ExitOk;
            }
            const int code = command.function(rest, out, err);
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
