#include "core/project/projectstore.h"

#include "core/project/projecterror.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace tagwise {

namespace {

const QString kDataDir = QStringLiteral(".tagwise");
const QString kDatabaseFile = QStringLiteral("project.db");
constexpr int kSchemaVersion = 1;

// A palette that stays readable on light and dark backgrounds.
const char *const kPalette[] = {"#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4",
                                "#f032e6", "#9a6324", "#469990", "#808000", "#000075", "#e6beff"};

// A null QString binds as SQL NULL; the text columns are NOT NULL.
QString nonNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QString sqlError(const QSqlQuery &query)
{
    return query.lastError().text();
}

// FNV-1a of the UTF-8 path: stable across runs, machines and Qt versions.
quint32 stableHash(const QString &text)
{
    quint32 hash = 2166136261u;
    for (const char c : text.toUtf8()) {
        hash ^= quint8(c);
        hash *= 16777619u;
    }
    return hash;
}

void insertSorted(std::vector<qint64> &values, qint64 value)
{
    const auto it = std::lower_bound(values.begin(), values.end(), value);
    if (it == values.end() || *it != value)
        values.insert(it, value);
}

void eraseValue(std::vector<qint64> &values, qint64 value)
{
    const auto it = std::lower_bound(values.begin(), values.end(), value);
    if (it != values.end() && *it == value)
        values.erase(it);
}

}

bool ImageRecord::hasTag(qint64 tagId) const
{
    return std::binary_search(tags.begin(), tags.end(), tagId);
}

ProjectStore::ProjectStore(const QString &rootDir)
    : m_root(QDir::cleanPath(QFileInfo(rootDir).absoluteFilePath()))
{
    static QAtomicInteger<int> counter;
    m_connection = QStringLiteral("tagwise-project-%1").arg(counter.fetchAndAddRelaxed(1));
}

ProjectStore::~ProjectStore()
{
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
}

std::unique_ptr<ProjectStore> ProjectStore::open(const QString &rootDir)
{
    const QFileInfo info(rootDir);
    if (!info.exists())
        throw ProjectError(QObject::tr("%1: the folder does not exist").arg(rootDir));
    if (!info.isDir())
        throw ProjectError(QObject::tr("%1: not a folder").arg(rootDir));
    std::unique_ptr<ProjectStore> store(new ProjectStore(rootDir));
    store->openDatabase();
    store->load();
    return store;
}

bool ProjectStore::exists(const QString &rootDir)
{
    return QFileInfo::exists(QDir(rootDir).filePath(kDataDir + QLatin1Char('/') + kDatabaseFile));
}

const QStringList &ProjectStore::imageSuffixes()
{
    static const QStringList suffixes = {QStringLiteral("jpg"),  QStringLiteral("jpeg"), QStringLiteral("png"),
                                         QStringLiteral("bmp"),  QStringLiteral("tif"),  QStringLiteral("tiff"),
                                         QStringLiteral("webp"), QStringLiteral("jp2"),  QStringLiteral("pgm"),
                                         QStringLiteral("ppm"),  QStringLiteral("pnm")};
    return suffixes;
}

Split ProjectStore::defaultSplit(const QString &relativePath)
{
    const quint32 bucket = stableHash(relativePath) % 100u;
    if (bucket < 80)
        return Split::Train;
    if (bucket < 90)
        return Split::Validation;
    return Split::Test;
}

QString ProjectStore::rootPath() const
{
    return m_root;
}

QString ProjectStore::dataPath() const
{
    return m_root + QLatin1Char('/') + kDataDir;
}

QString ProjectStore::absolutePath(const QString &relativePath) const
{
    return m_root + QLatin1Char('/') + relativePath;
}

QString ProjectStore::relativePath(const QString &absolutePath) const
{
    return QDir(m_root).relativeFilePath(QDir::cleanPath(QFileInfo(absolutePath).absoluteFilePath()));
}

