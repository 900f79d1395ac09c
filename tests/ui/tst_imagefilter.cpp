#include "core/project/projectstore.h"
#include "ui/labeling/imagefilter.h"

#include <QtTest>

using namespace tagwise;

class TestImageFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matches_data();
    void matches();
    void suggested();
    void isActive();
};

void TestImageFilter::matches_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<qint64>("tagId");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QList<qint64>>("tags");
    QTest::addColumn<bool>("reviewed");
    QTest::addColumn<bool>("missing");
    QTest::addColumn<bool>("expected");

    using M = ImageFilter::Mode;
    const QString p = QStringLiteral("cats/IMG_001.jpg");
    QTest::newRow("all") << int(M::All) << qint64(0) << QString() << p << QList<qint64>{} << false << false << true;
    QTest::newRow("untagged, no tags") << int(M::Untagged) << qint64(0) << QString() << p << QList<qint64>{} << false
                                       << false << true;
    QTest::newRow("untagged, tagged") << int(M::Untagged) << qint64(0) << QString() << p << QList<qint64>{3} << false
                                      << false << false;
    QTest::newRow("not reviewed, reviewed") << int(M::NotReviewed) << qint64(0) << QString() << p << QList<qint64>{}
                                            << true << false << false;
    QTest::newRow("not reviewed, fresh") << int(M::NotReviewed) << qint64(0) << QString() << p << QList<qint64>{}
                                         << false << false << true;
    QTest::newRow("has tag, yes") << int(M::HasTag) << qint64(3) << QString() << p << QList<qint64>{1, 3} << false
                                  << false << true;
    QTest::newRow("has tag, no") << int(M::HasTag) << qint64(2) << QString() << p << QList<qint64>{1, 3} << false
                                 << false << false;
    QTest::newRow("lacks tag, yes") << int(M::LacksTag) << qint64(2) << QString() << p << QList<qint64>{1, 3} << false
                                    << false << true;
    QTest::newRow("lacks tag, no") << int(M::LacksTag) << qint64(1) << QString() << p << QList<qint64>{1, 3} << false
                                   << false << false;
    QTest::newRow("missing, yes") << int(M::Missing) << qint64(0) << QString() << p << QList<qint64>{} << false << true
                                  << true;
    QTest::newRow("missing, no") << int(M::Missing) << qint64(0) << QString() << p << QList<qint64>{} << false << false
                                 << false;
    QTest::newRow("text, any case") << int(M::All) << qint64(0) << QStringLiteral("img_0") << p << QList<qint64>{}
                                    << false << false << true;
    QTest::newRow("text, folder part") << int(M::All) << qint64(0) << QStringLiteral("cats/") << p << QList<qint64>{}
                                       << false << false << true;
    QTest::newRow("text, absent") << int(M::All) << qint64(0) << QStringLiteral("dog") << p << QList<qint64>{} << false
                                  << false << false;
    QTest::newRow("text and mode both needed") << int(M::Untagged) << qint64(0) << QStringLiteral("img")
                                               << p << QList<qint64>{5} << false << false << false;
}

void TestImageFilter::matches()
{
    QFETCH(int, mode);
    QFETCH(qint64, tagId);
    QFETCH(QString, text);
    QFETCH(QString, path);
    QFETCH(QList<qint64>, tags);
    QFETCH(bool, reviewed);
    QFETCH(bool, missing);
    QFETCH(bool, expected);

    ImageFilter filter;
    filter.mode = ImageFilter::Mode(mode);
    filter.tagId = tagId;
    filter.text = text;
    ImageRecord image;
    image.path = path;
    image.tags.assign(tags.begin(), tags.end());
    image.reviewed = reviewed;
    image.missing = missing;
    QCOMPARE(filter.matches(image), expected);
}

void TestImageFilter::suggested()
{
    ImageFilter filter;
    filter.mode = ImageFilter::Mode::Suggested;
    ImageRecord image;
    image.path = QStringLiteral("classified/a.png");
    image.tags = {1, 3};
    QVERIFY(!filter.matches(image)); // a person's tags
    image.suggested = {3};
    QVERIFY(filter.matches(image));
    QVERIFY(!image.isLabeled());
    image.suggested.clear();
    QVERIFY(image.isLabeled());
}

void TestImageFilter::isActive()
{
    ImageFilter filter;
    QVERIFY(!filter.isActive());
    filter.text = QStringLiteral("x");
    QVERIFY(filter.isActive());
    filter.text.clear();
    filter.mode = ImageFilter::Mode::Missing;
    QVERIFY(filter.isActive());
    QVERIFY(!filter.needsTag());
    filter.mode = ImageFilter::Mode::LacksTag;
    QVERIFY(filter.needsTag());
}

QTEST_GUILESS_MAIN(TestImageFilter)
#include "tst_imagefilter.moc"
