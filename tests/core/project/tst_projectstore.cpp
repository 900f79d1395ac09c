#include "core/project/folderscanner.h"
#include "core/project/projecterror.h"
#include "core/project/projectstore.h"
#include "core/project/scanplan.h"
#include "core/project/schema.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>

#include <sys/mount.h>
#include <unistd.h>

using namespace tagwise;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

// image path -> sorted tag names ("?" after a suggestion), reviewed flag: what a user would compare.
QMap<QString, QString> snapshot(const ProjectStore &store)
{
    QMap<QString, QString> map;
    for (const ImageRecord &image : store.images()) {
        QStringList names;
        for (const TagInfo &tag : store.tags()) {
            if (image.hasTag(tag.id))
                names.append(tag.name + (image.isSuggested(tag.id) ? QStringLiteral("?") : QString()));
        }
        names.sort();
        map.insert(image.path, names.join(QLatin1Char(' ')) + (image.reviewed ? QStringLiteral(" [r]") : QString())
                                   + (image.missing ? QStringLiteral(" [missing]") : QString()));
    }
    return map;
}

QList<ScannedFile> scanned(const QStringList &paths, qint64 size = 10)
{
    QList<ScannedFile> files;
    for (const QString &path : paths)
        files.append({path, size, 1000});
    return files;
}

}

class TestProjectStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsProjectFolder();
    void rejectsMissingFolder();
    void tagsPersistAcrossReopen();
    void setTagReturnsPreviousStates();
    void reviewedStates();
    void tagNameRules_data();
    void tagNameRules();
    void firstNineTagsGetNumberKeys();
    void shortcutMovesBetweenTags();
    void deleteAndRestoreTag();
    void mergeTags();
    void suggestionsOfAModel();
    void suggestionsSurviveDeleteMergeAndUndo();
    void applyImageTagsAddsAndReplaces();
    void applyImageTagsIsAllOrNothing();
    void scanFindsNewVanishedMovedReturned();
    void folderScannerListsImagesOnly();
    void defaultSplitIsStableAndBalanced();
    void damagedDatabaseIsReported();
    void settingsPersist();
    void migratesAVersionOneDatabase();
    void runsAreKeptNewestFirst();
    void pathsOutsideTheProjectAreLeftOut();
    void emptyDatabaseIsNeverOverwritten();
    void foreignDatabaseIsNeverOverwritten();
    void readOnlyProjectOpensReadOnly();
    void scanPlan_data();
    void scanPlan();
    void folderScannerReportsNamesThatAreNotUtf8();
};

void TestProjectStore::createsProjectFolder()
{
    QTemporaryDir dir;
    QVERIFY(!ProjectStore::exists(dir.path()));
    auto store = ProjectStore::open(dir.path());
    QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral(".tagwise/project.db"))));
    QVERIFY(ProjectStore::exists(dir.path()));
    QCOMPARE(store->dataPath(), QDir(dir.path()).absoluteFilePath(QStringLiteral(".tagwise")));
    QCOMPARE(store->relativePath(dir.filePath(QStringLiteral("a/b.png"))), QStringLiteral("a/b.png"));
}

void TestProjectStore::rejectsMissingFolder()
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("nope"));
    try {
        ProjectStore::open(missing);
        QFAIL("opening a missing folder must throw");
    } catch (const ProjectError &error) {
        QVERIFY(error.message().contains(missing));
        QVERIFY(error.message().contains(QStringLiteral("does not exist")));
    }
}

void TestProjectStore::tagsPersistAcrossReopen()
{
    QTemporaryDir dir;
    QMap<QString, QString> before;
    {
        auto store = ProjectStore::open(dir.path());
        store->addImages(scanned({QStringLiteral("a.png"), QStringLiteral("sub/b.jpg"), QStringLiteral("c.png")}));
        const qint64 cat = store->addTag(QStringLiteral("cat"));
        const qint64 dog = store->addTag(QStringLiteral("dog"), QStringLiteral("#123456"));
        const auto id = [&](const char *path) { return store->images()[store->indexOfPath(QLatin1String(path))].id; };
        store->setTag({id("a.png"), id("sub/b.jpg")}, cat, true);
        store->setTag({id("sub/b.jpg")}, dog, true);
        store->setReviewed({id("c.png")}, true);
        before = snapshot(*store);
        QCOMPARE(before.value(QStringLiteral("sub/b.jpg")), QStringLiteral("cat dog"));
    }
    auto reopened = ProjectStore::open(dir.path());
    QCOMPARE(snapshot(*reopened), before);
    QCOMPARE(reopened->tags().size(), 2);
    QCOMPARE(reopened->tags()[1].color, QStringLiteral("#123456"));
    QCOMPARE(reopened->tagCounts().value(reopened->tagByName(QStringLiteral("cat"))->id), 2);
}

