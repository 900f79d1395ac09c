#include "ui/importcommand.h"

#include <QSet>

#include <algorithm>

namespace tagwise {

ImportCommand::ImportCommand(ProjectStore *store, const QString &text, ImportFunction function, ErrorHandler onError)
    : StoreCommand(store, text, std::move(onError))
    , m_function(std::move(function))
{
}

void ImportCommand::apply()
{
    ProjectStore &projectStore = *store();
    if (m_applied) {
        // Re-create the tags with their ids first, so the import finds them by
        // name and later commands on the stack still refer to the right ids.
        for (const TagInfo &tag : std::as_const(m_createdTags))
            projectStore.restoreTag(tag, {});
        m_function(projectStore);
        return;
    }

    // First run: snapshot, import, then keep only what changed.
    QHash<qint64, Previous> before;
    before.reserve(projectStore.imageCount());
    for (const ImageRecord &image : projectStore.images())
        before.insert(image.id, {image.tags, image.suggested, image.reviewed});
    QSet<qint64> tagsBefore;
    for (const TagInfo &tag : projectStore.tags())
        tagsBefore.insert(tag.id);

    m_function(projectStore);
    m_applied = true;

    for (const ImageRecord &image : projectStore.images()) {
        const auto it = before.constFind(image.id);
        if (it == before.cend()) {
            m_previous.insert(image.id, Previous());
        } else if (it->tags != image.tags || it->suggested != image.suggested || it->reviewed != image.reviewed) {
            m_previous.insert(image.id, it.value());
        }
    }
    for (const TagInfo &tag : projectStore.tags()) {
        if (!tagsBefore.contains(tag.id))
            m_createdTags.append(tag);
    }
}

void ImportCommand::revert()
{
    ProjectStore &projectStore = *store();
    // One setTagStates per tag: a bulk write, not one per image.
    QHash<qint64, QList<TagState>> perTag;
    QList<TagState> reviewed;
    for (auto it = m_previous.cbegin(); it != m_previous.cend(); ++it) {
        const ImageRecord *image = projectStore.image(it.key());
        if (!image)
            continue;
        const std::vector<qint64> &old = it->tags;
        for (qint64 tagId : image->tags) {
            if (!std::binary_search(old.begin(), old.end(), tagId))
                perTag[tagId].append({image->id, false});
        }
        for (qint64 tagId : old) {
            const bool suggested = std::binary_search(it->suggested.begin(), it->suggested.end(), tagId);
            if (!image->hasTag(tagId) || image->isSuggested(tagId) != suggested)
                perTag[tagId].append({image->id, true, suggested});
        }
        if (image->reviewed != it->reviewed)
            reviewed.append({image->id, it->reviewed});
    }
    for (auto it = perTag.cbegin(); it != perTag.cend(); ++it)
        projectStore.setTagStates(it.key(), it.value());
    projectStore.setReviewedStates(reviewed);
    for (const TagInfo &tag : std::as_const(m_createdTags)) {
        if (projectStore.tag(tag.id))
            projectStore.deleteTag(tag.id);
    }
}

}
