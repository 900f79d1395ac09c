#include "core/imaging/opencvimageloader.h"

#include "core/ml/feedback.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <future>
#include <thread>

using namespace tagwise;

namespace {

constexpr int Size = 16;
constexpr std::size_t Block = std::size_t(Size) * Size * 3;

/// RGB of pixel (x, y) of image \a index in a loadAll() result.
cv::Vec3b rgbAt(const std::vector<std::uint8_t> &pixels, std::size_t index, int x, int y)
{
    const std::uint8_t *p = pixels.data() + index * Block + (std::size_t(y) * Size + x) * 3;
    return {p[0], p[1], p[2]};
}

bool allZero(const std::vector<std::uint8_t> &pixels, std::size_t index)
{
    const auto begin = pixels.begin() + std::ptrdiff_t(index * Block);
    return std::all_of(begin, begin + std::ptrdiff_t(Block), [](std::uint8_t v) { return v == 0; });
}

}

class TestOpenCvImageLoader : public QObject
{
    Q_OBJECT

private:
    /// A PNG filled with BGR \a colour; returns its path as the engine passes it.
    std::string writeImage(const QString &name, const cv::Scalar &colour, int width = 40, int height = 30)
    {
        const QString path = m_dir.filePath(name);
        if (!cv::imwrite(path.toStdString(), cv::Mat(height, width, CV_8UC3, colour)))
            qFatal("cannot write a fixture");
        return path.toStdString();
    }

    QString cacheDir(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void decodesResizesToRgb()
    {
        const std::vector<std::string> paths = {
            writeImage(QStringLiteral("red.png"), cv::Scalar(0, 0, 255), 100, 50),
            writeImage(QStringLiteral("green.png"), cv::Scalar(0, 255, 0), 8, 8),
            writeImage(QStringLiteral("blue.png"), cv::Scalar(255, 0, 0), Size, Size),
        };
        OpenCvImageLoader loader(QString(), 2);
        QVERIFY(loader.cacheFile(Size).isEmpty());
        std::vector<std::uint8_t> pixels = {1, 2, 3};
        std::vector<std::string> errors = {"stale"};
        loader.loadAll(paths, Size, pixels, errors, nullptr);
        QCOMPARE(pixels.size(), 3 * Block);
        QCOMPARE(errors.size(), std::size_t(3));
        for (const std::string &error : errors)
            QVERIFY2(error.empty(), error.c_str());
        QCOMPARE(rgbAt(pixels, 0, 0, 0), cv::Vec3b(255, 0, 0));
        QCOMPARE(rgbAt(pixels, 0, Size - 1, Size - 1), cv::Vec3b(255, 0, 0));
        QCOMPARE(rgbAt(pixels, 1, 7, 9), cv::Vec3b(0, 255, 0));
        QCOMPARE(rgbAt(pixels, 2, 3, 3), cv::Vec3b(0, 0, 255));
        QCOMPARE(loader.lastStats().decoded, 3);
        QCOMPARE(loader.lastStats().fromCache, 0);
        QVERIFY(!loader.lastStats().cacheWritten);
    }

    void reportsPerFileErrors()
    {
        const QString corrupt = m_dir.filePath(QStringLiteral("corrupt.jpg"));
        {
            QFile file(corrupt);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(300, 'z'));
        }
        const std::vector<std::string> paths = {
            writeImage(QStringLiteral("fine.png"), cv::Scalar(9, 9, 9)),
            corrupt.toStdString(),
            m_dir.filePath(QStringLiteral("absent.png")).toStdString(),
        };
        OpenCvImageLoader loader(cacheDir("errors-cache"));
        std::vector<std::uint8_t> pixels;
        std::vector<std::string> errors;
        for (int run = 0; run < 2; ++run) { // failures are never cached: same answer twice
            loader.loadAll(paths, Size, pixels, errors, nullptr);
            QVERIFY(errors[0].empty());
            QVERIFY2(errors[1].rfind(paths[1] + ": ", 0) == 0 && errors[1].find("not an image") != std::string::npos,
                     errors[1].c_str());
            QVERIFY2(errors[2].rfind(paths[2] + ": not found", 0) == 0, errors[2].c_str());
            QVERIFY(!allZero(pixels, 0));
            QVERIFY(allZero(pixels, 1));
            QVERIFY(allZero(pixels, 2));
            QCOMPARE(loader.lastStats().failed, 2);
        }
        QCOMPARE(loader.lastStats().fromCache, 1);
        QCOMPARE(loader.lastStats().decoded, 0);
    }