void TestProjectStore::setTagReturnsPreviousStates()
{
    QTemporaryDir dir;
    auto store = ProjectStore::open(dir.path());
    store->addImages(scanned({QStringLiteral("1.png"), QStringLiteral("2.png"), QStringLiteral("3.png")}));
    const qint64 tag = store->addTag(QStringLiteral("x"));
    const qint64 a = store->images()[0].id, b = store->images()[1].id, c = store->images()[2].id;
    store->setTag({a}, tag, true);

    QSignalSpy spy(store.get(), &ProjectStore::imagesChanged);
    const QList<TagState> previous = store->setTag({a, b, c}, tag, true);
    QCOMPARE(previous.size(), 2); // a already had it
    QCOMPARE(previous[0].imageId, b);
    QVERIFY(!previous[0].on);
    QCOMPARE(spy.count(), 1);
    QVERIFY(store->image(c)->hasTag(tag));

    store->setTagStates(tag, previous); // undo
    QVERIFY(store->image(a)->hasTag(tag));
    QVERIFY(!store->image(b)->hasTag(tag));
    QVERIFY(!store->image(c)->hasTag(tag));
    QVERIFY(store->setTag({a}, tag, true).isEmpty());
    QVERIFY_THROWS_EXCEPTION(ProjectError, store->setTag({a}, tag + 100, true));
}

void TestProjectStore::reviewedStates()
{
    QTemporaryDir dir;
    auto store = ProjectStore::open(dir.path());
    store->addImages(scanned({QStringLiteral("1.png"), QStringLiteral("2.png")}));
    const qint64 a = store->images()[0].id, b = store->images()[1].id;
    const QList<TagState> previous = store->setReviewed({a, b}, true);
    QCOMPARE(previous.size(), 2);
    QVERIFY(store->image(a)->reviewed && store->image(b)->reviewed);
    store->setReviewedStates(previous);
    QVERIFY(!store->image(a)->reviewed && !store->image(b)->reviewed);
}

void TestProjectStore::tagNameRules_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("plain") << QStringLiteral("cloudy") << true;
    QTest::newRow("underscore") << QStringLiteral("ankle_boot") << true;
    QTest::newRow("unicode") << QStringLiteral("猫") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("blank") << QStringLiteral("   ") << false;
    QTest::newRow("space") << QStringLiteral("two words") << false;
    QTest::newRow("comma") << QStringLiteral("a,b") << false;
    QTest::newRow("duplicate") << QStringLiteral("taken") << false;
    QTest::newRow("nul") << QStringLiteral("bo") + QChar(0) + QStringLiteral("ot") << false;
    QTest::newRow("escape character") << QStringLiteral("a\x1b[31m") << false;
    QTest::newRow("tab") << QStringLiteral("a\tb") << false;
}

void TestProjectStore::tagNameRules()
{
    QFETCH(QString, name);
    QFETCH(bool, accepted);
    QTemporaryDir dir;
    auto store = ProjectStore::open(dir.path());
    store->addTag(QStringLiteral("taken"));
    bool threw = false;
    try {
        store->addTag(name);
    } catch (const ProjectError &) {
        threw = true;
    }
    QCOMPARE(!threw, accepted);
    QCOMPARE(store->tags().size(), accepted ? 2 : 1);
}

void TestProjectStore::firstNineTagsGetNumberKeys()
{
    QTemporaryDir dir;
    auto store = ProjectStore::open(dir.path());
    for (int i = 0; i < 11; ++i)
        store->addTag(QStringLiteral("t%1").arg(i));
    for (int i = 0; i < 9; ++i)
        QCOMPARE(store->tags()[i].shortcut, QString::number(i + 1));
    QVERIFY(store->tags()[9].shortcut.isEmpty());
    QVERIFY(store->tags()[10].shortcut.isEmpty());
    QVERIFY(store->tags()[0].color != store->tags()[1].color);
}

void TestProjectStore::shortcutMovesBetweenTags()
{
    QTemporaryDir dir;
    auto store = ProjectStore::open(dir.path());
    const qint64 a = store->addTag(QStringLiteral("a"));
    const qint64 b = store->addTag(QStringLiteral("b"));
    store->setTagShortcut(b, QStringLiteral("1"));
    QCOMPARE(store->tag(b)->shortcut, QStringLiteral("1"));
    QVERIFY(store->tag(a)->shortcut.isEmpty());
    auto reopened = ProjectStore::open(dir.path());
    QVERIFY(reopened->tag(a)->shortcut.isEmpty());
    QCOMPARE(reopened->tag(b)->shortcut, QStringLiteral("1"));
}

