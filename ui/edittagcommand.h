#pragma once

#include "core/project/projectstore.h"
#include "ui/storecommand.h"

#include <QList>

namespace tagwise {

/// Renames, recolours or sets the shortcut of a tag. A shortcut taken from
/// another tag goes back to it on undo.
class EditTagCommand final : public StoreCommand
{
public:
    enum class Field { Name, Color, Shortcut };

    EditTagCommand(ProjectStore *store, qint64 tagId, Field field, const QString &value, ErrorHandler onError);

protected:
    void apply() override;
    void revert() override;

private:
    qint64 m_tagId;
    Field m_field;
    QString m_value;
    QList<TagInfo> m_before; ///< every tag as it was, to undo side effects too
};

}
