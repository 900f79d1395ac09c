// tagwise-cli import / export, run in-process through tagwise::cli::run().

#include "common/clirunner.h"
#include "core/cli/cli.h"
#include "core/project/projectstore.h"

#include "core/formats/formatsfixture.h"

#include <QTemporaryDir>
#include <QTextStream>
#include <QtTest>

using namespace tagwise;
using test::CliResult;
using test::runCli;

namespace {

test::Labels projectLabels(const QString &root)
{
    return test::labels(*ProjectStore::open(root));
}

}

class TestImportExportCli final : public QObject
{
    Q_OBJECT

private:
    QString path(const QString &relative) const { return m_tmp->filePath(relative); }

    // project/{a,b,c}.png and project/sub/d.png
    QString makeImages()
    {
        const QString root = path(QStringLiteral("project"));
        int seed = 0;
        for (const char *name : {"a.png", "b.png", "c.png", "sub/d.png"}) {
            if (!test::writeImage(root + QLatin1Char('/') + QLatin1String(name), ++seed))
                qFatal("cannot write the fixture");
        }
        return root;
    }

    std::unique_ptr<QTemporaryDir> m_tmp;

private Q_SLOTS:
    void init() { m_tmp = std::make_unique<QTemporaryDir>(); }
    void cleanup() { m_tmp.reset(); }

    void commandsAreListed()
    {
        const CliResult result = runCli({QStringLiteral("--help")});
        QCOMPARE(result.code, 0);
        QVERIFY(result.out.contains(QStringLiteral("import --project DIR (--csv FILE")));
        QVERIFY(result.out.contains(QStringLiteral("export --project DIR (--csv FILE")));
    }

    void importCsvCreatesTheProject()
    {
        const QString root = makeImages();
        const QString csv = path(QStringLiteral("labels.csv"));
        QVERIFY(test::writeFile(csv, "image_name,tags\na,cat dog\nb.png,\nsub/d,Traffic_light\n"));
        QVERIFY(!ProjectStore::exists(root));
        const CliResult result = runCli({"import", "--project", root, "--csv", csv});
        QVERIFY2(result.code == 0, qPrintable(result.err));
        QVERIFY(result.err.isEmpty());
        QVERIFY2(result.out.contains(QStringLiteral("4 new images, 4 in the project")), qPrintable(result.out));
        QVERIFY2(result.out.contains(QStringLiteral("imported 3 images from %1 (3 changed), 3 tags created, 0 problems").arg(csv)),
                 qPrintable(result.out));
        QVERIFY(ProjectStore::exists(root));
        QCOMPARE(projectLabels(root), (test::Labels{{"a.png", {"cat", "dog"}}, {"b.png", {}}, {"sub/d.png", {"Traffic_light"}}}));
    }

    void problemsAreListedAndTheRestImported()
    {
        const QString root = makeImages();
        const QString csv = path(QStringLiteral("labels.csv"));
        QVERIFY(test::writeFile(csv, "image_name,tags\na.png,cat\ngone.png,dog\nc.png,dog\nalso-gone,cat\n"));
        const CliResult result = runCli({"import", "--project", root, "--csv", csv});
        QCOMPARE(result.code, 0);
        QCOMPARE(result.err, csv + QStringLiteral(":3: image not found: gone.png\n") + csv
                                 + QStringLiteral(":5: image not found: also-gone\n"));
        QVERIFY2(result.out.contains(QStringLiteral("imported 2 images")), qPrintable(result.out));
        QVERIFY2(result.out.contains(QStringLiteral("2 problems")), qPrintable(result.out));
        QCOMPARE(projectLabels(root), (test::Labels{{"a.png", {"cat"}}, {"c.png", {"dog"}}}));
    }

    void nothingImportedFails()
    {
        const QString root = makeImages();
        const QString csv = path(QStringLiteral("labels.csv"));
        QVERIFY(test::writeFile(csv, "image_name,tags\ngone.png,dog\n"));
        const CliResult result = runCli({"import", "--project", root, "--csv", csv});
        QCOMPARE(result.code, 1);
        QVERIFY(result.err.contains(csv + QStringLiteral(":2: image not found: gone.png")));
        QVERIFY(result.err.contains(QStringLiteral("nothing imported")));
        QVERIFY(!ProjectStore::exists(root));
    }

