#pragma once

#include "ui/storecommand.h"

#include <QList>

namespace tagwise {

/// Marks a set of images reviewed or not reviewed.
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
};

}
