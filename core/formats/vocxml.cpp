#include "core/formats/vocxml.h"

#include "core/formats/exportselection.h"
#include "core/formats/exportselection.h"
#include "core/formats/imageheader.h"
#include "core/formats/imageresolver.h"
#include "core/formats/reportbuilder.h"
#include "core/formats/stagingfolder.h"
#include "core/project/projecterror.h"
#include "core/project/projectstore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QObject>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <algorithm>

namespace tagwise::formats {

namespace {

[[noreturn]] void fail(const QString &file, qint64 line, const QString &reason)
{
    throw ProjectError(QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(reason));
}

void checkXml(const QXmlStreamReader &xml, const QString &file)
{
    if (xml.hasError())
        fail(file, xml.lineNumber(), QObject::tr("XML error: %1").arg(xml.errorString()));
}

// Reads the text of the current element; a nested element there is an error.
QString elementText(QXmlStreamReader &xml, const QString &file)
{
    const QString text = xml.readElementText();
    checkXml(xml, file);
    return text.trimmed();
}

void readAnnotation(const QString &file, const ImageResolver &resolver, ReportBuilder &builder)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        throw ProjectError(QObject::tr("%1: cannot open: %2").arg(file, in.errorString()));
    QXmlStreamReader xml(&in);
    if (!xml.readNextStartElement()) {
        checkXml(xml, file);
        fail(file, xml.lineNumber(), QObject::tr("no XML element"));
    }
    if (xml.name() != QLatin1String("annotation"))
        fail(file, xml.lineNumber(), QObject::tr("the root element is <%1>, expected <annotation>").arg(xml.name()));
    const qint64 rootLine = xml.lineNumber();

    QString fileName;
    qint64 fileNameLine = 0;
    QStringList tags;
    while (xml.readNextStartElement()) {
        if (xml.name() == QLatin1String("filename")) {
            fileNameLine = xml.lineNumber();
            fileName = elementText(xml, file);
            if (fileName.isEmpty())
                fail(file, fileNameLine, QObject::tr("empty <filename>"));
        } else if (xml.name() == QLatin1String("object")) {
            const qint64 objectLine = xml.lineNumber();
            QString name;
            // Only the object's own <name>: VOC <part>s carry names too.
            while (xml.readNextStartElement()) {
                if (xml.name() == QLatin1String("name"))
                    name = elementText(xml, file);
                else
                    xml.skipCurrentElement();
            }
            checkXml(xml, file);
            if (name.isEmpty())
                fail(file, objectLine, QObject::tr("<object> without a <name>"));
            if (!tags.contains(name))
                tags.append(name);
        } else {
            xml.skipCurrentElement();
        }
    }
    checkXml(xml, file);
    while (!xml.atEnd())
        xml.readNext(); // trailing content must be well-formed too
    checkXml(xml, file);
    if (fileNameLine == 0)
        fail(file, rootLine, QObject::tr("<annotation> without a <filename>"));

    const ImageResolver::Result image = resolver.resolve(fileName);
    if (image.path.isEmpty()) {
        builder.addProblem(QStringLiteral("%1:%2: %3").arg(file).arg(fileNameLine).arg(image.problem));
        return;
    }
    builder.addRow(image.path, tags);
}

QByteArray annotationXml(const ProjectStore &store, const ImageRecord &image)
{
    const ImageHeader header = readImageHeader(store.absolutePath(image.path));
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("annotation"));
    xml.writeTextElement(QStringLiteral("folder"), QFileInfo(store.rootPath()).fileName());
    xml.writeTextElement(QStringLiteral("filename"), image.path);
    xml.writeStartElement(QStringLiteral("source"));
    xml.writeTextElement(QStringLiteral("database"), QStringLiteral("Tagwise"));
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("size"));
    xml.writeTextElement(QStringLiteral("width"), QString::number(header.width));
    xml.writeTextElement(QStringLiteral("height"), QString::number(header.height));
    xml.writeTextElement(QStringLiteral("depth"), QString::number(header.channels));
    xml.writeEndElement();
    xml.writeTextElement(QStringLiteral("segmented"), QStringLiteral("0"));
    for (const QString &tag : store.tagNames(image)) {
        xml.writeStartElement(QStringLiteral("object"));
        xml.writeTextElement(QStringLiteral("name"), tag);
        xml.writeTextElement(QStringLiteral("pose"), QStringLiteral("Unspecified"));
        xml.writeTextElement(QStringLiteral("truncated"), QStringLiteral("0"));
        xml.writeTextElement(QStringLiteral("difficult"), QStringLiteral("0"));
        // VOC boxes are 1-based pixel indices, both ends included.
        xml.writeStartElement(QStringLiteral("bndbox"));
        xml.writeTextElement(QStringLiteral("xmin"), QStringLiteral("1"));
        xml.writeTextElement(QStringLiteral("ymin"), QStringLiteral("1"));
        xml.writeTextElement(QStringLiteral("xmax"), QString::number(header.width));
        xml.writeTextElement(QStringLiteral("ymax"), QString::number(header.height));
        xml.writeEndElement();
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    return bytes;
}

QString baseXmlPath(const QString &imagePath)
{
    const QFileInfo info(imagePath);
    const QString dir = info.path() == QLatin1String(".") ? QString() : info.path() + QLatin1Char('/');
    return dir + info.completeBaseName() + QLatin1String(".xml");
}

}

ImportReport readVocFolder(const QString &annotationsDir, const QString &imagesDir)
{
    if (!QFileInfo(annotationsDir).isDir())
        throw ProjectError(QObject::tr("%1: the folder does not exist").arg(annotationsDir));
    QStringList files;
    QDirIterator it(annotationsDir, {QStringLiteral("*.xml"), QStringLiteral("*.XML")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    std::sort(files.begin(), files.end());

    const ImageResolver resolver(imagesDir);
    ReportBuilder builder(annotationsDir);
    for (const QString &file : std::as_const(files))
        readAnnotation(file, resolver, builder);
    return builder.report();
}

void writeVocFolder(const ProjectStore &store, const QString &outDir)
{
    checkExportTarget(store, outDir);
    const QList<const ImageRecord *> images = exportedImages(store);
    QHash<QString, int> count;
    for (const ImageRecord *image : images)
        ++count[baseXmlPath(image->path)];

    StagingFolder staging(outDir);
    const QDir dir(staging.path());
    QHash<QString, QString> written; // annotation file -> image
    for (const ImageRecord *image : images) {
        const QString base = baseXmlPath(image->path);
        const QString relative = count.value(base) > 1 ? image->path + QLatin1String(".xml") : base;
        if (written.contains(relative))
            throw ProjectError(QObject::tr("%1: %2 and %3 would both be written to %4")
                                   .arg(outDir, written.value(relative), image->path, relative));
        written.insert(relative, image->path);
        const QString target = dir.filePath(relative);
        if (!QDir().mkpath(QFileInfo(target).path()))
            throw ProjectError(QObject::tr("%1: cannot create the folder for %2").arg(outDir, relative));
        writeExportFile(store, target, annotationXml(store, *image));
    }
    staging.commit();
}

}
