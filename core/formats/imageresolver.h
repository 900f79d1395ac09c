#pragma once

#include <QDir>
#include <QString>

namespace tagwise::formats {

/**
 * Finds the image file an annotation names, inside an images folder. A name
 * without an image suffix is tried with each suffix of
 * ProjectStore::imageSuffixes() (lower case, then upper case), the way the
 * Planet CSV names its images.
 */
class ImageResolver final
{
public:
    /// Throws ProjectError when \a imagesDir is not a folder.
    explicit ImageResolver(const QString &imagesDir);

    /// What resolve() found: the path relative to the images folder
    /// ('/' separated), or else an empty path and the reason.
    struct Result
    {
        QString path;
        QString problem; ///< e.g. "image not found: x.jpg"
    };

    Result resolve(const QString &name) const;
    QString imagesDir() const { return m_dir.path(); }

    /// True when \a fileName ends with one of ProjectStore::imageSuffixes() (any case).
    static bool isImageFile(const QString &fileName);

private:
    QDir m_dir;
};

}
