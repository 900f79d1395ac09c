#include "ui/labeling/imagelistmodel.h"

#include "core/project/projectstore.h"
#include "ui/labeling/thumbnailloader.h"


#include <algorithm>

namespace tagwise {

namespace {

enum Flag : quint8 { Tagged = 1, Reviewed = 2, Missing = 4 };

QPixmap makePlaceholder(int edge, const QColor &fill)
{
    QPixmap pixmap(edge, edge * 3 / 4);
    pixmap.fill(fill);
    return pixmap;
}

QString fileName(const QString &path)
{
    return path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
}

}

ImageListModel::ImageListModel(ThumbnailLoader *loader, QObject *parent)
    : QAbstractListModel(parent)
    , m_loader(loader)
    , m_placeholder(makePlaceholder(loader->edge(), QColor(0xde, 0xe1, 0xe6)))
    , m_missingPlaceholder(makePlaceholder(loader->edge(), QColor(0xee, 0xee, 0xee)))
    , m_failedPlaceholder(makePlaceholder(loader->edge(), QColor(0xf3, 0xdc, 0xdc)))
{
    connect(m_loader, &ThumbnailLoader::thumbnailReady, this, &ImageListModel::handleThumbnailReady);
}

ProjectStore *ImageListModel::store() const
{
    return m_store;
}

void ImageListModel::setStore(ProjectStore *store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (m_store) {
        connect(m_store, &ProjectStore::imagesChanged, this, &ImageListModel::handleImagesChanged);
        connect(m_store, &ProjectStore::imageListChanged, this, &ImageListModel::handleImageListChanged);
        connect(m_store, &ProjectStore::tagsChanged, this, &ImageListModel::handleTagsChanged);
    }
    if (m_filter.needsTag()) {
        m_filter.mode = ImageFilter::Mode::All;
        m_filter.tagId = 0;
    }
    rebuildTagStyles();
    rebuildCounts();
    rebuildRows();
}

void ImageListModel::setFilter(const ImageFilter &filter)
{
    m_filter = filter;
    rebuildRows();
}

void ImageListModel::refilter()
{
    rebuildRows();
}

int ImageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

Qt::ItemFlags ImageListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

const ImageRecord *ImageListModel::record(int row) const
{
    if (!m_store || row < 0 || row >= int(m_rows.size()))
        return nullptr;
    const int index = m_rows[size_t(row)];
    if (index < 0 || index >= m_store->imageCount())
        return nullptr;
    return &m_store->images()[size_t(index)];
}

qint64 ImageListModel::imageId(int row) const
{
    const ImageRecord *image = record(row);
    return image ? image->id : 0;
}

int ImageListModel::rowOfImage(qint64 imageId) const
{
    if (!m_store)
        return -1;
    const int index = m_store->indexOfImage(imageId);
    if (index < 0 || index >= int(m_rowOfIndex.size()))
        return -1;
    return m_rowOfIndex[size_t(index)];
}

int ImageListModel::totalCount() const
{
    return m_store ? m_store->imageCount() : 0;
}

const ImageListModel::TagStyle *ImageListModel::tagStyle(qint64 tagId) const
{
    const auto it = m_tagStyles.constFind(tagId);
    return it == m_tagStyles.cend() ? nullptr : &it.value();
}

QVariant ImageListModel::data(const QModelIndex &index, int role) const
{
    const ImageRecord *image = index.isValid() ? record(index.row()) : nullptr;
    if (!image)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return fileName(image->path);
    case Qt::ToolTipRole: {
        QString tip = image->path;
        const QStringList names = m_store->tagNames(*image);
        tip += QLatin1Char('\n') + (names.isEmpty() ? tr("No tags") : names.join(QStringLiteral(", ")));
        if (!image->suggested.empty()) {
            QStringList suggested;
            for (qint64 id : image->suggested) {
                if (const TagInfo *tag = m_store->tag(id))
                    suggested.append(tag->name);
            }
            tip += QLatin1Char('\n') + tr("Suggested by a model: %1 (Space confirms them)").arg(suggested.join(QStringLiteral(", ")));
        }
        if (image->missing)
            tip += QLatin1Char('\n') + tr("The file is missing; its tags are kept.");
        const QString error = data(index, ThumbnailErrorRole).toString();
        if (!error.isEmpty())
            tip += QLatin1Char('\n') + error;
        return tip;
    }
    case Qt::DecorationRole: {
        if (image->missing)
            return m_missingPlaceholder;
        ThumbnailLoader::State state;
        const QPixmap pixmap = m_loader->thumbnail(image->id, m_store->absolutePath(image->path), &state);
        if (state == ThumbnailLoader::State::Ready)
            return pixmap;
        return state == ThumbnailLoader::State::Failed ? m_failedPlaceholder : m_placeholder;
    }
    case ImageIdRole:
        return image->id;
    case PathRole:
        return image->path;
    case AbsolutePathRole:
        return m_store->absolutePath(image->path);
    case TagsRole:
        return m_store->tagNames(*image);
    case TagIdsRole: {
        QList<qint64> ids(image->tags.begin(), image->tags.end());
        return QVariant::fromValue(ids);
    }
    case ReviewedRole:
        return image->reviewed;
    case MissingRole:
        return image->missing;
    case ThumbnailStateRole: {
        if (image->missing)
            return ThumbnailMissing;
        ThumbnailLoader::State state;
        // Asking is enough to queue the request, as painting does.
        m_loader->thumbnail(image->id, m_store->absolutePath(image->path), &state);
        switch (state) {
        case ThumbnailLoader::State::Ready:
            return ThumbnailReady;
        case ThumbnailLoader::State::Failed:
            return ThumbnailFailed;
        case ThumbnailLoader::State::Pending:
            break;
        }
        return ThumbnailPending;
    }
    case ThumbnailErrorRole: {
        if (image->missing)
            return QString();
        ThumbnailLoader::State state;
        QString error;
        m_loader->thumbnail(image->id, m_store->absolutePath(image->path), &state, &error);
        return error;
    }
    default:
        return {};
    }
}

