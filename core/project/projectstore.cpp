#include "core/project/projectstore.h"

#include "core/project/projecterror.h"
#include "core/project/scanplan.h"
#include "core/project/schema.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QUrl>
#include <QVariant>

#include <algorithm>
#include <cmath>

namespace tagwise {

namespace {

const QString kDataDir = QStringLiteral(".tagwise");
const QString kDatabaseFile = QStringLiteral("project.db");

// A palette that stays readable on light and dark backgrounds.
const char *const kPalette[] = {"#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4",
                                "#f032e6", "#9a6324", "#469990", "#808000", "#000075", "#e6beff"};

// SQLite's primary result codes that mean something to a user.
constexpr int kSqliteReadOnly = 8;
constexpr int kSqliteIoError = 10;
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteFull = 13;
constexpr int kSqliteCantOpen = 14;
constexpr int kSqliteNotADatabase = 26;

// A null QString binds as SQL NULL; the text columns are NOT NULL.
QString nonNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
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

int primaryCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

/// \a text with control characters written as \uXXXX, for messages.
QString visible(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control)
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

}

bool ImageRecord::hasTag(qint64 tagId) const
{
    return std::binary_search(tags.begin(), tags.end(), tagId);
}

bool ImageRecord::isSuggested(qint64 tagId) const
{
    return std::binary_search(suggested.begin(), suggested.end(), tagId);
}

bool ImageRecord::isLabeled() const
{
    return !missing && (reviewed || !tags.empty()) && suggested.empty();
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

QString ProjectStore::pathProblem(const QString &relativePath)
{
    if (relativePath.isEmpty())
        return QObject::tr("an empty path");
    if (QDir::isAbsolutePath(relativePath) || relativePath.startsWith(QLatin1Char('/'))
        || relativePath.contains(QLatin1Char('\\')))
        return QObject::tr("not a path relative to the project folder");
    for (const QString &part : relativePath.split(QLatin1Char('/'))) {
        if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String(".."))
            return QObject::tr("leaves the project folder or is not a clean path");
        if (part.startsWith(QLatin1Char('.')))
            return QObject::tr("lies in a hidden folder, or is hidden (\"%1\")").arg(part);
    }
    return {};
}

QString ProjectStore::tagNameProblem(const QString &name)
{
    if (name.isEmpty())
        return QObject::tr("a tag needs a name");
    if (name.contains(QLatin1Char(' ')) || name.contains(QLatin1Char(',')))
        return QObject::tr("a tag name cannot contain spaces or commas");
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control || c.isSpace())
            return QObject::tr("a tag name cannot contain control characters or white space (U+%1)")
                .arg(c.unicode(), 4, 16, QLatin1Char('0'));
    }
    return {};
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

QString ProjectStore::errorText(const QSqlError &error) const
{
    switch (primaryCode(error)) {
    case kSqliteFull:
        return QObject::tr("the disk is full");
    case kSqliteReadOnly:
        return QObject::tr("the project's files are read-only");
    case kSqliteIoError:
        // SQLite reports some full disks as plain I/O errors.
        if (QStorageInfo(dataPath()).bytesAvailable() < 1024 * 1024)
            return QObject::tr("the disk is full");
        return QObject::tr("a disk input/output error (%1)").arg(error.text());
    case kSqliteCorrupt:
    case kSqliteNotADatabase:
        return QObject::tr("the project database is damaged (%1)").arg(error.text());
    default:
        return error.text();
    }
}