    void reusesCacheAcrossRuns()
    {
        std::vector<std::string> paths;
        for (int i = 0; i < 12; ++i)
            paths.push_back(writeImage(QStringLiteral("cached%1.png").arg(i), cv::Scalar(10 * i, 100, 200 - 10 * i)));
        const QString dir = cacheDir("reuse-cache");
        std::vector<std::uint8_t> first;
        std::vector<std::string> errors;
        {
            OpenCvImageLoader loader(dir, 3);
            loader.loadAll(paths, Size, first, errors, nullptr);
            QCOMPARE(loader.lastStats().decoded, 12);
            QVERIFY(loader.lastStats().cacheWritten);
            QVERIFY(QFileInfo::exists(loader.cacheFile(Size)));
            QVERIFY(loader.cacheFile(Size).endsWith(QLatin1String("decoded-16.bin")));
        }

        // Garbage of the same size and time: only a cache hit still gives the pixels.
        const QString victim = QString::fromStdString(paths[4]);
        const QDateTime mtime = QFileInfo(victim).lastModified();
        const qint64 size = QFileInfo(victim).size();
        {
            QFile file(victim);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(QByteArray(size, '#'));
            QVERIFY(file.flush()); // before restoring the time, or the buffered write would bump it
            QVERIFY(file.setFileTime(mtime, QFileDevice::FileModificationTime));
        }
        OpenCvImageLoader loader(dir, 3); // a new loader: nothing kept in memory
        std::vector<std::uint8_t> second;
        loader.loadAll(paths, Size, second, errors, nullptr);
        for (const std::string &error : errors)
            QVERIFY2(error.empty(), error.c_str());
        QCOMPARE(loader.lastStats().fromCache, 12);
        QCOMPARE(loader.lastStats().decoded, 0);
        QVERIFY(!loader.lastStats().cacheWritten); // nothing changed, nothing rewritten
        QVERIFY(second == first);

        // Another training size is another cache.
        std::vector<std::uint8_t> other;
        loader.loadAll({paths[0]}, 8, other, errors, nullptr);
        QCOMPARE(loader.lastStats().decoded, 1);
        QCOMPARE(other.size(), std::size_t(8 * 8 * 3));
    }

    void decodesOnlyChangedAndAddedFiles()
    {
        std::vector<std::string> paths;
        for (int i = 0; i < 5; ++i)
            paths.push_back(writeImage(QStringLiteral("change%1.png").arg(i), cv::Scalar(0, 0, 50 * i)));
        const QString dir = cacheDir("change-cache");
        OpenCvImageLoader loader(dir, 2);
        std::vector<std::uint8_t> pixels;
        std::vector<std::string> errors;
        loader.loadAll(paths, Size, pixels, errors, nullptr);
        QCOMPARE(loader.lastStats().decoded, 5);

        // Changed content (another size of file, so another key whatever the clock says).
        writeImage(QStringLiteral("change2.png"), cv::Scalar(0, 255, 0), 64, 64);
        paths.push_back(writeImage(QStringLiteral("added.png"), cv::Scalar(255, 255, 255)));
        loader.loadAll(paths, Size, pixels, errors, nullptr);
        QCOMPARE(loader.lastStats().decoded, 2);
        QCOMPARE(loader.lastStats().fromCache, 4);
        QVERIFY(loader.lastStats().cacheWritten);
        QCOMPARE(rgbAt(pixels, 2, 5, 5), cv::Vec3b(0, 255, 0));
        QCOMPARE(rgbAt(pixels, 5, 5, 5), cv::Vec3b(255, 255, 255));
        QCOMPARE(rgbAt(pixels, 3, 5, 5), cv::Vec3b(150, 0, 0));

        // A subset and then another set: entries not asked for are kept...
        const std::string other = writeImage(QStringLiteral("other.png"), cv::Scalar(1, 2, 3));
        loader.loadAll({other}, Size, pixels, errors, nullptr);
        QCOMPARE(loader.lastStats().decoded, 1);
        loader.loadAll(paths, Size, pixels, errors, nullptr);
        QCOMPARE(loader.lastStats().fromCache, 6);
        QCOMPARE(loader.lastStats().decoded, 0);

        // ...while their files exist unchanged: a deleted file's entry is dropped.
        QVERIFY(QFile::remove(QString::fromStdString(other)));
        const qint64 before = QFileInfo(loader.cacheFile(Size)).size();
        writeImage(QStringLiteral("change0.png"), cv::Scalar(7, 7, 7), 20, 20);
        loader.loadAll(paths, Size, pixels, errors, nullptr);
        QCOMPARE(loader.lastStats().decoded, 1);
        QVERIFY(QFileInfo(loader.cacheFile(Size)).size() < before);
    }