void TestProjectStore::deleteAndRestoreTag()
{
    QTemporaryDir dir;
    auto store = ProjectStore::open(dir.path());
    store->addImages(scanned({QStringLiteral("1.png"), QStringLiteral("2.png"), QStringLiteral("3.png")}));
    const qint64 keep = store->addTag(QStringLiteral("keep"));
    const qint64 gone = store->addTag(QStringLiteral("gone"));
    const qint64 a = store->images()[0].id, b = store->images()[1].id;
    store->setTag({a, b}, gone, true);
    store->setTag({a}, keep, true);
    const QMap<QString, QString> before = snapshot(*store);
    const TagInfo info = *store->tag(gone);

    const QList<qint64> had = store->deleteTag(gone);
    QCOMPARE(had.size(), 2);
    QVERIFY(!store->tag(gone));
    QVERIFY(!store->image(a)->hasTag(gone));
    {
        auto reopened = ProjectStore::open(dir.path());
        QCOMPARE(reopened->tags().size(), 1);
    }
    store->restoreTag(info, had);
    QCOMPARE(snapshot(*store), before);
    QCOMPARE(store->tags()[1].name, QStringLiteral("gone"));
    auto reopened = ProjectStore::open(dir.path());
    QCOMPARE(snapshot(*reopened), before);
}

void TestProjectStore::mergeTags()
{
    QTemporaryDir dir;
    auto store = ProjectStore::open(dir.path());
    store->addImages(scanned({QStringLiteral("1.png"), QStringLiteral("2.png"), QStringLiteral("3.png")}));
    const qint64 from = store->addTag(QStringLiteral("automobile"));
    const qint64 into = store->addTag(QStringLiteral("car"));
    const qint64 a = store->images()[0].id, b = store->images()[1].id, c = store->images()[2].id;
    store->setTag({a, b}, from, true);
    store->setTag({b, c}, into, true);
    const QList<qint64> gained = store->mergeTags(from, into);
    QCOMPARE(gained, QList<qint64>{a});
    QVERIFY(!store->tag(from));
    for (qint64 id : {a, b, c})
        QVERIFY(store->image(id)->hasTag(into));
    auto reopened = ProjectStore::open(dir.path());
    QCOMPARE(snapshot(*reopened), snapshot(*store));
    QVERIFY_THROWS_EXCEPTION(ProjectError, store->mergeTags(into, into));
}

void TestProjectStore::suggestionsOfAModel()
{
    QTemporaryDir dir;
    auto store = ProjectStore::open(dir.path());
    store->addImages(scanned({QStringLiteral("1.png")}));
    const qint64 mine = store->addTag(QStringLiteral("cat"));
    store->setTag({store->images()[0].id}, mine, true);
    writeFile(dir.filePath(QStringLiteral("new/2.png")), "x");

    // A model's tags are suggestions; a tag a person gave stays the person's.
    store->applyImageTags({{QStringLiteral("1.png"), {QStringLiteral("cat"), QStringLiteral("dog")}},
                           {QStringLiteral("new/2.png"), {QStringLiteral("dog")}}},
                          false, TagSource::Model);
    QMap<QString, QString> expected = {{QStringLiteral("1.png"), QStringLiteral("cat dog?")},
                                       {QStringLiteral("new/2.png"), QStringLiteral("dog?")}};
    QCOMPARE(snapshot(*store), expected);
    QCOMPARE(snapshot(*ProjectStore::open(dir.path())), expected);
    const qint64 one = store->images()[0].id, two = store->images()[1].id;
    const qint64 dog = store->tagByName(QStringLiteral("dog"))->id;
    QVERIFY(!store->image(one)->isLabeled()); // waits for a person
    QVERIFY(!store->image(two)->isLabeled());

    // Ticking a suggested tag confirms it; undo makes it a suggestion again.
    const QList<TagState> previous = store->setTag({one, two}, dog, true);
    QCOMPARE(previous.size(), 2);
    QVERIFY(previous[0].on && previous[0].suggested);
    QCOMPARE(snapshot(*ProjectStore::open(dir.path()))[QStringLiteral("1.png")], QStringLiteral("cat dog"));
    QVERIFY(store->image(one)->isLabeled());
    store->setTagStates(dog, previous);
    QCOMPARE(snapshot(*store), expected);
    QCOMPARE(snapshot(*ProjectStore::open(dir.path())), expected);

    // Clearing one rejects it for good.
    store->setTag({two}, dog, false);
    QCOMPARE(snapshot(*store)[QStringLiteral("new/2.png")], QString());

    // Accepting confirms all of an image's suggestions; restoring undoes it.
    const QList<Suggestion> accepted = store->acceptSuggestions({one, two});
    QCOMPARE(accepted.size(), 1);
    QCOMPARE(accepted[0].imageId, one);
    QCOMPARE(accepted[0].tagId, dog);
    QCOMPARE(snapshot(*ProjectStore::open(dir.path()))[QStringLiteral("1.png")], QStringLiteral("cat dog"));
    store->restoreSuggestions(accepted);
    QCOMPARE(snapshot(*ProjectStore::open(dir.path()))[QStringLiteral("1.png")], QStringLiteral("cat dog?"));

    // An import is a person's word: it confirms every tag of the images it lists.
    store->applyImageTags({{QStringLiteral("1.png"), {QStringLiteral("cat")}}}, false);
    QCOMPARE(snapshot(*ProjectStore::open(dir.path()))[QStringLiteral("1.png")], QStringLiteral("cat dog [r]"));
}

