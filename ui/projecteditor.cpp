#include "ui/projecteditor.h"

#include "core/project/projectstore.h"
#include "ui/addtagcommand.h"
#include "ui/deletetagcommand.h"
#include "ui/edittagcommand.h"
#include "ui/importcommand.h"
#include "ui/mergetagscommand.h"
#include "ui/setreviewedcommand.h"
#include "ui/settagcommand.h"

#include <QUndoStack>

#include <memory>

namespace tagwise {

ProjectEditor::ProjectEditor(QObject *parent)
    : QObject(parent)
    , m_undoStack(new QUndoStack(this))
{
    m_undoStack->setObjectName(QStringLiteral("undoStack"));
}

ProjectStore *ProjectEditor::store() const
{
    return m_store;
}

void ProjectEditor::setStore(ProjectStore *store)
{
    m_undoStack->clear();
    m_store = store;
}

std::function<void(const QString &)> ProjectEditor::errorHandler()
{
    return [self = QPointer<ProjectEditor>(this)](const QString &message) {
        if (self)
            Q_EMIT self->errorOccurred(message);
    };
}

bool ProjectEditor::run(StoreCommand *command)
{
    std::unique_ptr<StoreCommand> owned(command);
    if (!m_store) {
        Q_EMIT errorOccurred(tr("No project is open."));
        return false;
    }
    if (!owned->execute())
        return false;
    m_undoStack->push(owned.release());
    return true;
}

bool ProjectEditor::setTag(const QList<qint64> &imageIds, qint64 tagId, bool on)
{
    if (imageIds.isEmpty())
        return false;
    return run(new SetTagCommand(m_store, imageIds, tagId, on, errorHandler()));
}

bool ProjectEditor::toggleTag(const QList<qint64> &imageIds, qint64 tagId)
{
    if (!m_store || imageIds.isEmpty())
        return false;
    bool all = true;
    for (qint64 id : imageIds) {
        const ImageRecord *image = m_store->image(id);
        if (image && !image->hasTag(tagId)) {
            all = false;
            break;
        }
    }
    return setTag(imageIds, tagId, !all);
}

bool ProjectEditor::setReviewed(const QList<qint64> &imageIds, bool reviewed)
{
    if (imageIds.isEmpty())
        return false;
    return run(new SetReviewedCommand(m_store, imageIds, reviewed, errorHandler()));
}

bool ProjectEditor::toggleReviewed(const QList<qint64> &imageIds)
{
    if (!m_store || imageIds.isEmpty())
        return false;
    bool all = true;
    for (qint64 id : imageIds) {
        // Suggestions of a model wait for a person: Space then confirms them.
        const ImageRecord *image = m_store->image(id);
        if (image && (!image->reviewed || !image->suggested.empty())) {
            all = false;
            break;
        }
    }
    return setReviewed(imageIds, !all);
}

qint64 ProjectEditor::addTag(const QString &name)
{
    auto command = std::make_unique<AddTagCommand>(m_store, name, errorHandler());
    if (!m_store) {
        Q_EMIT errorOccurred(tr("No project is open."));
        return 0;
    }
    if (!command->execute())
        return 0;
    // The stack owns the command once pushed: read the id before.
    const qint64 id = command->tagId();
    m_undoStack->push(command.release());
    return id;
}

bool ProjectEditor::renameTag(qint64 tagId, const QString &name)
{
    return run(new EditTagCommand(m_store, tagId, EditTagCommand::Field::Name, name, errorHandler()));
}

bool ProjectEditor::setTagColor(qint64 tagId, const QString &color)
{
    return run(new EditTagCommand(m_store, tagId, EditTagCommand::Field::Color, color, errorHandler()));
}

bool ProjectEditor::setTagShortcut(qint64 tagId, const QString &shortcut)
{
    return run(new EditTagCommand(m_store, tagId, EditTagCommand::Field::Shortcut, shortcut, errorHandler()));
}

bool ProjectEditor::mergeTags(qint64 fromId, qint64 intoId)
{
    return run(new MergeTagsCommand(m_store, fromId, intoId, errorHandler()));
}

bool ProjectEditor::deleteTag(qint64 tagId)
{
    return run(new DeleteTagCommand(m_store, tagId, errorHandler()));
}

bool ProjectEditor::applyImport(const QString &text, const std::function<void(ProjectStore &)> &function)
{
    return run(new ImportCommand(m_store, text, function, errorHandler()));
}

}
