// What a hostile or unlucky user does to tagwise-cli: full disks, targets that
// must not be overwritten, paths that leave the project, damaged or foreign
// databases, odd files and odd names. Each case says what must hold.

#include "common/clirunner.h"
#include "common/fulldisk.h"
#include "common/trainingimages.h"
#include "core/project/projectstore.h"

#include "core/formats/formatsfixture.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace tagwise;
using test::CliResult;
using test::runCli;

namespace {

QByteArray contentsOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeText(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

}

class TestDataSafety final : public QObject
{
    Q_OBJECT

private:
    QString path(const QString &relative) const { return m_tmp->filePath(relative); }

    /// project/ with a.png, b.png, sub/c.png tagged "x" / "y".
    QString makeProject(const QString &name = QStringLiteral("project"))
    {
        const QString root = path(name);
        int seed = 0;
        for (const char *image : {"a.png", "b.png", "sub/c.png"}) {
            if (!test::writeImage(root + '/' + QLatin1String(image), ++seed))
                qFatal("cannot write %s", image);
        }
        writeText(root + QStringLiteral("/labels.csv"), "image_name,tags\na.png,x\nb.png,y\nsub/c.png,x y\n");
        const CliResult r = runCli({"import", "--project", root, "--csv", root + QStringLiteral("/labels.csv")});
        if (r.code != 0)
            qFatal("cannot make the project: %s", qPrintable(r.err));
        return root;
    }

    std::unique_ptr<QTemporaryDir> m_tmp;

private Q_SLOTS:
    void init() { m_tmp = std::make_unique<QTemporaryDir>(); }
    void cleanup() { m_tmp.reset(); }

    // 1. A full disk: the old file stays, and the command fails with the real reason.
    void fullDiskKeepsTheOldExport_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("file");
        QTest::newRow("csv") << "--csv" << "labels.csv";
        QTest::newRow("one-hot") << "--onehot" << "onehot.csv";
        QTest::newRow("coco") << "--coco" << "labels.json";
    }

