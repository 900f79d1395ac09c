// Malformed inputs: the error names the file, the line (or the place) and the
// reason, and the project is unchanged afterwards.

#include "core/formats/classfolders.h"
#include "core/formats/cocojson.h"
#include "core/formats/onehotcsv.h"
#include "core/formats/planetcsv.h"
#include "core/formats/projectimport.h"
#include "core/formats/vocxml.h"
#include "core/project/projecterror.h"

#include "core/formats/formatsfixture.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace tagwise;
using namespace tagwise::formats;

namespace {

enum class Format { Planet, OneHot, Voc, Coco };

const char *const kGoodVoc = "<annotation><filename>a.png</filename><object><name>dog</name></object></annotation>\n";

}

Q_DECLARE_METATYPE(Format)

class TestFormatsMalformed final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rejects_data()
    {
        QTest::addColumn<Format>("format");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected"); // what follows the file name in the message

        const Format P = Format::Planet;
        QTest::newRow("planet: empty file") << P << QByteArray("\n") << ":1: empty file";
        QTest::newRow("planet: header of three columns") << P << QByteArray("image_name,tags,x\na.png,cat,\n")
                                                         << ":1: bad header: expected two column names";
        QTest::newRow("planet: header of one column") << P << QByteArray("image_name\na.png\n") << ":1: bad header";
        QTest::newRow("planet: empty column name") << P << QByteArray("image_name,\na.png,cat\n") << ":1: bad header";
        QTest::newRow("planet: no header") << P << QByteArray("a.png,cat\nb.png,dog\n")
                                           << ":1: bad header: \"a.png\" is an image";
        QTest::newRow("planet: wrong column count") << P << QByteArray("image_name,tags\na.png,cat\nb.png,dog,x\n")
                                                    << ":3: wrong column count: expected 2, found 3";
        QTest::newRow("planet: one column in a row") << P << QByteArray("image_name,tags\r\na.png,cat\r\nb.png\r\n")
                                                     << ":3: wrong column count: expected 2, found 1";
        QTest::newRow("planet: unterminated quote") << P << QByteArray("image_name,tags\na.png,cat\n\"b.png,dog\n")
                                                    << ":3: unterminated quoted field";
        QTest::newRow("planet: empty image name") << P << QByteArray("image_name,tags\na.png,cat\n,dog\n")
                                                  << ":3: empty image name";
        QTest::newRow("planet: not utf-8") << P << QByteArray("image_name,tags\na.png,c\xE9t\n") << ":2: not valid UTF-8";

        const Format O = Format::OneHot;
        QTest::newRow("one-hot: no tag column") << O << QByteArray("image_path\na.png\n")
                                                << ":1: bad header: expected \"image_path\" and at least one tag column";
        QTest::newRow("one-hot: empty tag column") << O << QByteArray("image_path,cat,\na.png,1,0\n")
                                                   << ":1: bad header: column 3 has no tag name";
        QTest::newRow("one-hot: duplicate column") << O << QByteArray("image_path,cat,cat\na.png,1,0\n")
                                                   << ":1: bad header: tag column \"cat\" appears twice";
        QTest::newRow("one-hot: no header") << O << QByteArray("a.png,1,0\n") << ":1: bad header: \"a.png\" is an image";
        QTest::newRow("one-hot: cell 2") << O << QByteArray("image_path,cat,dog\na.png,1,0\nb.png,2,0\n")
                                         << ":3: column \"cat\": \"2\" is not 0 or 1";
        QTest::newRow("one-hot: cell yes") << O << QByteArray("image_path,cat,dog\na.png,0,yes\n")
                                           << ":2: column \"dog\": \"yes\" is not 0 or 1";
        QTest::newRow("one-hot: empty cell") << O << QByteArray("image_path,cat,dog\na.png,1,\n")
                                             << ":2: column \"dog\": \"\" is not 0 or 1";
        QTest::newRow("one-hot: wrong column count") << O << QByteArray("image_path,cat,dog\na.png,1,0\nb.png,1\n")
                                                     << ":3: wrong column count: expected 3, found 2";
        QTest::newRow("one-hot: unterminated quote") << O << QByteArray("image_path,cat\n\"a.png,1\n")
                                                     << ":2: unterminated quoted field";

        const Format V = Format::Voc;
        QTest::newRow("voc: mismatched tag") << V << QByteArray("<annotation>\n<filename>b.png</filename>\n<object><name>cat</object>\n</annotation>\n")
                                             << ":3: XML error: ";
        QTest::newRow("voc: truncated") << V << QByteArray("<annotation>\n<filename>b.png</filename>\n<object>\n")
                                        << ":4: XML error: ";
        QTest::newRow("voc: not xml") << V << QByteArray("hello\n") << ":1: XML error: ";
        QTest::newRow("voc: wrong root") << V << QByteArray("<?xml version=\"1.0\"?>\n<foo><filename>b.png</filename></foo>\n")
                                         << ":2: the root element is <foo>, expected <annotation>";
        QTest::newRow("voc: no filename") << V << QByteArray("<annotation>\n<object><name>cat</name></object>\n</annotation>\n")
                                          << ":1: <annotation> without a <filename>";
        QTest::newRow("voc: empty filename") << V << QByteArray("<annotation>\n<filename> </filename>\n</annotation>\n")
                                             << ":2: empty <filename>";
        QTest::newRow("voc: object without name") << V << QByteArray("<annotation>\n<filename>b.png</filename>\n<object>\n<pose>x</pose></object>\n</annotation>\n")
                                                  << ":3: <object> without a <name>";
        QTest::newRow("voc: element inside name") << V << QByteArray("<annotation>\n<filename>b.png</filename>\n<object><name><b>x</b></name></object>\n</annotation>\n")
                                                  << ":3: XML error: ";
        QTest::newRow("voc: extra content") << V << QByteArray("<annotation><filename>b.png</filename></annotation>\n<x/>\n")
                                            << ":2: XML error: ";

        const Format C = Format::Coco;
        const QByteArray cats = "\"categories\":[{\"id\":1,\"name\":\"cat\"}]";
        QTest::newRow("coco: syntax error") << C << QByteArray("{\n\"images\": [\n}\n") << ":3: JSON error at byte";
        QTest::newRow("coco: empty") << C << QByteArray("") << ":1: JSON error at byte 0";
        QTest::newRow("coco: array") << C << QByteArray("[]") << ": top level: not a JSON object";
        QTest::newRow("coco: no images") << C << QByteArray("{" + cats + ",\"annotations\":[]}")
                                         << ": top level: missing \"images\"";
        QTest::newRow("coco: no annotations") << C << QByteArray("{" + cats + ",\"images\":[]}")
                                              << ": top level: missing \"annotations\"";
        QTest::newRow("coco: no categories") << C << QByteArray("{\"images\":[],\"annotations\":[]}")
                                             << ": top level: missing \"categories\"";
        QTest::newRow("coco: images not an array") << C << QByteArray("{" + cats + ",\"images\":{},\"annotations\":[]}")
                                                   << ": images: not an array";
        QTest::newRow("coco: image not an object") << C << QByteArray("{" + cats + ",\"images\":[3],\"annotations\":[]}")
                                                   << ": images[0]: not an object";
        QTest::newRow("coco: image without file_name") << C << QByteArray("{" + cats + ",\"images\":[{\"id\":1,\"file_name\":\"a.png\"},{\"id\":2}],\"annotations\":[]}")
                                                       << ": images[1]: missing \"file_name\"";
        QTest::newRow("coco: image id a string") << C << QByteArray("{" + cats + ",\"images\":[{\"id\":\"1\",\"file_name\":\"a.png\"}],\"annotations\":[]}")
                                                 << ": images[0]: \"id\" is not an integer";
        QTest::newRow("coco: image id a fraction") << C << QByteArray("{" + cats + ",\"images\":[{\"id\":1.5,\"file_name\":\"a.png\"}],\"annotations\":[]}")
                                                   << ": images[0]: \"id\" is not an integer";
        QTest::newRow("coco: duplicate image id") << C << QByteArray("{" + cats + ",\"images\":[{\"id\":1,\"file_name\":\"a.png\"},{\"id\":1,\"file_name\":\"b.png\"}],\"annotations\":[]}")
                                                  << ": images[1]: duplicate image id 1";
        QTest::newRow("coco: category without name") << C << QByteArray("{\"categories\":[{\"id\":1}],\"images\":[],\"annotations\":[]}")
                                                     << ": categories[0]: missing \"name\"";
        QTest::newRow("coco: duplicate category id") << C << QByteArray("{\"categories\":[{\"id\":1,\"name\":\"a\"},{\"id\":1,\"name\":\"b\"}],\"images\":[],\"annotations\":[]}")
                                                     << ": categories[1]: duplicate category id 1";
        QTest::newRow("coco: unknown image id") << C << QByteArray("{" + cats + ",\"images\":[{\"id\":1,\"file_name\":\"b.png\"}],\"annotations\":[{\"image_id\":1,\"category_id\":1},{\"image_id\":9,\"category_id\":1}]}")
                                                << ": annotations[1]: unknown image_id 9";
        QTest::newRow("coco: unknown category") << C << QByteArray("{" + cats + ",\"images\":[{\"id\":1,\"file_name\":\"b.png\"}],\"annotations\":[{\"image_id\":1,\"category_id\":7}]}")
                                                << ": annotations[0]: unknown category_id 7";
        QTest::newRow("coco: annotation without category") << C << QByteArray("{" + cats + ",\"images\":[{\"id\":1,\"file_name\":\"b.png\"}],\"annotations\":[{\"image_id\":1}]}")
                                                           << ": annotations[0]: missing \"category_id\"";
    }

    void rejects()
    {
        QFETCH(Format, format);
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);

        QTemporaryDir tmp;
        const QString root = tmp.filePath(QStringLiteral("project"));
        QVERIFY(test::writeImage(root + QStringLiteral("/a.png"), 1));
        QVERIFY(test::writeImage(root + QStringLiteral("/b.png"), 2));
        QVERIFY(test::writeImage(root + QStringLiteral("/c.png"), 3));
        auto store = ProjectStore::open(root);
        test::scan(*store);
        store->applyImageTags({{QStringLiteral("a.png"), {"cat"}}, {QStringLiteral("c.png"), {}}}, false);
        const QString before = test::snapshot(*store);

        // VOC: a good annotation file comes first, so the error stops an import already under way.
        QString file;
        switch (format) {
        case Format::Planet:
        case Format::OneHot: file = tmp.filePath(QStringLiteral("bad.csv")); break;
        case Format::Voc:
            QVERIFY(test::writeFile(tmp.filePath(QStringLiteral("voc/a.xml")), kGoodVoc));
            file = tmp.filePath(QStringLiteral("voc/b.xml"));
            break;
        case Format::Coco: file = tmp.filePath(QStringLiteral("bad.json")); break;
        }
        QVERIFY(test::writeFile(file, content));

        for (const bool replace : {false, true}) {
            try {
                ImportReport report;
                switch (format) {
                case Format::Planet: report = readPlanetCsv(file, root); break;
                case Format::OneHot: report = readOneHotCsv(file, root); break;
                case Format::Voc: report = readVocFolder(tmp.filePath(QStringLiteral("voc")), root); break;
                case Format::Coco: report = readCoco(file, root); break;
                }
                importIntoProject(*store, report, root, replace);
                QFAIL("no error");
            } catch (const ProjectError &error) {
                QVERIFY2(error.message().startsWith(file + expected), qPrintable(error.message()));
            }
            QCOMPARE(test::snapshot(*store), before);
        }
        // The database holds what the mirror holds.
        store.reset();
        QCOMPARE(test::snapshot(*ProjectStore::open(root)), before);
    }

    void missingInputs_data()
    {
        QTest::addColumn<int>("which");
        QTest::newRow("planet") << 0;
        QTest::newRow("one-hot") << 1;
        QTest::newRow("class folders") << 2;
        QTest::newRow("voc") << 3;
        QTest::newRow("coco") << 4;
    }

    void missingInputs()
    {
        QFETCH(int, which);
        QTemporaryDir tmp;
        const QString missing = tmp.filePath(QStringLiteral("nothing-here"));
        try {
            switch (which) {
            case 0: readPlanetCsv(missing, tmp.path()); break;
            case 1: readOneHotCsv(missing, tmp.path()); break;
            case 2: readClassFolders(missing); break;
            case 3: readVocFolder(missing, tmp.path()); break;
            case 4: readCoco(missing, tmp.path()); break;
            }
            QFAIL("no error");
        } catch (const ProjectError &error) {
            QVERIFY2(error.message().startsWith(missing + QStringLiteral(": ")), qPrintable(error.message()));
        }
    }
};

QTEST_GUILESS_MAIN(TestFormatsMalformed)
#include "tst_formatsmalformed.moc"