void TestProjectStore::suggestionsSurviveDeleteMergeAndUndo()
{
    QTemporaryDir dir;
    auto store = ProjectStore::open(dir.path());
    store->addImages(scanned({QStringLiteral("1.png"), QStringLiteral("2.png"), QStringLiteral("3.png")}));
    store->applyImageTags({{QStringLiteral("1.png"), {QStringLiteral("auto"), QStringLiteral("car")}},
                           {QStringLiteral("2.png"), {QStringLiteral("auto")}}},
                          false, TagSource::Model);
    const qint64 from = store->tagByName(QStringLiteral("auto"))->id;
    const qint64 into = store->tagByName(QStringLiteral("car"))->id;
    const qint64 a = store->images()[0].id, b = store->images()[1].id, c = store->images()[2].id;
    store->setTag({c}, from, true); // a person's
    const QMap<QString, QString> before = snapshot(*store);

    const TagInfo info = *store->tag(from);
    const QList<qint64> had = store->deleteTag(from);
    store->restoreTag(info, had, {a, b});
    QCOMPARE(snapshot(*store), before);
    QCOMPARE(snapshot(*ProjectStore::open(dir.path())), before);

    // Merged: a pair stays a suggestion only when nobody confirmed either tag on it.
    store->setTag({a}, into, true);
    store->mergeTags(from, into);
    const QMap<QString, QString> merged = {{QStringLiteral("1.png"), QStringLiteral("car")},
                                           {QStringLiteral("2.png"), QStringLiteral("car?")},
                                           {QStringLiteral("3.png"), QStringLiteral("car")}};
    QCOMPARE(snapshot(*store), merged);
    QCOMPARE(snapshot(*ProjectStore::open(dir.path())), merged);
}

void TestProjectStore::applyImageTagsAddsAndReplaces()
{
    QTemporaryDir dir;
    auto store = ProjectStore::open(dir.path());
    store->addImages(scanned({QStringLiteral("1.png"), QStringLiteral("2.png")}));
    store->setTag({store->images()[0].id}, store->addTag(QStringLiteral("old")), true);

    store->applyImageTags({{QStringLiteral("1.png"), {QStringLiteral("new")}},
                           {QStringLiteral("3.png"), {QStringLiteral("new"), QStringLiteral("other")}},
                           {QStringLiteral("2.png"), {}}},
                          false);
    QMap<QString, QString> expected = {{QStringLiteral("1.png"), QStringLiteral("new old [r]")},
                                       {QStringLiteral("2.png"), QStringLiteral(" [r]")},
                                       {QStringLiteral("3.png"), QStringLiteral("new other [r]")}};
    QCOMPARE(snapshot(*store), expected);

    store->applyImageTags({{QStringLiteral("1.png"), {QStringLiteral("other")}}}, true);
    expected[QStringLiteral("1.png")] = QStringLiteral("other [r]");
    QCOMPARE(snapshot(*store), expected);
    auto reopened = ProjectStore::open(dir.path());
    QCOMPARE(snapshot(*reopened), expected);
}

void TestProjectStore::applyImageTagsIsAllOrNothing()
{
    QTemporaryDir dir;
    auto store = ProjectStore::open(dir.path());
    store->addImages(scanned({QStringLiteral("1.png")}));
    store->addTag(QStringLiteral("a"));
    const QMap<QString, QString> before = snapshot(*store);
    QVERIFY_THROWS_EXCEPTION(ProjectError,
                             store->applyImageTags({{QStringLiteral("1.png"), {QStringLiteral("b")}},
                                                    {QStringLiteral("2.png"), {QStringLiteral("c")}},
                                                    {QStringLiteral("1.png"), {QStringLiteral("bad name")}}},
                                                   false));
    QCOMPARE(snapshot(*store), before);
    QCOMPARE(store->tags().size(), 1);
    auto reopened = ProjectStore::open(dir.path());
    QCOMPARE(snapshot(*reopened), before);
    QCOMPARE(reopened->tags().size(), 1);
}