void ProjectStore::openDatabase()
{
    const QString dataDir = dataPath();
    if (!QDir().mkpath(dataDir))
        throw ProjectError(QObject::tr("%1: cannot create the project folder").arg(dataDir));
    const QString file = dataDir + QLatin1Char('/') + kDatabaseFile;
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    m_db.setDatabaseName(file);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open())
        throw ProjectError(QObject::tr("%1: cannot open the project database: %2").arg(file, m_db.lastError().text()));

    QSqlQuery check(m_db);
    if (!check.exec(QStringLiteral("PRAGMA quick_check")) || !check.next()
        || check.value(0).toString() != QLatin1String("ok"))
        throw ProjectError(QObject::tr("%1: the project database is damaged (%2)")
                               .arg(file, check.lastError().isValid() ? check.lastError().text()
                                                                      : check.value(0).toString()));
    check.finish();
    // WAL + FULL sync: a committed edit survives a crash or a power cut.
    exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    exec(QStringLiteral("PRAGMA synchronous=FULL"));
    exec(QStringLiteral("PRAGMA foreign_keys=ON"));

    QSqlQuery version(m_db);
    version.exec(QStringLiteral("PRAGMA user_version"));
    const int current = version.next() ? version.value(0).toInt() : 0;
    version.finish();
    if (current > kSchemaVersion)
        throw ProjectError(QObject::tr("%1: made by a newer version of Tagwise (schema %2)").arg(file).arg(current));
    if (current == kSchemaVersion)
        return;
    transaction([this] {
        exec(QStringLiteral("CREATE TABLE IF NOT EXISTS settings(key TEXT PRIMARY KEY, value TEXT)"));
        exec(QStringLiteral("CREATE TABLE IF NOT EXISTS images("
                            "id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, size INTEGER NOT NULL DEFAULT 0,"
                            "mtime INTEGER NOT NULL DEFAULT 0, split INTEGER NOT NULL DEFAULT 0,"
                            "reviewed INTEGER NOT NULL DEFAULT 0, missing INTEGER NOT NULL DEFAULT 0)"));
        exec(QStringLiteral("CREATE TABLE IF NOT EXISTS tags("
                            "id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, color TEXT NOT NULL,"
                            "shortcut TEXT NOT NULL DEFAULT '', position INTEGER NOT NULL)"));
        exec(QStringLiteral("CREATE TABLE IF NOT EXISTS image_tags("
                            "image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,"
                            "tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,"
                            "PRIMARY KEY(image_id, tag_id)) WITHOUT ROWID"));
        exec(QStringLiteral("CREATE INDEX IF NOT EXISTS image_tags_by_tag ON image_tags(tag_id)"));
        exec(QStringLiteral("PRAGMA user_version=%1").arg(kSchemaVersion));
    });
}

void ProjectStore::exec(const QString &sql)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql))
        throw ProjectError(QObject::tr("%1: %2 (%3)").arg(m_db.databaseName(), sqlError(query), sql));
}

template<typename F>
void ProjectStore::transaction(F &&body)
{
    if (!m_db.transaction())
        throw ProjectError(QObject::tr("%1: cannot start a transaction: %2")
                               .arg(m_db.databaseName(), m_db.lastError().text()));
    try {
        body();
    } catch (...) {
        m_db.rollback();
        throw;
    }
    if (!m_db.commit()) {
        const QString reason = m_db.lastError().text();
        m_db.rollback();
        throw ProjectError(QObject::tr("%1: cannot save: %2").arg(m_db.databaseName(), reason));
    }
}

void ProjectStore::load()
{
    m_images.clear();
    m_tags.clear();
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, name, color, shortcut, position FROM tags ORDER BY position, id")))
        throw ProjectError(QObject::tr("%1: %2").arg(m_db.databaseName(), sqlError(query)));
    while (query.next())
        m_tags.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                       query.value(3).toString(), query.value(4).toInt()});

    if (!query.exec(QStringLiteral("SELECT id, path, size, mtime, split, reviewed, missing FROM images ORDER BY path")))
        throw ProjectError(QObject::tr("%1: %2").arg(m_db.databaseName(), sqlError(query)));
    while (query.next()) {
        ImageRecord record;
        record.id = query.value(0).toLongLong();
        record.path = query.value(1).toString();
        record.size = query.value(2).toLongLong();
        record.mtime = query.value(3).toLongLong();
        record.split = Split(std::clamp(query.value(4).toInt(), 0, 2));
        record.reviewed = query.value(5).toBool();
        record.missing = query.value(6).toBool();
        m_images.push_back(std::move(record));
    }
    rebuildIndex();

    if (!query.exec(QStringLiteral("SELECT image_id, tag_id FROM image_tags")))
        throw ProjectError(QObject::tr("%1: %2").arg(m_db.databaseName(), sqlError(query)));
    while (query.next()) {
        const int index = m_imageIndex.value(query.value(0).toLongLong(), -1);
        if (index >= 0)
            m_images[size_t(index)].tags.push_back(query.value(1).toLongLong());
    }
    for (ImageRecord &record : m_images)
        std::sort(record.tags.begin(), record.tags.end());
}

void ProjectStore::rebuildIndex()
{
    std::sort(m_images.begin(), m_images.end(),
              [](const ImageRecord &a, const ImageRecord &b) { return a.path < b.path; });
    m_imageIndex.clear();
    m_pathIndex.clear();
    m_imageIndex.reserve(qsizetype(m_images.size()));
    m_pathIndex.reserve(qsizetype(m_images.size()));
    for (size_t i = 0; i < m_images.size(); ++i) {
        m_imageIndex.insert(m_images[i].id, int(i));
        m_pathIndex.insert(m_images[i].path, int(i));
    }
}

