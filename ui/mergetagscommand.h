#pragma once

#include "core/project/projectstore.h"
#include "ui/storecommand.h"

#include <QList>

namespace tagwise {

/// Moves every assignment of one tag to another and deletes the first; undo
/// re-creates it with its images and takes the second tag off the images that
/// only gained it through the merge.
class MergeTagsCommand final : public StoreCommand
{
public:
    MergeTagsCommand(ProjectStore *store, qint64 fromId, qint64 intoId, ErrorHandler onError);

protected:
    void apply() override;
    void revert() override;

private:
    TagInfo m_from;
    qint64 m_intoId;
    QList<qint64> m_fromImages;
    QList<qint64> m_fromSuggested; ///< images whose \a m_from was a model's suggestion
    QList<Suggestion> m_intoSuggested; ///< suggestions of the target tag the merge confirmed
    QList<qint64> m_gained;
};

}