void TestProjectStore::scanFindsNewVanishedMovedReturned()
{
    QTemporaryDir dir;
    auto store = ProjectStore::open(dir.path());
    store->applyScan({{QStringLiteral("a.png"), 10, 1}, {QStringLiteral("b.png"), 20, 1}, {QStringLiteral("c.png"), 30, 1}});
    const qint64 tag = store->addTag(QStringLiteral("t"));
    const qint64 b = store->image(store->images()[1].id)->id;
    const qint64 c = store->images()[2].id;
    store->setTag({b, c}, tag, true);

    // b vanished, c moved into a folder (same name, same size), d is new.
    ScanChanges changes = store->applyScan(
        {{QStringLiteral("a.png"), 10, 1}, {QStringLiteral("sub/c.png"), 30, 2}, {QStringLiteral("d.png"), 40, 1}});
    QCOMPARE(changes.added, 1);
    QCOMPARE(changes.vanished, 1);
    QCOMPARE(changes.moved, 1);
    QCOMPARE(changes.returned, 0);
    QVERIFY(store->image(b)->missing);
    QVERIFY(store->image(b)->hasTag(tag)); // tags of vanished files are kept
    QCOMPARE(store->image(c)->path, QStringLiteral("sub/c.png"));
    QVERIFY(store->image(c)->hasTag(tag));
    QCOMPARE(store->imageCount(), 4);

    {
        auto reopened = ProjectStore::open(dir.path());
        QVERIFY(reopened->image(b)->missing);
        QCOMPARE(reopened->image(c)->path, QStringLiteral("sub/c.png"));
    }
    changes = store->applyScan({{QStringLiteral("a.png"), 10, 1}, {QStringLiteral("b.png"), 20, 1},
                                {QStringLiteral("sub/c.png"), 30, 2}, {QStringLiteral("d.png"), 40, 1}});
    QCOMPARE(changes.returned, 1);
    QCOMPARE(changes.added, 0);
    QVERIFY(!store->image(b)->missing);
    QVERIFY(store->image(b)->hasTag(tag));
}

void TestProjectStore::folderScannerListsImagesOnly()
{
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("one.png")), "x");
    writeFile(dir.filePath(QStringLiteral("deep/er/two.JPG")), "xy");
    writeFile(dir.filePath(QStringLiteral("notes.txt")), "x");
    writeFile(dir.filePath(QStringLiteral(".tagwise/thumbs/t.jpg")), "x");
    writeFile(dir.filePath(QStringLiteral("名字.webp")), "xyz");
    FolderScanner scanner(dir.path());
    int reported = -1;
    scanner.setProgressFunction([&](int found) { reported = found; });
    const QList<ScannedFile> files = scanner.scan();
    QStringList paths;
    for (const ScannedFile &file : files)
        paths.append(file.path);
    QCOMPARE(paths, (QStringList{QStringLiteral("deep/er/two.JPG"), QStringLiteral("one.png"), QStringLiteral("名字.webp")}));
    QCOMPARE(files[0].size, 2);
    QCOMPARE(reported, 3);
}

void TestProjectStore::defaultSplitIsStableAndBalanced()
{
    QCOMPARE(ProjectStore::defaultSplit(QStringLiteral("images/train_1.jpg")),
             ProjectStore::defaultSplit(QStringLiteral("images/train_1.jpg")));
    int counts[3] = {0, 0, 0};
    for (int i = 0; i < 10000; ++i)
        ++counts[int(ProjectStore::defaultSplit(QStringLiteral("img_%1.png").arg(i)))];
    QVERIFY2(counts[0] > 7700 && counts[0] < 8300, qPrintable(QString::number(counts[0])));
    QVERIFY2(counts[1] > 850 && counts[1] < 1150, qPrintable(QString::number(counts[1])));
    QVERIFY2(counts[2] > 850 && counts[2] < 1150, qPrintable(QString::number(counts[2])));
}

void TestProjectStore::damagedDatabaseIsReported()
{
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral(".tagwise/project.db")), QByteArray(4096, 'z'));
    try {
        ProjectStore::open(dir.path());
        QFAIL("a damaged database must be reported");
    } catch (const ProjectError &error) {
        QVERIFY2(error.message().contains(QStringLiteral("project.db")), qPrintable(error.message()));
    }
}

void TestProjectStore::settingsPersist()
{
    QTemporaryDir dir;
    {
        auto store = ProjectStore::open(dir.path());
        QCOMPARE(store->setting(QStringLiteral("k"), QStringLiteral("none")), QStringLiteral("none"));
        store->setSetting(QStringLiteral("k"), QStringLiteral("v"));
    }
    auto store = ProjectStore::open(dir.path());
    QCOMPARE(store->setting(QStringLiteral("k")), QStringLiteral("v"));
}

