#include "core/imaging/heatmapoverlay.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <QTest>

using namespace tagwise;

namespace {

// A heat map of 8 x 8 with its top-left quadrant hot (1) and the rest cold (0).
cv::Mat quadrantHeatmap()
{
    cv::Mat heat(8, 8, CV_32FC1, cv::Scalar(0.0));
    heat(cv::Rect(0, 0, 4, 4)).setTo(1.0);
    return heat;
}

}

class TestHeatmapOverlay final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void colorizeEnds_data();
    void colorizeEnds();
    void hotRegionLandsOnTheImage_data();
    void hotRegionLandsOnTheImage();
    void alphaExtremes();
    void greyImages();
    void rejectsBadInput();
};

void TestHeatmapOverlay::colorizeEnds_data()
{
    QTest::addColumn<float>("value");
    QTest::addColumn<bool>("rgb");
    QTest::addColumn<int>("dominant"); // channel index that must dominate in the output
    // JET: 0 is dark blue, 1 is dark red; values outside [0, 1] are clamped.
    QTest::newRow("cold bgr") << 0.0f << false << 0;
    QTest::newRow("hot bgr") << 1.0f << false << 2;
    QTest::newRow("cold rgb") << 0.0f << true << 2;
    QTest::newRow("hot rgb") << 1.0f << true << 0;
    QTest::newRow("below range") << -3.0f << false << 0;
    QTest::newRow("above range") << 7.0f << false << 2;
}

void TestHeatmapOverlay::colorizeEnds()
{
    QFETCH(float, value);
    QFETCH(bool, rgb);
    QFETCH(int, dominant);
    const cv::Mat heat(3, 5, CV_32FC1, cv::Scalar(value));
    const cv::Mat colour = colorizeHeatmap(heat, rgb ? ChannelOrder::Rgb : ChannelOrder::Bgr);
    QCOMPARE(colour.type(), CV_8UC3);
    QCOMPARE(colour.rows, 3);
    QCOMPARE(colour.cols, 5);
    const auto pixel = colour.at<cv::Vec3b>(1, 2);
    for (int c = 0; c < 3; ++c) {
        if (c != dominant)
            QVERIFY2(pixel[dominant] > pixel[c] + 100, qPrintable(QStringLiteral("%1 %2 %3").arg(pixel[0]).arg(pixel[1]).arg(pixel[2])));
    }
}

void TestHeatmapOverlay::hotRegionLandsOnTheImage_data()
{
    QTest::addColumn<bool>("rgb");
    QTest::newRow("bgr") << false;
    QTest::newRow("rgb") << true;
}

void TestHeatmapOverlay::hotRegionLandsOnTheImage()
{
    QFETCH(bool, rgb);
    const int red = rgb ? 0 : 2;
    const int blue = rgb ? 2 : 0;
    // A grey 64 x 48 photo; the 8 x 8 map is stretched over it.
    const cv::Mat image(48, 64, CV_8UC3, cv::Scalar(128, 128, 128));
    const cv::Mat out = overlayHeatmap(image, quadrantHeatmap(), 0.5, rgb ? ChannelOrder::Rgb : ChannelOrder::Bgr);
    QCOMPARE(out.type(), CV_8UC3);
    QCOMPARE(out.size(), image.size());

    const auto hot = out.at<cv::Vec3b>(6, 8);     // inside the top-left quadrant
    const auto cold = out.at<cv::Vec3b>(40, 56);  // bottom-right
    const auto coldTr = out.at<cv::Vec3b>(6, 56); // top-right
    QVERIFY(hot[red] > hot[blue] + 50);
    QVERIFY(cold[blue] > cold[red] + 50);
    QVERIFY(coldTr[blue] > coldTr[red] + 50);
    // Half the grey plus half of JET's dark red (0, 0, 128 in BGR).
    QVERIFY(std::abs(int(hot[red]) - 128) <= 2);
    QVERIFY(std::abs(int(hot[blue]) - 64) <= 2);
}

void TestHeatmapOverlay::alphaExtremes()
{
    cv::Mat image(16, 16, CV_8UC3);
    cv::randu(image, 0, 256);
    const cv::Mat heat = quadrantHeatmap();
    const cv::Mat none = overlayHeatmap(image, heat, 0.0);
    QCOMPARE(cv::norm(none, image, cv::NORM_INF), 0.0);

    const cv::Mat full = overlayHeatmap(image, heat, 1.0);
    cv::Mat resized;
    cv::resize(heat, resized, image.size(), 0, 0, cv::INTER_LINEAR);
    QCOMPARE(cv::norm(full, colorizeHeatmap(resized), cv::NORM_INF), 0.0);
}

void TestHeatmapOverlay::greyImages()
{
    const cv::Mat grey(8, 8, CV_8UC1, cv::Scalar(200));
    const cv::Mat out = overlayHeatmap(grey, quadrantHeatmap(), 0.25);
    QCOMPARE(out.type(), CV_8UC3);
    const auto cold = out.at<cv::Vec3b>(7, 7);
    QVERIFY(cold[0] > cold[2]); // blue tint on the cold side
    QVERIFY(cold[2] >= 140);    // the grey still shows through
}

void TestHeatmapOverlay::rejectsBadInput()
{
    const cv::Mat image(8, 8, CV_8UC3, cv::Scalar(0));
    const cv::Mat heat = quadrantHeatmap();
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, overlayHeatmap(cv::Mat(), heat));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, overlayHeatmap(image, cv::Mat()));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, overlayHeatmap(image, cv::Mat(8, 8, CV_8UC1, cv::Scalar(1))));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, overlayHeatmap(cv::Mat(8, 8, CV_32FC3), heat));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, overlayHeatmap(image, heat, 1.5));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, colorizeHeatmap(cv::Mat(4, 4, CV_64FC1)));
}

QTEST_GUILESS_MAIN(TestHeatmapOverlay)
#include "tst_heatmapoverlay.moc"
