#pragma once

#include <QString>
#include <QStringList>

namespace tagwise::formats {

/**
 * Reads a CSV file the RFC 4180 way: comma separated, fields in double quotes
 * may hold commas, line breaks and doubled quotes (""). A UTF-8 byte order
 * mark and CRLF line ends are accepted; lines that are entirely empty are
 * skipped. The whole file is read (and checked to be UTF-8) by the constructor.
 *
 * Errors throw ProjectError as "<file>:<line>: <reason>".
 */
class CsvReader final
{
public:
    explicit CsvReader(const QString &fileName);

    /// Reads the next record into \a fields; false at the end of the file.
    bool next(QStringList &fields);
    /// The line (1-based) where the record last returned by next() starts.
    int line() const { return m_recordLine; }
    QString fileName() const { return m_fileName; }

    /// Throws ProjectError "<file>:<line()>: <reason>".
    [[noreturn]] void fail(const QString &reason) const;
    /// "<file>:<line()>: <reason>", for problems that do not stop the import.
    QString problem(const QString &reason) const;

private:
    QString m_fileName;
    QString m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
    int m_recordLine = 0;
};

/// One CSV record (without the line end), quoting the fields that need it.
QString csvRecord(const QStringList &fields);

/// \a text cut to its first \a length characters (and "…"), for quoting in messages.
QString excerpt(const QString &text, qsizetype length = 80);

}
