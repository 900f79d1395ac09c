#pragma once

#include "core/project/projectstore.h"

#include <QList>

namespace tagwise {

/// Numbers that describe the labels of a project: how often each tag is used,
/// how many tags images carry, which tags appear together, and which tags are
/// too rare to learn.
struct DatasetStats
{
    /// Below either limit a tag counts as rare.
    struct Limits
    {
        int minImages = 10;          ///< fewer images than this
        double minFraction = 0.01;   ///< or a smaller share of the tagged images
    };

    int images = 0;
    int taggedImages = 0;
    int missingImages = 0;
    QList<TagInfo> tags;           ///< in panel order
    QList<int> tagCounts;          ///< images per tag, same order as tags
    QList<int> tagsPerImage;       ///< [k] = images carrying exactly k tags
    QList<QList<int>> cooccurrence; ///< [i][j] = images with tags i and j; [i][i] = tagCounts[i]
    QList<int> rareTags;           ///< indexes into tags

    /// Computes everything from the store's in-memory lists (no disk access).
    static DatasetStats compute(const ProjectStore &store, const Limits &limits);
    static DatasetStats compute(const ProjectStore &store) { return compute(store, Limits()); }
};

}
