#pragma once

#include <QDialog>
#include <QStringList>

class QLabel;
class QPlainTextEdit;

namespace tagwise {

/// Lists what an import could not use, one "file:line: reason" per line.
class ProblemsDialog final : public QDialog
{
    Q_OBJECT

public:
    ProblemsDialog(const QString &summary, const QStringList &problems, QWidget *parent = nullptr);

    QStringList problems() const { return m_problems; }

private:
    QStringList m_problems;
};

}
