#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <functional>
#include <stdexcept>

class QTextStream;

namespace tagwise::cli {

/// A command line that does not follow the synopsis (exit 2).
class UsageError final : public std::runtime_error
{
public:
    explicit UsageError(const QString &message);
    QString message() const { return m_message; }

private:
    QString m_message;
};

/**
 * The options of one command, parsed with QCommandLineParser, with the checks
 * every command wants: no option with a value given twice, no stray argument
 * unless allowed, numbers in range and choices from a list. Every problem
 * throws UsageError naming the option and, where there is one, the value.
 */
class Options final
{
public:
    /// \a valueOptions take a value ("--epochs 3" or "--epochs=3"); \a flags do not.
    Options(const QStringList &valueOptions, const QStringList &flags);

    /// Parses \a args (the arguments after the command name); throws UsageError.
    void parse(const QStringList &args, bool allowPositional = false);

    bool isSet(const QString &name) const;
    QString value(const QString &name) const;
    /// The value of a required option; throws UsageError when it is missing.
    QString required(const QString &name) const;
    QStringList positional() const;
    /// The one option of \a names that was given; throws UsageError when none or several were.
    QString oneOf(const QStringList &names) const;

    /// \a fallback when absent; else the value, which must be a whole number in [min, max].
    int integer(const QString &name, int fallback, int min, int max) const;
    /// The same for a 64-bit unsigned value (seeds).
    quint64 unsignedInteger(const QString &name, quint64 fallback) const;
    /// \a fallback when absent; else a finite number in [min, max].
    double number(const QString &name, double fallback, double min, double max) const;
    /// \a fallback when absent; else one of \a choices.
    QString choice(const QString &name, const QString &fallback, const QStringList &choices) const;

    /// The options that were given, for "X does not go with Y" checks.
    QStringList given() const;

private:
    QCommandLineParser m_parser;
    QStringList m_valueNames;
    QStringList m_names;
};

/// Writes "tagwise-cli COMMAND: MESSAGE" and the usage line to \a err; returns ExitUsage.
int reportUsageError(QTextStream &err, const char *command, const QString &message, const char *usage);

/**
 * Runs the \a body of \a command and returns its exit code; what it throws
 * becomes the tool's report on \a err: a UsageError "tagwise-cli COMMAND:
 * MESSAGE" and \a usage (ExitUsage), any other error "tagwise-cli COMMAND:
 * MESSAGE" (ExitFailure).
 */
int runCommand(const char *command, const char *usage, QTextStream &err, const std::function<int()> &body);

}