void ProjectStore::openDatabase()
{
    const QString dataDir = dataPath();
    const QString file = dataDir + QLatin1Char('/') + kDatabaseFile;
    const QFileInfo fileInfo(file);
    const bool existed = fileInfo.exists();
    if (existed && !fileInfo.isFile())
        throw ProjectError(QObject::tr("%1: not a file").arg(file));
    // A 0-byte database is what a failed copy or a full disk leaves; SQLite would
    // take it for a new database and write tables into it, over whatever it was.
    const QFileInfo wal(file + QStringLiteral("-wal"));
    if (existed && fileInfo.size() == 0 && !(wal.exists() && wal.size() > 0))
        throw ProjectError(QObject::tr("%1: the project database is empty (0 bytes), so its labels are lost; restore "
                                       "it from a backup, or delete it to start the project anew")
                               .arg(file));
    if (!existed) {
        if (!QDir().mkpath(dataDir))
            throw ProjectError(QObject::tr("%1: cannot create the project folder (%2)")
                                   .arg(dataDir, QFileInfo(m_root).isWritable() ? QObject::tr("unknown reason")
                                                                                 : QObject::tr("the folder is read-only")));
    }
    m_readOnly = existed && (!fileInfo.isWritable() || !QFileInfo(dataDir).isWritable());

    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    const auto connect = [&](bool immutable) {
        if (m_db.isOpen())
            m_db.close();
        if (immutable) {
            // A WAL database in a folder it may not write: SQLite cannot make its
            // shared-memory file, so it is read as a file nobody changes.
            m_db.setDatabaseName(QStringLiteral("file:%1?immutable=1").arg(QString::fromUtf8(QUrl::toPercentEncoding(file, "/"))));
            m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_URI;QSQLITE_OPEN_READONLY"));
        } else {
            m_db.setDatabaseName(file);
            m_db.setConnectOptions(m_readOnly ? QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_READONLY")
                                              : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        }
        return m_db.open();
    };
    if (!connect(false))
        throw ProjectError(QObject::tr("%1: cannot open the project database: %2").arg(file, errorText(m_db.lastError())));

    QSqlQuery check(m_db);
    bool checked = check.exec(QStringLiteral("PRAGMA quick_check")) && check.next();
    if (!checked && m_readOnly) {
        check.finish();
        check = QSqlQuery();
        if (!connect(true))
            throw ProjectError(QObject::tr("%1: cannot open the project database: %2").arg(file, errorText(m_db.lastError())));
        check = QSqlQuery(m_db);
        checked = check.exec(QStringLiteral("PRAGMA quick_check")) && check.next();
    }
    if (!checked)
        throw ProjectError(QObject::tr("%1: cannot read the project database: %2").arg(file, errorText(check.lastError())));
    if (check.value(0).toString() != QLatin1String("ok"))
        throw ProjectError(QObject::tr("%1: the project database is damaged (%2)").arg(file, check.value(0).toString()));
    check.finish();

    // What the file is, before anything is written to it.
    QSqlQuery version(m_db);
    version.exec(QStringLiteral("PRAGMA user_version"));
    const int current = version.next() ? version.value(0).toInt() : 0;
    version.finish();
    if (current > schema::kVersion)
        throw ProjectError(QObject::tr("%1: made by a newer version of Tagwise (schema %2)").arg(file).arg(current));
    if (existed && current == 0)
        throw ProjectError(QObject::tr("%1: not a Tagwise project database (it holds no Tagwise tables); it is left "
                                       "as it is")
                               .arg(file));
    if (!m_readOnly) {
        // WAL + FULL sync: a committed edit survives a crash or a power cut.
        exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        exec(QStringLiteral("PRAGMA synchronous=FULL"));
    }
    exec(QStringLiteral("PRAGMA foreign_keys=ON"));
    if (current == schema::kVersion)
        return;
    if (m_readOnly)
        throw ProjectError(QObject::tr("%1: made by an older version of Tagwise and must be updated, but the "
                                       "project's files are read-only")
                               .arg(file));
    schema::migrate(m_db, current);
}

void ProjectStore::exec(const QString &sql)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql))
        throw ProjectError(QObject::tr("%1: %2 (%3)").arg(m_db.databaseName(), errorText(query.lastError()), sql));
}

void ProjectStore::execOrThrow(QSqlQuery &query, const QString &what) const
{
    if (query.exec())
        return;
    const QString reason = errorText(query.lastError());
    throw ProjectError(what.isEmpty() ? QObject::tr("%1: %2").arg(m_db.databaseName(), reason)
                                      : QObject::tr("%1: %2: %3").arg(m_db.databaseName(), what, reason));
}

