// Drives the Train workspace through its real widgets on a small generated
// project: starts a run with the Train button, watches the plots fill, stops
// it, resumes it to the end, labels meanwhile, and finds the run again after a
// restart of the window. A GUI run and a CLI run with the same settings and
// seed give the same epochs. TAGWISE_SCREENSHOT_DIR=DIR saves screenshots.

#include "common/clirunner.h"
#include "common/screenshot.h"
#include "common/trainingimages.h"
#include "core/ml/json.h"
#include "core/ml/recommendation.h"
#include "core/project/projectstore.h"
#include "core/workflow/projectruns.h"
#include "ui/mainwindow.h"
#include "ui/projecteditor.h"
#include "ui/train/learningratedialog.h"
#include "ui/train/runlistmodel.h"
#include "ui/train/trainingplots.h"
#include "ui/train/trainworkspace.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QScrollArea>
#include <QScrollBar>
#include <QToolButton>
#include <QTranslator>
#include <QtTest>

#include <qcustomplot.h>

using namespace tagwise;
using test::saveScreenshot;

namespace {

/// The settings both the GUI run and the CLI run of a test use: small and quick.
ml::TrainConfig quickConfig(int epochs)
{
    ml::TrainConfig config;
    config.architecture = "smallervggnet";
    config.inputSize = 24;
    config.epochs = epochs;
    config.batchSize = 8;
    config.learningRate = 1e-3;
    config.schedule = ml::ScheduleKind::None;
    config.augmentation = ml::AugmentationConfig::preset(ml::AugmentationLevel::Light);
    config.threads = 1;
    config.seed = 11;
    config.patience = 0;
    config.cpuBfloat16 = false;
    config.dropoutScale = 0.5;
    return config;
}

/// The reason \a source as the interface shows it (translated), its %1 the number \a value.
QString shownReason(const char *source, qlonglong value)
{
    return QCoreApplication::translate("Recommendation", source).replace(QStringLiteral("%1"), QLocale().toString(value));
}

}

class TestTrainWorkspace final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void trainsStopsResumesAndRemembers();
    void guiAndCliRunsAgree();
    void blockingProblemsAreSaid();
    void damagedCheckpointEndsTheResumeWithAMessage();
    void findsALearningRate();
    void recommendedSettingsAreExplained();
    void reasonsSpeakTheInterfaceLanguage();
    void startsFromPretrainedWeights();
    void screenshotsInChinese();

private:
    QString makeProject(const QString &name, int images);
    std::unique_ptr<MainWindow> openWindow(const QString &project);

    QTemporaryDir m_dir;
};

void TestTrainWorkspace::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CACHE_HOME", m_dir.filePath("cache").toUtf8());
    qputenv("XDG_CONFIG_HOME", m_dir.filePath("config").toUtf8());
    test::useScreenshotLocale();
}

QString TestTrainWorkspace::makeProject(const QString &name, int images)
{
    const QString root = m_dir.filePath(name);
    if (!test::makeTaggedProject(root, images, 32))
        qFatal("cannot write the images");
    return root;
}

std::unique_ptr<MainWindow> TestTrainWorkspace::openWindow(const QString &project)
{
    auto window = std::make_unique<MainWindow>();
    window->resize(1400, 900);
    window->show();
    if (!window->openProject(project))
        return nullptr;
    if (!QTest::qWaitFor([&] { return !window->isScanning(); }, 20000))
        return nullptr;
    return window;
}

