#include "core/imaging/fashionmnist.h"
#include "core/imaging/imagingerror.h"
#include "core/imaging/mosaicbuilder.h"

#include "common/fashionmnistfixture.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <memory>
#include <optional>

using namespace tagwise;

namespace {

bool sameMat(const cv::Mat &a, const cv::Mat &b)
{
    return a.size() == b.size() && a.type() == b.type() && cv::norm(a, b, cv::NORM_INF) == 0;
}

/// Pearson correlation of two single-channel images of the same size.
double correlation(const cv::Mat &a, const cv::Mat &b)
{
    cv::Mat fa;
    cv::Mat fb;
    a.convertTo(fa, CV_64F);
    b.convertTo(fb, CV_64F);
    fa -= cv::mean(fa)[0];
    fb -= cv::mean(fb)[0];
    const double denominator = std::sqrt(fa.dot(fa) * fb.dot(fb));
    return denominator > 0 ? fa.dot(fb) / denominator : 0.0;
}

/// The columns cell, minItems and maxItems of the current data row.
void addOptionColumns()
{
    QTest::addColumn<int>("cell");
    QTest::addColumn<int>("minItems");
    QTest::addColumn<int>("maxItems");
}

/// The options of the current data row (see addOptionColumns()).
MosaicOptions fetchOptions()
{
    QFETCH(int, cell);
    QFETCH(int, minItems);
    QFETCH(int, maxItems);
    MosaicOptions options;
    options.cell = cell;
    options.minItems = minItems;
    options.maxItems = maxItems;
    return options;
}

}

class TestMosaicBuilder : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<FashionMnist> m_source;

