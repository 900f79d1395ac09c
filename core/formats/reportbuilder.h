#pragma once

#include "core/formats/importreport.h"

#include <QHash>
#include <QSet>
#include <QString>

namespace tagwise::formats {

/**
 * Collects what an importer reads into an ImportReport.
 *
 * - Several rows for the same image are merged: the image gets the union of
 *   their tags, at the place of its first row.
 * - Tag names are made valid for a project: spaces and commas (which a tag
 *   name cannot hold) become '_' ("traffic light" -> "traffic_light"), and
 *   each such renaming is listed once in the problems, so it is never silent.
 */
class ReportBuilder final
{
public:
    /// \a sourceName names the imported file or folder in the renaming notes.
    explicit ReportBuilder(const QString &sourceName);

    /// Adds the tags of one image (path relative to the images folder); an
    /// empty \a tags list still lists the image (reviewed, with no tags).
    void addRow(const QString &path, const QStringList &tags);
    void addProblem(const QString &problem);

    ImportReport report() const;

private:
    QString tagName(const QString &raw);

    QString m_source;
    ImportReport m_report;
    QHash<QString, qsizetype> m_rowOfPath;
    QHash<QString, QString> m_renamed;
};

}
