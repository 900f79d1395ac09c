// The labeling workspace on a large folder: scan + open, first thumbnails,
// a bulk tag of 10,000 selected images through the real tag checkbox, and
// peak memory. Prints numbers; never part of the test run.
//
//   bench_workspace [--images N] [--dir DIR] [--bulk N]
//
// The folder (generated small PNGs) is kept between runs; the project
// (.tagwise/, thumbnails included) is removed first, so every run is cold.
#include "core/project/projectstore.h"
#include "ui/labeling/imagelistmodel.h"
#include "ui/mainwindow.h"
#include "ui/labeling/tagcheckbox.h"
#include "ui/labeling/tagpanel.h"
#include "ui/labeling/thumbnailgrid.h"
#include "ui/labeling/thumbnailloader.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QImage>
#include <QItemSelectionModel>
#include <QPainter>
#include <QRandomGenerator>
#include <QTest>
#include <QTimer>

#include <cstdio>

using namespace tagwise;

namespace {

// Peak resident memory of this process (VmHWM), in MiB.
double peakMemoryMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

void generateFolder(const QString &dir, int count)
{
    const QString marker = dir + QStringLiteral("/complete-%1").arg(count);
    if (QFile::exists(marker))
        return;
    QElapsedTimer timer;
    timer.start();
    QRandomGenerator random(42);
    for (int i = 0; i < count; ++i) {
        const QString sub = dir + QStringLiteral("/d%1").arg(i / 1000, 3, 10, QLatin1Char('0'));
        if (i % 1000 == 0)
            QDir().mkpath(sub);
        QImage image(48, 48, QImage::Format_RGB32);
        image.fill(QColor::fromHsv(int(random.bounded(360)), 120, 230));
        QPainter painter(&image);
        painter.setBrush(QColor::fromHsv(int(random.bounded(360)), 200, 160));
        painter.setPen(Qt::NoPen);
        painter.drawEllipse(QPoint(int(random.bounded(8, 40)), int(random.bounded(8, 40))), 12, 9);
        painter.end();
        image.save(sub + QStringLiteral("/img_%1.png").arg(i, 6, 10, QLatin1Char('0')));
    }
    QFile file(marker);
    file.open(QIODevice::WriteOnly);
    std::printf("generated %d PNGs in %.1f s\n", count, timer.elapsed() / 1000.0);
}

// Runs the event loop until \a done() holds, checking every few milliseconds.
template<typename F>
bool waitFor(F done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(2, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

// True once every item visible in the grid's viewport has its thumbnail.
bool visibleThumbnailsReady(MainWindow &window)
{
    ThumbnailGrid *grid = window.thumbnailGrid();
    ImageListModel *model = window.imageModel();
    const QRect viewport = grid->viewport()->rect();
    ProjectStore *store = window.projectStore();
    int visible = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (!grid->visualRect(index).intersects(viewport)) {
            if (visible > 0)
                break;
            continue;
        }
        ++visible;
        const qint64 id = model->data(index, ImageListModel::ImageIdRole).toLongLong();
        ThumbnailLoader::State state;
        window.thumbnailLoader()->thumbnail(id, store->absolutePath(store->image(id)->path), &state);
        if (state == ThumbnailLoader::State::Pending)
            return false;
    }
    return visible > 0;
}

}

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("tagwise-bench"));

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("images"), QStringLiteral("Images in the folder."), QStringLiteral("N"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("bulk"), QStringLiteral("Images tagged at once."), QStringLiteral("N"), QStringLiteral("10000")});
    parser.addOption({QStringLiteral("dir"), QStringLiteral("Folder of generated images (kept)."), QStringLiteral("DIR")});
    parser.process(app);
    const int count = parser.value(QStringLiteral("images")).toInt();
    const int bulk = std::min(count, parser.value(QStringLiteral("bulk")).toInt());
    const QString dir = parser.isSet(QStringLiteral("dir"))
                            ? parser.value(QStringLiteral("dir"))
                            : QDir::temp().filePath(QStringLiteral("tagwise-bench-%1").arg(count));
    QDir().mkpath(dir);
    generateFolder(dir, count);
    QDir(dir + QStringLiteral("/.tagwise")).removeRecursively();

    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QTest::qWaitForWindowExposed(&window);

    // 1. Open: create the project, scan the folder, list every image.
    QElapsedTimer timer;
    timer.start();
    bool scanned = false;
    QObject::connect(&window, &MainWindow::scanFinished, [&] { scanned = true; });
    if (!window.openProject(dir) || !waitFor([&] { return scanned; }, 600000)) {
        std::fprintf(stderr, "bench_workspace: %s: could not open or scan\n", qPrintable(dir));
        return 1;
    }
    const double openSeconds = timer.elapsed() / 1000.0;
    const int listed = window.projectStore()->imageCount();

    // 2. First paint of thumbnails after the scan (cold: none cached on disk).
    timer.restart();
    if (!waitFor([&] { return visibleThumbnailsReady(window); }, 120000)) {
        std::fprintf(stderr, "bench_workspace: thumbnails did not arrive\n");
        return 1;
    }
    window.thumbnailGrid()->viewport()->repaint();
    const double firstThumbnails = timer.elapsed() / 1000.0;

    // 3. Select `bulk` images, then tick a tag through the real checkbox.
    ProjectStore *store = window.projectStore();
    const qint64 tagId = store->addTag(QStringLiteral("bulk"));
    QCoreApplication::processEvents();
    QItemSelectionModel *selection = window.thumbnailGrid()->selectionModel();
    ImageListModel *model = window.imageModel();
    timer.restart();
    selection->select(QItemSelection(model->index(0, 0), model->index(bulk - 1, 0)), QItemSelectionModel::ClearAndSelect);
    if (!waitFor([&] { return window.tagPanel()->selection().size() == bulk; }, 60000)) {
        std::fprintf(stderr, "bench_workspace: the selection did not reach the tag panel\n");
        return 1;
    }
    const double selectSeconds = timer.elapsed() / 1000.0;
    window.tagPanel()->refreshNow();
    TagCheckBox *box = window.tagPanel()->checkBox(tagId);
    timer.restart();
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(8, box->height() / 2));
    QCoreApplication::processEvents();
    window.thumbnailGrid()->viewport()->repaint();
    const double bulkSeconds = timer.elapsed() / 1000.0;
    const int tagged = store->tagCounts().value(tagId);

    // Undo of the same bulk edit.
    timer.restart();
    QTest::keyClick(window.thumbnailGrid(), Qt::Key_Z, Qt::ControlModifier);
    QCoreApplication::processEvents();
    window.thumbnailGrid()->viewport()->repaint();
    const double undoSeconds = timer.elapsed() / 1000.0;
    const int afterUndo = store->tagCounts().value(tagId);

    // 4. Scrolling to the end and back asks for thumbnails only of what is seen.
    timer.restart();
    window.thumbnailGrid()->scrollToBottom();
    const bool endReady = waitFor([&] { return visibleThumbnailsReady(window); }, 120000);
    const double scrollSeconds = timer.elapsed() / 1000.0;

    std::printf("\nTagwise workspace benchmark (%d images of 48x48 PNG, offscreen, %d cores)\n", listed,
                QThread::idealThreadCount());
    std::printf("%-46s %10s %10s\n", "measure", "value", "target");
    std::printf("%-46s %9.2fs %10s\n", "open + scan + list (new project)", openSeconds, "");
    std::printf("%-46s %9.2fs %10s\n", "first thumbnails painted after the scan", firstThumbnails, "< 2 s");
    std::printf("%-46s %9.2fs %10s\n", qPrintable(QStringLiteral("select %1 images (to the tag panel)").arg(bulk)),
                selectSeconds, "");
    std::printf("%-46s %9.2fs %10s\n", qPrintable(QStringLiteral("tick a tag on %1 selected images").arg(bulk)),
                bulkSeconds, "< 1 s");
    std::printf("%-46s %9.2fs %10s\n", "undo of that bulk edit", undoSeconds, "");
    std::printf("%-46s %9.2fs %10s\n", "scroll to the end, thumbnails there", endReady ? scrollSeconds : -1.0, "");
    std::printf("%-46s %8.0fMiB %10s\n", "peak memory (VmHWM)", peakMemoryMiB(), "< 1024");
    std::printf("tagged after click: %d, after undo: %d\n", tagged, afterUndo);
    return tagged == bulk && afterUndo == 0 ? 0 : 1;
}
