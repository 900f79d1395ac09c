// The Classify workspace as a user meets it: the latency from a drop of one
// image to its result in the window (median of 20 drops), and the throughput
// on a folder of N images. The model is trained here first: the defaults'
// network (SmallerVGGNet) at SIZE px, one epoch on the demo project.
// Prints numbers; never part of the test run.
//
//   bench_classify [--images N] [--size S]
#include "core/cli/cli.h"
#include "ui/classify/classifyworkspace.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUrl>

#include <algorithm>
#include <cstdio>

using namespace tagwise;

namespace {

int runCli(const QStringList &args)
{
    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    const int code = cli::run(QStringList{QStringLiteral("tagwise-cli")} + args, outStream, errStream);
    if (code != 0)
        std::fprintf(stderr, "%s", qPrintable(err));
    return code;
}

}

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({"images", "images in the folder classified at once", "N", "1000"});
    parser.addOption({"size", "the network's input size", "S", "64"});
    parser.process(app);
    const int images = parser.value("images").toInt();

    QTemporaryDir dir;
    const QString project = dir.filePath("project");
    const QString folder = dir.filePath("folder");
    if (runCli({"demo", "--out", project, "--count", "400"}) != 0
        || runCli({"train", "--project", project, "--arch", "smallervggnet", "--size", parser.value("size"), "--epochs", "1"}) != 0
        || runCli({"demo", "--out", folder, "--count", QString::number(images)}) != 0)
        return 1;
    const QStringList files = QDir(folder + "/images").entryList({"*.png"}, QDir::Files, QDir::Name);

    MainWindow window;
    window.resize(1400, 900);
    window.show();
    if (!window.openProject(project))
        return 1;
    while (window.isScanning())
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    ClassifyWorkspace *classify = window.classifyWorkspace();
    QSignalSpy classified(classify, &ClassifyWorkspace::classified);

    std::vector<double> latencies;
    for (int i = 0; i < 21; ++i) {
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(folder + "/images/" + files[i % files.size()])});
        QElapsedTimer timer;
        timer.start();
        classify->take(&mime);
        if (!classified.wait(30000))
            return 1;
        if (i > 0) // the first one loads the network's code paths
            latencies.push_back(timer.nsecsElapsed() / 1e6);
    }
    std::sort(latencies.begin(), latencies.end());

    classify->clear();
    QElapsedTimer timer;
    timer.start();
    classify->classify({folder + "/images"});
    if (!classified.wait(600000))
        return 1;
    const double seconds = timer.nsecsElapsed() / 1e9;
    std::printf("drop to result, one image: median %.1f ms, max %.1f ms (20 drops)\n", latencies[latencies.size() / 2],
                latencies.back());
    std::printf("folder of %zu images: %.2f s, %.0f images/s\n", classify->results().size(), seconds,
                double(classify->results().size()) / seconds);
    return 0;
}
