#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace tagwise {

enum class Split { Train = 0, Validation = 1, Test = 2 };

/// A tag of the project: a name, a colour (#rrggbb) and a keyboard shortcut.
struct TagInfo
{
    qint64 id = 0;
    QString name;
    QString color;
    QString shortcut; ///< QKeySequence text, e.g. "1"; empty for none
    int position = 0; ///< order in the tag panel
};

/// One image of the project, with its tags (ids of TagInfo, sorted).
struct ImageRecord
{
    qint64 id = 0;
    QString path; ///< relative to the project root, '/' separated
    qint64 size = 0;
    qint64 mtime = 0; ///< seconds since the epoch
    Split split = Split::Train;
    bool reviewed = false;
    bool missing = false; ///< listed, but not found on disk at the last scan
    std::vector<qint64> tags;
    /// The tags of \a tags that a model suggested and no person has confirmed yet (sorted).
    std::vector<qint64> suggested;

    bool hasTag(qint64 tagId) const;
    bool isSuggested(qint64 tagId) const;
    /**
     * Whether training and exports take this image as labeled: on disk, tagged
     * or marked reviewed by a person, and without suggestions of a model that
     * nobody confirmed (an image from the Classify workspace waits for review).
     */
    bool isLabeled() const;
};

/// A file found by a scan: its relative path, size and modification time.
struct ScannedFile
{
    QString path;
    qint64 size = 0;
    qint64 mtime = 0;
};

/// What applying a scan changed.
struct ScanChanges
{
    int added = 0;
    int vanished = 0;  ///< newly missing; their tags are kept
    int returned = 0;  ///< missing before, found again
    int moved = 0;     ///< vanished from one path and found at another (same name and size)
};

/// A training run of the project, as the runs table keeps it.
struct RunRecord
{
    QString id;             ///< unique; the run folder's name for runs in the project
    qint64 created = 0;     ///< seconds since the epoch
    qint64 finished = 0;    ///< seconds since the epoch; 0 while running (or never ended)
    QString architecture;
    QString settings;       ///< the run's settings as JSON (its config.json)
    QString status;         ///< "running", "finished", "stopped" or "failed"
    double bestFbeta = -1.0; ///< the best validation F-beta; negative when there is none yet
    int epochs = 0;         ///< epochs completed
    QString folder;         ///< relative to the project root when inside it, else absolute
};

/// A row of the images table the store does not use, and why.
struct RejectedImage
{
    QString path;
    QString reason;
};

/// Tags of one image, as an import or an undo step sets them.
struct ImageTags
{
    QString path; ///< relative path
    QStringList tags;
};

/// The previous state of one (image, tag) pair, for undo.
struct TagState
{
    qint64 imageId = 0;
    bool on = false;
    bool suggested = false; ///< on, as a model's suggestion nobody confirmed
};

/// A tag a model suggested for an image.
struct Suggestion
{
    qint64 imageId = 0;
    qint64 tagId = 0;
};

/// Who says an image has its tags: a person (labels) or a model (suggestions).
enum class TagSource { Person, Model };

/**
 * The project: an image root folder and a SQLite database in
 * `<root>/.tagwise/project.db` (WAL). Every edit is written through in one
 * transaction before the call returns, so what the screen shows as done
 * survives a crash. An in-memory mirror answers reads, so lists of 100,000
 * images are cheap. Lives in one thread (the one that opened it).
 *
 * Failing writes throw ProjectError; the mirror and the database stay as they
 * were before the call. A project whose files the user may not write is
 * opened read-only: it can be read and exported, and every edit throws
 * ProjectError saying so.
 *
 * Paths read from the database are checked as the importers check them: a
 * row naming a file outside the root (an absolute path, "..") or in a hidden
 * folder (".tagwise/...") is left out of images() and listed in
 * rejectedImages(), so nothing reads or exports a file outside the project.
 */
class ProjectStore final : public QObject
{
    Q_OBJECT

public:
    ~ProjectStore() override;

    /**
     * Opens the project in \a rootDir, creating `.tagwise/` there when there is
     * none; a database of an older layout is migrated. Throws ProjectError
     * naming the file and the real reason: an empty (0-byte) or foreign
     * database file (which is never overwritten), a damaged one, a full disk.
     */
    static std::unique_ptr<ProjectStore> open(const QString &rootDir);

    /// True when \a rootDir already holds a project.
    static bool exists(const QString &rootDir);

    /// Image files this program reads, as lower-case suffixes without the dot.
    static const QStringList &imageSuffixes();

    /// The reproducible split of an image with this relative path.
    static Split defaultSplit(const QString &relativePath);

    /**
     * Why \a relativePath cannot name an image of a project (empty when it
     * can): absolute, leaving the root (".."), or inside a hidden folder or
     * hidden itself (".tagwise/...", which the scanner never enters).
     */
    static QString pathProblem(const QString &relativePath);

    /// Why \a name cannot be a tag name (empty when it can): empty, spaces,
    /// commas, or control characters (which SQLite and CSV files mangle).
    static QString tagNameProblem(const QString &name);

    /// True when the project was opened read-only (its files are not writable).
    bool isReadOnly() const { return m_readOnly; }
    QString rootPath() const;
    QString dataPath() const;      ///< <root>/.tagwise
    QString absolutePath(const QString &relativePath) const;
    QString relativePath(const QString &absolutePath) const;

    // --- images
    const std::vector<ImageRecord> &images() const { return m_images; }
    int imageCount() const { return int(m_images.size()); }
    /// Index into images() of the image with \a id, or -1.
    int indexOfImage(qint64 id) const;
    /// Index into images() of the image with relative path \a path, or -1.
    int indexOfPath(const QString &path) const;
    const ImageRecord *image(qint64 id) const;