void TestTrainWorkspace::trainsStopsResumesAndRemembers()
{
    const QString project = makeProject(QStringLiteral("gui"), 80);
    qint64 image = 0;
    qint64 tag = 0;
    bool had = false;
    {
        auto window = openWindow(project);
        QVERIFY(window);
        window->workspaces()->setCurrentWidget(window->trainWorkspace());
        TrainWorkspace *train = window->trainWorkspace();
        QTRY_VERIFY_WITH_TIMEOUT(train->dataIssues().isEmpty() && train->unreadableImages().isEmpty(), 10000);
        train->setSettings(quickConfig(6));

        QSignalSpy started(train, &TrainWorkspace::trainingStarted);
        QTest::mouseClick(train->trainButton(), Qt::LeftButton);
        QCOMPARE(started.size(), 1);
        QVERIFY(!train->trainButton()->isEnabled());
        QVERIFY(train->stopButton()->isEnabled());
        // The plots receive the batches and the epochs as they come.
        QTRY_VERIFY_WITH_TIMEOUT(train->plots()->batchPoints() > 0, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(train->plots()->epochPoints() >= 1, 60000);
        QVERIFY(train->plots()->lossPlot()->graph(0)->dataCount() > 0);
        QVERIFY(train->progressBar()->value() > 0);
        QVERIFY2(train->progressLabel()->text().contains(QStringLiteral("Epoch")), qPrintable(train->progressLabel()->text()));
        // The device it trains on, and over it, which LibTorch.
        const auto *device = train->findChild<QLabel *>(QStringLiteral("trainDeviceLabel"));
        QVERIFY(device);
        QVERIFY2(device->text().startsWith(QStringLiteral("CPU, ")) || device->text().startsWith(QStringLiteral("GPU cuda:")),
                 qPrintable(device->text()));
        QVERIFY2(device->toolTip().startsWith(QStringLiteral("LibTorch ")), qPrintable(device->toolTip()));
        saveScreenshot(window.get(), QStringLiteral("train-during-run"));

        // Labeling goes on during the run, and is saved.
        ProjectStore *store = window->projectStore();
        image = store->images().front().id;
        tag = store->tags().front().id;
        had = store->image(image)->hasTag(tag);
        window->editor()->setTag({image}, tag, !had);

        QSignalSpy finished(train, &TrainWorkspace::trainingFinished);
        QTest::mouseClick(train->stopButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        const auto stopped = finished.takeFirst().at(0).value<workflow::SessionResult>();
        QCOMPARE(stopped.end, workflow::SessionResult::End::Stopped);
        QVERIFY(stopped.epochs >= 1 && stopped.epochs < 6);
        QCOMPARE(train->runModel()->rowCount(), 1);
        QCOMPARE(train->runModel()->status(0), QStringLiteral("stopped"));

        // Resume the selected run to its end.
        train->runTable()->selectRow(0);
        QVERIFY(train->resumeButton()->isEnabled());
        QTest::mouseClick(train->resumeButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
        const auto ended = finished.takeFirst().at(0).value<workflow::SessionResult>();
        QVERIFY2(ended.end == workflow::SessionResult::End::Finished, qPrintable(ended.message));
        QCOMPARE(ended.epochs, 6);
        QCOMPARE(train->plots()->epochPoints(), 6);
        QCOMPARE(train->runModel()->status(0), QStringLiteral("finished"));
        // The first finished model becomes the project's active one.
        QCOMPARE(train->activeRun(), started.first().at(0).toString());
        saveScreenshot(window.get(), QStringLiteral("train-after-run"));
        QCOMPARE(store->image(image)->hasTag(tag), !had);
    }
    // A new window finds the run, its best F-beta and the label edit.
    auto reopened = ProjectStore::open(project);
    QCOMPARE(reopened->runs().size(), 1);
    const RunRecord run = reopened->runs().first();
    QCOMPARE(run.status, QStringLiteral("finished"));
    QCOMPARE(run.epochs, 6);
    QVERIFY(run.bestFbeta > 0.0);
    QCOMPARE(reopened->image(image)->hasTag(tag), !had);
    reopened.reset();
    auto window = openWindow(project);
    QVERIFY(window);
    RunListModel *runs = window->trainWorkspace()->runModel();
    QCOMPARE(runs->rowCount(), 1);
    QCOMPARE(runs->data(runs->index(0, RunListModel::BestFbeta)).toString(), QLocale().toString(run.bestFbeta, 'f', 4));
    QCOMPARE(runs->data(runs->index(0, RunListModel::Status)).toString(), QStringLiteral("finished"));
}

void TestTrainWorkspace::guiAndCliRunsAgree()
{
    const QString project = makeProject(QStringLiteral("same"), 64);
    const ml::TrainConfig config = quickConfig(2);
    QString guiRun;
    {
        auto window = openWindow(project);
        QVERIFY(window);
        TrainWorkspace *train = window->trainWorkspace();
        train->setSettings(config);
        QSignalSpy finished(train, &TrainWorkspace::trainingFinished);
        QVERIFY(train->startTraining());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
        guiRun = finished.first().at(0).value<workflow::SessionResult>().runDir;
    }
    const QString cliRun = m_dir.filePath(QStringLiteral("cli-run"));
    const test::CliResult r = test::runCli(
        {"train", "--project", project, "--arch", "smallervggnet", "--size", "24", "--epochs", "2", "--batch", "8",
         "--lr", "0.001", "--schedule", "none", "--augment", "light", "--threads", "1", "--seed", "11", "--patience", "0",
         "--no-bf16", "--dropout", "0.5", "--optimizer", "adamw", "--weight-decay", QString::number(config.weightDecay),
         "--out", cliRun});
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    QString error;
    const QList<ml::EpochRecord> gui = workflow::readRunRecords(guiRun, &error);
    const QList<ml::EpochRecord> cli = workflow::readRunRecords(cliRun, &error);
    QCOMPARE(gui.size(), 2);
    QCOMPARE(cli.size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(gui[i].trainLoss, cli[i].trainLoss);
        QCOMPARE(gui[i].validationLoss, cli[i].validationLoss);
        QCOMPARE(gui[i].fbeta, cli[i].fbeta);
        QCOMPARE(gui[i].meanAveragePrecision, cli[i].meanAveragePrecision);
    }
}

void TestTrainWorkspace::blockingProblemsAreSaid()
{
    // A project with tags nobody ticked: nothing to learn from.
    const QString root = m_dir.filePath(QStringLiteral("empty"));
    test::writeTrainingImages(root, 0, 10, 32);
    ProjectStore::open(root)->addTag(QStringLiteral("lonely"));
    auto window = openWindow(root);
    QVERIFY(window);
    TrainWorkspace *train = window->trainWorkspace();
    QVERIFY(workflow::hasBlockingIssue(train->dataIssues()));
    QSignalSpy errors(train, &TrainWorkspace::errorRaised);
    QVERIFY(!train->startTraining());
    QCOMPARE(errors.size(), 1);
    QVERIFY(!train->isBusy());
}

void TestTrainWorkspace::damagedCheckpointEndsTheResumeWithAMessage()
{
    const QString project = makeProject(QStringLiteral("damaged"), 64);
    auto window = openWindow(project);
    QVERIFY(window);
    TrainWorkspace *train = window->trainWorkspace();
    train->setSettings(quickConfig(20));
    QSignalSpy finished(train, &TrainWorkspace::trainingFinished);
    QVERIFY(train->startTraining());
    QTRY_VERIFY_WITH_TIMEOUT(train->plots()->epochPoints() >= 1, 60000);
    train->stopTraining();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    const QString runDir = finished.takeFirst().at(0).value<workflow::SessionResult>().runDir;
    QFile checkpoint(runDir + QStringLiteral("/last.pt"));
    QVERIFY(checkpoint.open(QIODevice::ReadWrite));
    QVERIFY(checkpoint.seek(checkpoint.size() / 2));
    checkpoint.write(QByteArray(512, '\x5a'));
    checkpoint.close();

    QSignalSpy errors(train, &TrainWorkspace::errorRaised);
    QVERIFY(train->resumeRun(train->runModel()->run(0)->id));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    const auto result = finished.first().at(0).value<workflow::SessionResult>();
    QCOMPARE(result.end, workflow::SessionResult::End::Failed);
    QVERIFY2(result.message.contains(QStringLiteral("last.pt: is corrupt")), qPrintable(result.message));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(train->runModel()->status(0), QStringLiteral("failed"));
    QVERIFY(QFile::exists(runDir + QStringLiteral("/best.pt"))); // what was saved stays
    QVERIFY(!train->isBusy());
}

void TestTrainWorkspace::findsALearningRate()
{
    const QString project = makeProject(QStringLiteral("finder"), 80);
    auto window = openWindow(project);
    QVERIFY(window);
    window->workspaces()->setCurrentWidget(window->trainWorkspace());
    TrainWorkspace *train = window->trainWorkspace();
    QTRY_VERIFY_WITH_TIMEOUT(train->dataIssues().isEmpty() && train->unreadableImages().isEmpty(), 10000);
    train->setSettings(quickConfig(2));
    auto *find = train->findChild<QPushButton *>(QStringLiteral("findRateButton"));
    auto *rate = train->findChild<QLineEdit *>(QStringLiteral("learningRateEdit"));
    QVERIFY(find && rate);
    QTest::mouseClick(find, Qt::LeftButton);
    QVERIFY(!find->isEnabled());
    QVERIFY(!train->trainButton()->isEnabled());

    // The sweep ends in a dialog with the loss against the rate and the suggestion.
    LearningRateDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = train->findChild<LearningRateDialog *>()) != nullptr, 120000);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY(dialog->plot()->graph(1)->dataCount() >= 10);
    QVERIFY(find->isEnabled());
    QCOMPARE(train->runModel()->rowCount(), 0); // a sweep is no run
    saveScreenshot(dialog, QStringLiteral("train-rate-finder"));
    QVERIFY2(dialog->useButton()->isEnabled(), "the loss of this easy problem falls");
    const QString suggested = dialog->useButton()->text().section(QLatin1Char(' '), 1);
    QTest::mouseClick(dialog->useButton(), Qt::LeftButton);
    QCOMPARE(rate->text(), suggested);
    QCOMPARE(train->settings().learningRate, suggested.toDouble());
}

void TestTrainWorkspace::recommendedSettingsAreExplained()
{
    const QString project = makeProject(QStringLiteral("explained"), 40);
    auto window = openWindow(project);
    QVERIFY(window);
    window->workspaces()->setCurrentWidget(window->trainWorkspace());
    TrainWorkspace *train = window->trainWorkspace();
    QTRY_VERIFY_WITH_TIMEOUT(train->dataIssues().isEmpty() && train->unreadableImages().isEmpty(), 10000);
    const auto labelWith = [train](const QString &text) {
        const auto labels = train->findChildren<QLabel *>();
        return std::any_of(labels.cbegin(), labels.cend(), [&](const QLabel *l) { return l->text().contains(text); });
    };
    // 32 px images: the network whose first pool halves; 30 training images make a
    // run of few steps, which learns faster without dropout; each said under its field.
    auto *arch = train->findChild<QComboBox *>(QStringLiteral("archBox"));
    auto *dropout = train->findChild<QDoubleSpinBox *>(QStringLiteral("dropoutBox"));
    QVERIFY(arch && dropout);
    QCOMPARE(arch->currentText(), QStringLiteral("smallervggnet_p2"));
    QTRY_VERIFY(labelWith(shownReason(
        "images of %1 px: the small VGG-style network, its first pool halving instead of thirding so that small "
        "images keep their detail (measured on Fashion-MNIST at 28 px over 25 epochs: top-1 0.934 against 0.929)",
        32)));
    QCOMPARE(dropout->value(), 0.0);
    QCOMPARE(train->settings().dropoutScale, 0.0);
    const qlonglong steps = train->settings().epochs; // one batch an epoch
    QVERIFY(labelWith(shownReason("%1 steps are few: without dropout the network learns faster (measured on mosaics: "
                                  "mAP 0.845 against 0.800 over 940 steps, 0.910 against 0.871 over 2,820)",
                                  steps)));
    const QString recommended = dropout->specialValueText();
    QCOMPARE(dropout->text(), recommended);

    // Another value, typed: the run takes it, and the reason says what is recommended.
    dropout->setFocus();
    dropout->selectAll();
    QTest::keyClicks(dropout, dropout->textFromValue(0.5));
    QTest::keyClick(dropout, Qt::Key_Enter);
    QCOMPARE(dropout->value(), 0.5);
    QCOMPARE(train->settings().dropoutScale, 0.5);
    QVERIFY(labelWith(TrainWorkspace::tr("Your choice; recommended: %1.").arg(recommended)));

    // The rate is recommended, and explained, with its optimiser: 30 training images
    // make few steps, Adam's; SGD chosen instead, the rate alone no longer matches.
    auto *optimizer = train->findChild<QComboBox *>(QStringLiteral("optimizerBox"));
    auto *rate = train->findChild<QLineEdit *>(QStringLiteral("learningRateEdit"));
    auto *decay = train->findChild<QLineEdit *>(QStringLiteral("weightDecayEdit"));
    QVERIFY(optimizer && rate && decay);
    QCOMPARE(optimizer->currentText(), QStringLiteral("Adam"));
    QCOMPARE(rate->text(), QStringLiteral("0.001"));
    const QString adamReason =
        shownReason("Adam without weight decay starts fastest: over %1 steps SGD would still lag (measured)", steps);
    QVERIFY(labelWith(adamReason));
    const QString adam = TrainWorkspace::tr("%1 with %2").arg(QStringLiteral("0.001"), QStringLiteral("Adam"));
    const QString otherRate = TrainWorkspace::tr("Your choice; recommended: %1.").arg(adam);
    QVERIFY(!labelWith(otherRate));
    optimizer->setFocus();
    QTest::keyClick(optimizer, Qt::Key_Down);
    QCOMPARE(optimizer->currentText(), QStringLiteral("SGD"));
    QCOMPARE(train->settings().optimizer, ml::OptimizerKind::Sgd);
    QVERIFY(labelWith(otherRate));
    QVERIFY(!labelWith(adamReason));
    // Adam again (one item up), with a decay typed: still not what is recommended.
    QTest::keyClick(optimizer, Qt::Key_Up);
    decay->setFocus();
    decay->selectAll();
    QTest::keyClicks(decay, QStringLiteral("0.0005"));
    QCOMPARE(train->settings().weightDecay, 5e-4);
    QVERIFY(labelWith(TrainWorkspace::tr("Your choice; recommended: %1.").arg(adam)));
    decay->selectAll();
    QTest::keyClicks(decay, QStringLiteral("0"));
    QCOMPARE(train->settings().optimizer, ml::OptimizerKind::Adam);
    QVERIFY(labelWith(adamReason));
    saveScreenshot(train, QStringLiteral("train-settings"));
}

void TestTrainWorkspace::reasonsSpeakTheInterfaceLanguage()
{
    // Fashion-MNIST's size over 40 minutes: numbers past a thousand in the reasons.
    ml::DataProfile profile;
    profile.trainImages = 54000;
    profile.validationImages = 6000;
    profile.tags = 10;
    profile.typicalSide = 28;
    profile.cpuBfloat16 = true;
    profile.cores = 2;
    profile.minutes = 40.0;
    const ml::Recommendation recommended = ml::recommendSettings(profile);
    const auto reason = [&](const std::string &setting) {
        const auto it = std::find_if(recommended.reasons.begin(), recommended.reasons.end(),
                                     [&](const ml::Reason &r) { return r.setting == setting; });
        return it == recommended.reasons.end() ? ml::Reason{setting, {}, {}, {}} : *it;
    };
    QVERIFY(reason("optimizer").why.find("67,520 steps are enough") != std::string::npos);
    const QLocale previous;
    const auto restore = qScopeGuard([previous] { QLocale::setDefault(previous); });

    // In English (no translator, unless screenshots are taken in another language),
    // the GUI shows what tagwise-cli prints, word for word.
    QLocale::setDefault(QLocale(QLocale::English));
    if (qEnvironmentVariableIsEmpty("TAGWISE_SCREENSHOT_LOCALE")) {
        for (const ml::Reason &r : recommended.reasons)
            QCOMPARE(TrainWorkspace::reasonText(r), QString::fromStdString(r.why));
    }

    // In German: translated, with German numbers.
    QTranslator german;
    QVERIFY(german.load(QStringLiteral(":/i18n/tagwise_de.qm")));
    QCoreApplication::installTranslator(&german);
    const auto uninstall = qScopeGuard([&german] { QCoreApplication::removeTranslator(&german); });
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(TrainWorkspace::reasonText(reason("optimizer")).left(39), QStringLiteral("67.520 Schritte genügen, damit SGD mit "));
    QCOMPARE(TrainWorkspace::reasonText(reason("epochs")),
             QStringLiteral("hier etwa %1 s je Epoche für 54.000 Bilder: 40 Epochen dauern etwa %2 Minuten")
                 .arg(QString::fromStdString(reason("epochs").parts[0].arguments[0]),
                      QString::fromStdString(reason("epochs").parts[0].arguments[3])));

    // And so in the Train tab.
    const QString project = makeProject(QStringLiteral("german"), 40);
    auto window = openWindow(project);
    QVERIFY(window);
    window->workspaces()->setCurrentWidget(window->trainWorkspace());
    const auto labels = window->trainWorkspace()->findChildren<QLabel *>();
    const QString arch = QStringLiteral("Bilder von 32 px: das kleine Netz im VGG-Stil");
    QTRY_VERIFY(std::any_of(labels.cbegin(), labels.cend(), [&](const QLabel *l) { return l->text().startsWith(arch); }));
    // The longer German labels widen the settings panel instead of being squeezed.
    const QWidget *settings = window->trainWorkspace()->findChild<QScrollArea *>()->widget();
    QTRY_VERIFY(settings->width() >= settings->minimumSizeHint().width());
}

void TestTrainWorkspace::startsFromPretrainedWeights()
{
    const QString project = makeProject(QStringLiteral("pretrained"), 64);
    // Weights from another run, exported with torchvision's names.
    const QString firstRun = m_dir.filePath(QStringLiteral("backbone-run"));
    const test::CliResult trained = test::runCli({"train", "--project", project, "--arch", "resnet18", "--size", "32",
                                                  "--epochs", "1", "--batch", "8", "--threads", "1", "--out", firstRun});
    QVERIFY2(trained.code == 0, qPrintable(trained.err));
    const QString weights = m_dir.filePath(QStringLiteral("backbone.safetensors"));
    QVERIFY(test::runCli({"export-weights", "--model", firstRun, "--out", weights}).code == 0);

    QString runDir;
    {
        auto window = openWindow(project);
        QVERIFY(window);
        window->workspaces()->setCurrentWidget(window->trainWorkspace());
        TrainWorkspace *train = window->trainWorkspace();
        ml::TrainConfig config = quickConfig(1);
        config.architecture = "resnet18";
        config.inputSize = 32;
        train->setSettings(config);
        QVERIFY(!train->freezeBox()->isEnabled()); // nothing to freeze without weights

        QSignalSpy checked(train, &TrainWorkspace::weightsChecked);
        train->setWeightsFile(weights);
        QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, 20000);
        QVERIFY(checked.takeFirst().at(0).toBool());
        QVERIFY(train->freezeBox()->isEnabled());
        const auto reasonWith = [&](const QString &text) {
            const auto labels = train->findChildren<QLabel *>();
            return std::any_of(labels.begin(), labels.end(), [&](QLabel *l) { return l->text().contains(text); });
        };
        // In the interface's language (that of the screenshots, if any).
        QVERIFY(reasonWith(TrainWorkspace::tr("%n tensors loaded from %1", nullptr, 122).arg(weights)));
        test::saveScreenshot(window.get(), QStringLiteral("train-pretrained"));

        // Another network: the same file does not fit, and says why.
        auto *arch = train->findChild<QComboBox *>(QStringLiteral("archBox"));
        arch->setCurrentIndex(arch->findText(QStringLiteral("mobilenet_v2")));
        Q_EMIT arch->activated(arch->currentIndex());
        QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, 20000);
        QVERIFY(!checked.takeFirst().at(0).toBool());
        QVERIFY(reasonWith(weights + QStringLiteral(": the weights do not fit this architecture")));
        arch->setCurrentIndex(arch->findText(QStringLiteral("resnet18")));
        Q_EMIT arch->activated(arch->currentIndex());
        QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, 20000);

        // Only the head learns; the run records it.
        train->freezeBox()->setCurrentIndex(train->freezeBox()->findData(QStringLiteral("backbone:0")));
        QSignalSpy finished(train, &TrainWorkspace::trainingFinished);
        QVERIFY(train->startTraining());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
        const auto result = finished.first().at(0).value<workflow::SessionResult>();
        QVERIFY2(result.end == workflow::SessionResult::End::Finished, qPrintable(result.message));
        runDir = result.runDir;
    }
    QFile configFile(runDir + "/config.json");
    QVERIFY(configFile.open(QIODevice::ReadOnly));
    const QJsonObject config = QJsonDocument::fromJson(configFile.readAll()).object();
    QCOMPARE(config.value("weights").toString(), weights);
    QCOMPARE(config.value("freeze").toString(), QStringLiteral("backbone"));
    QCOMPARE(config.value("freeze_epochs").toInt(-1), 0);
    // Remembered with the project's settings.
    auto window = openWindow(project);
    QVERIFY(window);
    QCOMPARE(window->trainWorkspace()->weightsFile(), weights);
}

