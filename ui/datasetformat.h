#pragma once

#include "core/formats/importreport.h"

#include <QString>

namespace tagwise {

class ProjectStore;

/// The label formats the File menu imports and exports.
enum class DatasetFormat { PlanetCsv, OneHotCsv, ClassFolders, VocFolder, CocoJson };

/// "Planet CSV", "Pascal VOC", ... for menus and titles.
QString datasetFormatName(DatasetFormat format);
/// True when the format is a folder (class folders, VOC) rather than one file.
bool isFolderFormat(DatasetFormat format);
/// Filter for a file dialog ("CSV files (*.csv)"), empty for folder formats.
QString datasetFileFilter(DatasetFormat format);

/**
 * Reads labels in \a format from \a source (a file or folder); image names are
 * resolved against \a imagesDir (for class folders \a source is the images
 * folder, and \a separator splits folder names into several tags). Touches no
 * project, so it may run on a worker thread. Throws ProjectError on a
 * malformed source.
 */
formats::ImportReport readDataset(DatasetFormat format, const QString &source, const QString &imagesDir,
                                  const QString &separator);

/// Writes the project's labels in \a format to \a target; throws ProjectError.
/// Reads the store, so it runs on the store's thread.
void writeDataset(DatasetFormat format, const ProjectStore &store, const QString &target);

}