int ProjectStore::indexOfImage(qint64 id) const
{
    return m_imageIndex.value(id, -1);
}

int ProjectStore::indexOfPath(const QString &path) const
{
    return m_pathIndex.value(path, -1);
}

const ImageRecord *ProjectStore::image(qint64 id) const
{
    const int index = indexOfImage(id);
    return index < 0 ? nullptr : &m_images[size_t(index)];
}

int ProjectStore::addImages(const QList<ScannedFile> &files)
{
    QList<ImageRecord> added;
    transaction([&] {
        QSqlQuery insert(m_db);
        insert.prepare(QStringLiteral("INSERT INTO images(path, size, mtime, split) VALUES(?, ?, ?, ?)"));
        QSet<QString> seen;
        for (const ScannedFile &file : files) {
            if (indexOfPath(file.path) >= 0 || seen.contains(file.path))
                continue;
            seen.insert(file.path);
            const Split split = defaultSplit(file.path);
            insert.addBindValue(file.path);
            insert.addBindValue(file.size);
            insert.addBindValue(file.mtime);
            insert.addBindValue(int(split));
            if (!insert.exec())
                throw ProjectError(QObject::tr("%1: cannot add %2: %3")
                                       .arg(m_db.databaseName(), file.path, sqlError(insert)));
            ImageRecord record;
            record.id = insert.lastInsertId().toLongLong();
            record.path = file.path;
            record.size = file.size;
            record.mtime = file.mtime;
            record.split = split;
            added.append(std::move(record));
        }
    });
    if (added.isEmpty())
        return 0;
    for (ImageRecord &record : added)
        m_images.push_back(std::move(record));
    rebuildIndex();
    Q_EMIT imageListChanged();
    return int(added.size());
}

ScanChanges ProjectStore::applyScan(const QList<ScannedFile> &files)
{
    ScanChanges changes;
    QHash<QString, const ScannedFile *> found;
    found.reserve(files.size());
    for (const ScannedFile &file : files)
        found.insert(file.path, &file);

    // Known images that vanished, and files that are new.
    QList<int> vanished;
    QList<int> returned;
    for (size_t i = 0; i < m_images.size(); ++i) {
        const bool present = found.contains(m_images[i].path);
        if (!present && !m_images[i].missing)
            vanished.append(int(i));
        else if (present && m_images[i].missing)
            returned.append(int(i));
    }
    QList<const ScannedFile *> fresh;
    for (const ScannedFile &file : files) {
        if (indexOfPath(file.path) < 0)
            fresh.append(&file);
    }

    // A vanished image whose file name and size match exactly one new file was moved.
    QMultiHash<QPair<QString, qint64>, const ScannedFile *> freshByKey;
    for (const ScannedFile *file : fresh)
        freshByKey.insert({QFileInfo(file->path).fileName(), file->size}, file);
    QHash<int, const ScannedFile *> moves;
    QSet<const ScannedFile *> claimed;
    for (int index : std::as_const(vanished)) {
        const ImageRecord &record = m_images[size_t(index)];
        const auto candidates = freshByKey.values({QFileInfo(record.path).fileName(), record.size});
        if (candidates.size() == 1 && !claimed.contains(candidates.first())) {
            moves.insert(index, candidates.first());
            claimed.insert(candidates.first());
        }
    }

    QList<ImageRecord> added;
    transaction([&] {
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("UPDATE images SET missing = ? WHERE id = ?"));
        for (int index : std::as_const(vanished)) {
            if (moves.contains(index))
                continue;
            query.addBindValue(1);
            query.addBindValue(m_images[size_t(index)].id);
            if (!query.exec())
                throw ProjectError(QObject::tr("%1: %2").arg(m_db.databaseName(), sqlError(query)));
        }
        for (int index : std::as_const(returned)) {
            query.addBindValue(0);
            query.addBindValue(m_images[size_t(index)].id);
            if (!query.exec())
                throw ProjectError(QObject::tr("%1: %2").arg(m_db.databaseName(), sqlError(query)));
        }
        QSqlQuery move(m_db);
        move.prepare(QStringLiteral("UPDATE images SET path = ?, mtime = ?, missing = 0 WHERE id = ?"));
        for (auto it = moves.cbegin(); it != moves.cend(); ++it) {
            move.addBindValue(it.value()->path);
            move.addBindValue(it.value()->mtime);
            move.addBindValue(m_images[size_t(it.key())].id);
            if (!move.exec())
                throw ProjectError(QObject::tr("%1: %2").arg(m_db.databaseName(), sqlError(move)));
        }
        QSqlQuery insert(m_db);
        insert.prepare(QStringLiteral("INSERT INTO images(path, size, mtime, split) VALUES(?, ?, ?, ?)"));
        for (const ScannedFile *file : std::as_const(fresh)) {
            if (claimed.contains(file))
                continue;
            const Split split = defaultSplit(file->path);
            insert.addBindValue(file->path);
            insert.addBindValue(file->size);
            insert.addBindValue(file->mtime);
            insert.addBindValue(int(split));
            if (!insert.exec())
                throw ProjectError(QObject::tr("%1: cannot add %2: %3")
                                       .arg(m_db.databaseName(), file->path, sqlError(insert)));
            ImageRecord record;
            record.id = insert.lastInsertId().toLongLong();
            record.path = file->path;
            record.size = file->size;
            record.mtime = file->mtime;
            record.split = split;
            added.append(std::move(record));
        }
    });

    // The database is committed: bring the mirror in line.
    for (int index : std::as_const(vanished)) {
        if (!moves.contains(index))
            m_images[size_t(index)].missing = true;
    }
    for (int index : std::as_const(returned))
        m_images[size_t(index)].missing = false;
    for (auto it = moves.cbegin(); it != moves.cend(); ++it) {
        ImageRecord &record = m_images[size_t(it.key())];
        record.path = it.value()->path;
        record.mtime = it.value()->mtime;
        record.missing = false;
    }
    for (ImageRecord &record : added)
        m_images.push_back(std::move(record));

    changes.added = int(added.size());
    changes.moved = int(moves.size());
    changes.vanished = int(vanished.size()) - changes.moved;
    changes.returned = int(returned.size());
    if (changes.added || changes.moved || changes.vanished || changes.returned) {
        rebuildIndex();
        Q_EMIT imageListChanged();
    }
    return changes;
}

