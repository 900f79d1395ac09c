#include "core/cli/options.h"

#include "core/cli/commands.h"
#include "core/imaging/imagingerror.h"
#include "core/ml/mlerror.h"
#include "core/project/projecterror.h"

#include <QTextStream>

#include <cmath>
#include <limits>

namespace tagwise::cli {

UsageError::UsageError(const QString &message)
    : std::runtime_error(message.toStdString())
    , m_message(message)
{
}

Options::Options(const QStringList &valueOptions, const QStringList &flags)
{
    for (const QString &name : valueOptions)
        m_parser.addOption(QCommandLineOption(name, QString(), QStringLiteral("value")));
    for (const QString &name : flags)
        m_parser.addOption(QCommandLineOption(name));
    m_valueNames = valueOptions;
    m_names = valueOptions + flags;
}

void Options::parse(const QStringList &args, bool allowPositional)
{
    // QCommandLineParser skips the first argument as the program name.
    if (!m_parser.parse(QStringList{QStringLiteral("tagwise-cli")} + args))
        throw UsageError(m_parser.errorText());
    for (const QString &name : m_parser.optionNames()) {
        // A flag given twice says the same thing twice; a value given twice is ambiguous.
        if (m_valueNames.contains(name) && m_parser.values(name).size() > 1)
            throw UsageError(QStringLiteral("--%1 given more than once").arg(name));
        // "--out --epochs 3" means a forgotten value, not a folder named "--epochs".
        if (m_valueNames.contains(name) && m_parser.value(name).startsWith(QLatin1String("--")))
            throw UsageError(QStringLiteral("--%1 needs a value, not the option '%2'").arg(name, m_parser.value(name)));
    }
    if (!allowPositional && !m_parser.positionalArguments().isEmpty())
        throw UsageError(QStringLiteral("unexpected argument '%1'").arg(m_parser.positionalArguments().first()));
}

bool Options::isSet(const QString &name) const
{
    return m_parser.isSet(name);
}

QString Options::value(const QString &name) const
{
    return m_parser.value(name);
}

QString Options::required(const QString &name) const
{
    if (!m_parser.isSet(name) || m_parser.value(name).isEmpty())
        throw UsageError(QStringLiteral("--%1 is required").arg(name));
    return m_parser.value(name);
}

QStringList Options::positional() const
{
    return m_parser.positionalArguments();
}

QString Options::oneOf(const QStringList &names) const
{
    QString found;
    for (const QString &name : names) {
        if (!m_parser.isSet(name))
            continue;
        if (!found.isEmpty())
            throw UsageError(QStringLiteral("give only one of --%1").arg(names.join(QLatin1String(", --"))));
        found = name;
    }
    if (found.isEmpty())
        throw UsageError(QStringLiteral("one of --%1 is required").arg(names.join(QLatin1String(", --"))));
    return found;
}

int Options::integer(const QString &name, int fallback, int min, int max) const
{
    if (!m_parser.isSet(name))
        return fallback;
    bool ok = false;
    const QString text = m_parser.value(name);
    const int value = text.toInt(&ok);
    if (!ok || value < min || value > max)
        throw UsageError(QStringLiteral("--%1: '%2' is not a whole number from %3 to %4").arg(name, text).arg(min).arg(max));
    return value;
}

quint64 Options::unsignedInteger(const QString &name, quint64 fallback) const
{
    if (!m_parser.isSet(name))
        return fallback;
    bool ok = false;
    const QString text = m_parser.value(name);
    const quint64 value = text.toULongLong(&ok);
    if (!ok)
        throw UsageError(QStringLiteral("--%1: '%2' is not a whole number from 0 to %3")
                               .arg(name, text)
                               .arg(std::numeric_limits<quint64>::max()));
    return value;
}

double Options::number(const QString &name, double fallback, double min, double max) const
{
    if (!m_parser.isSet(name))
        return fallback;
    bool ok = false;
    const QString text = m_parser.value(name);
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < min || value > max)
        throw UsageError(QStringLiteral("--%1: '%2' is not a number from %3 to %4").arg(name, text).arg(min).arg(max));
    return value;
}

QString Options::choice(const QString &name, const QString &fallback, const QStringList &choices) const
{
    if (!m_parser.isSet(name))
        return fallback;
    const QString text = m_parser.value(name);
    if (!choices.contains(text))
        throw UsageError(QStringLiteral("--%1: '%2' is not one of %3").arg(name, text, choices.join(QLatin1String(", "))));
    return text;
}

QStringList Options::given() const
{
    QStringList names;
    for (const QString &name : m_names) {
        if (m_parser.isSet(name))
            names << name;
    }
    return names;
}

int reportUsageError(QTextStream &err, const char *command, const QString &message, const char *usage)
{
    err << "tagwise-cli " << command << ": " << message << '\n' << usage;
    return ExitUsage;
}

int runCommand(const char *command, const char *usage, QTextStream &err, const std::function<int()> &body)
{
    QString message;
    try {
        return body();
    } catch (const UsageError &error) {
        return reportUsageError(err, command, error.message(), usage);
    } catch (const ProjectError &error) {
        message = error.message();
    } catch (const ImagingError &error) {
        message = error.message();
    } catch (const std::exception &error) {
        message = QString::fromStdString(ml::describeError(error));
    }
    err << "tagwise-cli " << command << ": " << message << '\n';
    return ExitFailure;
}

}
