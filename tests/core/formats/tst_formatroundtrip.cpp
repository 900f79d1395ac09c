// import -> export -> import into a fresh project gives the same image -> tags mapping, for every format.

#include "core/formats/classfolders.h"
#include "core/formats/cocojson.h"
#include "core/formats/onehotcsv.h"
#include "core/formats/planetcsv.h"
#include "core/formats/projectimport.h"
#include "core/formats/vocxml.h"
#include "core/project/projecterror.h"

#include "core/formats/formatsfixture.h"

#include <QDirIterator>
#include <QTemporaryDir>
#include <QtTest>

using namespace tagwise;
using namespace tagwise::formats;

namespace {

enum class Format { Planet, OneHot, Folders, Voc, Coco };

// Tags of the fixture images; an empty list is an image marked reviewed with no tags.
QList<ImageTags> fixtureRows()
{
    return {
        {QStringLiteral("plain.png"), {"cat", "dog"}},
        {QStringLiteral("with space.png"), {"cat"}},
        {QStringLiteral("comma,name.png"), {"dog"}},
        {QStringLiteral("say \"hi\".png"), {"bird"}},
        {QString::fromUtf8("caf\xC3\xA9/\xE7\x8C\xAB.png"), {"cat", "bird", QString::fromUtf8("k\xC3\xA4tzchen")}},
        {QStringLiteral("sub/deep/x.png"), {"bird"}},
        {QStringLiteral("reviewed-none.png"), {}},
    };
}

void copyImages(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString relative = QDir(from).relativeFilePath(file);
        if (relative.startsWith(QLatin1Char('.')))
            continue;
        QVERIFY(QDir().mkpath(QFileInfo(QDir(to).filePath(relative)).absolutePath()));
        QVERIFY(QFile::copy(file, QDir(to).filePath(relative)));
    }
}

void exportTo(Format format, const ProjectStore &store, const QString &target)
{
    switch (format) {
    case Format::Planet: writePlanetCsv(store, target); break;
    case Format::OneHot: writeOneHotCsv(store, target); break;
    case Format::Folders: writeClassFolders(store, target); break;
    case Format::Voc: writeVocFolder(store, target); break;
    case Format::Coco: writeCoco(store, target); break;
    }
}

ImportReport importFrom(Format format, const QString &source, const QString &imagesDir)
{
    switch (format) {
    case Format::Planet: return readPlanetCsv(source, imagesDir);
    case Format::OneHot: return readOneHotCsv(source, imagesDir);
    case Format::Folders: return readClassFolders(source);
    case Format::Voc: return readVocFolder(source, imagesDir);
    case Format::Coco: return readCoco(source, imagesDir);
    }
    return {};
}

}

Q_DECLARE_METATYPE(Format)

class TestFormatRoundTrip final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<Format>("format");
        QTest::addColumn<QString>("target");
        QTest::newRow("planet csv") << Format::Planet << QStringLiteral("export.csv");
        QTest::newRow("one-hot csv") << Format::OneHot << QStringLiteral("export.csv");
        QTest::newRow("class folders") << Format::Folders << QStringLiteral("export");
        QTest::newRow("voc") << Format::Voc << QStringLiteral("export");
        QTest::newRow("coco") << Format::Coco << QStringLiteral("export.json");
    }

    void roundTrip()
    {
        QFETCH(Format, format);
        QFETCH(QString, target);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString src = tmp.filePath(QStringLiteral("src"));
        int seed = 0;
        for (const ImageTags &row : fixtureRows())
            QVERIFY(test::writeImage(QDir(src).filePath(row.path), ++seed));
        QVERIFY(test::writeImage(QDir(src).filePath(QStringLiteral("unlabeled.png")), ++seed));

        auto source = ProjectStore::open(src);
        test::scan(*source);
        QCOMPARE(source->imageCount(), 8);
        source->applyImageTags(fixtureRows(), true);
        const test::Labels expected = test::labels(*source);
        QCOMPARE(expected.size(), 7);

        const QString exported = tmp.filePath(target);
        exportTo(format, *source, exported);

        // A fresh project: the same images (for class folders, the export itself).
        const QString dst = format == Format::Folders ? exported : tmp.filePath(QStringLiteral("dst"));
        if (format != Format::Folders)
            copyImages(src, dst);
        const ImportReport report = importFrom(format, exported, dst);
        QVERIFY2(report.problems.isEmpty(), qPrintable(report.problems.join(QLatin1Char('\n'))));
        auto copy = ProjectStore::open(dst);
        test::scan(*copy);
        const int changed = importIntoProject(*copy, report, dst, false);
        const test::Labels actual = test::labels(*copy);

        if (format == Format::Folders) {
            // Class folders name an image by its file name, and cannot hold an image without tags.
            test::Labels byName;
            for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
                if (!it.value().isEmpty())
                    byName.insert(QFileInfo(it.key()).fileName(), it.value());
            }
            test::Labels actualByName;
            for (auto it = actual.cbegin(); it != actual.cend(); ++it)
                actualByName.insert(QFileInfo(it.key()).fileName(), it.value());
            QCOMPARE(actual.size(), byName.size());
            QCOMPARE(actualByName, byName);
            QCOMPARE(changed, byName.size());
            return;
        }
        QCOMPARE(actual, expected);
        QCOMPARE(changed, expected.size());
    }
};

QTEST_GUILESS_MAIN(TestFormatRoundTrip)
#include "tst_formatroundtrip.moc"