void ProjectStore::requireWritable() const
{
    if (m_readOnly)
        throw ProjectError(QObject::tr("%1: the project is open read-only (its files may not be written); the change "
                                       "was not made")
                               .arg(m_root));
}

QSqlQuery ProjectStore::prepareImageInsert()
{
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO images(path, size, mtime, split) VALUES(?, ?, ?, ?)"));
    return insert;
}

ImageRecord ProjectStore::insertImage(QSqlQuery &insert, const QString &path, qint64 size, qint64 mtime) const
{
    ImageRecord record;
    record.path = path;
    record.size = size;
    record.mtime = mtime;
    record.split = defaultSplit(path);
    insert.addBindValue(record.path);
    insert.addBindValue(record.size);
    insert.addBindValue(record.mtime);
    insert.addBindValue(int(record.split));
    execOrThrow(insert, QObject::tr("cannot add %1").arg(path));
    record.id = insert.lastInsertId().toLongLong();
    return record;
}

TagInfo ProjectStore::newTag(const QString &name, const QList<TagInfo> &existing)
{
    TagInfo info;
    info.name = name;
    info.color = QString::fromLatin1(kPalette[existing.size() % (sizeof(kPalette) / sizeof(kPalette[0]))]);
    info.position = existing.isEmpty() ? 0 : existing.last().position + 1;
    // The first nine tags get the number keys that are still free.
    for (int key = 1; key <= 9; ++key) {
        const QString candidate = QString::number(key);
        if (std::none_of(existing.cbegin(), existing.cend(), [&](const TagInfo &t) { return t.shortcut == candidate; })) {
            info.shortcut = candidate;
            break;
        }
    }
    return info;
}

template<typename F>
void ProjectStore::transaction(F &&body)
{
    requireWritable();
    if (!m_db.transaction())
        throw ProjectError(QObject::tr("%1: cannot start a transaction: %2")
                               .arg(m_db.databaseName(), errorText(m_db.lastError())));
    try {
        body();
    } catch (...) {
        m_db.rollback();
        throw;
    }
    if (!m_db.commit()) {
        const QString reason = errorText(m_db.lastError());
        m_db.rollback();
        throw ProjectError(QObject::tr("%1: cannot save: %2").arg(m_db.databaseName(), reason));
    }
}