    void malformedFileChangesNothing_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("error"); // after the file name
        QTest::newRow("csv") << "--csv" << "bad.csv" << QByteArray("image_name,tags\na.png,cat\nb.png,dog,x\n")
                             << ":3: wrong column count: expected 2, found 3";
        QTest::newRow("onehot") << "--onehot" << "bad.csv" << QByteArray("image_path,cat\na.png,1\nb.png,maybe\n")
                                << ":3: column \"cat\": \"maybe\" is not 0 or 1";
        QTest::newRow("voc") << "--voc" << "voc/a.xml" << QByteArray("<annotation>\n<filename>a.png</filename>\n<object>\n")
                             << ":4: XML error: Premature end of document.";
        QTest::newRow("coco") << "--coco" << "bad.json"
                              << QByteArray("{\"categories\":[],\"images\":[{\"id\":1,\"file_name\":\"a.png\"}],"
                                            "\"annotations\":[{\"image_id\":2,\"category_id\":1}]}")
                              << ": annotations[0]: unknown image_id 2";
    }

    void malformedFileChangesNothing()
    {
        QFETCH(QString, option);
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QString, error);
        const QString root = makeImages();
        QVERIFY(test::writeFile(path(file), content));
        const QString input = option == QLatin1String("--voc") ? path(QStringLiteral("voc")) : path(file);

        // No project yet: none is created.
        CliResult result = runCli({"import", "--project", root, option, input});
        QCOMPARE(result.code, 1);
        QVERIFY2(result.err.startsWith(QStringLiteral("tagwise-cli import: ") + path(file) + error), qPrintable(result.err));
        QVERIFY(result.out.isEmpty());
        QVERIFY(!ProjectStore::exists(root));

        // A project with tags: unchanged, even by a file that would add images.
        const QString csv = path(QStringLiteral("good.csv"));
        QVERIFY(test::writeFile(csv, "image_name,tags\na.png,dog\n"));
        QCOMPARE(runCli({"import", "--project", root, "--csv", csv}).code, 0);
        QVERIFY(test::writeImage(root + QStringLiteral("/new.png"), 9));
        const QString before = test::snapshot(*ProjectStore::open(root));
        result = runCli({"import", "--project", root, option, input, "--replace"});
        QCOMPARE(result.code, 1);
        QVERIFY2(result.err.startsWith(QStringLiteral("tagwise-cli import: ") + path(file) + error), qPrintable(result.err));
        QCOMPARE(test::snapshot(*ProjectStore::open(root)), before);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("import: nothing") << QStringList{"import"} << "--project is required";
        QTest::newRow("import: no source") << QStringList{"import", "--project", "p"} << "one of --csv";
        QTest::newRow("import: two sources") << QStringList{"import", "--project", "p", "--csv", "a", "--coco", "b"}
                                             << "give only one of";
        QTest::newRow("import: separator without folders") << QStringList{"import", "--project", "p", "--csv", "a", "--separator", "_"}
                                                           << "--separator goes with --folders";
        QTest::newRow("import: images with folders") << QStringList{"import", "--project", "p", "--folders", "a", "--images", "b"}
                                                     << "--images does not go with --folders";
        QTest::newRow("import: unknown option") << QStringList{"import", "--project", "p", "--csv", "a", "--fast"}
                                                << "Unknown option 'fast'";
        QTest::newRow("import: missing value") << QStringList{"import", "--project", "p", "--csv"} << "Missing value after '--csv'";
        QTest::newRow("import: stray argument") << QStringList{"import", "--project", "p", "--csv", "a", "b"}
                                                << "unexpected argument 'b'";
        QTest::newRow("import: repeated option") << QStringList{"import", "--project", "p", "--csv", "a", "--csv", "b"}
                                                 << "--csv given more than once";
        QTest::newRow("export: no target") << QStringList{"export", "--project", "p"} << "one of --csv";
        QTest::newRow("export: two targets") << QStringList{"export", "--project", "p", "--csv", "a", "--voc", "b"}
                                             << "give only one of";
        QTest::newRow("export: no project") << QStringList{"export", "--csv", "a"} << "--project is required";
        QTest::newRow("export: import option") << QStringList{"export", "--project", "p", "--csv", "a", "--replace"}
                                               << "Unknown option 'replace'";
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CliResult result = runCli(args);
        QCOMPARE(result.code, 2);
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
        QVERIFY2(result.err.contains(QStringLiteral("usage: tagwise-cli ") + args.first()), qPrintable(result.err));
        QVERIFY(result.out.isEmpty());
    }

    void missingProjectFolder()
    {
        const QString csv = path(QStringLiteral("labels.csv"));
        QVERIFY(test::writeFile(csv, "image_name,tags\n"));
        const CliResult result = runCli({"import", "--project", path(QStringLiteral("nowhere")), "--csv", csv});
        QCOMPARE(result.code, 1);
        QVERIFY2(result.err.contains(QStringLiteral("the project folder does not exist")), qPrintable(result.err));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("nowhere"))));
    }

    void imagesFolderOutsideTheProject()
    {
        const QString root = makeImages();
        QVERIFY(test::writeImage(path(QStringLiteral("elsewhere/a.png"))));
        const QString csv = path(QStringLiteral("labels.csv"));
        QVERIFY(test::writeFile(csv, "image_name,tags\na.png,cat\n"));
        const CliResult result = runCli({"import", "--project", root, "--csv", csv, "--images", path(QStringLiteral("elsewhere"))});
        QCOMPARE(result.code, 1);
        QVERIFY2(result.err.contains(QStringLiteral("does not lie inside the project folder")), qPrintable(result.err));
        QVERIFY(!ProjectStore::exists(root));
    }

    void importFoldersWithSeparator()
    {
        const QString root = path(QStringLiteral("shop"));
        QVERIFY(test::writeImage(root + QStringLiteral("/red_dress/1.png"), 1));
        QVERIFY(test::writeImage(root + QStringLiteral("/blue_shirt/1.png"), 2));
        QVERIFY(test::writeImage(root + QStringLiteral("/blue_dress/2.png"), 3));
        const CliResult result = runCli({"import", "--project", root, "--folders", root, "--separator", "_"});
        QVERIFY2(result.code == 0, qPrintable(result.err));
        QVERIFY2(result.out.contains(QStringLiteral("imported 3 images")), qPrintable(result.out));
        QVERIFY2(result.out.contains(QStringLiteral("4 tags created")), qPrintable(result.out));
        QCOMPARE(projectLabels(root), (test::Labels{{"blue_dress/2.png", {"blue", "dress"}},
                                                    {"blue_shirt/1.png", {"blue", "shirt"}},
                                                    {"red_dress/1.png", {"dress", "red"}}}));
    }

    void importVocAndCocoWithImagesFolder()
    {
        const QString root = makeImages();
        QVERIFY(test::writeFile(path(QStringLiteral("ann/d.xml")),
                                "<annotation><filename>d.png</filename><object><name>cat</name></object></annotation>"));
        CliResult result = runCli({"import", "--project", root, "--voc", path(QStringLiteral("ann")), "--images", root + QStringLiteral("/sub")});
        QVERIFY2(result.code == 0, qPrintable(result.err));
        QVERIFY(test::writeFile(path(QStringLiteral("coco.json")),
                                R"({"categories":[{"id":1,"name":"dog"}],"images":[{"id":1,"file_name":"a.png"},{"id":2,"file_name":"sub/d.png"}],
                                    "annotations":[{"image_id":2,"category_id":1}]})"));
        result = runCli({"import", "--project", root, "--coco", path(QStringLiteral("coco.json"))});
        QVERIFY2(result.code == 0, qPrintable(result.err));
        QCOMPARE(projectLabels(root), (test::Labels{{"a.png", {}}, {"sub/d.png", {"cat", "dog"}}}));
    }

    void replaceOption()
    {
        const QString root = makeImages();
        const QString first = path(QStringLiteral("first.csv"));
        const QString second = path(QStringLiteral("second.csv"));
        QVERIFY(test::writeFile(first, "image_name,tags\na.png,cat\nb.png,cat\n"));
        QVERIFY(test::writeFile(second, "image_name,tags\na.png,dog\n"));
        QCOMPARE(runCli({"import", "--project", root, "--csv", first}).code, 0);
        QCOMPARE(runCli({"import", "--project", root, "--csv", second}).code, 0);
        QCOMPARE(projectLabels(root), (test::Labels{{"a.png", {"cat", "dog"}}, {"b.png", {"cat"}}}));
        const CliResult result = runCli({"import", "--project", root, "--csv", second, "--replace"});
        QCOMPARE(result.code, 0);
        QVERIFY2(result.out.contains(QStringLiteral("(1 changed), 0 tags created")), qPrintable(result.out));
        QCOMPARE(projectLabels(root), (test::Labels{{"a.png", {"dog"}}, {"b.png", {"cat"}}}));
    }

    void exportAndImportBack_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("target");
        QTest::newRow("csv") << "--csv" << "out.csv";
        QTest::newRow("onehot") << "--onehot" << "out.csv";
        QTest::newRow("coco") << "--coco" << "out.json";
        QTest::newRow("voc") << "--voc" << "voc";
        QTest::newRow("folders") << "--folders" << "folders";
    }

    void exportAndImportBack()
    {
        QFETCH(QString, option);
        QFETCH(QString, target);
        const QString root = makeImages();
        const QString csv = path(QStringLiteral("labels.csv"));
        QVERIFY(test::writeFile(csv, "image_name,tags\na.png,cat dog\nb.png,dog\nsub/d.png,cat\n"));
        QCOMPARE(runCli({"import", "--project", root, "--csv", csv}).code, 0);

        const QString out = path(target);
        CliResult result = runCli({"export", "--project", root, option, out});
        QVERIFY2(result.code == 0, qPrintable(result.err));
        QCOMPARE(result.out, QStringLiteral("exported 3 images and 2 tags to %1\n").arg(out));
        QVERIFY(QFileInfo::exists(out));

        // Into a copy of the images (class folders: the export is the project).
        QString copy = out;
        QStringList args{"import", "--project", copy, option, out};
        if (option != QLatin1String("--folders")) {
            copy = path(QStringLiteral("copy"));
            for (const char *name : {"a.png", "b.png", "c.png", "sub/d.png"}) {
                QVERIFY(QDir().mkpath(QFileInfo(copy + QLatin1Char('/') + QLatin1String(name)).absolutePath()));
                QVERIFY(QFile::copy(root + QLatin1Char('/') + QLatin1String(name), copy + QLatin1Char('/') + QLatin1String(name)));
            }
            args = QStringList{"import", "--project", copy, option, out};
        }
        result = runCli(args);
        QVERIFY2(result.code == 0, qPrintable(result.err));
        test::Labels labels = projectLabels(copy);
        if (option == QLatin1String("--folders")) {
            QCOMPARE(labels, (test::Labels{{"cat/a.png", {"cat", "dog"}}, {"cat/d.png", {"cat"}}, {"dog/b.png", {"dog"}}}));
            return;
        }
        QCOMPARE(labels, projectLabels(root));
    }

    void exportNeedsAProject()
    {
        const QString root = makeImages();
        const CliResult result = runCli({"export", "--project", root, "--csv", path(QStringLiteral("out.csv"))});
        QCOMPARE(result.code, 1);
        QVERIFY2(result.err.contains(root + QStringLiteral(": no Tagwise project here")), qPrintable(result.err));
        QVERIFY(!ProjectStore::exists(root));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("out.csv"))));
    }

    void exportIntoAFolderThatIsNotEmpty()
    {
        const QString root = makeImages();
        const QString csv = path(QStringLiteral("labels.csv"));
        QVERIFY(test::writeFile(csv, "image_name,tags\na.png,cat\n"));
        QCOMPARE(runCli({"import", "--project", root, "--csv", csv}).code, 0);
        QVERIFY(test::writeFile(path(QStringLiteral("voc/old.xml")), "x"));
        const CliResult result = runCli({"export", "--project", root, "--voc", path(QStringLiteral("voc"))});
        QCOMPARE(result.code, 1);
        QVERIFY2(result.err.contains(QStringLiteral("the folder is not empty")), qPrintable(result.err));
    }
};

QTEST_GUILESS_MAIN(TestImportExportCli)
#include "tst_importexportcli.moc"