private Q_SLOTS:
    void initTestCase()
    {
        test::writeFakeFashionMnist(m_dir.path(), 200, 10);
        m_source = FashionMnist::load(FashionMnist::Part::Train, m_dir.path());
    }

    void isDeterministicForASeed()
    {
        const MosaicBuilder a(*m_source, {}, 42);
        const MosaicBuilder b(*m_source, {}, 42);
        const MosaicBuilder other(*m_source, {}, 43);
        int differences = 0;
        for (int i = 0; i < 30; ++i) {
            const Mosaic ma = a.build(i);
            QVERIFY(sameMat(ma.image, b.build(i).image));
            QCOMPARE(ma.tags, b.build(i).tags);
            if (!sameMat(ma.image, other.build(i).image))
                ++differences;
        }
        QVERIFY(differences >= 29);
        // Image k does not depend on what was made before it (parallel making, --start).
        QVERIFY(sameMat(MosaicBuilder(*m_source, {}, 42).build(17).image, a.build(17).image));
        // Neighbouring images differ.
        QVERIFY(!sameMat(a.build(0).image, a.build(1).image));
    }

    void tagsMatchWhatWasDrawn_data()
    {
        addOptionColumns();
        QTest::newRow("default") << 32 << 1 << 4;
        QTest::newRow("single item") << 32 << 1 << 1;
        QTest::newRow("full grid") << 32 << 4 << 4;
        QTest::newRow("big cells") << 48 << 2 << 3;
        QTest::newRow("small cells") << 16 << 1 << 4;
    }

    void tagsMatchWhatWasDrawn()
    {
        const MosaicOptions options = fetchOptions();
        const int cell = options.cell;
        const int minItems = options.minItems;
        const int maxItems = options.maxItems;
        const MosaicBuilder builder(*m_source, options, 7);
        QCOMPARE(builder.imageSize(), 2 * cell);
        QSet<int> itemCounts;
        bool tinted = false;
        for (int i = 0; i < 60; ++i) {
            const Mosaic mosaic = builder.build(i);
            QCOMPARE(mosaic.image.type(), CV_8UC3);
            QCOMPARE(mosaic.image.cols, 2 * cell);
            QCOMPARE(mosaic.image.rows, 2 * cell);
            const int count = int(mosaic.items.size());
            QVERIFY(count >= minItems && count <= maxItems);
            itemCounts.insert(count);

            QSet<int> cells;
            QStringList expectedTags;
            std::vector<bool> present(10, false);
            for (const MosaicItem &item : mosaic.items) {
                QVERIFY(!cells.contains(item.cell));
                cells.insert(item.cell);
                QCOMPARE(item.label, m_source->label(item.sourceIndex));
                present[std::size_t(item.label)] = true;
                const cv::Rect cellRect((item.cell % 2) * cell, (item.cell / 2) * cell, cell, cell);
                QCOMPARE(item.rect & cellRect, item.rect); // inside its cell

                // The drawn garment is the source item (possibly mirrored).
                const cv::Mat source(28, 28, CV_8UC1, const_cast<std::uint8_t *>(m_source->image(item.sourceIndex)));
                cv::Mat expected;
                cv::resize(source, expected, item.rect.size(), 0, 0, item.rect.width < 28 ? cv::INTER_AREA : cv::INTER_LINEAR);
                cv::Mat mirrored;
                cv::flip(expected, mirrored, 1);
                cv::Mat drawn;
                cv::cvtColor(mosaic.image(item.rect), drawn, cv::COLOR_BGR2GRAY);
                const double match = std::max(correlation(drawn, expected), correlation(drawn, mirrored));
                QVERIFY2(match > 0.95, qPrintable(QStringLiteral("image %1 cell %2: correlation %3").arg(i).arg(item.cell).arg(match)));

                // Around the garment, only background.
                cv::Mat mask(mosaic.image.size(), CV_8UC1, cv::Scalar(0));
                mask(cellRect).setTo(255);
                mask(item.rect).setTo(0);
                cv::Mat difference;
                cv::absdiff(mosaic.image, mosaic.background, difference);
                std::vector<cv::Mat> planes;
                cv::split(difference, planes);
                for (const cv::Mat &plane : planes) {
                    double outside = 0;
                    cv::minMaxLoc(plane, nullptr, &outside, nullptr, nullptr, mask);
                    QCOMPARE(outside, 0.0);
                }
                const cv::Vec3b centre = mosaic.image.at<cv::Vec3b>(item.rect.y + item.rect.height / 2,
                                                                    item.rect.x + item.rect.width / 2);
                tinted = tinted || centre[0] != centre[1] || centre[1] != centre[2];
            }
            for (int label = 0; label < 10; ++label) {
                if (present[std::size_t(label)])
                    expectedTags << FashionMnist::tagNames().at(label);
            }
            QCOMPARE(mosaic.tags, expectedTags);

            // Empty cells hold nothing but the background.
            for (int c = 0; c < 4; ++c) {
                if (cells.contains(c))
                    continue;
                const cv::Mat region = mosaic.image(cv::Rect((c % 2) * cell, (c / 2) * cell, cell, cell));
                cv::Mat difference;
                cv::absdiff(region, mosaic.background, difference);
                QCOMPARE(cv::norm(difference, cv::NORM_INF), 0.0);
            }
        }
        QVERIFY(tinted);
        if (maxItems > minItems)
            QCOMPARE(itemCounts.size(), maxItems - minItems + 1); // every count occurs in 60 images
    }

    void encodesPngLosslessly()
    {
        const Mosaic mosaic = MosaicBuilder(*m_source, {}, 3).build(0);
        const QByteArray png = MosaicBuilder::encodePng(mosaic.image);
        QVERIFY(png.startsWith("\x89PNG"));
        const std::vector<uchar> bytes(png.begin(), png.end());
        QVERIFY(sameMat(cv::imdecode(bytes, cv::IMREAD_COLOR), mosaic.image));
    }

    void refusesImpossibleOptions_data()
    {
        addOptionColumns();
        QTest::newRow("no items") << 32 << 0 << 2;
        QTest::newRow("more items than cells") << 32 << 1 << 5;
        QTest::newRow("min over max") << 32 << 3 << 2;
        QTest::newRow("tiny cell") << 4 << 1 << 4;
    }

    void refusesImpossibleOptions()
    {
        const MosaicOptions options = fetchOptions();
        QVERIFY_THROWS_EXCEPTION(ImagingError, MosaicBuilder(*m_source, options, 1));
    }
};

QTEST_GUILESS_MAIN(TestMosaicBuilder)
#include "tst_mosaicbuilder.moc"
