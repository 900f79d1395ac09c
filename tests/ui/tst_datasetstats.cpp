#include "core/project/projectstore.h"
#include "ui/labeling/datasetstats.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace tagwise;

class TestDatasetStats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsHistogramAndCooccurrence();
    void rareTags_data();
    void rareTags();
};

namespace {

// A project of \a count listed images (no files needed for the statistics).
std::unique_ptr<ProjectStore> makeStore(const QTemporaryDir &dir, int count)
{
    auto store = ProjectStore::open(dir.path());
    QList<ScannedFile> files;
    for (int i = 0; i < count; ++i)
        files.append({QStringLiteral("img_%1.png").arg(i, 3, 10, QLatin1Char('0')), 100, 0});
    store->addImages(files);
    return store;
}

QList<qint64> ids(const ProjectStore &store, int from, int to)
{
    QList<qint64> result;
    for (int i = from; i < to; ++i)
        result.append(store.images()[size_t(i)].id);
    return result;
}

}

void TestDatasetStats::countsHistogramAndCooccurrence()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto store = makeStore(dir, 10);
    const qint64 sky = store->addTag(QStringLiteral("sky"));
    const qint64 sea = store->addTag(QStringLiteral("sea"));
    const qint64 boat = store->addTag(QStringLiteral("boat"));
    store->setTag(ids(*store, 0, 6), sky, true);   // 0..5
    store->setTag(ids(*store, 4, 9), sea, true);   // 4..8
    store->setTag(ids(*store, 5, 6), boat, true);  // 5
    store->setTag(ids(*store, 3, 4), boat, true);  // 3

    const DatasetStats stats = DatasetStats::compute(*store);
    QCOMPARE(stats.images, 10);
    QCOMPARE(stats.taggedImages, 9);
    QCOMPARE(stats.tags.size(), 3);
    QCOMPARE(stats.tags[0].name, QStringLiteral("sky"));
    QCOMPARE(stats.tagCounts, (QList<int>{6, 5, 2}));
    // Image 9 has none; 0,1,2,6,7,8 one; 3 (sky+boat) and 4 (sky+sea) two; 5 three.
    QCOMPARE(stats.tagsPerImage, (QList<int>{1, 6, 2, 1}));
    QCOMPARE(stats.cooccurrence[0][1], 2); // sky & sea: 4, 5
    QCOMPARE(stats.cooccurrence[1][0], 2);
    QCOMPARE(stats.cooccurrence[0][2], 2); // sky & boat: 3, 5
    QCOMPARE(stats.cooccurrence[1][2], 1); // sea & boat: 5
    QCOMPARE(stats.cooccurrence[2][2], 2);
    QCOMPARE(stats.missingImages, 0);
}

void TestDatasetStats::rareTags_data()
{
    QTest::addColumn<int>("minImages");
    QTest::addColumn<double>("minFraction");
    QTest::addColumn<QList<int>>("expected");
    // Counts: a = 6, b = 3, c = 1 of 8 tagged images.
    QTest::newRow("default limits") << 10 << 0.01 << QList<int>{0, 1, 2};
    QTest::newRow("at least 3 images") << 3 << 0.0 << QList<int>{2};
    QTest::newRow("at least a quarter") << 0 << 0.25 << QList<int>{2};
    QTest::newRow("at least half") << 0 << 0.5 << QList<int>{1, 2};
    QTest::newRow("no limits") << 0 << 0.0 << QList<int>{};
}

void TestDatasetStats::rareTags()
{
    QFETCH(int, minImages);
    QFETCH(double, minFraction);
    QFETCH(QList<int>, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto store = makeStore(dir, 8);
    const qint64 a = store->addTag(QStringLiteral("a"));
    const qint64 b = store->addTag(QStringLiteral("b"));
    const qint64 c = store->addTag(QStringLiteral("c"));
    store->setTag(ids(*store, 0, 6), a, true);
    store->setTag(ids(*store, 5, 8), b, true);
    store->setTag(ids(*store, 7, 8), c, true);
    DatasetStats::Limits limits;
    limits.minImages = minImages;
    limits.minFraction = minFraction;
    const DatasetStats stats = DatasetStats::compute(*store, limits);
    QCOMPARE(stats.taggedImages, 8);
    QCOMPARE(stats.rareTags, expected);
}

QTEST_GUILESS_MAIN(TestDatasetStats)
#include "tst_datasetstats.moc"
