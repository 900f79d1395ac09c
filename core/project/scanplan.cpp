#include "core/project/scanplan.h"

#include "core/project/projectstore.h"

#include <QFileInfo>
#include <QPair>
#include <QSet>

namespace tagwise {

ScanPlan planScan(const std::vector<ImageRecord> &images, const QList<ScannedFile> &files)
{
    QHash<QString, const ScannedFile *> found;
    found.reserve(files.size());
    for (const ScannedFile &file : files)
        found.insert(file.path, &file);
    QSet<QString> known;
    known.reserve(qsizetype(images.size()));
    for (const ImageRecord &image : images)
        known.insert(image.path);

    QList<int> gone;
    ScanPlan plan;
    for (size_t i = 0; i < images.size(); ++i) {
        const bool present = found.contains(images[i].path);
        if (!present && !images[i].missing)
            gone.append(int(i));
        else if (present && images[i].missing)
            plan.returned.append(int(i));
    }
    QList<const ScannedFile *> candidates;
    for (const ScannedFile &file : files) {
        if (!known.contains(file.path))
            candidates.append(&file);
    }

    // A vanished image whose file name and size match exactly one new file was moved.
    QMultiHash<QPair<QString, qint64>, const ScannedFile *> byKey;
    for (const ScannedFile *file : std::as_const(candidates))
        byKey.insert({QFileInfo(file->path).fileName(), file->size}, file);
    QSet<const ScannedFile *> claimed;
    for (const int index : std::as_const(gone)) {
        const ImageRecord &record = images[size_t(index)];
        const auto matches = byKey.values({QFileInfo(record.path).fileName(), record.size});
        if (matches.size() == 1 && !claimed.contains(matches.first())) {
            plan.moves.insert(index, matches.first());
            claimed.insert(matches.first());
        } else {
            plan.vanished.append(index);
        }
    }
    for (const ScannedFile *file : std::as_const(candidates)) {
        if (!claimed.contains(file))
            plan.fresh.append(file);
    }
    return plan;
}

}
