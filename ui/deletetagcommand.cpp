#include "ui/deletetagcommand.h"

#include <QCoreApplication>

namespace tagwise {

namespace {

TagInfo tagOf(ProjectStore *store, qint64 tagId)
{
    const TagInfo *tag = store ? store->tag(tagId) : nullptr;
    if (tag)
        return *tag;
    TagInfo unknown;
    unknown.id = tagId;
    return unknown;
}

}

DeleteTagCommand::DeleteTagCommand(ProjectStore *store, qint64 tagId, ErrorHandler onError)
    : StoreCommand(store, QString(), std::move(onError))
    , m_tag(tagOf(store, tagId))
{
    setText(QCoreApplication::translate("tagwise::DeleteTagCommand", "Delete tag \"%1\"").arg(m_tag.name));
}

void DeleteTagCommand::apply()
{
    m_suggested.clear();
    for (const ImageRecord &image : store()->images()) {
        if (image.isSuggested(m_tag.id))
            m_suggested.append(image.id);
    }
    m_images = store()->deleteTag(m_tag.id);
}

void DeleteTagCommand::revert()
{
    store()->restoreTag(m_tag, m_images, m_suggested);
}

}
