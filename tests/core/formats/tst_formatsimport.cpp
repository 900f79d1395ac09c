// What the importers and exporters do beyond the round trip: missing images,
// names without a suffix, BOM/CRLF, duplicate rows, tag renaming, class-folder
// layouts, importing into a project, and what an export writes.

#include "core/formats/classfolders.h"
#include "core/formats/cocojson.h"
#include "core/formats/exportselection.h"
#include "core/formats/onehotcsv.h"
#include "core/formats/planetcsv.h"
#include "core/formats/projectimport.h"
#include "core/formats/vocxml.h"
#include "core/project/projecterror.h"

#include "core/formats/formatsfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace tagwise;
using namespace tagwise::formats;

namespace {

using Rows = QList<QPair<QString, QStringList>>;

Rows rowsOf(const ImportReport &report)
{
    Rows rows;
    for (const ImageTags &row : report.rows)
        rows.append({row.path, row.tags});
    return rows;
}

QByteArray contents(const QString &file)
{
    QFile in(file);
    return in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
}

}

class TestFormatsImport final : public QObject
{
    Q_OBJECT

private:
    QString path(const QString &relative) const { return m_tmp->filePath(relative); }

    std::unique_ptr<QTemporaryDir> m_tmp;

private Q_SLOTS:
    void init() { m_tmp = std::make_unique<QTemporaryDir>(); }
    void cleanup() { m_tmp.reset(); }

    void planetResolvesNames_data()
    {
        QTest::addColumn<QString>("file");   // on disk, under the images folder
        QTest::addColumn<QString>("name");   // as the CSV names it
        QTest::addColumn<QString>("result"); // resolved path, or the problem

        QTest::newRow("exact") << "a.png" << "a.png" << "a.png";
        QTest::newRow("no suffix, png") << "train_1.png" << "train_1" << "train_1.png";
        QTest::newRow("no suffix, jpg") << "train_2.jpg" << "train_2" << "train_2.jpg";
        QTest::newRow("no suffix, upper case") << "train_3.JPG" << "train_3" << "train_3.JPG";
        QTest::newRow("no suffix, dots in the name") << "v1.2.jpeg" << "v1.2" << "v1.2.jpeg";
        QTest::newRow("sub-folder") << "sub/b.png" << "sub/b" << "sub/b.png";
        QTest::newRow("dot segments") << "sub/c.png" << "sub/../sub/./c.png" << "sub/c.png";
        QTest::newRow("missing") << "d.png" << "e.png" << "problem: image not found: e.png";
        QTest::newRow("missing without suffix") << "d.png" << "f" << "problem: image not found: f";
        QTest::newRow("not an image") << "notes" << "notes" << "problem: not an image file: notes";
        QTest::newRow("outside") << "../outside.png" << "../outside.png" << "problem: image outside the images folder";
    }

    void planetResolvesNames()
    {
        QFETCH(QString, file);
        QFETCH(QString, name);
        QFETCH(QString, result);
        const QString images = path(QStringLiteral("images"));
        QVERIFY(QDir().mkpath(images));
        QVERIFY(test::writeImage(QDir::cleanPath(images + QLatin1Char('/') + file)));
        const QString csv = path(QStringLiteral("labels.csv"));
        QVERIFY(test::writeFile(csv, ("image_name,tags\n" + name + ",cat\n").toUtf8()));
        const ImportReport report = readPlanetCsv(csv, images);
        if (result.startsWith(QLatin1String("problem: "))) {
            QVERIFY(report.rows.isEmpty());
            QCOMPARE(report.problems.size(), 1);
            const QString problem = csv + QStringLiteral(":2: ") + result.mid(9);
            QVERIFY2(report.problems.first().startsWith(problem), qPrintable(report.problems.first()));
        } else {
            QVERIFY2(report.problems.isEmpty(), qPrintable(report.problems.join(QLatin1Char('\n'))));
            QCOMPARE(rowsOf(report), (Rows{{result, {"cat"}}}));
        }
    }