void ProjectStore::setSplit(const QList<qint64> &imageIds, Split split)
{
    transaction([&] {
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("UPDATE images SET split = ? WHERE id = ?"));
        for (qint64 id : imageIds) {
            query.addBindValue(int(split));
            query.addBindValue(id);
            if (!query.exec())
                throw ProjectError(QObject::tr("%1: %2").arg(m_db.databaseName(), sqlError(query)));
        }
    });
    for (qint64 id : imageIds) {
        const int index = indexOfImage(id);
        if (index >= 0)
            m_images[size_t(index)].split = split;
    }
    Q_EMIT imagesChanged(imageIds);
}

const TagInfo *ProjectStore::tag(qint64 id) const
{
    for (const TagInfo &info : m_tags) {
        if (info.id == id)
            return &info;
    }
    return nullptr;
}

const TagInfo *ProjectStore::tagByName(const QString &name) const
{
    for (const TagInfo &info : m_tags) {
        if (info.name == name)
            return &info;
    }
    return nullptr;
}

QString ProjectStore::nextColor() const
{
    return QString::fromLatin1(kPalette[m_tags.size() % (sizeof(kPalette) / sizeof(kPalette[0]))]);
}

qint64 ProjectStore::addTag(const QString &name, const QString &color, const QString &shortcut)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        throw ProjectError(QObject::tr("A tag needs a name"));
    if (trimmed.contains(QLatin1Char(' ')) || trimmed.contains(QLatin1Char(',')))
        throw ProjectError(QObject::tr("Tag \"%1\": a tag name cannot contain spaces or commas").arg(trimmed));
    if (tagByName(trimmed))
        throw ProjectError(QObject::tr("Tag \"%1\" exists already").arg(trimmed));
    TagInfo info;
    info.name = trimmed;
    info.color = color.isEmpty() ? nextColor() : color;
    info.position = m_tags.isEmpty() ? 0 : m_tags.last().position + 1;
    if (!shortcut.isEmpty()) {
        info.shortcut = shortcut;
    } else {
        // The first nine tags get the number keys that are still free.
        for (int key = 1; key <= 9; ++key) {
            const QString candidate = QString::number(key);
            const bool taken = std::any_of(m_tags.cbegin(), m_tags.cend(),
                                           [&](const TagInfo &t) { return t.shortcut == candidate; });
            if (!taken) {
                info.shortcut = candidate;
                break;
            }
        }
    }
    transaction([&] {
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("INSERT INTO tags(name, color, shortcut, position) VALUES(?, ?, ?, ?)"));
        query.addBindValue(info.name);
        query.addBindValue(nonNull(info.color));
        query.addBindValue(nonNull(info.shortcut));
        query.addBindValue(info.position);
        if (!query.exec())
            throw ProjectError(QObject::tr("%1: cannot add tag %2: %3").arg(m_db.databaseName(), info.name, sqlError(query)));
        info.id = query.lastInsertId().toLongLong();
    });
    m_tags.append(info);
    Q_EMIT tagsChanged();
    return info.id;
}

