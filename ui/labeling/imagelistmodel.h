#pragma once

#include "ui/labeling/imagefilter.h"

#include <QAbstractListModel>
#include <QColor>
#include <QHash>
#include <QPixmap>
#include <QPointer>

#include <vector>

namespace tagwise {

class ProjectStore;
class ThumbnailLoader;
struct ImageRecord;

/**
 * The images of a project as a flat list for the thumbnail grid, filtered by an
 * ImageFilter. The rows are a vector of indices into ProjectStore::images(), so
 * a 100,000-image project costs a few hundred KiB here and no per-item objects.
 *
 * Edits (ProjectStore::imagesChanged) update only the rows of the changed
 * images. Rows do not leave the list when an edit makes them stop matching the
 * filter (the image under the cursor must not jump away while it is tagged);
 * refilter() or a new filter brings the list up to date.
 */
class ImageListModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        ImageIdRole = Qt::UserRole + 1, ///< qint64
        PathRole,            ///< relative path
        AbsolutePathRole,
        TagsRole,            ///< QStringList of tag names, in panel order
        TagIdsRole,          ///< QList<qint64>
        ReviewedRole,
        MissingRole,
        ThumbnailStateRole,  ///< ThumbnailState
        ThumbnailErrorRole,  ///< why the thumbnail failed
    };
    enum ThumbnailState { ThumbnailPending, ThumbnailReady, ThumbnailFailed, ThumbnailMissing };
    Q_ENUM(ThumbnailState)

    /// Project-wide numbers for the status bar, kept up to date per edit.
    struct Counts
    {
        int images = 0;
        int tagged = 0;
        int reviewed = 0;
        int missing = 0;
    };

    explicit ImageListModel(ThumbnailLoader *loader, QObject *parent = nullptr);

    /// Shows the images of \a store (or none); keeps the filter's text, drops a tag filter.
    void setStore(ProjectStore *store);
    ProjectStore *store() const;

    void setFilter(const ImageFilter &filter);
    const ImageFilter &filter() const { return m_filter; }
    /// Applies the filter again to every image.
    void refilter();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    /// The image of \a row, or nullptr.
    const ImageRecord *record(int row) const;
    qint64 imageId(int row) const;
    /// Row of an image, or -1 when it is filtered out or unknown.
    int rowOfImage(qint64 imageId) const;
    /// Number of images of the project, filtered or not.
    int totalCount() const;
    const Counts &counts() const { return m_counts; }

    /// Colour and name of a tag, for painting chips; nullptr for an unknown id.
    struct TagStyle
    {
        QString name;
        QColor color;
        int order = 0;
    };
    const TagStyle *tagStyle(qint64 tagId) const;

Q_SIGNALS:
    /// The set of rows was rebuilt (new filter, new project, images added).
    void rowsRebuilt();
    /// counts() changed.
    void countsChanged();

private:
    void handleImagesChanged(const QList<qint64> &imageIds);
    void handleImageListChanged();
    void handleTagsChanged();
    void handleThumbnailReady(qint64 imageId);
    void rebuildRows();
    void rebuildCounts();
    void rebuildTagStyles();
    static quint8 flagsOf(const ImageRecord &image);

    QPointer<ProjectStore> m_store;
    ThumbnailLoader *m_loader;
    ImageFilter m_filter;
    std::vector<int> m_rows;       ///< row -> index into the store's images
    std::vector<int> m_rowOfIndex; ///< index into the store's images -> row or -1
    std::vector<quint8> m_flags;   ///< per store index: tagged / reviewed / missing bits
    Counts m_counts;
    QHash<qint64, TagStyle> m_tagStyles;
    QPixmap m_placeholder;
    QPixmap m_missingPlaceholder;
    QPixmap m_failedPlaceholder;
};

}
