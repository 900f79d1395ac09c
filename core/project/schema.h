#pragma once

#include <QSqlDatabase>

namespace tagwise::schema {

/// The layout this version of Tagwise reads and writes (PRAGMA user_version).
inline constexpr int kVersion = 3;

/**
 * Brings the database \a db from \a from (0: a new, empty database) to
 * kVersion, one step at a time, in one transaction: the file holds either
 * the old layout or the new one. Throws ProjectError naming the database.
 *
 * 1: settings, images, tags, image_tags.
 * 2: runs (the training runs of the project, for the Train workspace and
 *    `tagwise-cli runs`).
 * 3: image_tags.suggested (tags a model suggested, until a person confirms them).
 */
void migrate(QSqlDatabase &db, int from);

}
