#include "ui/edittagcommand.h"

#include <QCoreApplication>

#include <algorithm>

namespace tagwise {

namespace {

QString describe(ProjectStore *store, qint64 tagId, EditTagCommand::Field field, const QString &value)
{
    const TagInfo *tag = store ? store->tag(tagId) : nullptr;
    const QString name = tag ? tag->name : QString::number(tagId);
    switch (field) {
    case EditTagCommand::Field::Name:
        return QCoreApplication::translate("tagwise::EditTagCommand", "Rename \"%1\" to \"%2\"").arg(name, value.trimmed());
    case EditTagCommand::Field::Color:
        return QCoreApplication::translate("tagwise::EditTagCommand", "Recolour \"%1\"").arg(name);
    case EditTagCommand::Field::Shortcut:
        return value.isEmpty()
                   ? QCoreApplication::translate("tagwise::EditTagCommand", "Remove the shortcut of \"%1\"").arg(name)
                   : QCoreApplication::translate("tagwise::EditTagCommand", "Set shortcut %2 for \"%1\"").arg(name, value);
    }
    return name;
}

}

EditTagCommand::EditTagCommand(ProjectStore *store, qint64 tagId, Field field, const QString &value,
                               ErrorHandler onError)
    : StoreCommand(store, describe(store, tagId, field, value), std::move(onError))
    , m_tagId(tagId)
    , m_field(field)
    , m_value(value)
{
}

void EditTagCommand::apply()
{
    m_before = store()->tags();
    switch (m_field) {
    case Field::Name:
        store()->renameTag(m_tagId, m_value);
        break;
    case Field::Color:
        store()->setTagColor(m_tagId, m_value);
        break;
    case Field::Shortcut:
        store()->setTagShortcut(m_tagId, m_value);
        break;
    }
}

void EditTagCommand::revert()
{
    // The edited tag first: giving its old shortcut back may not steal one
    // from a tag restored after it.
    QList<TagInfo> order = m_before;
    std::stable_partition(order.begin(), order.end(), [this](const TagInfo &tag) { return tag.id == m_tagId; });
    for (const TagInfo &old : std::as_const(order)) {
        const TagInfo *found = store()->tag(old.id);
        if (!found)
            continue;
        const TagInfo now = *found; // a copy: the calls below change the store's list
        if (now.name != old.name)
            store()->renameTag(old.id, old.name);
        if (now.color != old.color)
            store()->setTagColor(old.id, old.color);
        if (now.shortcut != old.shortcut)
            store()->setTagShortcut(old.id, old.shortcut);
    }
}

}
