#pragma once

#include "core/formats/importreport.h"

#include <QString>

namespace tagwise {
class ProjectStore;
}

namespace tagwise::formats {

/**
 * Reads a folder-per-class layout: \a rootDir/<class>/<image>. The class
 * folder's name is the tag; with a \a separator it is split into several
 * tags ("red_dress" with "_" -> red, dress). Row paths are relative to
 * \a rootDir ("red_dress/x.jpg").
 *
 * Files with the same name and the same contents in several class folders
 * are one image (the Keras-tutorial layout for multi-label data): it gets the
 * union of the tags, listed under its path in the first class folder (by
 * name). Files that share a name but differ in content are different images.
 *
 * Hidden files and folders are ignored. Images lying directly in \a rootDir,
 * non-image files and sub-folders inside a class folder, and class folders
 * whose name gives no tag go to problems ("<path>: <reason>").
 * Throws ProjectError when \a rootDir cannot be read.
 */
ImportReport readClassFolders(const QString &rootDir, const QString &separator = QString());

/// How writeClassFolders() puts the images in the tag folders.
enum class ExportedFiles {
    Copies,    ///< independent copies (editing one never edits the project's image)
    HardLinks, ///< hard links where the file system allows (no space used; edits show in both), else copies
};

/**
 * Writes one folder per tag into \a outDir (which must be new or empty, and
 * must lie outside the project, whose next scan would take the copies for
 * new images), holding the images that carry the tag, as \a files says. Only tagged images can be
 * expressed: reviewed images without tags are not written. Each image keeps
 * its file name; images from different folders that share a file name get
 * their relative path with '/' replaced by "__" instead, so that reading the
 * export back gives each image its own name.
 *
 * The folder appears complete or not at all. Throws ProjectError when a tag
 * is not a valid folder name, or a file cannot be linked or copied.
 */
void writeClassFolders(const ProjectStore &store, const QString &outDir, ExportedFiles files = ExportedFiles::Copies);

}
