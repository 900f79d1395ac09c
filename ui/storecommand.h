#pragma once

#include <QPointer>
#include <QUndoCommand>

#include <functional>

namespace tagwise {

class ProjectStore;

/**
 * An undoable edit of the project store. The editor calls execute() once; only
 * when that succeeded is the command pushed on the undo stack (whose first
 * redo() is then skipped), so a failed edit never sits on the stack. When a
 * later undo or redo fails (a full disk, a locked database), the error goes to
 * the handler and the command marks itself obsolete, so the stack drops it.
 */
class StoreCommand : public QUndoCommand
{
public:
    using ErrorHandler = std::function<void(const QString &message)>;

    StoreCommand(ProjectStore *store, const QString &text, ErrorHandler onError);

    /// Applies the edit for the first time; false (and the error reported) on failure.
    bool execute();

    void redo() final;
    void undo() final;

protected:
    virtual void apply() = 0;   ///< first apply and every redo; throws on failure
    virtual void revert() = 0;  ///< every undo; throws on failure
    ProjectStore *store() const { return m_store; }

private:
    bool guarded(void (StoreCommand::*step)());

    QPointer<ProjectStore> m_store;
    ErrorHandler m_onError;
    bool m_executed = false;
    bool m_skipRedo = false;
};

}
