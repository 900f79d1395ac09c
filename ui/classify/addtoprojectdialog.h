#pragma once

#include "core/project/projectstore.h"

#include <QDialog>
#include <QList>
#include <QStringList>

#include <vector>

class QLineEdit;
class QTableWidget;

namespace tagwise {

/**
 * "Add to project" of the Classify workspace: the images to add, one row
 * each (unticking its name leaves it out), with a check box per tag of the model ticked where the model
 * predicts it; a person corrects them before accepting. Also the project
 * folder the images are copied into. What is accepted is saved as the
 * model's suggestions (see ProjectStore::applyImageTags with TagSource::Model).
 */
class AddToProjectDialog final : public QDialog
{
    Q_OBJECT

public:
    /// \a predicted: for each of \a paths, whether each of \a tags is predicted.
    AddToProjectDialog(const QStringList &paths, const QStringList &tags,
                       const std::vector<std::vector<bool>> &predicted, const QString &folder,
                       QWidget *parent = nullptr);

    /// The images ticked (absolute paths) with the tags ticked now.
    QList<ImageTags> images() const;
    /// The folder of the project the images go to, relative to its root.
    QString folder() const;

    QTableWidget *table() const { return m_table; }
    QLineEdit *folderEdit() const { return m_folder; }

private:
    QStringList m_paths;
    QStringList m_tags;
    QTableWidget *m_table;
    QLineEdit *m_folder;
};

}