void TestTrainWorkspace::screenshotsInChinese()
{
    if (qEnvironmentVariableIsEmpty("TAGWISE_SCREENSHOT_DIR"))
        QSKIP("screenshots only when TAGWISE_SCREENSHOT_DIR is set");
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/tagwise_zh_CN.qm")));
    QCoreApplication::installTranslator(&translator);
    const QString project = makeProject(QStringLiteral("zh"), 80);
    auto window = openWindow(project);
    QVERIFY(window);
    window->workspaces()->setCurrentWidget(window->trainWorkspace());
    TrainWorkspace *train = window->trainWorkspace();
    train->setSettings(quickConfig(4));
    QSignalSpy finished(train, &TrainWorkspace::trainingFinished);
    QVERIFY(train->startTraining());
    QTRY_VERIFY_WITH_TIMEOUT(train->plots()->epochPoints() >= 2, 120000);
    saveScreenshot(window.get(), QStringLiteral("train-during-run-zh_CN"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
    saveScreenshot(window.get(), QStringLiteral("train-after-run-zh_CN"));
    QTest::mouseClick(train->findChild<QToolButton *>(QStringLiteral("advancedButton")), Qt::LeftButton);
    // Open, the advanced settings make the panel taller than the window: it scrolls, squeezing nothing.
    auto *scroll = train->findChild<QScrollArea *>();
    QTRY_VERIFY(scroll->verticalScrollBar()->maximum() > 0);
    saveScreenshot(window.get(), QStringLiteral("train-advanced-zh_CN"));
    QVERIFY(train->findLearningRate());
    LearningRateDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = train->findChild<LearningRateDialog *>()) != nullptr, 120000);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    saveScreenshot(dialog, QStringLiteral("train-rate-finder-zh_CN"));
    dialog->reject();
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestTrainWorkspace)
#include "tst_trainworkspace.moc"
