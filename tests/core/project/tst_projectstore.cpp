#include "core/project/folderscanner.h"
#include "core/project/projecterror.h"
#include "core/project/projectstore.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace tagwise;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

// image path -> sorted tag names, reviewed flag: what a user would compare.
QMap<QString, QString> snapshot(const ProjectStore &store)
{
    QMap<QString, QString> map;
    for (const ImageRecord &image : store.images()) {
        QStringList names = store.tagNames(image);
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
    void applyImageTagsAddsAndReplaces();
    void applyImageTagsIsAllOrNothing();
    void scanFindsNewVanishedMovedReturned();
    void folderScannerListsImagesOnly();
    void defaultSplitIsStableAndBalanced();
    void damagedDatabaseIsReported();
    void settingsPersist();
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

QTEST_GUILESS_MAIN(TestProjectStore)
#include "tst_projectstore.moc"
