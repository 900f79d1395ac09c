#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

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
 * every command wants: no repeated option, no stray argument unless allowed,
 * and numbers in range. Usage problems throw UsageError; a value that is not
 * a valid number throws ProjectError naming the option and the value.
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
    QStringList m_names;
};

/// Writes "tagwise-cli COMMAND: MESSAGE" and the usage line to \a err; returns ExitUsage.
int reportUsageError(QTextStream &err, const char *command, const QString &message, const char *usage);

}
