#pragma once

#include "ui/labeling/imagefilter.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace tagwise {

class ProjectStore;

/**
 * Chooses which images the grid shows: a mode (all, untagged, not reviewed,
 * has tag X, lacks tag X, missing files, tags suggested by a model), the tag of the tag modes, and a text
 * that file paths must contain (applied after a short pause in typing). Shows
 * how many images pass.
 */
class FilterBar final : public QWidget
{
    Q_OBJECT

public:
    explicit FilterBar(QWidget *parent = nullptr);

    void setStore(ProjectStore *store);
    ImageFilter filter() const;
    /// Shows \a filter in the controls without emitting filterChanged().
    void setFilter(const ImageFilter &filter);
    /// "1,234 of 100,000 images".
    void setCounts(int shown, int total);

    QComboBox *modeCombo() const { return m_mode; }
    QComboBox *tagCombo() const { return m_tag; }
    QLineEdit *searchEdit() const { return m_search; }
    QLabel *countLabel() const { return m_count; }

    /// Delay between the last key typed in the search field and the filtering.
    static constexpr int searchDelayMs = 250;

Q_SIGNALS:
    void filterChanged(const ImageFilter &filter);
    /// Apply the same filter again (edits may have changed which images pass).
    void refreshRequested();

private:
    void rebuildTags();
    void emitChanged();
    void updateTagCombo();

    QPointer<ProjectStore> m_store;
    QComboBox *m_mode;
    QComboBox *m_tag;
    QLineEdit *m_search;
    QToolButton *m_refresh;
    QLabel *m_count;
    QTimer m_searchTimer;
    bool m_quiet = false;
};

}