void TestProjectStore::migratesAVersionOneDatabase()
{
    // tests/data/project/schema1.db: made by Tagwise before the runs table
    // (schema 1) from pics/{a,b,c,e,sub/d}.png, c.png since deleted.
    QTemporaryDir dir;
    QDir().mkpath(dir.filePath(QStringLiteral(".tagwise")));
    const QString db = dir.filePath(QStringLiteral(".tagwise/project.db"));
    QVERIFY(QFile::copy(QStringLiteral(TAGWISE_TEST_DATA "/project/schema1.db"), db));
    QFile::setPermissions(db, QFile::ReadOwner | QFile::WriteOwner);
    {
        auto store = ProjectStore::open(dir.path());
        QCOMPARE(snapshot(*store), (QMap<QString, QString>{{"pics/a.png", "red warm [r]"},
                                                           {"pics/b.png", "green [r]"},
                                                           {"pics/c.png", "blue [r] [missing]"},
                                                           {"pics/e.png", "warm [r]"},
                                                           {"pics/sub/d.png", " [r]"}}));
        QStringList tags;
        for (const TagInfo &tag : store->tags())
            tags << tag.name + QLatin1Char(':') + tag.shortcut;
        QCOMPARE(tags, (QStringList{"red:1", "warm:2", "green:3", "blue:4"}));
        QVERIFY(store->runs().isEmpty());
        RunRecord run;
        run.id = QStringLiteral("first");
        run.created = 1000;
        run.architecture = QStringLiteral("smallervggnet");
        run.status = QStringLiteral("running");
        run.folder = QStringLiteral(".tagwise/runs/first");
        store->saveRun(run);
    }
    QSqlDatabase check = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("migrated"));
    check.setDatabaseName(db);
    QVERIFY(check.open());
    {
        QSqlQuery version(check);
        QVERIFY(version.exec(QStringLiteral("PRAGMA user_version")) && version.next());
        QCOMPARE(version.value(0).toInt(), schema::kVersion);
        // Every tag of an older project is a person's.
        QSqlQuery suggested(check);
        QVERIFY(suggested.exec(QStringLiteral("SELECT COUNT(*), SUM(suggested) FROM image_tags")) && suggested.next());
        QCOMPARE(suggested.value(0).toInt(), 5);
        QCOMPARE(suggested.value(1).toInt(), 0);
        QSqlQuery runs(check);
        QVERIFY(runs.exec(QStringLiteral("SELECT id, status FROM runs")) && runs.next());
        QCOMPARE(runs.value(0).toString(), QStringLiteral("first"));
    }
    check.close();
    check = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("migrated"));
    // Opening again is no migration, and keeps the run.
    auto reopened = ProjectStore::open(dir.path());
    QCOMPARE(reopened->runs().size(), 1);
}

void TestProjectStore::runsAreKeptNewestFirst()
{
    QTemporaryDir dir;
    auto store = ProjectStore::open(dir.path());
    QSignalSpy changed(store.get(), &ProjectStore::runsChanged);
    RunRecord older{QStringLiteral("a"), 100, 0, QStringLiteral("resnet18"), QStringLiteral("{\"epochs\": 3}"),
                    QStringLiteral("running"), -1.0, 0, QStringLiteral(".tagwise/runs/a")};
    RunRecord newer{QStringLiteral("b"), 200, 250, QStringLiteral("smallervggnet"), QString(),
                    QStringLiteral("finished"), 0.75, 5, QStringLiteral("/elsewhere/b")};
    store->saveRun(older);
    store->saveRun(newer);
    older.status = QStringLiteral("stopped");
    older.epochs = 2;
    older.bestFbeta = 0.5;
    older.finished = 150;
    store->saveRun(older); // an update, not a second row
    QCOMPARE(changed.size(), 3);
    const QList<RunRecord> runs = ProjectStore::open(dir.path())->runs();
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs[0].id, QStringLiteral("b"));
    QCOMPARE(runs[0].finished, 250);
    QCOMPARE(runs[0].bestFbeta, 0.75);
    QCOMPARE(runs[0].settings, QStringLiteral("{}"));
    QCOMPARE(runs[1].status, QStringLiteral("stopped"));
    QCOMPARE(runs[1].epochs, 2);
    QCOMPARE(runs[1].settings, QStringLiteral("{\"epochs\": 3}"));
    QCOMPARE(store->run(QStringLiteral("a")).finished, 150);
    QVERIFY(store->run(QStringLiteral("none")).id.isEmpty());
    QVERIFY_THROWS_EXCEPTION(ProjectError, store->saveRun(RunRecord{QStringLiteral("c"), 1, 0, {}, {}, QStringLiteral("exploded")}));
    store->deleteRun(QStringLiteral("a"));
    QCOMPARE(store->runs().size(), 1);
}

