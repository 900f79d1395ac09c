#include "ui/labeling/datasetstats.h"

#include <QHash>

namespace tagwise {

DatasetStats DatasetStats::compute(const ProjectStore &store, const Limits &limits)
{
    DatasetStats stats;
    stats.tags = store.tags();
    const int tagCount = int(stats.tags.size());
    QHash<qint64, int> column;
    for (int i = 0; i < tagCount; ++i)
        column.insert(stats.tags[i].id, i);
    stats.tagCounts = QList<int>(tagCount, 0);
    stats.cooccurrence = QList<QList<int>>(tagCount, QList<int>(tagCount, 0));

    std::vector<int> columns;
    for (const ImageRecord &image : store.images()) {
        ++stats.images;
        if (image.missing)
            ++stats.missingImages;
        columns.clear();
        for (qint64 id : image.tags) {
            const auto it = column.constFind(id);
            if (it != column.cend())
                columns.push_back(it.value());
        }
        const int k = int(columns.size());
        if (k > 0)
            ++stats.taggedImages;
        if (stats.tagsPerImage.size() <= k)
            stats.tagsPerImage.resize(k + 1, 0);
        ++stats.tagsPerImage[k];
        for (int a = 0; a < k; ++a) {
            ++stats.tagCounts[columns[size_t(a)]];
            for (int b = 0; b < k; ++b)
                ++stats.cooccurrence[columns[size_t(a)]][columns[size_t(b)]];
        }
    }
    for (int i = 0; i < tagCount; ++i) {
        const int count = stats.tagCounts[i];
        if (count < limits.minImages || double(count) < limits.minFraction * stats.taggedImages)
            stats.rareTags.append(i);
    }
    return stats;
}

}
