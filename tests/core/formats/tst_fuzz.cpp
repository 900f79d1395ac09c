// A bounded fuzzing run of each importer and of the image decoder
// (tests/common/fuzztargets.h; bench/bench_fuzz.cpp runs longer).

#include "common/fuzztargets.h"
#include "core/formats/formatsfixture.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace tagwise;

class TestFuzz final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void targets_data();
    void targets();

private:
    QTemporaryDir m_dir;
    std::vector<test::FuzzTarget> m_targets;
    quint64 m_seed = 0;
};

void TestFuzz::initTestCase()
{
    const QString images = m_dir.filePath(QStringLiteral("images"));
    QVERIFY(test::writeImage(images + QStringLiteral("/a.png"), 1));
    QVERIFY(test::writeImage(images + QStringLiteral("/b.png"), 2));
    QVERIFY(test::writeImage(images + QStringLiteral("/c.png"), 3));
    QStringList samples;
    for (const QString &name : QDir(QStringLiteral(TAGWISE_TEST_DATA "/formats")).entryList(QDir::Files))
        samples << QStringLiteral(TAGWISE_TEST_DATA "/formats/") + name;
    m_targets = test::fuzzTargets(m_dir.path(), images, samples);
    // A fixed seed unless one is given: a failure can be replayed.
    bool ok = false;
    m_seed = qEnvironmentVariable("TAGWISE_FUZZ_SEED").toULongLong(&ok);
    if (!ok)
        m_seed = 20261126;
    qInfo("fuzz seed %llu (replay with TAGWISE_FUZZ_SEED=%llu)", m_seed, m_seed);
}

void TestFuzz::targets_data()
{
    QTest::addColumn<int>("index");
    for (std::size_t i = 0; i < m_targets.size(); ++i)
        QTest::newRow(m_targets[i].name.c_str()) << int(i);
}

void TestFuzz::targets()
{
    QFETCH(int, index);
    const test::FuzzTarget &target = m_targets[std::size_t(index)];
    const test::FuzzResult result = test::runFuzzTarget(target, m_seed + quint64(index), 300, 0);
    qInfo("%s: %lld inputs", target.name.c_str(), result.inputs);
    QVERIFY2(result.failure.empty(), result.failure.c_str());
    QCOMPARE(result.inputs, 300LL);
}

QTEST_GUILESS_MAIN(TestFuzz)
#include "tst_fuzz.moc"
