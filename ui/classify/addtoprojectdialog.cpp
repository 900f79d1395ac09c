#include "ui/classify/addtoprojectdialog.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tagwise {

AddToProjectDialog::AddToProjectDialog(const QStringList &paths, const QStringList &tags,
                                       const std::vector<std::vector<bool>> &predicted, const QString &folder,
                                       QWidget *parent)
    : QDialog(parent)
    , m_paths(paths)
    , m_tags(tags)
    , m_table(new QTableWidget(int(paths.size()), int(tags.size()) + 1))
    , m_folder(new QLineEdit(folder))
{
    setObjectName(QStringLiteral("addToProjectDialog"));
    setWindowTitle(paths.size() == 1 ? tr("Add 1 Image to the Project") : tr("Add %1 Images to the Project").arg(paths.size()));

    m_table->setObjectName(QStringLiteral("addToProjectTable"));
    QStringList headers{tr("Image")};
    headers += tags;
    m_table->setHorizontalHeaderLabels(headers);
    m_table->verticalHeader()->hide();
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int row = 0; row < paths.size(); ++row) {
        auto *name = new QTableWidgetItem(QFileInfo(paths[row]).fileName());
        name->setToolTip(paths[row]);
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        name->setCheckState(Qt::Checked); // unticked: left out
        m_table->setItem(row, 0, name);
        for (int t = 0; t < tags.size(); ++t) {
            auto *cell = new QTableWidgetItem;
            cell->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            const bool on = std::size_t(row) < predicted.size() && std::size_t(t) < predicted[std::size_t(row)].size()
                            && predicted[std::size_t(row)][std::size_t(t)];
            cell->setCheckState(on ? Qt::Checked : Qt::Unchecked);
            cell->setToolTip(QStringLiteral("%1: %2").arg(QFileInfo(paths[row]).fileName(), tags[t]));
            m_table->setItem(row, t + 1, cell);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_table->setColumnWidth(0, std::min(m_table->columnWidth(0), 260));

    m_folder->setObjectName(QStringLiteral("addToProjectFolder"));
    m_folder->setToolTip(tr("A folder of the project, made when missing; images already in the project stay where "
                            "they are"));
    auto *form = new QFormLayout;
    form->addRow(tr("Copy into folder:"), m_folder);

    auto *note = new QLabel(tr("Untick what the model got wrong, tick what it missed. The tags are saved as the "
                               "model's suggestions: the Label workspace shows them with a \"?\" (filter: Suggested "
                               "by a model), and training leaves these images out until a person reviews them "
                               "(Space)."));
    note->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add to Project"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_folder, &QLineEdit::textChanged, this, [this, buttons](const QString &text) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!QFileInfo(text.trimmed()).isAbsolute());
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
    resize(std::min(900, 320 + 90 * int(tags.size())), std::min(600, 220 + 26 * int(paths.size())));
}

QList<ImageTags> AddToProjectDialog::images() const
{
    QList<ImageTags> images;
    for (int row = 0; row < m_paths.size(); ++row) {
        if (m_table->item(row, 0)->checkState() != Qt::Checked)
            continue;
        ImageTags image{m_paths[row], {}};
        for (int t = 0; t < m_tags.size(); ++t) {
            if (m_table->item(row, t + 1)->checkState() == Qt::Checked)
                image.tags << m_tags[t];
        }
        images.append(image);
    }
    return images;
}

QString AddToProjectDialog::folder() const
{
    return m_folder->text().trimmed();
}

}
