#include "core/formats/onehotcsv.h"

#include "core/formats/exportselection.h"
#include "core/formats/csvreader.h"
#include "core/formats/exportselection.h"
#include "core/formats/imageresolver.h"
#include "core/formats/reportbuilder.h"
#include "core/project/projecterror.h"
#include "core/project/projectstore.h"

#include <QObject>
#include <QSet>

namespace tagwise::formats {

ImportReport readOneHotCsv(const QString &csvFile, const QString &imagesDir)
{
    CsvReader reader(csvFile);
    const ImageResolver resolver(imagesDir);
    ReportBuilder builder(csvFile);

    QStringList header;
    if (!reader.next(header))
        throw ProjectError(QObject::tr("%1:1: empty file (expected a header such as \"image_path,tagA,tagB\")").arg(csvFile));
    if (header.size() < 2)
        reader.fail(QObject::tr("bad header: expected \"image_path\" and at least one tag column, found \"%1\"")
                        .arg(excerpt(header.join(QLatin1Char(',')))));
    if (header.at(0).trimmed().isEmpty())
        reader.fail(QObject::tr("bad header: the first column has no name"));
    // A file without a header would lose its first image without a word.
    if (!resolver.resolve(header.at(0)).path.isEmpty())
        reader.fail(QObject::tr("bad header: \"%1\" is an image; the first line must name the columns")
                        .arg(excerpt(header.at(0))));
    QStringList tags;
    QSet<QString> seen;
    for (qsizetype i = 1; i < header.size(); ++i) {
        const QString name = header.at(i).trimmed();
        if (name.isEmpty())
            reader.fail(QObject::tr("bad header: column %1 has no tag name").arg(i + 1));
        if (seen.contains(name))
            reader.fail(QObject::tr("bad header: tag column \"%1\" appears twice").arg(name));
        seen.insert(name);
        tags.append(name);
    }

    QStringList fields;
    while (reader.next(fields)) {
        if (fields.size() != header.size())
            reader.fail(QObject::tr("wrong column count: expected %1, found %2").arg(header.size()).arg(fields.size()));
        if (fields.at(0).trimmed().isEmpty())
            reader.fail(QObject::tr("empty image name"));
        QStringList on;
        for (qsizetype i = 1; i < fields.size(); ++i) {
            const QString cell = fields.at(i).trimmed();
            if (cell == QLatin1String("1"))
                on.append(tags.at(i - 1));
            else if (cell != QLatin1String("0"))
                reader.fail(QObject::tr("column \"%1\": \"%2\" is not 0 or 1").arg(tags.at(i - 1), fields.at(i)));
        }
        const ImageResolver::Result image = resolver.resolve(fields.at(0));
        if (image.path.isEmpty()) {
            builder.addProblem(reader.problem(image.problem));
            continue;
        }
        builder.addRow(image.path, on);
    }
    return builder.report();
}

void writeOneHotCsv(const ProjectStore &store, const QString &csvFile)
{
    QStringList header{QStringLiteral("image_path")};
    for (const TagInfo &tag : store.tags())
        header.append(tag.name);
    QString text = csvRecord(header) + QLatin1Char('\n');
    QStringList fields;
    for (const ImageRecord *image : exportedImages(store)) {
        fields.clear();
        fields.append(image->path);
        for (const TagInfo &tag : store.tags())
            fields.append(image->hasTag(tag.id) ? QStringLiteral("1") : QStringLiteral("0"));
        text += csvRecord(fields) + QLatin1Char('\n');
    }
    writeExportFile(store, csvFile, text.toUtf8());
}

}
