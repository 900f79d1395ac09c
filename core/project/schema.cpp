#include "core/project/schema.h"

#include "core/project/projecterror.h"

#include <QObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace tagwise::schema {

namespace {

void run(QSqlDatabase &db, const QStringList &statements)
{
    for (const QString &sql : statements) {
        QSqlQuery query(db);
        if (!query.exec(sql))
            throw ProjectError(QObject::tr("%1: cannot update the project's tables: %2 (%3)")
                                   .arg(db.databaseName(), query.lastError().text(), sql));
    }
}

void toVersion1(QSqlDatabase &db)
{
    run(db, {QStringLiteral("CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT)"),
             QStringLiteral("CREATE TABLE images("
                            "id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, size INTEGER NOT NULL DEFAULT 0,"
                            "mtime INTEGER NOT NULL DEFAULT 0, split INTEGER NOT NULL DEFAULT 0,"
                            "reviewed INTEGER NOT NULL DEFAULT 0, missing INTEGER NOT NULL DEFAULT 0)"),
             QStringLiteral("CREATE TABLE tags("
                            "id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, color TEXT NOT NULL,"
                            "shortcut TEXT NOT NULL DEFAULT '', position INTEGER NOT NULL)"),
             QStringLiteral("CREATE TABLE image_tags("
                            "image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,"
                            "tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,"
                            "PRIMARY KEY(image_id, tag_id)) WITHOUT ROWID"),
             QStringLiteral("CREATE INDEX image_tags_by_tag ON image_tags(tag_id)")});
}

void toVersion2(QSqlDatabase &db)
{
    // created/finished: seconds since the epoch (finished NULL while a run goes on);
    // folder: relative to the project root when the run lies inside it.
    run(db, {QStringLiteral("CREATE TABLE runs("
                            "id TEXT PRIMARY KEY, created INTEGER NOT NULL, finished INTEGER,"
                            "architecture TEXT NOT NULL, settings TEXT NOT NULL DEFAULT '{}',"
                            "status TEXT NOT NULL CHECK(status IN ('running', 'finished', 'stopped', 'failed')),"
                            "best_fbeta REAL, epochs INTEGER NOT NULL DEFAULT 0, folder TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX runs_by_created ON runs(created)")});
}

void toVersion3(QSqlDatabase &db)
{
    // suggested: 1 while the tag is a model's suggestion that no person confirmed.
    run(db, {QStringLiteral("ALTER TABLE image_tags ADD COLUMN suggested INTEGER NOT NULL DEFAULT 0")});
}

}

void migrate(QSqlDatabase &db, int from)
{
    if (from >= kVersion)
        return;
    if (!db.transaction())
        throw ProjectError(QObject::tr("%1: cannot start a transaction: %2").arg(db.databaseName(), db.lastError().text()));
    try {
        if (from < 1)
            toVersion1(db);
        if (from < 2)
            toVersion2(db);
        if (from < 3)
            toVersion3(db);
        run(db, {QStringLiteral("PRAGMA user_version=%1").arg(kVersion)});
    } catch (...) {
        db.rollback();
        throw;
    }
    if (!db.commit()) {
        const QString reason = db.lastError().text();
        db.rollback();
        throw ProjectError(QObject::tr("%1: cannot save the updated tables: %2").arg(db.databaseName(), reason));
    }
}

}
