#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

class QUndoStack;

namespace tagwise {

class ProjectStore;
class StoreCommand;

/**
 * Every labeling edit the GUI makes, each as one undoable command on the undo
 * stack. The store writes each edit through to disk before the call returns.
 * A failing edit leaves the project as it was, is not put on the stack, and is
 * reported through errorOccurred().
 */
class ProjectEditor final : public QObject
{
    Q_OBJECT

public:
    explicit ProjectEditor(QObject *parent = nullptr);

    /// Edits \a store from now on (or none); clears the undo history.
    void setStore(ProjectStore *store);
    ProjectStore *store() const;
    QUndoStack *undoStack() const { return m_undoStack; }

    /// Ticks (\a on) or clears a tag on every given image.
    bool setTag(const QList<qint64> &imageIds, qint64 tagId, bool on);
    /// Clears the tag when every given image has it, else ticks it on all of them.
    bool toggleTag(const QList<qint64> &imageIds, qint64 tagId);
    bool setReviewed(const QList<qint64> &imageIds, bool reviewed);
    /// Clears the flag when every given image is reviewed, else sets it on all.
    bool toggleReviewed(const QList<qint64> &imageIds);

    /// Creates a tag; returns its id, or 0 on failure.
    qint64 addTag(const QString &name);
    bool renameTag(qint64 tagId, const QString &name);
    bool setTagColor(qint64 tagId, const QString &color);
    bool setTagShortcut(qint64 tagId, const QString &shortcut);
    bool mergeTags(qint64 fromId, qint64 intoId);
    bool deleteTag(qint64 tagId);

    /// Runs \a function (which writes an import into the store) as one undoable
    /// command named \a text.
    bool applyImport(const QString &text, const std::function<void(ProjectStore &)> &function);

Q_SIGNALS:
    /// An edit, undo or redo failed; \a message names the file and the reason.
    void errorOccurred(const QString &message);

private:
    bool run(StoreCommand *command);
    std::function<void(const QString &)> errorHandler();

    QPointer<ProjectStore> m_store;
    QUndoStack *m_undoStack;
};

}