void TestProjectStore::pathsOutsideTheProjectAreLeftOut()
{
    QTemporaryDir dir;
    {
        auto store = ProjectStore::open(dir.path());
        store->addImages(scanned({QStringLiteral("good.png")}));
    }
    // Rows no importer or scan would write, put into the database by hand.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("hand"));
        db.setDatabaseName(dir.filePath(QStringLiteral(".tagwise/project.db")));
        QVERIFY(db.open());
        QSqlQuery query(db);
        for (const char *path : {"../../../../etc/passwd", "/etc/passwd", ".tagwise/thumbnails/x.jpg", "a/../../b.png"})
            QVERIFY(query.exec(QStringLiteral("INSERT INTO images(path) VALUES('%1')").arg(QLatin1String(path))));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("hand"));
    auto store = ProjectStore::open(dir.path());
    QCOMPARE(store->imageCount(), 1);
    QCOMPARE(store->images()[0].path, QStringLiteral("good.png"));
    QCOMPARE(store->rejectedImages().size(), 4);
    QCOMPARE(store->rejectedImages()[0].path, QStringLiteral("../../../../etc/passwd"));
    for (const char *path : {"../x.png", "/abs.png", ".hidden/x.png", "a/./b.png", "a//b.png", "", "sub/.x.png"})
        QVERIFY2(!ProjectStore::pathProblem(QString::fromLatin1(path)).isEmpty(), path);
    QVERIFY(ProjectStore::pathProblem(QStringLiteral("sub/dir/名字 with space.png")).isEmpty());
    // Nor can a new one be added.
    QVERIFY_THROWS_EXCEPTION(ProjectError, store->addImages(scanned({QStringLiteral("../escape.png")})));
    QVERIFY_THROWS_EXCEPTION(ProjectError, store->applyImageTags({{QStringLiteral(".tagwise/x.png"), {}}}, false));
}

void TestProjectStore::emptyDatabaseIsNeverOverwritten()
{
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral(".tagwise/project.db")), QByteArray());
    try {
        ProjectStore::open(dir.path());
        QFAIL("an empty database was opened");
    } catch (const ProjectError &error) {
        QVERIFY2(error.message().contains(QStringLiteral("empty (0 bytes)")), qPrintable(error.message()));
    }
    QCOMPARE(QFileInfo(dir.filePath(QStringLiteral(".tagwise/project.db"))).size(), 0);
}

void TestProjectStore::foreignDatabaseIsNeverOverwritten()
{
    QTemporaryDir dir;
    QDir().mkpath(dir.filePath(QStringLiteral(".tagwise")));
    const QString file = dir.filePath(QStringLiteral(".tagwise/project.db"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
        db.setDatabaseName(file);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE mine(x)")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
    const QByteArray before = [&] { QFile f(file); f.open(QIODevice::ReadOnly); return f.readAll(); }();
    try {
        ProjectStore::open(dir.path());
        QFAIL("a foreign database was opened");
    } catch (const ProjectError &error) {
        QVERIFY2(error.message().contains(QStringLiteral("not a Tagwise project database")), qPrintable(error.message()));
    }
    QFile after(file);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), before);
}

