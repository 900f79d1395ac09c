#pragma once

#include "core/cli/cli.h"

#include <QStringList>
#include <QTextStream>

namespace tagwise::test {

/// What one in-process tagwise-cli call returned and printed.
struct CliResult
{
    int code = -1;
    QString out;
    QString err;
};

/// Runs tagwise-cli with \a args (without the program name) in this process.
inline CliResult runCli(const QStringList &args)
{
    CliResult result;
    QTextStream out(&result.out);
    QTextStream err(&result.err);
    result.code = cli::run(QStringList{QStringLiteral("tagwise-cli")} + args, out, err);
    out.flush();
    err.flush();
    return result;
}

}
