#include "core/imaging/fashionmnist.h"
#include "core/imaging/imagingerror.h"

#include "common/fashionmnistfixture.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tagwise;

class TestFashionMnist : public QObject
{
    Q_OBJECT

private:
    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write a fixture");
        return path;
    }

    static QByteArray garments(int count)
    {
        QByteArray out;
        for (int i = 0; i < count; ++i)
            out += test::fakeGarment(i);
        return out;
    }

    static QByteArray labels(int count)
    {
        QByteArray out;
        for (int i = 0; i < count; ++i)
            out += char(i % 10);
        return out;
    }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void readsGzipAndPlainIdx_data()
    {
        QTest::addColumn<bool>("compressed");
        QTest::newRow("gzip") << true;
        QTest::newRow("plain") << false;
    }

    void readsGzipAndPlainIdx()
    {
        QFETCH(bool, compressed);
        const int count = 37;
        const QByteArray images = test::idx({count, 28, 28}, garments(count));
        const QByteArray labelFile = test::idx({count}, labels(count));
        const QString suffix = compressed ? QStringLiteral(".gz") : QString();
        const QString imagesPath = write(QStringLiteral("img") + suffix, compressed ? test::gzip(images) : images);
        const QString labelsPath = write(QStringLiteral("lbl") + suffix, compressed ? test::gzip(labelFile) : labelFile);

        const FashionMnist set = FashionMnist::fromFiles(imagesPath, labelsPath);
        QCOMPARE(set.count(), count);
        for (int i = 0; i < count; ++i) {
            QCOMPARE(set.label(i), i % 10);
            const QByteArray expected = test::fakeGarment(i);
            QVERIFY(std::memcmp(set.image(i), expected.constData(), 28 * 28) == 0);
        }
    }

    void loadsPartsByName()
    {
        const QString dir = m_dir.filePath(QStringLiteral("fake"));
        test::writeFakeFashionMnist(dir, 30, 20);
        const FashionMnist train = FashionMnist::load(FashionMnist::Part::Train, dir);
        const FashionMnist testPart = FashionMnist::load(FashionMnist::Part::Test, dir);
        QCOMPARE(train.count(), 30);
        QCOMPARE(testPart.count(), 20);
        QVERIFY(std::memcmp(train.image(3), test::fakeGarment(3).constData(), 28 * 28) == 0);
        QVERIFY(std::memcmp(testPart.image(3), test::fakeGarment(100003).constData(), 28 * 28) == 0);
        QCOMPARE(FashionMnist::fileNames(FashionMnist::Part::Test),
                 QStringList({QStringLiteral("t10k-images-idx3-ubyte.gz"), QStringLiteral("t10k-labels-idx1-ubyte.gz")}));
    }

    void reportsBrokenFiles_data()
    {
        QTest::addColumn<QByteArray>("images"); // null: the file is missing
        QTest::addColumn<QByteArray>("labels");
        QTest::addColumn<QString>("badFile");
        QTest::addColumn<QString>("reason");

        const int n = 20;
        const QByteArray goodImages = test::idx({n, 28, 28}, garments(n));
        const QByteArray goodLabels = test::idx({n}, labels(n));
        const QByteArray gz = test::gzip(goodImages);
        QByteArray corruptGz = gz;
        for (qsizetype i = corruptGz.size() / 3; i < corruptGz.size() / 3 + 40; ++i)
            corruptGz[i] = char(corruptGz[i] ^ 0x5A);
        QByteArray badMagic = goodImages;
        badMagic[2] = 0x09; // signed bytes, not unsigned
        QByteArray badLabel = labels(n);
        badLabel[7] = char(12);

        QTest::newRow("missing") << QByteArray() << test::gzip(goodLabels) << QStringLiteral("images") << QStringLiteral("not found (install the package dataset-fashion-mnist)");
        QTest::newRow("truncated gzip") << gz.left(gz.size() / 2) << test::gzip(goodLabels) << QStringLiteral("images") << QStringLiteral("truncated gzip data");
        QTest::newRow("corrupt gzip") << corruptGz << test::gzip(goodLabels) << QStringLiteral("images") << QStringLiteral("corrupt gzip data");
        QTest::newRow("bad magic") << test::gzip(badMagic) << test::gzip(goodLabels) << QStringLiteral("images") << QStringLiteral("not an IDX file of unsigned bytes");
        QTest::newRow("labels given as images") << test::gzip(goodLabels) << test::gzip(goodLabels) << QStringLiteral("images") << QStringLiteral("expected 3 IDX dimensions, found 1");
        QTest::newRow("wrong image size") << test::gzip(test::idx({n, 27, 29}, QByteArray(n * 27 * 29, '\1'))) << test::gzip(goodLabels) << QStringLiteral("images") << QStringLiteral("images are 29 x 27, expected 28 x 28");
        QTest::newRow("short idx payload") << test::gzip(goodImages.left(goodImages.size() - 100)) << test::gzip(goodLabels) << QStringLiteral("images") << QStringLiteral("truncated IDX data");
        QTest::newRow("trailing bytes") << test::gzip(goodImages + "xyz") << test::gzip(goodLabels) << QStringLiteral("images") << QStringLiteral("3 unexpected bytes after the IDX data");
        QTest::newRow("count mismatch") << test::gzip(goodImages) << test::gzip(test::idx({n - 1}, labels(n - 1))) << QStringLiteral("images") << QStringLiteral("has 20 images but");
        QTest::newRow("label out of range") << test::gzip(goodImages) << test::gzip(test::idx({n}, badLabel)) << QStringLiteral("labels") << QStringLiteral("label 12 of item 7 is not a class");
        QTest::newRow("empty labels file") << test::gzip(goodImages) << QByteArray("") << QStringLiteral("labels") << QStringLiteral("truncated IDX header");
    }

    void reportsBrokenFiles()
    {
        QFETCH(QByteArray, images);
        QFETCH(QByteArray, labels);
        QFETCH(QString, badFile);
        QFETCH(QString, reason);
        const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_'));
        const QString imagesPath = images.isNull() ? m_dir.filePath(tag + QStringLiteral("-images.gz"))
                                                   : write(tag + QStringLiteral("-images.gz"), images);
        const QString labelsPath = write(tag + QStringLiteral("-labels.gz"), labels);
        try {
            FashionMnist::fromFiles(imagesPath, labelsPath);
            QFAIL("no error");
        } catch (const ImagingError &e) {
            const QString file = badFile == QLatin1String("images") ? imagesPath : labelsPath;
            QVERIFY2(e.message().startsWith(file), qPrintable(e.message()));
            QVERIFY2(e.message().contains(reason), qPrintable(e.message()));
            QCOMPARE(QString::fromStdString(e.what()), e.message());
        }
    }

    void missingPackageNamesIt()
    {
        try {
            FashionMnist::load(FashionMnist::Part::Train, m_dir.filePath(QStringLiteral("nowhere")));
            QFAIL("no error");
        } catch (const ImagingError &e) {
            QVERIFY2(e.message().contains(QLatin1String("train-images-idx3-ubyte.gz"))
                         && e.message().contains(QLatin1String("dataset-fashion-mnist")),
                     qPrintable(e.message()));
        }
    }

    void namesClasses()
    {
        QCOMPARE(FashionMnist::classNames().size(), FashionMnist::ClassCount);
        QCOMPARE(FashionMnist::tagNames().size(), FashionMnist::ClassCount);
        QCOMPARE(FashionMnist::classNames().first(), QStringLiteral("T-shirt/top"));
        QCOMPARE(FashionMnist::tagNames().first(), QStringLiteral("tshirt"));
        QCOMPARE(FashionMnist::classNames().at(7), QStringLiteral("Sneaker"));
        QCOMPARE(FashionMnist::tagNames().at(7), QStringLiteral("sneaker"));
        QCOMPARE(FashionMnist::tagNames().last(), QStringLiteral("ankle_boot"));
    }

    void readsTheInstalledPackage()
    {
        if (!QDir(FashionMnist::defaultDirectory()).exists())
            QSKIP("dataset-fashion-mnist is not installed");
        const FashionMnist set = FashionMnist::load(FashionMnist::Part::Test);
        QCOMPARE(set.count(), 10000);
        QCOMPARE(set.label(0), 9); // the first test item is an ankle boot
        std::vector<int> perClass(10, 0);
        for (int i = 0; i < set.count(); ++i)
            ++perClass[std::size_t(set.label(i))];
        for (int count : perClass)
            QCOMPARE(count, 1000);
    }
};

QTEST_GUILESS_MAIN(TestFashionMnist)
#include "tst_fashionmnist.moc"
