#include "ui/storecommand.h"

#include "core/project/projecterror.h"
#include "core/project/projectstore.h"

#include <QCoreApplication>

namespace tagwise {

StoreCommand::StoreCommand(ProjectStore *store, const QString &text, ErrorHandler onError)
    : QUndoCommand(text)
    , m_store(store)
    , m_onError(std::move(onError))
{
}

bool StoreCommand::execute()
{
    m_executed = guarded(&StoreCommand::apply);
    m_skipRedo = m_executed;
    return m_executed;
}

void StoreCommand::redo()
{
    if (m_skipRedo) {
        m_skipRedo = false;
        return;
    }
    if (!guarded(&StoreCommand::apply))
        setObsolete(true);
}

void StoreCommand::undo()
{
    if (!guarded(&StoreCommand::revert))
        setObsolete(true);
}

bool StoreCommand::guarded(void (StoreCommand::*step)())
{
    QString message;
    if (!m_store) {
        message = QCoreApplication::translate("tagwise::StoreCommand", "The project of \"%1\" is closed.").arg(text());
    } else {
        try {
            (this->*step)();
            return true;
        } catch (const ProjectError &error) {
            message = error.message();
        } catch (const std::exception &error) {
            message = QString::fromLocal8Bit(error.what());
        }
    }
    if (m_onError)
        m_onError(message);
    return false;
}

}