quint8 ImageListModel::flagsOf(const ImageRecord &image)
{
    return quint8((image.tags.empty() ? 0 : Tagged) | (image.reviewed ? Reviewed : 0) | (image.missing ? Missing : 0));
}

void ImageListModel::rebuildCounts()
{
    m_counts = Counts();
    m_flags.clear();
    if (m_store) {
        const auto &images = m_store->images();
        m_flags.reserve(images.size());
        for (const ImageRecord &image : images) {
            const quint8 flags = flagsOf(image);
            m_flags.push_back(flags);
            m_counts.tagged += (flags & Tagged) ? 1 : 0;
            m_counts.reviewed += (flags & Reviewed) ? 1 : 0;
            m_counts.missing += (flags & Missing) ? 1 : 0;
        }
        m_counts.images = int(images.size());
    }
    Q_EMIT countsChanged();
}

void ImageListModel::rebuildRows()
{
    beginResetModel();
    m_rows.clear();
    m_rowOfIndex.assign(m_store ? size_t(m_store->imageCount()) : 0, -1);
    if (m_store) {
        const auto &images = m_store->images();
        const bool all = !m_filter.isActive();
        m_rows.reserve(all ? images.size() : images.size() / 4);
        for (size_t i = 0; i < images.size(); ++i) {
            if (all || m_filter.matches(images[i])) {
                m_rowOfIndex[i] = int(m_rows.size());
                m_rows.push_back(int(i));
            }
        }
    }
    endResetModel();
    Q_EMIT rowsRebuilt();
}

void ImageListModel::rebuildTagStyles()
{
    m_tagStyles.clear();
    if (!m_store)
        return;
    int order = 0;
    for (const TagInfo &tag : m_store->tags())
        m_tagStyles.insert(tag.id, {tag.name, QColor(tag.color), order++});
}

void ImageListModel::handleImagesChanged(const QList<qint64> &imageIds)
{
    if (!m_store)
        return;
    bool countsMoved = false;
    std::vector<int> rows;
    rows.reserve(size_t(imageIds.size()));
    for (qint64 id : imageIds) {
        const int index = m_store->indexOfImage(id);
        if (index < 0 || index >= int(m_flags.size()))
            continue;
        const quint8 before = m_flags[size_t(index)];
        const quint8 after = flagsOf(m_store->images()[size_t(index)]);
        if (before != after) {
            const auto delta = [&](quint8 bit) { return ((after & bit) ? 1 : 0) - ((before & bit) ? 1 : 0); };
            m_counts.tagged += delta(Tagged);
            m_counts.reviewed += delta(Reviewed);
            m_counts.missing += delta(Missing);
            m_flags[size_t(index)] = after;
            countsMoved = true;
        }
        const int row = m_rowOfIndex[size_t(index)];
        if (row >= 0)
            rows.push_back(row);
    }
    // One dataChanged per run of consecutive rows: a bulk edit of a selected
    // block is a single signal, not one per image.
    std::sort(rows.begin(), rows.end());
    size_t start = 0;
    for (size_t i = 1; i <= rows.size(); ++i) {
        if (i == rows.size() || rows[i] > rows[i - 1] + 1) {
            if (start < rows.size())
                Q_EMIT dataChanged(index(rows[start]), index(rows[i - 1]));
            start = i;
        }
    }
    if (countsMoved)
        Q_EMIT countsChanged();
}

void ImageListModel::handleImageListChanged()
{
    rebuildCounts();
    rebuildRows();
}

void ImageListModel::handleTagsChanged()
{
    rebuildTagStyles();
    if (m_filter.needsTag() && (!m_store || !m_store->tag(m_filter.tagId))) {
        // The filtered tag is gone (deleted or merged): show everything.
        m_filter.mode = ImageFilter::Mode::All;
        m_filter.tagId = 0;
        rebuildRows();
        return;
    }
    // Names and colours of chips may have changed: one signal for all rows.
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1));
}

void ImageListModel::handleThumbnailReady(qint64 imageId)
{
    const int row = rowOfImage(imageId);
    if (row >= 0) {
        const QModelIndex changed = index(row);
        Q_EMIT dataChanged(changed, changed, {Qt::DecorationRole});
    }
}

}
