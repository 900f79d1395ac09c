#include "ui/labeling/tagcheckbox.h"

namespace tagwise {

TagCheckBox::TagCheckBox(qint64 tagId, const QString &text, QWidget *parent)
    : QCheckBox(text, parent)
    , m_tagId(tagId)
{
    setTristate(true);
    setObjectName(QStringLiteral("tagCheckBox_%1").arg(tagId));
}

void TagCheckBox::nextCheckState()
{
    setCheckState(checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
}

}
