#pragma once

#include "core/project/projectstore.h"
#include "ui/storecommand.h"

#include <QList>

namespace tagwise {

/// Deletes a tag and its assignments; undo restores both.
class DeleteTagCommand final : public StoreCommand
{
public:
    DeleteTagCommand(ProjectStore *store, qint64 tagId, ErrorHandler onError);

protected:
    void apply() override;
    void revert() override;

private:
    TagInfo m_tag;
    QList<qint64> m_images;
    QList<qint64> m_suggested; ///< images on which the tag was a model's suggestion
};

}