void ProjectStore::load()
{
    m_images.clear();
    m_tags.clear();
    m_rejected.clear();
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, name, color, shortcut, position FROM tags ORDER BY position, id")))
        throw ProjectError(QObject::tr("%1: %2").arg(m_db.databaseName(), errorText(query.lastError())));
    while (query.next())
        m_tags.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                       query.value(3).toString(), query.value(4).toInt()});

    if (!query.exec(QStringLiteral("SELECT id, path, size, mtime, split, reviewed, missing FROM images ORDER BY path")))
        throw ProjectError(QObject::tr("%1: %2").arg(m_db.databaseName(), errorText(query.lastError())));
    while (query.next()) {
        ImageRecord record;
        record.id = query.value(0).toLongLong();
        record.path = query.value(1).toString();
        // The importers and the scanner never store such a path; one that is
        // there was put there by hand, and must not reach outside the project.
        if (const QString problem = pathProblem(record.path); !problem.isEmpty()) {
            m_rejected.append({record.path, problem});
            continue;
        }
        record.size = query.value(2).toLongLong();
        record.mtime = query.value(3).toLongLong();
        record.split = Split(std::clamp(query.value(4).toInt(), 0, 2));
        record.reviewed = query.value(5).toBool();
        record.missing = query.value(6).toBool();
        m_images.push_back(std::move(record));
    }
    rebuildIndex();

    if (!query.exec(QStringLiteral("SELECT image_id, tag_id, suggested FROM image_tags")))
        throw ProjectError(QObject::tr("%1: %2").arg(m_db.databaseName(), errorText(query.lastError())));
    while (query.next()) {
        const int index = m_imageIndex.value(query.value(0).toLongLong(), -1);
        if (index < 0)
            continue;
        ImageRecord &record = m_images[size_t(index)];
        record.tags.push_back(query.value(1).toLongLong());
        if (query.value(2).toBool())
            record.suggested.push_back(query.value(1).toLongLong());
    }
    for (ImageRecord &record : m_images) {
        std::sort(record.tags.begin(), record.tags.end());
        std::sort(record.suggested.begin(), record.suggested.end());
    }
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
        QSqlQuery insert = prepareImageInsert();
        QSet<QString> seen;
        for (const ScannedFile &file : files) {
            if (indexOfPath(file.path) >= 0 || seen.contains(file.path))
                continue;
            if (const QString problem = pathProblem(file.path); !problem.isEmpty())
                throw ProjectError(QObject::tr("%1: cannot add %2: %3").arg(m_db.databaseName(), file.path, problem));
            seen.insert(file.path);
            added.append(insertImage(insert, file.path, file.size, file.mtime));
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
    const ScanPlan plan = planScan(m_images, files);
    ScanChanges changes;
    if (plan.isEmpty())
        return changes;
    QList<ImageRecord> added;
    transaction([&] {
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("UPDATE images SET missing = ? WHERE id = ?"));
        for (const auto &[indexes, missing] : {std::pair{&plan.vanished, 1}, std::pair{&plan.returned, 0}}) {
            for (const int index : *indexes) {
                query.addBindValue(missing);
                query.addBindValue(m_images[size_t(index)].id);
                execOrThrow(query);
            }
        }
        QSqlQuery move(m_db);
        move.prepare(QStringLiteral("UPDATE images SET path = ?, mtime = ?, missing = 0 WHERE id = ?"));
        for (auto it = plan.moves.cbegin(); it != plan.moves.cend(); ++it) {
            move.addBindValue(it.value()->path);
            move.addBindValue(it.value()->mtime);
            move.addBindValue(m_images[size_t(it.key())].id);
            execOrThrow(move);
        }
        QSqlQuery insert = prepareImageInsert();
        for (const ScannedFile *file : plan.fresh)
            added.append(insertImage(insert, file->path, file->size, file->mtime));
    });

    // The database is committed: bring the mirror in line.
    for (const int index : plan.vanished)
        m_images[size_t(index)].missing = true;
    for (const int index : plan.returned)
        m_images[size_t(index)].missing = false;
    for (auto it = plan.moves.cbegin(); it != plan.moves.cend(); ++it) {
        ImageRecord &record = m_images[size_t(it.key())];
        record.path = it.value()->path;
        record.mtime = it.value()->mtime;
        record.missing = false;
    }
    for (ImageRecord &record : added)
        m_images.push_back(std::move(record));

    changes.added = int(added.size());
    changes.moved = int(plan.moves.size());
    changes.vanished = int(plan.vanished.size());
    changes.returned = int(plan.returned.size());
    rebuildIndex();
    Q_EMIT imageListChanged();
    return changes;
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