    void planetReportsMissingImagesAndKeepsTheRest()
    {
        const QString root = path(QStringLiteral("project"));
        QVERIFY(test::writeImage(root + QStringLiteral("/a.png")));
        QVERIFY(test::writeImage(root + QStringLiteral("/c.png")));
        const QString csv = path(QStringLiteral("labels.csv"));
        QVERIFY(test::writeFile(csv, "image_name,tags\na.png,cat dog\ngone.png,cat\nc,\nalso-gone,dog\n"));
        const ImportReport report = readPlanetCsv(csv, root);
        QCOMPARE(rowsOf(report), (Rows{{"a.png", {"cat", "dog"}}, {"c.png", {}}}));
        QCOMPARE(report.problems, (QStringList{csv + QStringLiteral(":3: image not found: gone.png"),
                                               csv + QStringLiteral(":5: image not found: also-gone")}));

        auto store = ProjectStore::open(root);
        QCOMPARE(importIntoProject(*store, report, root, false), 2);
        QCOMPARE(test::labels(*store), (test::Labels{{"a.png", {"cat", "dog"}}, {"c.png", {}}}));
        QCOMPARE(store->indexOfPath(QStringLiteral("gone.png")), -1);
    }

    void missingImagesFolder()
    {
        const QString csv = path(QStringLiteral("labels.csv"));
        QVERIFY(test::writeFile(csv, "image_name,tags\na.png,cat\n"));
        const QString images = path(QStringLiteral("no-such-folder"));
        try {
            readPlanetCsv(csv, images);
            QFAIL("no error");
        } catch (const ProjectError &error) {
            QCOMPARE(error.message(), images + QStringLiteral(": the images folder does not exist"));
        }
    }

    void bomAndCrlf_data()
    {
        QTest::addColumn<bool>("oneHot");
        QTest::addColumn<QByteArray>("plain");
        QTest::newRow("planet") << false << QByteArray("image_name,tags\na.png,cat dog\n\"b c.png\",\n");
        QTest::newRow("one-hot") << true << QByteArray("image_path,cat,dog\na.png,1,1\n\"b c.png\",0,0\n");
    }

    void bomAndCrlf()
    {
        QFETCH(bool, oneHot);
        QFETCH(QByteArray, plain);
        QVERIFY(test::writeImage(path(QStringLiteral("a.png"))));
        QVERIFY(test::writeImage(path(QStringLiteral("b c.png"))));
        QByteArray windows = plain;
        windows.replace("\n", "\r\n");
        windows.prepend("\xEF\xBB\xBF");
        const QString plainFile = path(QStringLiteral("plain.csv"));
        const QString windowsFile = path(QStringLiteral("windows.csv"));
        QVERIFY(test::writeFile(plainFile, plain));
        QVERIFY(test::writeFile(windowsFile, windows));
        const auto read = [&](const QString &file) {
            return oneHot ? readOneHotCsv(file, m_tmp->path()) : readPlanetCsv(file, m_tmp->path());
        };
        const Rows expected{{"a.png", {"cat", "dog"}}, {"b c.png", {}}};
        QCOMPARE(rowsOf(read(plainFile)), expected);
        const ImportReport report = read(windowsFile);
        QCOMPARE(rowsOf(report), expected);
        QVERIFY(report.problems.isEmpty());
    }

