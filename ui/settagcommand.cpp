#include "ui/settagcommand.h"

#include "core/project/projectstore.h"

#include <QCoreApplication>

namespace tagwise {

namespace {

QString describe(ProjectStore *store, int count, qint64 tagId, bool on)
{
    const TagInfo *tag = store ? store->tag(tagId) : nullptr;
    const QString name = tag ? tag->name : QString::number(tagId);
    const QString images = count == 1 ? QCoreApplication::translate("tagwise::SetTagCommand", "1 image")
                                      : QCoreApplication::translate("tagwise::SetTagCommand", "%1 images").arg(count);
    return on ? QCoreApplication::translate("tagwise::SetTagCommand", "Set \"%1\" on %2").arg(name, images)
              : QCoreApplication::translate("tagwise::SetTagCommand", "Remove \"%1\" from %2").arg(name, images);
}

QList<TagState> statesOf(const QList<qint64> &ids, bool on)
{
    QList<TagState> states;
    states.reserve(ids.size());
    for (qint64 id : ids)
        states.append({id, on});
    return states;
}

}

SetTagCommand::SetTagCommand(ProjectStore *store, const QList<qint64> &imageIds, qint64 tagId, bool on,
                             ErrorHandler onError)
    : StoreCommand(store, describe(store, int(imageIds.size()), tagId, on), std::move(onError))
    , m_imageIds(imageIds)
    , m_tagId(tagId)
    , m_on(on)
{
}

void SetTagCommand::apply()
{
    if (!m_applied) {
        // Remember only the pairs that changed; the full selection is no longer needed.
        const QList<TagState> previous = store()->setTag(m_imageIds, m_tagId, m_on);
        m_changed.reserve(previous.size());
        for (const TagState &state : previous)
            m_changed.append(state.imageId);
        m_imageIds.clear();
        m_applied = true;
        return;
    }
    store()->setTagStates(m_tagId, statesOf(m_changed, m_on));
}

void SetTagCommand::revert()
{
    store()->setTagStates(m_tagId, statesOf(m_changed, !m_on));
}

}