qint64 ProjectStore::addTag(const QString &name, const QString &color, const QString &shortcut)
{
    const QString trimmed = name.trimmed();
    if (const QString problem = tagNameProblem(trimmed); !problem.isEmpty())
        throw ProjectError(QObject::tr("Tag \"%1\": %2").arg(visible(trimmed), problem));
    if (tagByName(trimmed))
        throw ProjectError(QObject::tr("Tag \"%1\" exists already").arg(trimmed));
    TagInfo info = newTag(trimmed, m_tags);
    if (!color.isEmpty())
        info.color = color;
    if (!shortcut.isEmpty())
        info.shortcut = shortcut;
    transaction([&] {
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("INSERT INTO tags(name, color, shortcut, position) VALUES(?, ?, ?, ?)"));
        query.addBindValue(info.name);
        query.addBindValue(nonNull(info.color));
        query.addBindValue(nonNull(info.shortcut));
        query.addBindValue(info.position);
        execOrThrow(query, QObject::tr("cannot add tag %1").arg(info.name));
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
    if (const QString problem = tagNameProblem(trimmed); !problem.isEmpty())
        throw ProjectError(QObject::tr("Tag \"%1\": %2").arg(visible(trimmed), problem));
    const TagInfo *other = tagByName(trimmed);
    if (other && other->id != tagId)
        throw ProjectError(QObject::tr("Tag \"%1\" exists already").arg(trimmed));
    transaction([&] {
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("UPDATE tags SET name = ? WHERE id = ?"));
        query.addBindValue(trimmed);
        query.addBindValue(tagId);
        execOrThrow(query, QObject::tr("cannot rename tag"));
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
        execOrThrow(query);
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
            execOrThrow(query);
        }
        query.prepare(QStringLiteral("UPDATE tags SET shortcut = ? WHERE id = ?"));
        query.addBindValue(nonNull(shortcut));
        query.addBindValue(tagId);
        execOrThrow(query);
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
        execOrThrow(query);
        query.prepare(QStringLiteral("DELETE FROM tags WHERE id = ?"));
        query.addBindValue(tagId);
        execOrThrow(query);
    });
    for (qint64 id : std::as_const(had)) {
        ImageRecord &record = m_images[size_t(indexOfImage(id))];
        eraseValue(record.tags, tagId);
        eraseValue(record.suggested, tagId);
    }
    m_tags.removeIf([tagId](const TagInfo &info) { return info.id == tagId; });
    Q_EMIT tagsChanged();
    if (!had.isEmpty())
        Q_EMIT imagesChanged(had);
    return had;
}

void ProjectStore::restoreTag(const TagInfo &info, const QList<qint64> &imageIds, const QList<qint64> &suggestedIds)
{
    const QSet<qint64> suggested(suggestedIds.cbegin(), suggestedIds.cend());
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
        execOrThrow(query);
        if (!info.shortcut.isEmpty()) {
            query.prepare(QStringLiteral("UPDATE tags SET shortcut = '' WHERE shortcut = ? AND id <> ?"));
            query.addBindValue(nonNull(info.shortcut));
            query.addBindValue(info.id);
            execOrThrow(query);
        }
        query.prepare(QStringLiteral("INSERT OR IGNORE INTO image_tags(image_id, tag_id, suggested) VALUES(?, ?, ?)"));
        for (qint64 id : imageIds) {
            query.addBindValue(id);
            query.addBindValue(info.id);
            query.addBindValue(suggested.contains(id) ? 1 : 0);
            execOrThrow(query);
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
        if (index < 0)
            continue;
        insertSorted(m_images[size_t(index)].tags, info.id);
        if (suggested.contains(id))
            insertSorted(m_images[size_t(index)].suggested, info.id);
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
        // A pair stays suggested only when no person confirmed either tag on it.
        query.prepare(QStringLiteral("INSERT INTO image_tags(image_id, tag_id, suggested) "
                                     "SELECT image_id, ?, suggested FROM image_tags WHERE tag_id = ? "
                                     "ON CONFLICT(image_id, tag_id) DO UPDATE SET suggested = MIN(suggested, excluded.suggested)"));
        query.addBindValue(intoId);
        query.addBindValue(fromId);
        execOrThrow(query);
        query.prepare(QStringLiteral("DELETE FROM image_tags WHERE tag_id = ?"));
        query.addBindValue(fromId);
        execOrThrow(query);
        query.prepare(QStringLiteral("DELETE FROM tags WHERE id = ?"));
        query.addBindValue(fromId);
        execOrThrow(query);
    });
    for (qint64 id : std::as_const(touched)) {
        ImageRecord &record = m_images[size_t(indexOfImage(id))];
        const bool fromSuggested = record.isSuggested(fromId);
        const bool intoSuggested = record.hasTag(intoId) ? record.isSuggested(intoId) : true;
        eraseValue(record.tags, fromId);
        eraseValue(record.suggested, fromId);
        insertSorted(record.tags, intoId);
        if (fromSuggested && intoSuggested)
            insertSorted(record.suggested, intoId);
        else
            eraseValue(record.suggested, intoId);
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
        if (record && (record->hasTag(tagId) != on || record->isSuggested(tagId)))
            previous.append({id, record->hasTag(tagId), record->isSuggested(tagId)});
    }
    QList<TagState> wanted;
    wanted.reserve(previous.size());
    for (const TagState &state : std::as_const(previous))
        wanted.append({state.imageId, on, false});
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
        add.prepare(QStringLiteral("INSERT INTO image_tags(image_id, tag_id, suggested) VALUES(?, ?, ?) "
                                   "ON CONFLICT(image_id, tag_id) DO UPDATE SET suggested = excluded.suggested"));
        QSqlQuery remove(m_db);
        remove.prepare(QStringLiteral("DELETE FROM image_tags WHERE image_id = ? AND tag_id = ?"));
        for (const TagState &state : states) {
            QSqlQuery &query = state.on ? add : remove;
            query.addBindValue(state.imageId);
            query.addBindValue(tagId);
            if (state.on)
                query.addBindValue(state.suggested ? 1 : 0);
            execOrThrow(query, QObject::tr("cannot save a tag"));
        }
    });
    QList<qint64> changed;
    changed.reserve(states.size());
    for (const TagState &state : states) {
        const int index = indexOfImage(state.imageId);
        if (index < 0)
            continue;
        ImageRecord &record = m_images[size_t(index)];
        if (state.on)
            insertSorted(record.tags, tagId);
        else
            eraseValue(record.tags, tagId);
        if (state.on && state.suggested)
            insertSorted(record.suggested, tagId);
        else
            eraseValue(record.suggested, tagId);
        changed.append(state.imageId);
    }
    Q_EMIT imagesChanged(changed);
}