    void fullDiskKeepsTheOldExport()
    {
        QFETCH(QString, option);
        QFETCH(QString, file);
        const QString root = makeProject();
        test::FullDisk disk;
        const QString target = disk.path() + '/' + file;
        QVERIFY(writeText(target, "the previous export\n"));
        disk.fill();
        const CliResult r = runCli({"export", "--project", root, option, target});
        disk.release();
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(target) && r.err.contains(disk.reason()), qPrintable(r.err));
        QVERIFY2(!r.out.contains("exported"), qPrintable(r.out));
        QCOMPARE(contentsOf(target), QByteArray("the previous export\n"));
    }

    void fullDiskFailsAVocExport()
    {
        const QString root = makeProject();
        test::FullDisk disk;
        disk.fill();
        const QString target = disk.path() + QStringLiteral("/voc");
        const CliResult r = runCli({"export", "--project", root, "--voc", target});
        disk.release();
        QCOMPARE(r.code, 1);
        QVERIFY2(!r.err.contains("Unknown error"), qPrintable(r.err));
        // Nothing half-written is left: no folder, or an empty one.
        QVERIFY(!QFileInfo::exists(target) || QDir(target).isEmpty());
    }

    // 2. Export never overwrites what the project keeps.
    void exportRefusesTheProjectsOwnFiles_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("message");
        QTest::newRow("csv over the database") << "--csv" << ".tagwise/project.db" << "inside the project's own folder";
        QTest::newRow("coco over an image") << "--coco" << "a.png" << "is an image of the project";
        QTest::newRow("one-hot over an image in a folder") << "--onehot" << "sub/c.png" << "is an image of the project";
        QTest::newRow("voc inside .tagwise") << "--voc" << ".tagwise/voc" << "inside the project's own folder";
    }

    void exportRefusesTheProjectsOwnFiles()
    {
        QFETCH(QString, option);
        QFETCH(QString, target);
        QFETCH(QString, message);
        const QString root = makeProject();
        const QString file = root + '/' + target;
        const QByteArray before = contentsOf(file);
        const CliResult r = runCli({"export", "--project", root, option, file});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(contentsOf(file), before);
        // The project still opens and holds its labels.
        QCOMPARE(ProjectStore::open(root)->tags().size(), 2);
    }

    // 3. Training never overwrites a folder that is not a Tagwise run.
    void trainRefusesAForeignFolder()
    {
        const QString root = makeProject();
        const QString mine = path(QStringLiteral("mine"));
        QVERIFY(writeText(mine + QStringLiteral("/config.json"), "{\"mine\": true}"));
        QVERIFY(writeText(mine + QStringLiteral("/metrics.json"), "{\"also\": \"mine\"}"));
        const CliResult r = runCli({"train", "--project", root, "--size", "24", "--epochs", "1", "--out", mine});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("is not empty and is not a Tagwise run"), qPrintable(r.err));
        QCOMPARE(contentsOf(mine + QStringLiteral("/config.json")), QByteArray("{\"mine\": true}"));
        QCOMPARE(contentsOf(mine + QStringLiteral("/metrics.json")), QByteArray("{\"also\": \"mine\"}"));
        const CliResult slash = runCli({"train", "--project", root, "--size", "24", "--epochs", "1", "--out", "/"});
        QCOMPARE(slash.code, 1);
        const CliResult option = runCli({"train", "--project", root, "--out", "--epochs", "3"});
        QCOMPARE(option.code, 2);
        QVERIFY2(option.err.contains("--out needs a value, not the option '--epochs'"), qPrintable(option.err));
        QVERIFY(!QFileInfo::exists(QStringLiteral("--epochs")));
    }

    // 5. A path in the database that leaves the project is never read nor exported.
    void databasePathsOutsideTheProjectAreIgnored()
    {
        const QString root = makeProject();
        QVERIFY(test::writeImage(path(QStringLiteral("secret.png")), 9));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("hand"));
            db.setDatabaseName(root + QStringLiteral("/.tagwise/project.db"));
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("INSERT INTO images(path, reviewed) VALUES('../secret.png', 1)")));
            QVERIFY(query.exec(QStringLiteral("INSERT INTO image_tags(image_id, tag_id) "
                                              "SELECT id, (SELECT MIN(id) FROM tags) FROM images WHERE path = '../secret.png'")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("hand"));
        const QString out = path(QStringLiteral("folders"));
        const CliResult r = runCli({"export", "--project", root, "--folders", out});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QStringList exported;
        for (const QString &tag : QDir(out).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            exported += QDir(out + '/' + tag).entryList(QDir::Files);
        QVERIFY2(!exported.contains(QStringLiteral("secret.png")), qPrintable(exported.join(' ')));
        QCOMPARE(exported.size(), 4); // a, b, c (in x and y)
    }

    // 6. Imports take only what the project's scan would list.
    void importsStayInsideTheProject()
    {
        const QString root = makeProject();
        QDir().mkpath(path(QStringLiteral("outside/cls")));
        QVERIFY(test::writeImage(path(QStringLiteral("outside/cls/far.png")), 5));
        QDir().mkpath(root + QStringLiteral("/classes/dog"));
        QVERIFY(test::writeImage(root + QStringLiteral("/classes/dog/near.png"), 6));
        QVERIFY(QFile::link(path(QStringLiteral("outside/cls")), root + QStringLiteral("/classes/linked")));
        const CliResult folders = runCli({"import", "--project", root, "--folders", root + QStringLiteral("/classes")});
        QVERIFY2(folders.code == 0, qPrintable(folders.err));
        QVERIFY2(folders.err.contains("linked/far.png: not imported") && folders.err.contains("symbolic link"),
                 qPrintable(folders.err));
        QVERIFY(test::writeImage(root + QStringLiteral("/.tagwise/thumbnails/x.jpg"), 7));
        QVERIFY(writeText(path(QStringLiteral("rows.csv")), "image_name,tags\nclasses/linked/far.png,a\n.tagwise/thumbnails/x.jpg,b\n"));
        const CliResult csv = runCli({"import", "--project", root, "--csv", path(QStringLiteral("rows.csv"))});
        QVERIFY2(csv.err.contains(".tagwise/thumbnails/x.jpg: not imported"), qPrintable(csv.err));
        const auto store = ProjectStore::open(root);
        for (const ImageRecord &image : store->images())
            QVERIFY2(!image.path.contains(QStringLiteral("far.png")) && !image.path.startsWith('.'), qPrintable(image.path));
        QVERIFY(store->indexOfPath(QStringLiteral("classes/dog/near.png")) >= 0);
    }

    // 7. A folder export copies, so editing the copy leaves the project's image alone.
    void folderExportCopies()
    {
        const QString root = makeProject();
        const QString out = path(QStringLiteral("folders"));
        QCOMPARE(runCli({"export", "--project", root, "--folders", out}).code, 0);
        const QByteArray original = contentsOf(root + QStringLiteral("/a.png"));
        QVERIFY(writeText(out + QStringLiteral("/x/a.png"), "edited"));
        QCOMPARE(contentsOf(root + QStringLiteral("/a.png")), original);
        const CliResult linkWithCsv = runCli({"export", "--project", root, "--csv", path("x.csv"), "--link"});
        QCOMPARE(linkWithCsv.code, 2);
    }

    // 9. An empty database is reported, and stays as it was.
    void emptyDatabaseIsReported()
    {
        const QString root = makeProject();
        QFile::resize(root + QStringLiteral("/.tagwise/project.db"), 0);
        QFile::remove(root + QStringLiteral("/.tagwise/project.db-wal"));
        QFile::remove(root + QStringLiteral("/.tagwise/project.db-shm"));
        const CliResult r = runCli({"export", "--project", root, "--csv", path(QStringLiteral("out.csv"))});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("empty (0 bytes)"), qPrintable(r.err));
        QCOMPARE(QFileInfo(root + QStringLiteral("/.tagwise/project.db")).size(), 0);
        QVERIFY(!QFile::exists(path(QStringLiteral("out.csv"))));
    }

    // 8. A full disk under the project is named as such, not as damage.
    void fullDiskUnderTheProjectIsNamed()
    {
        if (::geteuid() != 0)
            QSKIP("needs a small file system of its own (root mounts a tmpfs)");
        test::FullDisk disk;
        const QString root = disk.path() + QStringLiteral("/p");
        QVERIFY(test::writeImage(root + QStringLiteral("/a.png"), 1));
        QVERIFY(writeText(root + QStringLiteral("/l.csv"), "image_name,tags\na.png,x\n"));
        QCOMPARE(runCli({"import", "--project", root, "--csv", root + QStringLiteral("/l.csv")}).code, 0);
        QVERIFY(test::writeImage(root + QStringLiteral("/b.png"), 2));
        QVERIFY(writeText(root + QStringLiteral("/m.csv"), "image_name,tags\nb.png,a_new_tag_that_needs_room\n"));
        disk.fill();
        const CliResult r = runCli({"import", "--project", root, "--csv", root + QStringLiteral("/m.csv")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("the disk is full"), qPrintable(r.err));
        QVERIFY2(!r.err.contains("damaged"), qPrintable(r.err));
    }

    // 12. A control character in a tag name is refused, with the row named.
    void controlCharactersInTagsAreRefused()
    {
        const QString root = makeProject();
        QByteArray csv("image_name,tags\na.png,bo");
        csv.append('\0');
        csv.append("ot\n");
        QVERIFY(writeText(path(QStringLiteral("nul.csv")), csv));
        const CliResult r = runCli({"import", "--project", root, "--csv", path(QStringLiteral("nul.csv"))});
        QVERIFY2(r.err.contains("a.png: not imported: tag \"bo\\u0000ot\" holds a control character"), qPrintable(r.err));
        const auto store = ProjectStore::open(root);
        for (const TagInfo &tag : store->tags())
            QVERIFY2(!tag.name.startsWith(QStringLiteral("bo")), qPrintable(tag.name));
    }

    // 13. The odd ones: ids too large for JSON, CR-only files, names that are not UTF-8.
    void oddInputsGetExactMessages()
    {
        const QString root = makeProject();
        QVERIFY(writeText(path(QStringLiteral("big.json")),
                          "{\"categories\": [{\"id\": 9007199254740993, \"name\": \"a\"}, "
                          "{\"id\": 9007199254740994, \"name\": \"b\"}], \"images\": [], \"annotations\": []}"));
        const CliResult coco = runCli({"import", "--project", root, "--coco", path(QStringLiteral("big.json"))});
        QCOMPARE(coco.code, 1);
        QVERIFY2(coco.err.contains("\"id\" is too large"), qPrintable(coco.err));

        QByteArray crOnly("image_name,tags\ra.png,cr_tag\rb.png,cr_tag\r");
        QVERIFY(writeText(path(QStringLiteral("cr.csv")), crOnly));
        const CliResult cr = runCli({"import", "--project", root, "--csv", path(QStringLiteral("cr.csv"))});
        QVERIFY2(cr.code == 0, qPrintable(cr.err));
        QVERIFY(ProjectStore::open(root)->tagByName(QStringLiteral("cr_tag")));

        QByteArray longLine("x");
        longLine.append(QByteArray(5000, 'y'));
        QVERIFY(writeText(path(QStringLiteral("long.csv")), longLine + ",b,c\n"));
        const CliResult bad = runCli({"import", "--project", root, "--csv", path(QStringLiteral("long.csv"))});
        QCOMPARE(bad.code, 1);
        QVERIFY2(bad.err.size() < 600, qPrintable(QString::number(bad.err.size()))); // not the whole line again

        const CliResult latin1 = runCli({"export", "--project", QString::fromLocal8Bit("caf\xE9"), "--csv", "x.csv"});
        QCOMPARE(latin1.code, 2);
        QVERIFY2(latin1.err.contains("is not valid UTF-8"), qPrintable(latin1.err));
    }
};

QTEST_GUILESS_MAIN(TestDataSafety)
#include "tst_datasafety.moc"
