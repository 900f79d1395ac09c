#include "ui/datasetformat.h"

#include "core/formats/classfolders.h"
#include "core/formats/cocojson.h"
#include "core/formats/onehotcsv.h"
#include "core/formats/planetcsv.h"
#include "core/formats/vocxml.h"

#include <QCoreApplication>

namespace tagwise {

// The context is spelled out in each call: lupdate only extracts literals.

QString datasetFormatName(DatasetFormat format)
{
    switch (format) {
    case DatasetFormat::PlanetCsv:
        return QCoreApplication::translate("tagwise::DatasetFormat", "Planet CSV");
    case DatasetFormat::OneHotCsv:
        return QCoreApplication::translate("tagwise::DatasetFormat", "One-hot CSV");
    case DatasetFormat::ClassFolders:
        return QCoreApplication::translate("tagwise::DatasetFormat", "Folder per Class");
    case DatasetFormat::VocFolder:
        return QCoreApplication::translate("tagwise::DatasetFormat", "Pascal VOC");
    case DatasetFormat::CocoJson:
        return QCoreApplication::translate("tagwise::DatasetFormat", "COCO JSON");
    }
    return {};
}

bool isFolderFormat(DatasetFormat format)
{
    return format == DatasetFormat::ClassFolders || format == DatasetFormat::VocFolder;
}

QString datasetFileFilter(DatasetFormat format)
{
    switch (format) {
    case DatasetFormat::PlanetCsv:
    case DatasetFormat::OneHotCsv:
        return QCoreApplication::translate("tagwise::DatasetFormat", "CSV files (*.csv);;All files (*)");
    case DatasetFormat::CocoJson:
        return QCoreApplication::translate("tagwise::DatasetFormat", "JSON files (*.json);;All files (*)");
    case DatasetFormat::ClassFolders:
    case DatasetFormat::VocFolder:
        break;
    }
    return {};
}

formats::ImportReport readDataset(DatasetFormat format, const QString &source, const QString &imagesDir,
                                  const QString &separator)
{
    switch (format) {
    case DatasetFormat::PlanetCsv:
        return formats::readPlanetCsv(source, imagesDir);
    case DatasetFormat::OneHotCsv:
        return formats::readOneHotCsv(source, imagesDir);
    case DatasetFormat::ClassFolders:
        return formats::readClassFolders(source, separator);
    case DatasetFormat::VocFolder:
        return formats::readVocFolder(source, imagesDir);
    case DatasetFormat::CocoJson:
        return formats::readCoco(source, imagesDir);
    }
    return {};
}

void writeDataset(DatasetFormat format, const ProjectStore &store, const QString &target)
{
    switch (format) {
    case DatasetFormat::PlanetCsv:
        formats::writePlanetCsv(store, target);
        break;
    case DatasetFormat::OneHotCsv:
        formats::writeOneHotCsv(store, target);
        break;
    case DatasetFormat::ClassFolders:
        formats::writeClassFolders(store, target);
        break;
    case DatasetFormat::VocFolder:
        formats::writeVocFolder(store, target);
        break;
    case DatasetFormat::CocoJson:
        formats::writeCoco(store, target);
        break;
    }
}

}
