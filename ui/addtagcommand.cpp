#include "ui/addtagcommand.h"

#include <QCoreApplication>

namespace tagwise {

AddTagCommand::AddTagCommand(ProjectStore *store, const QString &name, ErrorHandler onError)
    : StoreCommand(store, QCoreApplication::translate("tagwise::AddTagCommand", "Add tag \"%1\"").arg(name.trimmed()),
                   std::move(onError))
{
    m_tag.name = name;
}

void AddTagCommand::apply()
{
    if (m_tag.id == 0) {
        const qint64 id = store()->addTag(m_tag.name);
        m_tag = *store()->tag(id);
        return;
    }
    // Same id again, so later commands on the stack still refer to this tag.
    store()->restoreTag(m_tag, {});
}

void AddTagCommand::revert()
{
    store()->deleteTag(m_tag.id);
}

}