void ProjectStore::renameTag(qint64 tagId, const QString &name)
{
    const QString trimmed = name.trimmed();
    const TagInfo *current = tag(tagId);
    if (!current)
        throw ProjectError(QObject::tr("No tag with id %1").arg(tagId));
    if (trimmed.isEmpty())
        throw ProjectError(QObject::tr("A tag needs a name"));
    if (trimmed.contains(QLatin1Char(' ')) || trimmed.contains(QLatin1Char(',')))
        throw ProjectError(QObject::tr("Tag \"%1\": a tag name cannot contain spaces or commas").arg(trimmed));
    const TagInfo *other = tagByName(trimmed);
    if (other && other->id != tagId)
        throw ProjectError(QObject::tr("Tag \"%1\" exists already").arg(trimmed));
    transaction([&] {
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("UPDATE tags SET name = ? WHERE id = ?"));
        query.addBindValue(trimmed);
        query.addBindValue(tagId);
        if (!query.exec())
            throw ProjectError(QObject::tr("%1: cannot rename tag: %2").arg(m_db.databaseName(), sqlError(query)));
    });
    for (TagInfo &info : m_tags) {
        if (info.id == tagId)
            info.name = trimmed;
    }
    Q_EMIT tagsChanged();
}

void ProjectStore::setTagColor(qint64 tagId, const QString &color)
{
    if (!tag(tagId))
        throw ProjectError(QObject::tr("No tag with id %1").arg(tagId));
    transaction([&] {
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("UPDATE tags SET color = ? WHERE id = ?"));
        query.addBindValue(nonNull(color));
        query.addBindValue(tagId);
        if (!query.exec())
            throw ProjectError(QObject::tr("%1: %2").arg(m_db.databaseName(), sqlError(query)));
    });
    for (TagInfo &info : m_tags) {
        if (info.id == tagId)
            info.color = color;
    }
    Q_EMIT tagsChanged();
}

void ProjectStore::setTagShortcut(qint64 tagId, const QString &shortcut)
{
    if (!tag(tagId))
        throw ProjectError(QObject::tr("No tag with id %1").arg(tagId));
    // A shortcut belongs to one tag: it moves from any other tag that had it.
    transaction([&] {
        QSqlQuery query(m_db);
        if (!shortcut.isEmpty()) {
            query.prepare(QStringLiteral("UPDATE tags SET shortcut = '' WHERE shortcut = ? AND id <> ?"));
            query.addBindValue(nonNull(shortcut));
            query.addBindValue(tagId);
            if (!query.exec())
                throw ProjectError(QObject::tr("%1: %2").arg(m_db.databaseName(), sqlError(query)));
        }
        query.prepare(QStringLiteral("UPDATE tags SET shortcut = ? WHERE id = ?"));
        query.addBindValue(nonNull(shortcut));
        query.addBindValue(tagId);
        if (!query.exec())
            throw ProjectError(QObject::tr("%1: %2").arg(m_db.databaseName(), sqlError(query)));
    });
    for (TagInfo &info : m_tags) {
        if (info.id == tagId)
            info.shortcut = shortcut;
        else if (!shortcut.isEmpty() && info.shortcut == shortcut)
            info.shortcut.clear();
    }
    Q_EMIT tagsChanged();
}

QList<qint64> ProjectStore::deleteTag(qint64 tagId)
{
    if (!tag(tagId))
        throw ProjectError(QObject::tr("No tag with id %1").arg(tagId));
    QList<qint64> had;
    for (const ImageRecord &record : m_images) {
        if (record.hasTag(tagId))
            had.append(record.id);
    }
    transaction([&] {
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("DELETE FROM image_tags WHERE tag_id = ?"));
        query.addBindValue(tagId);
        if (!query.exec())
            throw ProjectError(QObject::tr("%1: %2").arg(m_db.databaseName(), sqlError(query)));
        query.prepare(QStringLiteral("DELETE FROM tags WHERE id = ?"));
        query.addBindValue(tagId);
        if (!query.exec())
            throw ProjectError(QObject::tr("%1: %2").arg(m_db.databaseName(), sqlError(query)));
    });
    for (qint64 id : std::as_const(had))
        eraseValue(m_images[size_t(indexOfImage(id))].tags, tagId);
    m_tags.removeIf([tagId](const TagInfo &info) { return info.id == tagId; });
    Q_EMIT tagsChanged();
    if (!had.isEmpty())
        Q_EMIT imagesChanged(had);
    return had;
}

