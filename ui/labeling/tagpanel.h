#pragma once

#include <QHash>
#include <QList>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;

namespace tagwise {

class ProjectStore;
class TagCheckBox;

/**
 * The tags of the project, one tri-state check box each (with its colour, its
 * shortcut and how many images carry it), showing which of them the selected
 * images have. Clicking a box asks to set or clear that tag on the whole
 * selection; the context menu asks to rename, recolour, set the shortcut,
 * merge or delete a tag. The panel only asks (signals); the editor does it.
 */
class TagPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit TagPanel(QWidget *parent = nullptr);

    void setStore(ProjectStore *store);
    /// The images the boxes describe and act on.
    void setSelection(const QList<qint64> &imageIds);
    const QList<qint64> &selection() const { return m_selection; }

    TagCheckBox *checkBox(qint64 tagId) const;
    QLabel *countLabel(qint64 tagId) const;
    QLineEdit *nameEdit() const { return m_nameEdit; }
    QPushButton *addButton() const { return m_addButton; }

    /// Brings boxes and counts up to date now instead of on the next event loop turn.
    void refreshNow();

Q_SIGNALS:
    void tagClicked(qint64 tagId, bool on);
    void addTagRequested(const QString &name);
    void renameTagRequested(qint64 tagId, const QString &name);
    void recolorTagRequested(qint64 tagId, const QString &color);
    void shortcutRequested(qint64 tagId, const QString &shortcut);
    void mergeTagsRequested(qint64 fromId, qint64 intoId);
    void deleteTagRequested(qint64 tagId);

private:
    struct Row
    {
        TagCheckBox *box = nullptr;
        QLabel *shortcut = nullptr;
        QLabel *count = nullptr;
    };

    void rebuildRows();
    void refreshStates();
    void scheduleRefresh();
    void requestAdd();
    void showTagMenu(qint64 tagId, const QPoint &globalPos);
    void askRename(qint64 tagId);
    void askColor(qint64 tagId);
    void askShortcut(qint64 tagId);
    void askDelete(qint64 tagId);

    QPointer<ProjectStore> m_store;
    QList<qint64> m_selection;
    QHash<qint64, Row> m_rows;
    QScrollArea *m_scroll;
    QWidget *m_rowsWidget;
    QGridLayout *m_grid;
    QLabel *m_header;
    QLabel *m_emptyHint;
    QLineEdit *m_nameEdit;
    QPushButton *m_addButton;
    QTimer m_refreshTimer;
};

}