    void duplicateRowsMergeTags_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("planet") << "planet" << QByteArray("image_name,tags\na.png,cat\nb.png,dog\na,dog cat\n");
        QTest::newRow("one-hot") << "onehot" << QByteArray("image_path,cat,dog\na.png,1,0\nb.png,0,1\na.png,0,1\n");
        QTest::newRow("coco") << "coco"
                              << QByteArray("{\"categories\":[{\"id\":5,\"name\":\"cat\"},{\"id\":6,\"name\":\"dog\"}],"
                                            "\"images\":[{\"id\":1,\"file_name\":\"a.png\"},{\"id\":2,\"file_name\":\"b.png\"},"
                                            "{\"id\":3,\"file_name\":\"a.png\"}],"
                                            "\"annotations\":[{\"image_id\":1,\"category_id\":5},{\"image_id\":2,\"category_id\":6},"
                                            "{\"image_id\":3,\"category_id\":6},{\"image_id\":1,\"category_id\":5}]}");
        QTest::newRow("voc") << "voc" << QByteArray();
    }

    void duplicateRowsMergeTags()
    {
        QFETCH(QString, format);
        QFETCH(QByteArray, content);
        QVERIFY(test::writeImage(path(QStringLiteral("a.png"))));
        QVERIFY(test::writeImage(path(QStringLiteral("b.png"))));
        const QString file = path(QStringLiteral("labels"));
        ImportReport report;
        if (format == QLatin1String("voc")) {
            const auto xml = [](const char *file, const char *tag) -> QByteArray {
                return QByteArray("<annotation><filename>") + file + "</filename><object><name>" + tag
                       + "</name></object></annotation>";
            };
            QVERIFY(test::writeFile(path(QStringLiteral("voc/1.xml")), xml("a.png", "cat")));
            QVERIFY(test::writeFile(path(QStringLiteral("voc/2.xml")), xml("b.png", "dog")));
            QVERIFY(test::writeFile(path(QStringLiteral("voc/3.xml")), xml("a.png", "dog")));
            report = readVocFolder(path(QStringLiteral("voc")), m_tmp->path());
        } else {
            QVERIFY(test::writeFile(file, content));
            if (format == QLatin1String("planet"))
                report = readPlanetCsv(file, m_tmp->path());
            else if (format == QLatin1String("onehot"))
                report = readOneHotCsv(file, m_tmp->path());
            else
                report = readCoco(file, m_tmp->path());
        }
        QVERIFY(report.problems.isEmpty());
        QCOMPARE(rowsOf(report), (Rows{{"a.png", {"cat", "dog"}}, {"b.png", {"dog"}}}));
    }

    void tagNamesWithSpacesAreRenamed()
    {
        QVERIFY(test::writeImage(path(QStringLiteral("a.png"))));
        const QString csv = path(QStringLiteral("labels.csv"));
        QVERIFY(test::writeFile(csv, "image_path,traffic light,\"a,b\",cat\na.png,1,1,1\n"));
        const ImportReport report = readOneHotCsv(csv, m_tmp->path());
        QCOMPARE(rowsOf(report), (Rows{{"a.png", {"traffic_light", "a_b", "cat"}}}));
        QCOMPARE(report.problems.size(), 2);
        QVERIFY(report.problems.at(0).startsWith(csv + QStringLiteral(": tag \"traffic light\" renamed to \"traffic_light\"")));
        QVERIFY(report.problems.at(1).startsWith(csv + QStringLiteral(": tag \"a,b\" renamed to \"a_b\"")));

        auto store = ProjectStore::open(m_tmp->path());
        importIntoProject(*store, report, m_tmp->path(), false);
        QCOMPARE(test::labels(*store), (test::Labels{{"a.png", {"a_b", "cat", "traffic_light"}}}));
    }

    void classFolderSeparator_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("separator");
        QTest::addColumn<QStringList>("tags");
        QTest::newRow("no separator") << "red_dress" << "" << QStringList{"red_dress"};
        QTest::newRow("underscore") << "red_dress" << "_" << QStringList{"red", "dress"};
        QTest::newRow("three parts") << "red_long_dress" << "_" << QStringList{"red", "long", "dress"};
        QTest::newRow("empty parts") << "_red__dress_" << "_" << QStringList{"red", "dress"};
        QTest::newRow("other separator") << "red_dress" << "-" << QStringList{"red_dress"};
        QTest::newRow("longer separator") << "red and dress" << " and " << QStringList{"red", "dress"};
        QTest::newRow("space in a name") << "golden retriever" << "" << QStringList{"golden_retriever"};
    }

    void classFolderSeparator()
    {
        QFETCH(QString, folder);
        QFETCH(QString, separator);
        QFETCH(QStringList, tags);
        QVERIFY(test::writeImage(path(folder + QStringLiteral("/x.png"))));
        const ImportReport report = readClassFolders(m_tmp->path(), separator);
        QCOMPARE(rowsOf(report), (Rows{{folder + QStringLiteral("/x.png"), tags}}));
    }

    void classFoldersLayout()
    {
        // The Keras-tutorial layout: the same file in several class folders is one image.
        QVERIFY(test::writeImage(path(QStringLiteral("red/1.png")), 1));
        QVERIFY(test::writeImage(path(QStringLiteral("dress/1.png")), 1));
        QVERIFY(test::writeImage(path(QStringLiteral("shirt/1.png")), 1));
        // Same name, other pixels: another image (class folders that number their files).
        QVERIFY(test::writeImage(path(QStringLiteral("blue/1.png")), 2));
        QVERIFY(test::writeImage(path(QStringLiteral("blue/2.png")), 3));
        QVERIFY(test::writeImage(path(QStringLiteral("outside.png")), 4));
        QVERIFY(test::writeImage(path(QStringLiteral(".hidden/3.png")), 5));
        QVERIFY(test::writeImage(path(QStringLiteral("blue/.4.png")), 6));
        QVERIFY(test::writeFile(path(QStringLiteral("blue/readme.txt")), "x"));
        QVERIFY(test::writeImage(path(QStringLiteral("blue/deeper/5.png")), 7));
        QVERIFY(test::writeImage(path(QStringLiteral("__/6.png")), 8));
        QVERIFY(test::writeFile(path(QStringLiteral("notes.txt")), "x"));

        const ImportReport report = readClassFolders(m_tmp->path(), QStringLiteral("_"));
        QCOMPARE(rowsOf(report), (Rows{{"blue/1.png", {"blue"}}, {"blue/2.png", {"blue"}},
                                       {"dress/1.png", {"dress", "red", "shirt"}}}));
        const QString root = m_tmp->path();
        QCOMPARE(report.problems, (QStringList{root + QStringLiteral("/__: the folder name gives no tag; its images were not read"),
                                               root + QStringLiteral("/blue/deeper: a folder inside a class folder is not read"),
                                               root + QStringLiteral("/blue/readme.txt: not an image file"),
                                               root + QStringLiteral("/outside.png: image outside any class folder")}));
    }

    void vocReadsObjectNamesOnly()
    {
        QVERIFY(test::writeImage(path(QStringLiteral("images/a.png"))));
        QVERIFY(test::writeImage(path(QStringLiteral("images/b.png"))));
        QVERIFY(test::writeFile(path(QStringLiteral("ann/a.xml")),
                                "<annotation><folder>VOC2007</folder><filename>a</filename>"
                                "<object><name>person</name><part><name>head</name></part></object>"
                                "<object><name> dog </name><difficult>1</difficult></object>"
                                "<object><name>person</name></object></annotation>"));
        QVERIFY(test::writeFile(path(QStringLiteral("ann/sub/b.xml")), "<annotation><filename>b.png</filename></annotation>"));
        QVERIFY(test::writeFile(path(QStringLiteral("ann/c.xml")),
                                "<annotation>\n<filename>c.png</filename>\n<object><name>x</name></object></annotation>"));
        QVERIFY(test::writeFile(path(QStringLiteral("ann/notes.txt")), "not xml"));
        const ImportReport report = readVocFolder(path(QStringLiteral("ann")), path(QStringLiteral("images")));
        QCOMPARE(rowsOf(report), (Rows{{"a.png", {"person", "dog"}}, {"b.png", {}}}));
        QCOMPARE(report.problems, QStringList{path(QStringLiteral("ann/c.xml")) + QStringLiteral(":2: image not found: c.png")});
    }

    void cocoCategoriesAndUnannotatedImages()
    {
        QVERIFY(test::writeImage(path(QStringLiteral("img/a.png"))));
        QVERIFY(test::writeImage(path(QStringLiteral("img/b.png"))));
        const QString json = path(QStringLiteral("instances.json"));
        QVERIFY(test::writeFile(json, R"({"info": {}, "categories": [{"id": 3, "name": "traffic light"}, {"id": 1, "name": "person"}],
            "images": [{"id": 10, "file_name": "a.png", "width": 4, "height": 3},
                       {"id": 11, "file_name": "b.png"}, {"id": 12, "file_name": "gone.png"}],
            "annotations": [{"id": 1, "image_id": 10, "category_id": 1, "bbox": [0, 0, 1, 1]},
                            {"id": 2, "image_id": 10, "category_id": 3, "iscrowd": 1},
                            {"id": 3, "image_id": 12, "category_id": 1}]})"));
        const ImportReport report = readCoco(json, path(QStringLiteral("img")));
        QCOMPARE(rowsOf(report), (Rows{{"a.png", {"traffic_light", "person"}}, {"b.png", {}}}));
        QCOMPARE(report.problems.size(), 2);
        QVERIFY(report.problems.contains(json + QStringLiteral(": images[2]: image not found: gone.png")));
    }

    void importIntoSubFolder()
    {
        const QString root = path(QStringLiteral("project"));
        QVERIFY(test::writeImage(root + QStringLiteral("/train/a.png")));
        QVERIFY(test::writeImage(root + QStringLiteral("/train/b.png")));
        const QString csv = path(QStringLiteral("labels.csv"));
        QVERIFY(test::writeFile(csv, "image_name,tags\na,cat\nb,dog\n"));
        const ImportReport report = readPlanetCsv(csv, root + QStringLiteral("/train"));
        auto store = ProjectStore::open(root);
        test::scan(*store);
        QCOMPARE(importIntoProject(*store, report, root + QStringLiteral("/train"), false), 2);
        QCOMPARE(test::labels(*store), (test::Labels{{"train/a.png", {"cat"}}, {"train/b.png", {"dog"}}}));

        // The same import again changes nothing.
        QCOMPARE(importIntoProject(*store, report, root + QStringLiteral("/train/"), false), 0);
    }

    void imagesFolderOutsideTheProject()
    {
        const QString root = path(QStringLiteral("project"));
        QVERIFY(test::writeImage(path(QStringLiteral("elsewhere/a.png"))));
        QVERIFY(QDir().mkpath(root));
        const QString csv = path(QStringLiteral("labels.csv"));
        QVERIFY(test::writeFile(csv, "image_name,tags\na.png,cat\n"));
        const ImportReport report = readPlanetCsv(csv, path(QStringLiteral("elsewhere")));
        QCOMPARE(report.rows.size(), 1);
        auto store = ProjectStore::open(root);
        const QString before = test::snapshot(*store);
        try {
            importIntoProject(*store, report, path(QStringLiteral("elsewhere")), false);
            QFAIL("no error");
        } catch (const ProjectError &error) {
            QVERIFY2(error.message().startsWith(path(QStringLiteral("elsewhere")) + QStringLiteral(": the images folder does not lie inside")),
                     qPrintable(error.message()));
        }
        QCOMPARE(test::snapshot(*store), before);
    }

    void addOrReplace_data()
    {
        QTest::addColumn<bool>("replace");
        QTest::addColumn<test::Labels>("expected");
        QTest::addColumn<int>("changed");
        QTest::newRow("add") << false << test::Labels{{"a.png", {"cat", "dog"}}, {"b.png", {"dog"}}, {"c.png", {"cat"}}} << 1;
        QTest::newRow("replace") << true << test::Labels{{"a.png", {"dog"}}, {"b.png", {"dog"}}, {"c.png", {"cat"}}} << 1;
    }

    void addOrReplace()
    {
        QFETCH(bool, replace);
        QFETCH(test::Labels, expected);
        QFETCH(int, changed);
        for (const char *name : {"a.png", "b.png", "c.png"})
            QVERIFY(test::writeImage(path(QLatin1String(name))));
        auto store = ProjectStore::open(m_tmp->path());
        test::scan(*store);
        store->applyImageTags({{"a.png", {"cat"}}, {"b.png", {"dog"}}, {"c.png", {"cat"}}}, true);
        const QString csv = path(QStringLiteral("labels.csv"));
        QVERIFY(test::writeFile(csv, "image_name,tags\na.png,dog\nb.png,dog\n"));
        QCOMPARE(importIntoProject(*store, readPlanetCsv(csv, m_tmp->path()), m_tmp->path(), replace), changed);
        QCOMPARE(test::labels(*store), expected);
    }

    void exportSelection()
    {
        const QString root = path(QStringLiteral("project"));
        for (const char *name : {"tagged.png", "reviewed.png", "unlabeled.png", "vanished.png"})
            QVERIFY(test::writeImage(root + QLatin1Char('/') + QLatin1String(name)));
        auto store = ProjectStore::open(root);
        test::scan(*store);
        store->applyImageTags({{"tagged.png", {"cat"}}, {"reviewed.png", {}}, {"vanished.png", {"cat"}}}, true);
        QVERIFY(QFile::remove(root + QStringLiteral("/vanished.png")));
        test::scan(*store);
        QList<QString> exported;
        for (const ImageRecord *image : exportedImages(*store))
            exported.append(image->path);
        QCOMPARE(exported, (QList<QString>{"reviewed.png", "tagged.png"}));

        const QString csv = path(QStringLiteral("out.csv"));
        writePlanetCsv(*store, csv);
        QCOMPARE(contents(csv), QByteArray("image_name,tags\nreviewed.png,\ntagged.png,cat\n"));
        writeOneHotCsv(*store, csv);
        QCOMPARE(contents(csv), QByteArray("image_path,cat\nreviewed.png,0\ntagged.png,1\n"));
    }

    void vocAndCocoHaveWholeImageBoxes()
    {
        const QString root = path(QStringLiteral("project"));
        QVERIFY(test::writeImage(root + QStringLiteral("/a.png"), 1, 7, 5));
        QVERIFY(test::writeImage(root + QStringLiteral("/sub/b.png"), 2, 3, 2));
        auto store = ProjectStore::open(root);
        test::scan(*store);
        store->applyImageTags({{"a.png", {"cat", "dog"}}, {"sub/b.png", {}}}, true);
        store->addTag(QStringLiteral("unused"));

        const QString json = path(QStringLiteral("coco.json"));
        writeCoco(*store, json);
        const QJsonObject coco = QJsonDocument::fromJson(contents(json)).object();
        QCOMPARE(coco.value(QStringLiteral("categories")).toArray().size(), 3);
        const QJsonArray images = coco.value(QStringLiteral("images")).toArray();
        QCOMPARE(images.size(), 2);
        QCOMPARE(images.at(0).toObject().value(QStringLiteral("file_name")).toString(), QStringLiteral("a.png"));
        QCOMPARE(images.at(0).toObject().value(QStringLiteral("width")).toInt(), 7);
        QCOMPARE(images.at(0).toObject().value(QStringLiteral("height")).toInt(), 5);
        QCOMPARE(images.at(1).toObject().value(QStringLiteral("file_name")).toString(), QStringLiteral("sub/b.png"));
        const QJsonArray annotations = coco.value(QStringLiteral("annotations")).toArray();
        QCOMPARE(annotations.size(), 2);
        QCOMPARE(annotations.at(1).toObject().value(QStringLiteral("bbox")).toArray(), (QJsonArray{0, 0, 7, 5}));
        QCOMPARE(annotations.at(1).toObject().value(QStringLiteral("area")).toDouble(), 35.0);

        const QString voc = path(QStringLiteral("voc"));
        writeVocFolder(*store, voc);
        const QString a = QString::fromUtf8(contents(voc + QStringLiteral("/a.xml")));
        QVERIFY2(a.contains(QStringLiteral("<filename>a.png</filename>")), qPrintable(a));
        QVERIFY(a.contains(QStringLiteral("<width>7</width>")));
        QVERIFY(a.contains(QStringLiteral("<depth>1</depth>")));
        QCOMPARE(a.count(QStringLiteral("<object>")), 2);
        QVERIFY(a.contains(QStringLiteral("<xmin>1</xmin>")));
        QVERIFY(a.contains(QStringLiteral("<xmax>7</xmax>")));
        QVERIFY(a.contains(QStringLiteral("<ymax>5</ymax>")));
        const QString b = QString::fromUtf8(contents(voc + QStringLiteral("/sub/b.xml")));
        QVERIFY2(b.contains(QStringLiteral("<filename>sub/b.png</filename>")), qPrintable(b));
        QCOMPARE(b.count(QStringLiteral("<object>")), 0);
    }

    void failedExportKeepsTheOldFile_data()
    {
        QTest::addColumn<bool>("coco");
        QTest::newRow("coco") << true;
        QTest::newRow("voc") << false;
    }

    void failedExportKeepsTheOldFile()
    {
        QFETCH(bool, coco);
        const QString root = path(QStringLiteral("project"));
        QVERIFY(test::writeImage(root + QStringLiteral("/a.png")));
        QVERIFY(test::writeImage(root + QStringLiteral("/b.png")));
        auto store = ProjectStore::open(root);
        test::scan(*store);
        store->applyImageTags({{"a.png", {"cat"}}, {"b.png", {"dog"}}}, true);
        // b.png is no image any more: its size cannot be read.
        QVERIFY(test::writeFile(root + QStringLiteral("/b.png"), "garbage"));

        const QString target = path(coco ? QStringLiteral("out.json") : QStringLiteral("voc"));
        if (coco)
            QVERIFY(test::writeFile(target, "old"));
        try {
            coco ? writeCoco(*store, target) : writeVocFolder(*store, target);
            QFAIL("no error");
        } catch (const ProjectError &error) {
            QVERIFY2(error.message().startsWith(root + QStringLiteral("/b.png: cannot read the image size")),
                     qPrintable(error.message()));
        }
        if (coco) {
            QCOMPARE(contents(target), QByteArray("old"));
        } else {
            QVERIFY(!QFileInfo::exists(target));
        }
        // No temporary files are left beside the target.
        QCOMPARE(QDir(m_tmp->path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 coco ? QStringList({"out.json", "project"}) : QStringList({"project"}));
    }

    void folderExportsNeedAnEmptyFolder()
    {
        const QString root = path(QStringLiteral("project"));
        QVERIFY(test::writeImage(root + QStringLiteral("/a.png")));
        auto store = ProjectStore::open(root);
        test::scan(*store);
        store->applyImageTags({{"a.png", {"cat"}}}, true);
        QVERIFY(test::writeFile(path(QStringLiteral("out/old.xml")), "x"));
        QVERIFY_THROWS_EXCEPTION(ProjectError, writeVocFolder(*store, path(QStringLiteral("out"))));
        QVERIFY_THROWS_EXCEPTION(ProjectError, writeClassFolders(*store, path(QStringLiteral("out"))));
        QCOMPARE(QDir(path(QStringLiteral("out"))).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList{"old.xml"});
        // Inside the project, the copies would become new images at the next scan.
        QVERIFY_THROWS_EXCEPTION(ProjectError, writeClassFolders(*store, root + QStringLiteral("/export")));
        QVERIFY(!QFileInfo::exists(root + QStringLiteral("/export")));

        // An empty folder is fine.
        QVERIFY(QDir().mkpath(path(QStringLiteral("empty"))));
        writeClassFolders(*store, path(QStringLiteral("empty")));
        QVERIFY(QFileInfo::exists(path(QStringLiteral("empty/cat/a.png"))));
    }

    void classFolderExport()
    {
        const QString root = path(QStringLiteral("project"));
        QVERIFY(test::writeImage(root + QStringLiteral("/x.png"), 1));
        QVERIFY(test::writeImage(root + QStringLiteral("/sub/x.png"), 2));
        QVERIFY(test::writeImage(root + QStringLiteral("/y.png"), 3));
        QVERIFY(test::writeImage(root + QStringLiteral("/none.png"), 4));
        auto store = ProjectStore::open(root);
        test::scan(*store);
        store->applyImageTags({{"x.png", {"cat"}}, {"sub/x.png", {"cat", "dog"}}, {"y.png", {"dog"}}, {"none.png", {}}}, true);
        const QString out = path(QStringLiteral("out"));
        writeClassFolders(*store, out);

        // Two images named x.png: each is named after its path instead.
        QCOMPARE(QDir(out + QStringLiteral("/cat")).entryList(QDir::Files), (QStringList{"sub__x.png", "x.png"}));
        QCOMPARE(QDir(out + QStringLiteral("/dog")).entryList(QDir::Files), (QStringList{"sub__x.png", "y.png"}));
        QCOMPARE(QDir(out).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), (QStringList{"cat", "dog"}));
        QCOMPARE(contents(out + QStringLiteral("/dog/sub__x.png")), contents(root + QStringLiteral("/sub/x.png")));
#ifdef Q_OS_UNIX
        // Copies by default, so that editing an exported file never edits the project's image;
        // hard links when asked for.
        const auto inode = [](const QString &file) {
            struct stat info {};
            return ::stat(QFile::encodeName(file).constData(), &info) == 0 ? info.st_ino : ino_t(0);
        };
        QVERIFY(inode(out + QStringLiteral("/dog/y.png")) != inode(root + QStringLiteral("/y.png")));
        const QString linked = path(QStringLiteral("linked"));
        writeClassFolders(*store, linked, ExportedFiles::HardLinks);
        QCOMPARE(inode(linked + QStringLiteral("/dog/y.png")), inode(root + QStringLiteral("/y.png")));
        QCOMPARE(contents(linked + QStringLiteral("/cat/x.png")), contents(root + QStringLiteral("/x.png")));
#endif
        const ImportReport back = readClassFolders(out);
        QCOMPARE(rowsOf(back), (Rows{{"cat/sub__x.png", {"cat", "dog"}}, {"cat/x.png", {"cat"}}, {"dog/y.png", {"dog"}}}));
    }

    void classFolderExportRejectsBadFolderNames()
    {
        const QString root = path(QStringLiteral("project"));
        QVERIFY(test::writeImage(root + QStringLiteral("/x.png")));
        auto store = ProjectStore::open(root);
        test::scan(*store);
        store->applyImageTags({{"x.png", {"a/b"}}}, true);
        try {
            writeClassFolders(*store, path(QStringLiteral("out")));
            QFAIL("no error");
        } catch (const ProjectError &error) {
            QVERIFY2(error.message().contains(QStringLiteral("tag \"a/b\" cannot be a folder name")), qPrintable(error.message()));
        }
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("out"))));
    }
};

QTEST_GUILESS_MAIN(TestFormatsImport)
#include "tst_formatsimport.moc"