void ProjectStore::restoreTag(const TagInfo &info, const QList<qint64> &imageIds)
{
    if (tag(info.id) || tagByName(info.name))
        throw ProjectError(QObject::tr("Tag \"%1\" exists already").arg(info.name));
    transaction([&] {
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("INSERT INTO tags(id, name, color, shortcut, position) VALUES(?, ?, ?, ?, ?)"));
        query.addBindValue(info.id);
        query.addBindValue(info.name);
        query.addBindValue(nonNull(info.color));
        query.addBindValue(nonNull(info.shortcut));
        query.addBindValue(info.position);
        if (!query.exec())
            throw ProjectError(QObject::tr("%1: %2").arg(m_db.databaseName(), sqlError(query)));
        if (!info.shortcut.isEmpty()) {
            query.prepare(QStringLiteral("UPDATE tags SET shortcut = '' WHERE shortcut = ? AND id <> ?"));
            query.addBindValue(nonNull(info.shortcut));
            query.addBindValue(info.id);
            if (!query.exec())
                throw ProjectError(QObject::tr("%1: %2").arg(m_db.databaseName(), sqlError(query)));
        }
        query.prepare(QStringLiteral("INSERT OR IGNORE INTO image_tags(image_id, tag_id) VALUES(?, ?)"));
        for (qint64 id : imageIds) {
            query.addBindValue(id);
            query.addBindValue(info.id);
            if (!query.exec())
                throw ProjectError(QObject::tr("%1: %2").arg(m_db.databaseName(), sqlError(query)));
        }
    });
    for (TagInfo &other : m_tags) {
        if (!info.shortcut.isEmpty() && other.shortcut == info.shortcut)
            other.shortcut.clear();
    }
    m_tags.append(info);
    std::sort(m_tags.begin(), m_tags.end(), [](const TagInfo &a, const TagInfo &b) {
        return a.position != b.position ? a.position < b.position : a.id < b.id;
    });
    for (qint64 id : imageIds) {
        const int index = indexOfImage(id);
        if (index >= 0)
            insertSorted(m_images[size_t(index)].tags, info.id);
    }
    Q_EMIT tagsChanged();
    if (!imageIds.isEmpty())
        Q_EMIT imagesChanged(imageIds);
}

QList<qint64> ProjectStore::mergeTags(qint64 fromId, qint64 intoId)
{
    if (!tag(fromId) || !tag(intoId) || fromId == intoId)
        throw ProjectError(QObject::tr("Cannot merge tag %1 into tag %2").arg(fromId).arg(intoId));
    QList<qint64> gained;
    QList<qint64> touched;
    for (const ImageRecord &record : m_images) {
        if (record.hasTag(fromId)) {
            touched.append(record.id);
            if (!record.hasTag(intoId))
                gained.append(record.id);
        }
    }
    transaction([&] {
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("INSERT OR IGNORE INTO image_tags(image_id, tag_id) "
                                     "SELECT image_id, ? FROM image_tags WHERE tag_id = ?"));
        query.addBindValue(intoId);
        query.addBindValue(fromId);
        if (!query.exec())
            throw ProjectError(QObject::tr("%1: %2").arg(m_db.databaseName(), sqlError(query)));
        query.prepare(QStringLiteral("DELETE FROM image_tags WHERE tag_id = ?"));
        query.addBindValue(fromId);
        if (!query.exec())
            throw ProjectError(QObject::tr("%1: %2").arg(m_db.databaseName(), sqlError(query)));
        query.prepare(QStringLiteral("DELETE FROM tags WHERE id = ?"));
        query.addBindValue(fromId);
        if (!query.exec())
            throw ProjectError(QObject::tr("%1: %2").arg(m_db.databaseName(), sqlError(query)));
    });
    for (qint64 id : std::as_const(touched)) {
        auto &tags = m_images[size_t(indexOfImage(id))].tags;
        eraseValue(tags, fromId);
        insertSorted(tags, intoId);
    }
    m_tags.removeIf([fromId](const TagInfo &info) { return info.id == fromId; });
    Q_EMIT tagsChanged();
    if (!touched.isEmpty())
        Q_EMIT imagesChanged(touched);
    return gained;
}

QHash<qint64, int> ProjectStore::tagCounts() const
{
    QHash<qint64, int> counts;
    for (const TagInfo &info : m_tags)
        counts.insert(info.id, 0);
    for (const ImageRecord &record : m_images) {
        for (qint64 id : record.tags)
            ++counts[id];
    }
    return counts;
}

QList<TagState> ProjectStore::setTag(const QList<qint64> &imageIds, qint64 tagId, bool on)
{
    if (!tag(tagId))
        throw ProjectError(QObject::tr("No tag with id %1").arg(tagId));
    QList<TagState> previous;
    for (qint64 id : imageIds) {
        const ImageRecord *record = image(id);
        if (record && record->hasTag(tagId) != on)
            previous.append({id, !on});
    }
    QList<TagState> wanted;
    wanted.reserve(previous.size());
    for (const TagState &state : std::as_const(previous))
        wanted.append({state.imageId, on});
    setTagStates(tagId, wanted);
    return previous;
}

