#pragma once

#include "ui/storecommand.h"

#include <QList>

namespace tagwise {

/// Ticks or clears one tag on a set of images (one user action, any number of images).
class SetTagCommand final : public StoreCommand
{
public:
    SetTagCommand(ProjectStore *store, const QList<qint64> &imageIds, qint64 tagId, bool on, ErrorHandler onError);

    /// Images whose tag actually changed (known after execute()).
    const QList<qint64> &changedImages() const { return m_changed; }

protected:
    void apply() override;
    void revert() override;

private:
    QList<qint64> m_imageIds;
    qint64 m_tagId;
    bool m_on;
    bool m_applied = false;
    QList<qint64> m_changed;
};

}