QList<Suggestion> ProjectStore::acceptSuggestions(const QList<qint64> &imageIds)
{
    QList<Suggestion> accepted;
    for (qint64 id : imageIds) {
        if (const ImageRecord *record = image(id)) {
            for (qint64 tagId : record->suggested)
                accepted.append({id, tagId});
        }
    }
    if (accepted.isEmpty())
        return accepted;
    transaction([&] {
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("UPDATE image_tags SET suggested = 0 WHERE image_id = ?"));
        for (qint64 id : imageIds) {
            query.addBindValue(id);
            execOrThrow(query, QObject::tr("cannot save"));
        }
    });
    QList<qint64> changed;
    for (qint64 id : imageIds) {
        const int index = indexOfImage(id);
        if (index >= 0 && !m_images[size_t(index)].suggested.empty()) {
            m_images[size_t(index)].suggested.clear();
            changed.append(id);
        }
    }
    Q_EMIT imagesChanged(changed);
    return accepted;
}

void ProjectStore::restoreSuggestions(const QList<Suggestion> &suggestions)
{
    if (suggestions.isEmpty())
        return;
    transaction([&] {
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("UPDATE image_tags SET suggested = 1 WHERE image_id = ? AND tag_id = ?"));
        for (const Suggestion &suggestion : suggestions) {
            query.addBindValue(suggestion.imageId);
            query.addBindValue(suggestion.tagId);
            execOrThrow(query, QObject::tr("cannot save"));
        }
    });
    QList<qint64> changed;
    for (const Suggestion &suggestion : suggestions) {
        const int index = indexOfImage(suggestion.imageId);
        if (index < 0 || !m_images[size_t(index)].hasTag(suggestion.tagId))
            continue;
        insertSorted(m_images[size_t(index)].suggested, suggestion.tagId);
        if (changed.isEmpty() || changed.last() != suggestion.imageId)
            changed.append(suggestion.imageId);
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
            execOrThrow(query, QObject::tr("cannot save"));
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

void ProjectStore::applyImageTags(const QList<ImageTags> &rows, bool replace, TagSource source)
{
    const bool byPerson = source == TagSource::Person;
    if (rows.isEmpty())
        return;
    // Work on copies; the mirror changes only once the transaction committed.
    QList<TagInfo> tags = m_tags;
    QHash<QString, qint64> tagIds;
    for (const TagInfo &info : std::as_const(tags))
        tagIds.insert(info.name, info.id);
    QHash<qint64, std::vector<qint64>> newTags; // image id -> tags
    QHash<qint64, std::vector<qint64>> newSuggested; // image id -> suggested tags
    QList<ImageRecord> added;
    bool tagsAdded = false;

    transaction([&] {
        QSqlQuery addTagQuery(m_db);
        addTagQuery.prepare(QStringLiteral("INSERT INTO tags(name, color, shortcut, position) VALUES(?, ?, ?, ?)"));
        QSqlQuery addImage = prepareImageInsert();
        QSqlQuery clear(m_db);
        clear.prepare(QStringLiteral("DELETE FROM image_tags WHERE image_id = ?"));
        QSqlQuery assign(m_db);
        // A person's tag confirms a suggestion; a model's never overrides a person's.
        assign.prepare(byPerson ? QStringLiteral("INSERT INTO image_tags(image_id, tag_id, suggested) VALUES(?, ?, 0) "
                                                 "ON CONFLICT(image_id, tag_id) DO UPDATE SET suggested = 0")
                                : QStringLiteral("INSERT OR IGNORE INTO image_tags(image_id, tag_id, suggested) "
                                                 "VALUES(?, ?, 1)"));
        QSqlQuery review(m_db);
        review.prepare(QStringLiteral("UPDATE images SET reviewed = 1 WHERE id = ?"));
        QSqlQuery confirm(m_db);
        confirm.prepare(QStringLiteral("UPDATE image_tags SET suggested = 0 WHERE image_id = ?"));
        QHash<QString, qint64> addedPaths;

        for (const ImageTags &row : rows) {
            qint64 imageId = 0;
            const int index = indexOfPath(row.path);
            if (index >= 0) {
                imageId = m_images[size_t(index)].id;
            } else if (addedPaths.contains(row.path)) {
                imageId = addedPaths.value(row.path);
            } else {
                if (const QString problem = pathProblem(row.path); !problem.isEmpty())
                    throw ProjectError(QObject::tr("%1: cannot add %2: %3").arg(m_db.databaseName(), row.path, problem));
                const QFileInfo info(absolutePath(row.path));
                ImageRecord record = insertImage(addImage, row.path, info.size(), info.lastModified().toSecsSinceEpoch());
                imageId = record.id;
                addedPaths.insert(row.path, imageId);
                added.append(std::move(record));
            }

            std::vector<qint64> ids;
            for (const QString &rawName : row.tags) {
                const QString name = rawName.trimmed();
                if (name.isEmpty())
                    continue;
                if (const QString problem = tagNameProblem(name); !problem.isEmpty())
                    throw ProjectError(QObject::tr("Tag \"%1\" of %2: %3").arg(visible(name), row.path, problem));
                auto it = tagIds.find(name);
                if (it == tagIds.end()) {
                    TagInfo info = newTag(name, tags);
                    addTagQuery.addBindValue(info.name);
                    addTagQuery.addBindValue(nonNull(info.color));
                    addTagQuery.addBindValue(nonNull(info.shortcut));
                    addTagQuery.addBindValue(info.position);
                    execOrThrow(addTagQuery, QObject::tr("cannot add tag %1").arg(name));
                    info.id = addTagQuery.lastInsertId().toLongLong();
                    tags.append(info);
                    it = tagIds.insert(name, info.id);
                    tagsAdded = true;
                }
                ids.push_back(it.value());
            }

            auto existing = newTags.find(imageId);
            auto suggested = newSuggested.find(imageId);
            if (existing == newTags.end()) {
                std::vector<qint64> base;
                std::vector<qint64> baseSuggested;
                if (!replace && index >= 0) {
                    base = m_images[size_t(index)].tags;
                    baseSuggested = m_images[size_t(index)].suggested;
                }
                existing = newTags.insert(imageId, base);
                suggested = newSuggested.insert(imageId, byPerson ? std::vector<qint64>() : baseSuggested);
                if (replace) {
                    clear.addBindValue(imageId);
                    execOrThrow(clear);
                }
            }
            for (qint64 tagId : ids) {
                if (!byPerson && !std::binary_search(existing->begin(), existing->end(), tagId))
                    insertSorted(suggested.value(), tagId);
                insertSorted(existing.value(), tagId);
                assign.addBindValue(imageId);
                assign.addBindValue(tagId);
                execOrThrow(assign);
            }
            if (byPerson) {
                review.addBindValue(imageId);
                execOrThrow(review);
                confirm.addBindValue(imageId);
                execOrThrow(confirm);
            }
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
        record.suggested = newSuggested.value(it.key());
        if (byPerson)
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
        execOrThrow(query);
    });
}

namespace {

RunRecord runFromQuery(const QSqlQuery &query)
{
    RunRecord run;
    run.id = query.value(0).toString();
    run.created = query.value(1).toLongLong();
    run.finished = query.value(2).isNull() ? 0 : query.value(2).toLongLong();
    run.architecture = query.value(3).toString();
    run.settings = query.value(4).toString();
    run.status = query.value(5).toString();
    run.bestFbeta = query.value(6).isNull() ? -1.0 : query.value(6).toDouble();
    run.epochs = query.value(7).toInt();
    run.folder = query.value(8).toString();
    return run;
}

const char *const kRunColumns = "id, created, finished, architecture, settings, status, best_fbeta, epochs, folder";

}

QList<RunRecord> ProjectStore::runs() const
{
    QList<RunRecord> result;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT %1 FROM runs ORDER BY created DESC, id DESC").arg(QLatin1String(kRunColumns))))
        throw ProjectError(QObject::tr("%1: %2").arg(m_db.databaseName(), errorText(query.lastError())));
    while (query.next())
        result.append(runFromQuery(query));
    return result;
}

RunRecord ProjectStore::run(const QString &id) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT %1 FROM runs WHERE id = ?").arg(QLatin1String(kRunColumns)));
    query.addBindValue(id);
    execOrThrow(query);
    return query.next() ? runFromQuery(query) : RunRecord{};
}

void ProjectStore::saveRun(const RunRecord &run)
{
    static const QStringList statuses = {QStringLiteral("running"), QStringLiteral("finished"),
                                         QStringLiteral("stopped"), QStringLiteral("failed")};
    if (run.id.isEmpty() || !statuses.contains(run.status))
        throw ProjectError(QObject::tr("%1: a run needs an id and one of the statuses %2")
                               .arg(m_db.databaseName(), statuses.join(QLatin1String(", "))));
    transaction([&] {
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("INSERT OR REPLACE INTO runs(%1) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)")
                          .arg(QLatin1String(kRunColumns)));
        query.addBindValue(run.id);
        query.addBindValue(run.created);
        query.addBindValue(run.finished > 0 ? QVariant(run.finished) : QVariant());
        query.addBindValue(nonNull(run.architecture));
        query.addBindValue(run.settings.isEmpty() ? QStringLiteral("{}") : run.settings);
        query.addBindValue(run.status);
        query.addBindValue(run.bestFbeta >= 0.0 && std::isfinite(run.bestFbeta) ? QVariant(run.bestFbeta) : QVariant());
        query.addBindValue(run.epochs);
        query.addBindValue(nonNull(run.folder));
        execOrThrow(query, QObject::tr("cannot save run %1").arg(run.id));
    });
    Q_EMIT runsChanged();
}

void ProjectStore::deleteRun(const QString &id)
{
    transaction([&] {
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("DELETE FROM runs WHERE id = ?"));
        query.addBindValue(id);
        execOrThrow(query);
    });
    Q_EMIT runsChanged();
}

}
