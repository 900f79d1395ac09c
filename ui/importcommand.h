#pragma once

#include "core/project/projectstore.h"
#include "ui/storecommand.h"

#include <QHash>
#include <QList>

#include <functional>
#include <vector>

namespace tagwise {

/**
 * Applies an import to the store (the function given does the writing, e.g.
 * formats::importIntoProject) and remembers what it changed: the previous tags
 * (and which were suggestions) and review flags of every image it touched, and the tags it created. Undo
 * puts those back and deletes the created tags; images the import added to
 * the project stay listed (they exist on disk) but lose their imported tags.
 */
class ImportCommand final : public StoreCommand
{
public:
    using ImportFunction = std::function<void(ProjectStore &store)>;

    ImportCommand(ProjectStore *store, const QString &text, ImportFunction function, ErrorHandler onError);

    /// Images whose tags or review flag the import changed (after execute()).
    int changedImageCount() const { return int(m_previous.size()); }
    /// Tags the import created (after execute()).
    int createdTagCount() const { return int(m_createdTags.size()); }

protected:
    void apply() override;
    void revert() override;

private:
    struct Previous
    {
        std::vector<qint64> tags;
        std::vector<qint64> suggested;
        bool reviewed = false;
    };

    ImportFunction m_function;
    bool m_applied = false;
    QHash<qint64, Previous> m_previous; ///< image id -> its state before the import
    QList<TagInfo> m_createdTags;
};

}