    /// Adds images that are not there yet (by relative path); returns how many were added.
    int addImages(const QList<ScannedFile> &files);
    /// Brings the list in line with a scan of the whole root folder.
    ScanChanges applyScan(const QList<ScannedFile> &files);
    /// Rows of the database left out because their path is not allowed (see pathProblem()).
    const QList<RejectedImage> &rejectedImages() const { return m_rejected; }

    // --- tags
    const QList<TagInfo> &tags() const { return m_tags; }
    const TagInfo *tag(qint64 id) const;
    const TagInfo *tagByName(const QString &name) const;
    /// Creates a tag; throws when the name is empty or taken. Colour and shortcut
    /// are chosen when empty (the first nine tags get the keys 1..9).
    qint64 addTag(const QString &name, const QString &color = QString(), const QString &shortcut = QString());
    void renameTag(qint64 tagId, const QString &name);
    void setTagColor(qint64 tagId, const QString &color);
    void setTagShortcut(qint64 tagId, const QString &shortcut);
    /// Deletes a tag and its assignments; returns the images that had it (for undo).
    QList<qint64> deleteTag(qint64 tagId);
    /// Re-creates a deleted tag with its id, position and assignments (undo of
    /// deleteTag); those of \a suggestedIds as suggestions.
    void restoreTag(const TagInfo &tag, const QList<qint64> &imageIds, const QList<qint64> &suggestedIds = {});
    /// Moves every assignment of \a fromId to \a intoId and deletes \a fromId.
    /// A pair stays a suggestion only when neither tag was confirmed on it.
    /// Returns the images that gained \a intoId (for undo).
    QList<qint64> mergeTags(qint64 fromId, qint64 intoId);
    /// Number of images carrying each tag.
    QHash<qint64, int> tagCounts() const;

    // --- assignments and review
    /// Ticks (on) or clears \a tagId on every image of \a imageIds; returns the
    /// previous states of the pairs that changed. A person decided: a suggested
    /// pair set on is confirmed (and counts as changed).
    QList<TagState> setTag(const QList<qint64> &imageIds, qint64 tagId, bool on);
    /// Sets each pair back to the given state (undo/redo of setTag).
    void setTagStates(qint64 tagId, const QList<TagState> &states);
    /// Confirms every suggested tag of these images; returns the suggestions confirmed.
    QList<Suggestion> acceptSuggestions(const QList<qint64> &imageIds);
    /// Marks these pairs suggested again (undo of acceptSuggestions); pairs that are off stay off.
    void restoreSuggestions(const QList<Suggestion> &suggestions);
    /// Marks images reviewed or not; returns the previous states that changed.
    QList<TagState> setReviewed(const QList<qint64> &imageIds, bool reviewed);
    void setReviewedStates(const QList<TagState> &states);

    /**
     * Sets the tags of many images at once, in one transaction: unknown tags are
     * created, images not in the project are added (the caller has checked they
     * exist). With \a replace each listed image gets exactly these tags, else the
     * tags are added to what it has.
     *
     * From a person (imports), listed images are marked reviewed and every tag
     * they have is confirmed. From a model (Classify's "Add to project"), the
     * new tags are suggestions and the review flags stay as they are; tags a
     * person already confirmed stay confirmed.
     * All or nothing: on failure nothing changes.
     */
    void applyImageTags(const QList<ImageTags> &rows, bool replace, TagSource source = TagSource::Person);

    /// Tag names of one image, in tag order.
    QStringList tagNames(const ImageRecord &image) const;

    // --- training runs
    /// Every run, newest first.
    QList<RunRecord> runs() const;
    /// The run with \a id, or one with an empty id.
    RunRecord run(const QString &id) const;
    /// Adds a run, or replaces the one with the same id.
    void saveRun(const RunRecord &run);
    void deleteRun(const QString &id);

    /// A value in the project's key/value table (settings, last run, ...).
    QString setting(const QString &key, const QString &fallback = QString()) const;
    void setSetting(const QString &key, const QString &value);

Q_SIGNALS:
    /// Tags or review flags of these images changed.
    void imagesChanged(const QList<qint64> &imageIds);
    /// Images were added, removed or marked missing.
    void imageListChanged();
    /// The tag list changed (added, renamed, recoloured, deleted, merged).
    void tagsChanged();
    /// A run was added, changed or deleted.
    void runsChanged();

private:
    explicit ProjectStore(const QString &rootDir);
    void openDatabase();
    void load();
    void rebuildIndex();
    void exec(const QString &sql);
    /// Runs a prepared query; throws ProjectError "<database>: <what>: <reason>" when it fails.
    void execOrThrow(QSqlQuery &query, const QString &what = QString()) const;
    /// Inserts an image row with \a insert (prepared by prepareImageInsert()); returns the record.
    ImageRecord insertImage(QSqlQuery &insert, const QString &path, qint64 size, qint64 mtime) const;
    QSqlQuery prepareImageInsert();
    /// A new tag's record after \a existing: the next colour, the first free number key.
    static TagInfo newTag(const QString &name, const QList<TagInfo> &existing);
    void requireWritable() const;
    QString errorText(const QSqlError &error) const;
    template<typename F> void transaction(F &&body);

    QString m_root;
    QString m_connection;
    QSqlDatabase m_db;
    bool m_readOnly = false;
    std::vector<ImageRecord> m_images;
    QHash<qint64, int> m_imageIndex;
    QHash<QString, int> m_pathIndex;
    QList<TagInfo> m_tags;
    QList<RejectedImage> m_rejected;
};

}
