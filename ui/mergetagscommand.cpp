#include "ui/mergetagscommand.h"

#include <QCoreApplication>

namespace tagwise {

MergeTagsCommand::MergeTagsCommand(ProjectStore *store, qint64 fromId, qint64 intoId, ErrorHandler onError)
    : StoreCommand(store, QString(), std::move(onError))
    , m_intoId(intoId)
{
    m_from.id = fromId;
    const TagInfo *from = store ? store->tag(fromId) : nullptr;
    const TagInfo *into = store ? store->tag(intoId) : nullptr;
    if (from)
        m_from = *from;
    setText(QCoreApplication::translate("tagwise::MergeTagsCommand", "Merge \"%1\" into \"%2\"")
                .arg(from ? from->name : QString::number(fromId), into ? into->name : QString::number(intoId)));
}

void MergeTagsCommand::apply()
{
    ProjectStore *projectStore = store();
    if (const TagInfo *from = projectStore->tag(m_from.id))
        m_from = *from;
    m_fromImages.clear();
    m_fromSuggested.clear();
    m_intoSuggested.clear();
    for (const ImageRecord &image : projectStore->images()) {
        if (image.hasTag(m_from.id)) {
            m_fromImages.append(image.id);
            if (image.isSuggested(m_from.id))
                m_fromSuggested.append(image.id);
            else if (image.isSuggested(m_intoId))
                m_intoSuggested.append({image.id, m_intoId});
        }
    }
    m_gained = projectStore->mergeTags(m_from.id, m_intoId);
}

void MergeTagsCommand::revert()
{
    store()->restoreTag(m_from, m_fromImages, m_fromSuggested);
    QList<TagState> states;
    states.reserve(m_gained.size());
    for (qint64 id : std::as_const(m_gained))
        states.append({id, false});
    store()->setTagStates(m_intoId, states);
    store()->restoreSuggestions(m_intoSuggested);
}

}
