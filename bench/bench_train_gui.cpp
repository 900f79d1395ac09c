// Training from the window: how long the GUI thread stalls while a run trains
// (the event loop's latency, probed every 5 ms), and the training speed in the
// GUI against tagwise-cli on the same project, settings and seed. Prints
// numbers; never part of the test run.
//
//   bench_train_gui [--project DIR] [--count N] [--epochs N]
//   bench_train_gui --screenshots DIR [--language zh_CN] [--count N] [--epochs N]
//
// Without --project it makes the demo project (tagwise-cli demo) with N
// images (default 3000) in a temporary folder. The window is shown
// (QT_QPA_PLATFORM=offscreen works) and the Train tab is the visible one, so
// the plots redraw as they would for a user. With --screenshots it measures
// nothing (grabbing the window would stall it): it saves the window during
// the run (after the second epoch) and after it as train-during-run.png and
// train-after-run.png (with -LANGUAGE added when one is given).
#include "core/project/projectstore.h"
#include "core/workflow/projectruns.h"
#include "ui/mainwindow.h"
#include "ui/train/trainingplots.h"
#include "ui/train/trainworkspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QTranslator>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace tagwise;

namespace {

double mean(const std::vector<double> &values)
{
    double sum = 0.0;
    for (double v : values)
        sum += v;
    return values.empty() ? 0.0 : sum / double(values.size());
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, std::size_t(p * double(values.size())))];
}

/// Images per second of each epoch of a run (its metrics.json), the first left out (warm-up).
std::vector<double> epochRates(const QString &runDir)
{
    std::vector<double> rates;
    const QList<ml::EpochRecord> records = workflow::readRunRecords(runDir);
    for (int i = 1; i < records.size(); ++i)
        rates.push_back(records[i].imagesPerSecond);
    return rates;
}

}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{"project", "An existing project to train on.", "dir"},
                       {"count", "Images of the demo project to make.", "n", "3000"},
                       {"epochs", "Epochs of each run.", "n", "3"},
                       {"screenshots", "Save screenshots to this folder instead of measuring.", "dir"},
                       {"language", "The language of the screenshots (zh_CN, de).", "name"}});
    parser.process(app);
    const QString shots = parser.value("screenshots");
    const QString language = parser.value("language");
    QTranslator translator;
    if (!language.isEmpty()) {
        if (!translator.load(":/i18n/tagwise_" + language + ".qm")) {
            std::fprintf(stderr, "no translation for %s\n", qPrintable(language));
            return 2;
        }
        QCoreApplication::installTranslator(&translator);
    }
    const int epochs = parser.value("epochs").toInt();
    QTemporaryDir temp;
    QString project = parser.value("project");
    if (project.isEmpty()) {
        project = temp.filePath("demo");
        QProcess demo;
        demo.start(TAGWISE_CLI_PATH, {"demo", "--out", project, "--count", parser.value("count")});
        if (!demo.waitForFinished(600000) || demo.exitCode() != 0) {
            std::fprintf(stderr, "cannot make the demo project: %s\n", demo.readAllStandardError().constData());
            return 1;
        }
    }
    qputenv("XDG_CONFIG_HOME", temp.filePath("config").toUtf8());

    MainWindow window;
    window.resize(1400, 900);
    window.show();
    if (!window.openProject(project))
        return 1;
    QEventLoop scan;
    QObject::connect(&window, &MainWindow::scanFinished, &scan, &QEventLoop::quit);
    if (window.isScanning())
        scan.exec();
    TrainWorkspace *train = window.trainWorkspace();
    window.workspaces()->setCurrentWidget(train);
    ml::TrainConfig config = train->settings();
    config.epochs = epochs;
    config.patience = 0;
    train->setSettings(config);

    // The probe: a timer due every 5 ms; how late each tick comes is the stall.
    std::vector<double> lateness;
    QElapsedTimer clock;
    qint64 expected = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (expected > 0)
            lateness.push_back(std::max<double>(0.0, double(now - expected) / 1e6));
        expected = now + 5'000'000;
    });
    workflow::SessionResult result;
    QEventLoop training;
    QObject::connect(train, &TrainWorkspace::trainingFinished, &training, [&](const workflow::SessionResult &ended) {
        result = ended;
        training.quit();
    });
    if (!shots.isEmpty()) {
        QDir().mkpath(shots);
        const QString suffix = language.isEmpty() ? QString() : "-" + language;
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, [&] {
            if (train->plots()->epochPoints() >= 2) {
                window.grab().save(QDir(shots).filePath("train-during-run" + suffix + ".png"));
                poll.stop();
            }
        });
        if (!train->startTraining())
            return 1;
        poll.start(100);
        training.exec();
        QCoreApplication::processEvents();
        window.grab().save(QDir(shots).filePath("train-after-run" + suffix + ".png"));
        return result.end == workflow::SessionResult::End::Finished ? 0 : 1;
    }
    if (!train->startTraining())
        return 1;
    clock.start();
    probe.start(5);
    training.exec();
    probe.stop();
    if (result.end != workflow::SessionResult::End::Finished) {
        std::fprintf(stderr, "the GUI run did not finish: %s\n", qPrintable(result.message));
        return 1;
    }
    const std::vector<double> guiRates = epochRates(result.runDir);

    // The same run from the command line, through the same session code.
    const QString cliRun = temp.filePath("cli-run");
    QProcess cli;
    QElapsedTimer cliClock;
    cliClock.start();
    QStringList args{"train", "--project", project, "--arch", QString::fromStdString(config.architecture),
                     "--size", QString::number(config.inputSize), "--epochs", QString::number(epochs), "--batch",
                     QString::number(config.batchSize), "--seed", QString::number(config.seed), "--patience", "0",
                     "--augment", config.augmentation.any() ? "light" : "none", config.cpuBfloat16 ? "--bf16" : "--no-bf16",
                     "--out", cliRun};
    cli.start(TAGWISE_CLI_PATH, args);
    cli.waitForFinished(-1);
    if (cli.exitCode() != 0) {
        std::fprintf(stderr, "the CLI run failed: %s\n", cli.readAllStandardError().constData());
        return 1;
    }
    const std::vector<double> cliRates = epochRates(cliRun);

    const auto store = ProjectStore::open(project);
    std::printf("project: %s, %d images; %s %dx%d, %d epochs, batch %d, %s\n", qPrintable(project), store->imageCount(),
                config.architecture.c_str(), config.inputSize, config.inputSize, epochs, config.batchSize,
                config.cpuBfloat16 ? "bfloat16" : "float32");
    std::printf("GUI thread, probed every 5 ms during the run (%zu ticks): longest stall %.1f ms, p99 %.1f ms, "
                "mean lateness %.2f ms\n",
                lateness.size(), lateness.empty() ? 0.0 : *std::max_element(lateness.begin(), lateness.end()),
                percentile(lateness, 0.99), mean(lateness));
    std::printf("training images/s (epochs 2..%d): GUI %.1f, CLI %.1f, GUI/CLI %.3f\n", epochs, mean(guiRates),
                mean(cliRates), mean(cliRates) > 0 ? mean(guiRates) / mean(cliRates) : 0.0);
    return 0;
}