    void survivesDamagedCache()
    {
        const std::vector<std::string> paths = {writeImage(QStringLiteral("damage.png"), cv::Scalar(4, 5, 6))};
        const QString dir = cacheDir("damaged-cache");
        OpenCvImageLoader loader(dir);
        std::vector<std::uint8_t> pixels;
        std::vector<std::string> errors;
        loader.loadAll(paths, Size, pixels, errors, nullptr);
        QFile file(loader.cacheFile(Size));
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.resize(file.size() - 10); // cut short
        file.close();
        loader.loadAll(paths, Size, pixels, errors, nullptr);
        QVERIFY(errors[0].empty());
        QCOMPARE(loader.lastStats().decoded, 1);
        QVERIFY2(loader.lastStats().cacheError.contains(QLatin1String("decoded-16.bin")),
                 qPrintable(loader.lastStats().cacheError));
        QVERIFY(loader.lastStats().cacheWritten);
        QCOMPARE(rgbAt(pixels, 0, 1, 1), cv::Vec3b(6, 5, 4));
        loader.loadAll(paths, Size, pixels, errors, nullptr); // repaired
        QCOMPARE(loader.lastStats().fromCache, 1);
        QVERIFY(loader.lastStats().cacheError.isEmpty());
    }

    void reportsProgress()
    {
        std::vector<std::string> paths;
        for (int i = 0; i < 6; ++i)
            paths.push_back(writeImage(QStringLiteral("progress%1.png").arg(i), cv::Scalar(i, i, i)));
        ml::Feedback feedback;
        std::vector<double> fractions;
        std::vector<std::thread::id> threads;
        feedback.setProgressFunction([&](double fraction, const std::string &) {
            fractions.push_back(fraction);
            threads.push_back(std::this_thread::get_id());
        });
        OpenCvImageLoader loader;
        std::vector<std::uint8_t> pixels;
        std::vector<std::string> errors;
        loader.loadAll(paths, Size, pixels, errors, &feedback);
        QVERIFY(fractions.size() >= 2);
        QCOMPARE(fractions.front(), 0.0);
        QCOMPARE(fractions.back(), 1.0);
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        for (const std::thread::id id : threads)
            QVERIFY(id == std::this_thread::get_id()); // never called on a worker
    }

    void cancelsBeforeStart()
    {
        const std::vector<std::string> paths = {writeImage(QStringLiteral("c1.png"), cv::Scalar(1, 1, 1)),
                                                writeImage(QStringLiteral("c2.png"), cv::Scalar(2, 2, 2))};
        ml::Feedback feedback;
        feedback.cancel();
        OpenCvImageLoader loader(cacheDir("cancel-cache"));
        std::vector<std::uint8_t> pixels;
        std::vector<std::string> errors;
        loader.loadAll(paths, Size, pixels, errors, &feedback);
        QCOMPARE(loader.lastStats().decoded, 0);
        for (std::size_t i = 0; i < paths.size(); ++i) {
            QVERIFY2(errors[i] == paths[i] + ": canceled", errors[i].c_str());
            QVERIFY(allZero(pixels, i));
        }
        QVERIFY(!QFileInfo::exists(loader.cacheFile(Size)));
    }

    void cancelsWhileRunning()
    {
        // The single worker cancels the job itself just before it decodes the
        // second image: the cancel lands mid-run without any timing.
        std::vector<std::string> paths = {writeImage(QStringLiteral("before.png"), cv::Scalar(3, 3, 3)),
                                          writeImage(QStringLiteral("current.png"), cv::Scalar(0, 0, 200))};
        for (int i = 0; i < 20; ++i)
            paths.push_back(writeImage(QStringLiteral("after%1.png").arg(i), cv::Scalar(5, 5, 5)));

        ml::Feedback feedback;
        OpenCvImageLoader loader(cacheDir("cancel-running-cache"), 1);
        loader.setDecodeObserver([&feedback](std::size_t index) {
            if (index == 1)
                feedback.cancel();
        });
        std::vector<std::uint8_t> pixels;
        std::vector<std::string> errors;
        loader.loadAll(paths, Size, pixels, errors, &feedback);

        QVERIFY2(errors[0].empty(), errors[0].c_str());
        QVERIFY2(errors[1].empty(), errors[1].c_str()); // the image in progress is finished
        QCOMPARE(rgbAt(pixels, 1, 0, 0), cv::Vec3b(200, 0, 0));
        for (std::size_t i = 2; i < paths.size(); ++i) {
            QVERIFY2(errors[i] == paths[i] + ": canceled", errors[i].c_str());
            QVERIFY(allZero(pixels, i));
        }
        QCOMPARE(loader.lastStats().decoded, 2);
        QVERIFY(!QFileInfo::exists(loader.cacheFile(Size)));
    }

    void handlesNoImages()
    {
        OpenCvImageLoader loader(cacheDir("empty-cache"));
        std::vector<std::uint8_t> pixels = {1};
        std::vector<std::string> errors = {"x"};
        loader.loadAll({}, Size, pixels, errors, nullptr);
        QVERIFY(pixels.empty());
        QVERIFY(errors.empty());
    }
};

QTEST_GUILESS_MAIN(TestOpenCvImageLoader)
#include "tst_opencvimageloader.moc"
