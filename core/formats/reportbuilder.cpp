#include "core/formats/reportbuilder.h"

#include <QObject>
#include <QRegularExpression>

namespace tagwise::formats {

ReportBuilder::ReportBuilder(const QString &sourceName)
    : m_source(sourceName)
{
}

QString ReportBuilder::tagName(const QString &raw)
{
    const QString trimmed = raw.trimmed();
    const auto known = m_renamed.constFind(trimmed);
    if (known != m_renamed.cend())
        return known.value();
    static const QRegularExpression invalid(QStringLiteral("[\\s,]+"));
    QString name = trimmed;
    name.replace(invalid, QStringLiteral("_"));
    if (name != trimmed)
        m_report.problems.append(QObject::tr("%1: tag \"%2\" renamed to \"%3\" (a tag name cannot contain spaces or commas)")
                                     .arg(m_source, trimmed, name));
    m_renamed.insert(trimmed, name);
    return name;
}

void ReportBuilder::addRow(const QString &path, const QStringList &tags)
{
    // A NUL or another control character in a tag: SQLite would cut the name
    // short and a CSV export would carry the byte. Such a row is refused.
    for (const QString &raw : tags) {
        for (const QChar c : raw) {
            if (c.category() == QChar::Other_Control && !c.isSpace()) {
                QString shown;
                for (const QChar d : raw)
                    shown += d.category() == QChar::Other_Control ? QStringLiteral("\\u%1").arg(d.unicode(), 4, 16, QLatin1Char('0'))
                                                                 : QString(d);
                m_report.problems.append(QObject::tr("%1: %2: not imported: tag \"%3\" holds a control character")
                                             .arg(m_source, path, shown));
                return;
            }
        }
    }
    QStringList names;
    for (const QString &raw : tags) {
        const QString name = tagName(raw);
        if (!name.isEmpty() && !names.contains(name))
            names.append(name);
    }
    const auto existing = m_rowOfPath.constFind(path);
    if (existing == m_rowOfPath.cend()) {
        m_rowOfPath.insert(path, m_report.rows.size());
        m_report.rows.append(ImageTags{path, names});
        return;
    }
    QStringList &merged = m_report.rows[existing.value()].tags;
    for (const QString &name : std::as_const(names)) {
        if (!merged.contains(name))
            merged.append(name);
    }
}

void ReportBuilder::addProblem(const QString &problem)
{
    m_report.problems.append(problem);
}

ImportReport ReportBuilder::report() const
{
    return m_report;
}

}
