#include "ui/problemsdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tagwise {

ProblemsDialog::ProblemsDialog(const QString &summary, const QStringList &problems, QWidget *parent)
    : QDialog(parent)
    , m_problems(problems)
{
    setObjectName(QStringLiteral("problemsDialog"));
    setWindowTitle(tr("Import Problems"));
    auto *label = new QLabel(summary, this);
    label->setObjectName(QStringLiteral("problemsSummary"));
    label->setWordWrap(true);
    auto *list = new QPlainTextEdit(this);
    list->setObjectName(QStringLiteral("problemsList"));
    list->setReadOnly(true);
    list->setLineWrapMode(QPlainTextEdit::NoWrap);
    list->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    list->setPlainText(problems.join(QLatin1Char('\n')));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_problems.join(QLatin1Char('\n'))); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(list, 1);
    layout->addWidget(buttons);
    resize(640, 360);
}

}
