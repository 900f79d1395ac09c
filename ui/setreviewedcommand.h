#pragma once

#include "core/project/projectstore.h"
#include "ui/storecommand.h"

#include <QList>

namespace tagwise {

/// Marks a set of images reviewed or not reviewed; marking them reviewed also
/// confirms the tags a model suggested for them.
class SetReviewedCommand final : public StoreCommand
{
public:
    SetReviewedCommand(ProjectStore *store, const QList<qint64> &imageIds, bool reviewed, ErrorHandler onError);

protected:
    void apply() override;
    void revert() override;

private:
    QList<qint64> m_imageIds;
    bool m_reviewed;
    bool m_applied = false;
    QList<qint64> m_changed;
    QList<Suggestion> m_accepted;
};

}
