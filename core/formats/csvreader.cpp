#include "core/formats/csvreader.h"

#include "core/project/projecterror.h"

#include <QFile>
#include <QObject>
#include <QStringDecoder>

namespace tagwise::formats {

namespace {

// The line of the first byte sequence that is not UTF-8, for the error message.
int firstBadUtf8Line(const QByteArray &bytes)
{
    const QList<QByteArray> lines = bytes.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString ignored = decoder.decode(lines.at(i));
        if (decoder.hasError())
            return int(i) + 1;
    }
    return 1;
}

}

CsvReader::CsvReader(const QString &fileName)
    : m_fileName(fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        throw ProjectError(QObject::tr("%1: cannot open: %2").arg(fileName, file.errorString()));
    QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        throw ProjectError(QObject::tr("%1: cannot read: %2").arg(fileName, file.errorString()));
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    m_text = decoder.decode(bytes);
    if (decoder.hasError())
        throw ProjectError(QObject::tr("%1:%2: not valid UTF-8 text (save the file as UTF-8)")
                               .arg(fileName)
                               .arg(firstBadUtf8Line(bytes)));
    // Lines ended by a carriage return alone (old Mac files): make them lines.
    if (m_text.contains(QLatin1Char('\r')) && !m_text.contains(QLatin1Char('\n')))
        m_text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
}

bool CsvReader::next(QStringList &fields)
{
    fields.clear();
    const qsizetype size = m_text.size();
    // Skip empty lines (a trailing line end, blank lines between records).
    while (m_pos < size && (m_text.at(m_pos) == QLatin1Char('\n') || m_text.at(m_pos) == QLatin1Char('\r'))) {
        if (m_text.at(m_pos) == QLatin1Char('\n'))
            ++m_line;
        ++m_pos;
    }
    if (m_pos >= size)
        return false;

    m_recordLine = m_line;
    QString field;
    while (true) {
        if (m_pos < size && m_text.at(m_pos) == QLatin1Char('"')) {
            ++m_pos;
            const int quoteLine = m_line;
            while (true) {
                if (m_pos >= size) {
                    m_recordLine = quoteLine;
                    fail(QObject::tr("unterminated quoted field"));
                }
                const QChar c = m_text.at(m_pos++);
                if (c == QLatin1Char('"')) {
                    if (m_pos < size && m_text.at(m_pos) == QLatin1Char('"')) {
                        field.append(QLatin1Char('"'));
                        ++m_pos;
                        continue;
                    }
                    break;
                }
                if (c == QLatin1Char('\n'))
                    ++m_line;
                field.append(c);
            }
            // After a closing quote only a separator or the line end may follow.
            if (m_pos < size && m_text.at(m_pos) != QLatin1Char(',') && m_text.at(m_pos) != QLatin1Char('\n')
                && !(m_text.at(m_pos) == QLatin1Char('\r')
                     && (m_pos + 1 >= size || m_text.at(m_pos + 1) == QLatin1Char('\n')))) {
                fail(QObject::tr("unexpected text after a closing quote"));
            }
        } else {
            const qsizetype start = m_pos;
            while (m_pos < size && m_text.at(m_pos) != QLatin1Char(',') && m_text.at(m_pos) != QLatin1Char('\n'))
                ++m_pos;
            qsizetype end = m_pos;
            if (end > start && m_text.at(end - 1) == QLatin1Char('\r') && (m_pos >= size || m_text.at(m_pos) == QLatin1Char('\n')))
                --end;
            field = m_text.mid(start, end - start);
        }
        fields.append(field);
        field.clear();
        if (m_pos >= size)
            return true;
        const QChar c = m_text.at(m_pos++);
        if (c == QLatin1Char(','))
            continue;
        if (c == QLatin1Char('\r')) {
            if (m_pos < size && m_text.at(m_pos) == QLatin1Char('\n'))
                ++m_pos;
        }
        ++m_line;
        return true;
    }
}

void CsvReader::fail(const QString &reason) const
{
    throw ProjectError(problem(reason));
}

QString CsvReader::problem(const QString &reason) const
{
    return QStringLiteral("%1:%2: %3").arg(m_fileName).arg(m_recordLine).arg(reason);
}

QString excerpt(const QString &text, qsizetype length)
{
    return text.size() <= length ? text : text.left(length) + QStringLiteral("…");
}

QString csvRecord(const QStringList &fields)
{
    // A lone empty field would make an empty line, which readers skip.
    if (fields.size() == 1 && fields.first().isEmpty())
        return QStringLiteral("\"\"");
    QString line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line.append(QLatin1Char(','));
        const QString &field = fields.at(i);
        const bool quote = field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"'))
                           || field.contains(QLatin1Char('\n')) || field.contains(QLatin1Char('\r'))
                           || (!field.isEmpty() && (field.front().isSpace() || field.back().isSpace()));
        if (quote) {
            QString escaped = field;
            escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
            line.append(QLatin1Char('"') + escaped + QLatin1Char('"'));
        } else {
            line.append(field);
        }
    }
    return line;
}

}