void ProjectStore::setTagStates(qint64 tagId, const QList<TagState> &states)
{
    if (states.isEmpty())
        return;
    if (!tag(tagId))
        throw ProjectError(QObject::tr("No tag with id %1").arg(tagId));
    transaction([&] {
        QSqlQuery add(m_db);
        add.prepare(QStringLiteral("INSERT OR IGNORE INTO image_tags(image_id, tag_id) VALUES(?, ?)"));
        QSqlQuery remove(m_db);
        remove.prepare(QStringLiteral("DELETE FROM image_tags WHERE image_id = ? AND tag_id = ?"));
        for (const TagState &state : states) {
            QSqlQuery &query = state.on ? add : remove;
            query.addBindValue(state.imageId);
            query.addBindValue(tagId);
            if (!query.exec())
                throw ProjectError(QObject::tr("%1: cannot save a tag: %2").arg(m_db.databaseName(), sqlError(query)));
        }
    });
    QList<qint64> changed;
    changed.reserve(states.size());
    for (const TagState &state : states) {
        const int index = indexOfImage(state.imageId);
        if (index < 0)
            continue;
        if (state.on)
            insertSorted(m_images[size_t(index)].tags, tagId);
        else
            eraseValue(m_images[size_t(index)].tags, tagId);
        changed.append(state.imageId);
    }
    Q_EMIT imagesChanged(changed);
}

QList<TagState> ProjectStore::setReviewed(const QList<qint64> &imageIds, bool reviewed)
{
    QList<TagState> previous;
    QList<TagState> wanted;
    for (qint64 id : imageIds) {
        const ImageRecord *record = image(id);
        if (record && record->reviewed != reviewed) {
            previous.append({id, !reviewed});
            wanted.append({id, reviewed});
        }
    }
    setReviewedStates(wanted);
    return previous;
}

void ProjectStore::setReviewedStates(const QList<TagState> &states)
{
    if (states.isEmpty())
        return;
    transaction([&] {
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("UPDATE images SET reviewed = ? WHERE id = ?"));
        for (const TagState &state : states) {
            query.addBindValue(state.on ? 1 : 0);
            query.addBindValue(state.imageId);
            if (!query.exec())
                throw ProjectError(QObject::tr("%1: cannot save: %2").arg(m_db.databaseName(), sqlError(query)));
        }
    });
    QList<qint64> changed;
    for (const TagState &state : states) {
        const int index = indexOfImage(state.imageId);
        if (index >= 0) {
            m_images[size_t(index)].reviewed = state.on;
            changed.append(state.imageId);
        }
    }
    Q_EMIT imagesChanged(changed);
}

