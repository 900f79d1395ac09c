// How fast Review opens and follows a threshold: a run folder with stored
// predictions for N images and T tags (random, correlated with a random
// truth), then the time to read them (workflow::loadReview), to show them in
// the Review workspace (table, matrices, plots, mistakes), and to follow one
// move of the global threshold slider. Prints numbers; never part of the test run.
//
//   bench_review [--images N] [--tags T,T,...]
#include "core/ml/modelbundle.h"
#include "core/ml/predictionset.h"
#include "core/workflow/review.h"
#include "ui/projecteditor.h"
#include "ui/review/reviewworkspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QSlider>
#include <QTemporaryDir>

#include <cstdio>
#include <random>

using namespace tagwise;

namespace {

/// A run folder holding only what Review reads: the bundle's JSON and the validation predictions.
QString makeRun(const QString &dir, int images, int tags)
{
    std::mt19937 random(42);
    std::uniform_real_distribution<float> uniform(0.0f, 1.0f);
    ml::PredictionSet set;
    set.split = "validation";
    set.epoch = 1;
    for (int t = 0; t < tags; ++t)
        set.tags.push_back("tag" + std::to_string(t));
    for (int i = 0; i < images; ++i) {
        set.paths.push_back(QStringLiteral("/images/%1.jpg").arg(i).toStdString());
        for (int t = 0; t < tags; ++t) {
            const std::uint8_t truth = uniform(random) < 0.2f ? 1 : 0;
            set.truth.push_back(truth);
            set.probabilities.push_back(std::min(1.0f, 0.6f * uniform(random) + (truth ? 0.4f : 0.0f)));
        }
    }
    const QString run = QDir(dir).filePath(QStringLiteral("run-%1").arg(tags));
    QDir().mkpath(run + "/model");
    QDir().mkpath(run + "/predictions");
    ml::ModelBundle bundle;
    bundle.architecture = "smallervggnet";
    bundle.inputSize = 64;
    bundle.tags = set.tags;
    bundle.thresholds.assign(std::size_t(tags), 0.5f);
    bundle.write(QString(run + "/model").toStdString());
    set.save(QString(run + "/predictions/validation.bin").toStdString());
    return run;
}

}

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({"images", "images in the split", "N", "10000"});
    parser.addOption({"tags", "tag counts, comma-separated", "T,...", "10,50,200"});
    parser.process(app);
    const int images = parser.value("images").toInt();

    QTemporaryDir dir;
    std::printf("%8s %6s %12s %12s %14s\n", "images", "tags", "read (ms)", "show (ms)", "slider (ms)");
    for (const QString &value : parser.value("tags").split(',')) {
        const int tags = value.toInt();
        const QString run = makeRun(dir.path(), images, tags);

        QElapsedTimer timer;
        timer.start();
        workflow::ReviewSet set = workflow::loadReview(run, "validation");
        const double read = timer.nsecsElapsed() / 1e6;

        ProjectEditor editor;
        ReviewWorkspace review(&editor);
        review.resize(1400, 900);
        review.show();
        timer.restart();
        review.showReviewSet(std::move(set));
        QApplication::processEvents();
        const double show = timer.nsecsElapsed() / 1e6;

        // One step of the global slider, as a drag gives many: the median of 21.
        std::vector<double> steps;
        for (int i = 0; i <= 20; ++i) {
            timer.restart();
            review.globalSlider()->setValue(300 + 10 * i);
            QApplication::processEvents();
            steps.push_back(timer.nsecsElapsed() / 1e6);
        }
        std::nth_element(steps.begin(), steps.begin() + 10, steps.end());
        std::printf("%8d %6d %12.1f %12.1f %14.1f\n", images, tags, read, show, steps[10]);
    }
    return 0;
}
