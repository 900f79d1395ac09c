#pragma once

#include <QCheckBox>

namespace tagwise {

/**
 * The check box of one tag in the tag panel. Shows three states (all, some or
 * none of the selected images have the tag), but a click only ever asks for
 * "all" or "none": a partly checked box becomes checked, a checked one
 * unchecked. The panel then applies that to the selection.
 */
class TagCheckBox final : public QCheckBox
{
    Q_OBJECT

public:
    TagCheckBox(qint64 tagId, const QString &text, QWidget *parent = nullptr);

    qint64 tagId() const { return m_tagId; }

protected:
    void nextCheckState() override;

private:
    qint64 m_tagId;
};

}