void ProjectStore::applyImageTags(const QList<ImageTags> &rows, bool replace)
{
    if (rows.isEmpty())
        return;
    // Work on copies; the mirror changes only once the transaction committed.
    QList<TagInfo> tags = m_tags;
    QHash<QString, qint64> tagIds;
    for (const TagInfo &info : std::as_const(tags))
        tagIds.insert(info.name, info.id);
    QHash<qint64, std::vector<qint64>> newTags; // image id -> tags
    QList<ImageRecord> added;
    bool tagsAdded = false;

    transaction([&] {
        QSqlQuery addTagQuery(m_db);
        addTagQuery.prepare(QStringLiteral("INSERT INTO tags(name, color, shortcut, position) VALUES(?, ?, ?, ?)"));
        QSqlQuery addImage(m_db);
        addImage.prepare(QStringLiteral("INSERT INTO images(path, size, mtime, split) VALUES(?, ?, ?, ?)"));
        QSqlQuery clear(m_db);
        clear.prepare(QStringLiteral("DELETE FROM image_tags WHERE image_id = ?"));
        QSqlQuery assign(m_db);
        assign.prepare(QStringLiteral("INSERT OR IGNORE INTO image_tags(image_id, tag_id) VALUES(?, ?)"));
        QSqlQuery review(m_db);
        review.prepare(QStringLiteral("UPDATE images SET reviewed = 1 WHERE id = ?"));
        QHash<QString, qint64> addedPaths;

        for (const ImageTags &row : rows) {
            qint64 imageId = 0;
            const int index = indexOfPath(row.path);
            if (index >= 0) {
                imageId = m_images[size_t(index)].id;
            } else if (addedPaths.contains(row.path)) {
                imageId = addedPaths.value(row.path);
            } else {
                const QFileInfo info(absolutePath(row.path));
                ImageRecord record;
                record.path = row.path;
                record.size = info.size();
                record.mtime = info.lastModified().toSecsSinceEpoch();
                record.split = defaultSplit(row.path);
                addImage.addBindValue(record.path);
                addImage.addBindValue(record.size);
                addImage.addBindValue(record.mtime);
                addImage.addBindValue(int(record.split));
                if (!addImage.exec())
                    throw ProjectError(QObject::tr("%1: cannot add %2: %3")
                                           .arg(m_db.databaseName(), row.path, sqlError(addImage)));
                record.id = addImage.lastInsertId().toLongLong();
                imageId = record.id;
                addedPaths.insert(row.path, imageId);
                added.append(std::move(record));
            }

            std::vector<qint64> ids;
            for (const QString &rawName : row.tags) {
                const QString name = rawName.trimmed();
                if (name.isEmpty())
                    continue;
                if (name.contains(QLatin1Char(' ')) || name.contains(QLatin1Char(',')))
                    throw ProjectError(QObject::tr("Tag \"%1\" of %2: a tag name cannot contain spaces or commas")
                                           .arg(name, row.path));
                auto it = tagIds.find(name);
                if (it == tagIds.end()) {
                    TagInfo info;
                    info.name = name;
                    info.color = QString::fromLatin1(kPalette[tags.size() % (sizeof(kPalette) / sizeof(kPalette[0]))]);
                    info.position = tags.isEmpty() ? 0 : tags.last().position + 1;
                    if (tags.size() < 9) {
                        for (int key = 1; key <= 9; ++key) {
                            const QString candidate = QString::number(key);
                            if (std::none_of(tags.cbegin(), tags.cend(),
                                             [&](const TagInfo &t) { return t.shortcut == candidate; })) {
                                info.shortcut = candidate;
                                break;
                            }
                        }
                    }
                    addTagQuery.addBindValue(info.name);
                    addTagQuery.addBindValue(nonNull(info.color));
                    addTagQuery.addBindValue(nonNull(info.shortcut));
                    addTagQuery.addBindValue(info.position);
                    if (!addTagQuery.exec())
                        throw ProjectError(QObject::tr("%1: cannot add tag %2: %3")
                                               .arg(m_db.databaseName(), name, sqlError(addTagQuery)));
                    info.id = addTagQuery.lastInsertId().toLongLong();
                    tags.append(info);
                    it = tagIds.insert(name, info.id);
                    tagsAdded = true;
                }
                ids.push_back(it.value());
            }

            auto existing = newTags.find(imageId);
            if (existing == newTags.end()) {
                std::vector<qint64> base;
                if (!replace && index >= 0)
                    base = m_images[size_t(index)].tags;
                existing = newTags.insert(imageId, base);
                if (replace) {
                    clear.addBindValue(imageId);
                    if (!clear.exec())
                        throw ProjectError(QObject::tr("%1: %2").arg(m_db.databaseName(), sqlError(clear)));
                }
            }
            for (qint64 tagId : ids) {
                insertSorted(existing.value(), tagId);
                assign.addBindValue(imageId);
                assign.addBindValue(tagId);
                if (!assign.exec())
                    throw ProjectError(QObject::tr("%1: %2").arg(m_db.databaseName(), sqlError(assign)));
            }
            review.addBindValue(imageId);
            if (!review.exec())
                throw ProjectError(QObject::tr("%1: %2").arg(m_db.databaseName(), sqlError(review)));
        }
    });

    m_tags = tags;
    const bool listChanged = !added.isEmpty();
    for (ImageRecord &record : added)
        m_images.push_back(std::move(record));
    if (listChanged)
        rebuildIndex();
    QList<qint64> changed;
    for (auto it = newTags.cbegin(); it != newTags.cend(); ++it) {
        ImageRecord &record = m_images[size_t(indexOfImage(it.key()))];
        record.tags = it.value();
        record.reviewed = true;
        changed.append(it.key());
    }
    if (tagsAdded)
        Q_EMIT tagsChanged();
    if (listChanged)
        Q_EMIT imageListChanged();
    Q_EMIT imagesChanged(changed);
}

QStringList ProjectStore::tagNames(const ImageRecord &image) const
{
    QStringList names;
    for (const TagInfo &info : m_tags) {
        if (image.hasTag(info.id))
            names.append(info.name);
    }
    return names;
}

QString ProjectStore::setting(const QString &key, const QString &fallback) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    query.addBindValue(key);
    if (query.exec() && query.next())
        return query.value(0).toString();
    return fallback;
}

void ProjectStore::setSetting(const QString &key, const QString &value)
{
    transaction([&] {
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("INSERT OR REPLACE INTO settings(key, value) VALUES(?, ?)"));
        query.addBindValue(key);
        query.addBindValue(value);
        if (!query.exec())
            throw ProjectError(QObject::tr("%1: %2").arg(m_db.databaseName(), sqlError(query)));
    });
}

}
