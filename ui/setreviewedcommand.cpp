#include "ui/setreviewedcommand.h"

#include "core/project/projectstore.h"

#include <QCoreApplication>

namespace tagwise {

namespace {

QList<TagState> statesOf(const QList<qint64> &ids, bool on)
{
    QList<TagState> states;
    states.reserve(ids.size());
    for (qint64 id : ids)
        states.append({id, on});
    return states;
}

}

SetReviewedCommand::SetReviewedCommand(ProjectStore *store, const QList<qint64> &imageIds, bool reviewed,
                                       ErrorHandler onError)
    : StoreCommand(store,
                   (reviewed ? QCoreApplication::translate("tagwise::SetReviewedCommand", "Mark %1 reviewed")
                             : QCoreApplication::translate("tagwise::SetReviewedCommand", "Mark %1 not reviewed"))
                       .arg(imageIds.size() == 1
                                ? QCoreApplication::translate("tagwise::SetReviewedCommand", "1 image")
                                : QCoreApplication::translate("tagwise::SetReviewedCommand", "%1 images")
                                      .arg(imageIds.size())),
                   std::move(onError))
    , m_imageIds(imageIds)
    , m_reviewed(reviewed)
{
}

void SetReviewedCommand::apply()
{
    if (!m_applied) {
        const QList<TagState> previous = store()->setReviewed(m_imageIds, m_reviewed);
        m_changed.reserve(previous.size());
        for (const TagState &state : previous)
            m_changed.append(state.imageId);
        // A person who marks an image reviewed confirms what a model suggested for it.
        if (m_reviewed)
            m_accepted = store()->acceptSuggestions(m_imageIds);
        m_imageIds.clear();
        m_applied = true;
        return;
    }
    store()->setReviewedStates(statesOf(m_changed, m_reviewed));
    QList<qint64> suggestedImages;
    for (const Suggestion &suggestion : std::as_const(m_accepted))
        suggestedImages.append(suggestion.imageId);
    store()->acceptSuggestions(suggestedImages);
}

void SetReviewedCommand::revert()
{
    store()->restoreSuggestions(m_accepted);
    store()->setReviewedStates(statesOf(m_changed, !m_reviewed));
}

}