void TestProjectStore::readOnlyProjectOpensReadOnly()
{
    // Root writes read-only files anyway; a file system mounted read-only
    // stops root too (CI runs as root). Others get read-only permissions.
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("project"));
    QDir().mkpath(root);
    const bool mounted = ::geteuid() == 0 && ::mount("tmpfs", QFile::encodeName(root).constData(), "tmpfs", 0, "size=1m") == 0;
    const auto unmount = qScopeGuard([&] {
        if (mounted)
            ::umount2(QFile::encodeName(root).constData(), MNT_DETACH);
    });
    if (::geteuid() == 0 && !mounted)
        QSKIP("running as root without the right to mount a file system");
    {
        auto store = ProjectStore::open(root);
        store->addImages(scanned({QStringLiteral("a.png")}));
        store->addTag(QStringLiteral("t"));
    }
    const QString data = root + QStringLiteral("/.tagwise");
    if (mounted) {
        QCOMPARE(::mount(nullptr, QFile::encodeName(root).constData(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr), 0);
    } else {
        QFile::setPermissions(data + QStringLiteral("/project.db"), QFile::ReadOwner);
        QFile::setPermissions(data, QFile::ReadOwner | QFile::ExeOwner);
    }
    {
        auto store = ProjectStore::open(root);
        QVERIFY(store->isReadOnly());
        QCOMPARE(store->imageCount(), 1);
        QCOMPARE(store->tags().size(), 1);
        try {
            store->addTag(QStringLiteral("u"));
            QFAIL("a read-only project took an edit");
        } catch (const ProjectError &error) {
            QVERIFY2(error.message().contains(QStringLiteral("read-only")), qPrintable(error.message()));
        }
    }
    if (!mounted)
        QFile::setPermissions(data, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

void TestProjectStore::scanPlan_data()
{
    // Known images "path:size[:missing]" and scanned files "path:size"; the plan as
    // "vanished | returned | moves (old>new) | fresh".
    QTest::addColumn<QStringList>("known");
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QString>("plan");
    QTest::newRow("nothing changed") << QStringList{"a.png:1"} << QStringList{"a.png:1"} << " |  |  | ";
    QTest::newRow("new file") << QStringList{"a.png:1"} << QStringList{"a.png:1", "b.png:2"} << " |  |  | b.png";
    QTest::newRow("vanished") << QStringList{"a.png:1", "b.png:2"} << QStringList{"a.png:1"} << "b.png |  |  | ";
    QTest::newRow("moved") << QStringList{"a.png:1"} << QStringList{"x/a.png:1"} << " |  | a.png>x/a.png | ";
    QTest::newRow("same name, other size: not a move") << QStringList{"a.png:1"} << QStringList{"x/a.png:9"}
                                                       << "a.png |  |  | x/a.png";
    QTest::newRow("two candidates: no guess") << QStringList{"a.png:1"} << QStringList{"x/a.png:1", "y/a.png:1"}
                                              << "a.png |  |  | x/a.png y/a.png";
    QTest::newRow("two vanished, one candidate") << QStringList{"p/a.png:1", "q/a.png:1"} << QStringList{"x/a.png:1"}
                                                 << "q/a.png |  | p/a.png>x/a.png | ";
    QTest::newRow("missing one returns") << QStringList{"a.png:1:missing"} << QStringList{"a.png:1"} << " | a.png |  | ";
    QTest::newRow("missing one stays missing") << QStringList{"a.png:1:missing"} << QStringList{} << " |  |  | ";
}

void TestProjectStore::scanPlan()
{
    QFETCH(QStringList, known);
    QFETCH(QStringList, files);
    QFETCH(QString, plan);
    std::vector<ImageRecord> images;
    for (const QString &entry : known) {
        const QStringList parts = entry.split(QLatin1Char(':'));
        ImageRecord record;
        record.path = parts[0];
        record.size = parts[1].toLongLong();
        record.missing = parts.size() > 2;
        images.push_back(record);
    }
    QList<ScannedFile> scan;
    for (const QString &entry : files)
        scan.append({entry.section(QLatin1Char(':'), 0, 0), entry.section(QLatin1Char(':'), 1).toLongLong(), 1});
    const ScanPlan result = planScan(images, scan);
    QStringList vanished, returned, moves, fresh;
    for (int i : result.vanished)
        vanished << images[size_t(i)].path;
    for (int i : result.returned)
        returned << images[size_t(i)].path;
    for (auto it = result.moves.cbegin(); it != result.moves.cend(); ++it)
        moves << images[size_t(it.key())].path + QLatin1Char('>') + it.value()->path;
    for (const ScannedFile *file : result.fresh)
        fresh << file->path;
    moves.sort();
    QCOMPARE(QStringList({vanished.join(' '), returned.join(' '), moves.join(' '), fresh.join(' ')}).join(QStringLiteral(" | ")),
             plan);
}

void TestProjectStore::folderScannerReportsNamesThatAreNotUtf8()
{
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("fine.png")), "x");
    // "caf\xE9.png": Latin-1 bytes, not UTF-8.
    const QByteArray name = QFile::encodeName(dir.path()) + "/caf\xE9.png";
    FILE *file = std::fopen(name.constData(), "wb");
    QVERIFY(file);
    std::fclose(file);
    const auto remove = qScopeGuard([&name] { ::unlink(name.constData()); }); // Qt cannot name it to remove it
    FolderScanner scanner(dir.path());
    const QList<ScannedFile> files = scanner.scan();
    QCOMPARE(files.size(), 1);
    QCOMPARE(files[0].path, QStringLiteral("fine.png"));
    QCOMPARE(scanner.skipped().size(), 1);
    QVERIFY2(scanner.skipped()[0].contains(QStringLiteral("not valid UTF-8")), qPrintable(scanner.skipped()[0]));
}

QTEST_GUILESS_MAIN(TestProjectStore)
#include "tst_projectstore.moc"
