#include "core/formats/planetcsv.h"

#include "core/formats/exportselection.h"
#include "core/formats/csvreader.h"
#include "core/formats/exportselection.h"
#include "core/formats/imageresolver.h"
#include "core/formats/reportbuilder.h"
#include "core/project/projecterror.h"
#include "core/project/projectstore.h"

#include <QObject>
#include <QRegularExpression>

namespace tagwise::formats {

ImportReport readPlanetCsv(const QString &csvFile, const QString &imagesDir)
{
    CsvReader reader(csvFile);
    const ImageResolver resolver(imagesDir);
    ReportBuilder builder(csvFile);

    QStringList fields;
    if (!reader.next(fields))
        throw ProjectError(QObject::tr("%1:1: empty file (expected a header such as \"image_name,tags\")").arg(csvFile));
    if (fields.size() != 2 || fields.at(0).trimmed().isEmpty() || fields.at(1).trimmed().isEmpty())
        reader.fail(QObject::tr("bad header: expected two column names such as \"image_name,tags\", found \"%1\"")
                        .arg(excerpt(fields.join(QLatin1Char(',')))));
    // A file without a header would lose its first image without a word.
    if (!resolver.resolve(fields.at(0)).path.isEmpty())
        reader.fail(QObject::tr("bad header: \"%1\" is an image; the first line must name the columns")
                        .arg(excerpt(fields.at(0))));

    while (reader.next(fields)) {
        if (fields.size() != 2)
            reader.fail(QObject::tr("wrong column count: expected 2, found %1").arg(fields.size()));
        if (fields.at(0).trimmed().isEmpty())
            reader.fail(QObject::tr("empty image name"));
        const ImageResolver::Result image = resolver.resolve(fields.at(0));
        if (image.path.isEmpty()) {
            builder.addProblem(reader.problem(image.problem));
            continue;
        }
        static const QRegularExpression whitespace(QStringLiteral("\\s+"));
        builder.addRow(image.path, fields.at(1).split(whitespace, Qt::SkipEmptyParts));
    }
    return builder.report();
}

void writePlanetCsv(const ProjectStore &store, const QString &csvFile)
{
    QString text = csvRecord({QStringLiteral("image_name"), QStringLiteral("tags")}) + QLatin1Char('\n');
    for (const ImageRecord *image : exportedImages(store))
        text += csvRecord({image->path, store.tagNames(*image).join(QLatin1Char(' '))}) + QLatin1Char('\n');
    writeExportFile(store, csvFile, text.toUtf8());
}

}
