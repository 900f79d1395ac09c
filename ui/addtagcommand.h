#pragma once

#include "core/project/projectstore.h"
#include "ui/storecommand.h"

namespace tagwise {

/// Creates a tag; undo deletes it, redo re-creates it with the same id.
class AddTagCommand final : public StoreCommand
{
public:
    AddTagCommand(ProjectStore *store, const QString &name, ErrorHandler onError);

    /// Id of the created tag (after execute()).
    qint64 tagId() const { return m_tag.id; }

protected:
    void apply() override;
    void revert() override;

private:
    TagInfo m_tag;
};

}
