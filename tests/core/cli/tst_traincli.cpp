// tagwise-cli train: the happy paths (CSV and project), a run killed in the
// middle and resumed, and the errors of every command of the engine.

#include "common/clirunner.h"
#include "common/trainingimages.h"
#include "core/cli/cli.h"
#include "core/ml/device.h"
#include "core/ml/recommendation.h"
#include "core/ml/trainer.h"
#include "core/ml/json.h"
#include "core/ml/weightfile.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>
#include <torch/version.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace tagwise;
using test::CliResult;
using test::runCli;

class TestTrainCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void trainsFromACsv();
    void trainsFromAProject();
    void killedRunResumesAndFinishes();
    void projectRunsAreRecorded();
    void defaultsAreChosenAndExplained();
    void findsALearningRate();
    void fineTunesFromExportedWeights();
    void errors_data();
    void errors();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void TestTrainCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Decoded-image caches go to the temporary folder, not the user's.
    qputenv("XDG_CACHE_HOME", path("cache").toUtf8());
    const QStringList rows = test::writeTrainingImages(path("images"), 0, 60, 32);
    QCOMPARE(rows.size(), 60);
    QVERIFY(test::writeCsv(path("labels.csv"), rows));
    QVERIFY(test::writeCsv(path("train.csv"), rows.mid(0, 40)));
    QVERIFY(test::writeCsv(path("val.csv"), rows.mid(40)));
    QVERIFY(test::writeCsv(path("empty.csv"), {}));
    QFile malformed(path("malformed.csv"));
    QVERIFY(malformed.open(QIODevice::WriteOnly));
    malformed.write("image_name,tags\nimg_0_0,red,extra,columns\n");
    malformed.close();
    QVERIFY(QDir().mkpath(path("not-a-run")));
}

void TestTrainCli::trainsFromACsv()
{
    const QString run = path("csv-run");
    const CliResult r = runCli({"train", "--csv", path("train.csv"), "--val-csv", path("val.csv"), "--images",
                                path("images"), "--size", "24", "--epochs", "2", "--batch", "8", "--threads", "1",
                                "--seed", "5", "--device", "cpu", "--out", run});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("data: 40 training and 20 validation images, 3 tags"), qPrintable(r.out));
    // Which LibTorch and device it trains with.
    QVERIFY2(r.out.contains("engine: LibTorch " TORCH_VERSION), qPrintable(r.out));
    QVERIFY2(r.out.contains(" on cpu with 1 thread: 40 training"), qPrintable(r.out));
    const QRegularExpression line(QStringLiteral(
        "epoch 2/2  train_loss [0-9.]+  val_loss [0-9.]+  fbeta [0-9.]+  f1_micro [0-9.]+  map [0-9.]+  lr \\S+  "
        "[0-9.]+ img/s  [0-9.]+ s"));
    QVERIFY2(line.match(r.out).hasMatch(), qPrintable(r.out));
    QVERIFY(r.out.contains("model: " + run + "/model"));
    const ml::Json metrics = ml::readJsonFile(QString(run + "/metrics.json").toStdString());
    QCOMPARE(metrics.at("epochs").size(), std::size_t(2));
    QCOMPARE(metrics.at("status").get<std::string>(), std::string("finished"));
    const ml::Json config = ml::readJsonFile(QString(run + "/config.json").toStdString());
    QCOMPARE(config.at("input_size").get<long long>(), 24LL);
    QCOMPARE(config.at("seed").get<std::string>(), std::string("5"));
    QVERIFY(QFile::exists(run + "/model/weights.pt"));

    // The same folder again is refused rather than overwritten.
    const CliResult again = runCli({"train", "--csv", path("labels.csv"), "--images", path("images"), "--size", "24",
                                    "--epochs", "1", "--out", run});
    QCOMPARE(again.code, 1);
    QVERIFY2(again.err.contains("already holds a training run"), qPrintable(again.err));
}

void TestTrainCli::trainsFromAProject()
{
    const QString project = path("project");
    const QStringList rows = test::writeTrainingImages(project + "/pics", 0, 50, 32);
    // Ten images stay untagged and unreviewed: they must be left out.
    QVERIFY(test::writeCsv(path("project.csv"), rows.mid(0, 40)));
    const CliResult imported = runCli({"import", "--project", project, "--csv", path("project.csv"), "--images",
                                       project + "/pics"});
    QVERIFY2(imported.code == 0, qPrintable(imported.err));

    const QString run = path("project-run");
    const CliResult r = runCli({"train", "--project", project, "--size", "24", "--epochs", "1", "--batch", "8",
                                "--threads", "1", "--out", run, "--no-augment", "--optimizer", "sgd", "--schedule",
                                "onecycle", "--pos-weight", "--no-tune", "--workers", "1"});
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    const QRegularExpression data(QStringLiteral("data: (\\d+) training and (\\d+) validation images, 3 tags, "
                                                 "(\\d+) test-split images held out, 10 untagged or missing images left out"));
    const auto match = data.match(r.out);
    QVERIFY2(match.hasMatch(), qPrintable(r.out));
    QCOMPARE(match.captured(1).toInt() + match.captured(2).toInt() + match.captured(3).toInt(), 40);
    const ml::Json config = ml::readJsonFile(QString(run + "/config.json").toStdString());
    QCOMPARE(config.at("optimizer").get<std::string>(), std::string("sgd"));
    QCOMPARE(config.at("augmentation").at("hflip").get<bool>(), false);
    QCOMPARE(config.at("tune_thresholds").get<bool>(), false);
    QCOMPARE(config.at("positive_weights").get<bool>(), true);
}

void TestTrainCli::killedRunResumesAndFinishes()
{
    const QString run = path("killed-run");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("XDG_CACHE_HOME", path("cache"));
    // Enough epochs that the kill surely lands before the run ends, even on a busy machine.
    const int epochs = 20;

    QProcess first;
    first.setProcessEnvironment(env);
    first.start(TAGWISE_CLI_PATH, {"train", "--csv", path("labels.csv"), "--images", path("images"), "--size", "32",
                                   "--epochs", QString::number(epochs), "--batch", "8", "--threads", "1", "--patience", "0",
                                   "--out", run});
    QVERIFY(first.waitForStarted());
    // The epoch line is printed once the epoch's checkpoint is on disk: kill the process
    // then, in the middle of the next epoch, as a crash or a power cut would.
    QByteArray output;
    QTRY_VERIFY_WITH_TIMEOUT((output += first.readAllStandardOutput()).contains("epoch 1/20"), 300000);
    first.kill();
    QVERIFY(first.waitForFinished());
    QCOMPARE(first.exitStatus(), QProcess::CrashExit);
    QVERIFY(QFile::exists(run + "/last.pt"));
    QVERIFY(!QFile::exists(run + "/model/bundle.json"));
    const ml::Json before = ml::readJsonFile(QString(run + "/metrics.json").toStdString());
    const auto done = before.at("epochs").size();
    QVERIFY(done >= 1 && done < std::size_t(epochs));
    QCOMPARE(before.at("status").get<std::string>(), std::string("running"));

    QProcess second;
    second.setProcessEnvironment(env);
    second.start(TAGWISE_CLI_PATH, {"train", "--resume", run, "--threads", "1"});
    QVERIFY(second.waitForStarted());
    QVERIFY(second.waitForFinished(600000));
    const QString out = QString::fromUtf8(second.readAllStandardOutput());
    const QString err = QString::fromUtf8(second.readAllStandardError());
    QVERIFY2(second.exitStatus() == QProcess::NormalExit && second.exitCode() == 0, qPrintable(err));
    QVERIFY2(out.contains(QStringLiteral("resuming after epoch %1").arg(done)), qPrintable(out));
    QVERIFY2(out.contains("epoch 20/20"), qPrintable(out));
    QVERIFY2(!out.contains(QStringLiteral("epoch %1/20").arg(done)), qPrintable(out));

    const ml::Json metrics = ml::readJsonFile(QString(run + "/metrics.json").toStdString());
    QCOMPARE(metrics.at("status").get<std::string>(), std::string("finished"));
    const auto &records = metrics.at("epochs");
    QCOMPARE(records.size(), std::size_t(epochs));
    for (int i = 0; i < epochs; ++i)
        QCOMPARE(records[std::size_t(i)].at("epoch").get<long long>(), (long long)(i + 1));
    // The records of the first process survive unchanged.
    QCOMPARE(records[0].at("train_loss").get<double>(), before.at("epochs")[0].at("train_loss").get<double>());
    QVERIFY(QFile::exists(run + "/model/bundle.json"));
}

void TestTrainCli::projectRunsAreRecorded()
{
    const QString project = path("runs-project");
    const QStringList rows = test::writeTrainingImages(project + "/pics", 0, 40, 32);
    QVERIFY(test::writeCsv(path("runs-project.csv"), rows));
    QCOMPARE(runCli({"import", "--project", project, "--csv", path("runs-project.csv"), "--images", project + "/pics"}).code, 0);
    const CliResult none = runCli({"runs", "--project", project, "--json"});
    QCOMPARE(none.code, 0);
    QCOMPARE(QJsonDocument::fromJson(none.out.toUtf8()).array().size(), 0);

    // Without --out, a project's run goes into the project and into its runs table.
    const CliResult r = runCli({"train", "--project", project, "--size", "24", "--epochs", "2", "--batch", "8",
                                "--threads", "1", "--no-bf16"});
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    const QRegularExpression model(QStringLiteral("model: (.*/\\.tagwise/runs/(\\d{8}-\\d{6}(-\\d+)?))/model\n"));
    const auto match = model.match(r.out);
    QVERIFY2(match.hasMatch(), qPrintable(r.out));
    const CliResult listed = runCli({"runs", "--project", project, "--json"});
    QCOMPARE(listed.code, 0);
    const QJsonArray runs = QJsonDocument::fromJson(listed.out.toUtf8()).array();
    QCOMPARE(runs.size(), 1);
    const QJsonObject run = runs[0].toObject();
    QCOMPARE(run.value("id").toString(), match.captured(2));
    QCOMPARE(run.value("status").toString(), QStringLiteral("finished"));
    QCOMPARE(run.value("epochs").toInt(), 2);
    QCOMPARE(run.value("architecture").toString(), QStringLiteral("smallervggnet_p2")); // the default at 24 px
    QCOMPARE(QDir::cleanPath(run.value("folder").toString()), QDir::cleanPath(match.captured(1)));
    const ml::Json metrics = ml::readJsonFile(QString(match.captured(1) + "/metrics.json").toStdString());
    QCOMPARE(run.value("best_fbeta").toDouble(), metrics.at("best_fbeta").get<double>());
    QVERIFY(QDateTime::fromString(run.value("created").toString(), Qt::ISODate).isValid());
    QVERIFY(QDateTime::fromString(run.value("finished").toString(), Qt::ISODate).isValid());
    for (const char *key : {"id", "created", "finished", "architecture", "status", "best_fbeta", "epochs", "folder"})
        QVERIFY2(run.contains(QLatin1String(key)), key);

    // A second run is listed first.
    QCOMPARE(runCli({"train", "--project", project, "--size", "24", "--epochs", "1", "--batch", "8", "--threads", "1"}).code, 0);
    const QJsonArray two = QJsonDocument::fromJson(runCli({"runs", "--project", project, "--json"}).out.toUtf8()).array();
    QCOMPARE(two.size(), 2);
    QCOMPARE(two[1].toObject().value("id").toString(), match.captured(2));
    QVERIFY(runCli({"runs", "--project", project}).out.contains(match.captured(2)));
}

void TestTrainCli::defaultsAreChosenAndExplained()
{
    const QString run = path("defaults-run");
    const CliResult r = runCli({"train", "--csv", path("train.csv"), "--val-csv", path("val.csv"), "--images",
                                path("images"), "--epochs", "1", "--threads", "1", "--out", run});
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    // The images are 32 px: the defaults take their size; each choice not given is said, with its reason.
    QVERIFY2(r.out.contains("default: --size 32: the images' own size (32 px)"), qPrintable(r.out));
    QVERIFY2(r.out.contains("default: --arch smallervggnet_p2: images of 32 px: "), qPrintable(r.out));
    QVERIFY2(r.out.contains("default: --augment none: 1 epoch is too few"), qPrintable(r.out));
    QVERIFY2(!r.out.contains("default: --epochs"), qPrintable(r.out)); // given
    const ml::TrainConfig config = ml::Trainer::readConfig(run.toStdString());
    QCOMPARE(config.inputSize, 32);
    QCOMPARE(config.epochs, 1);
    QCOMPARE(config.architecture, std::string("smallervggnet_p2"));
    // With a first pool of 2, 32 px is large enough for bfloat16 to gain where the CPU computes it.
    QCOMPARE(config.cpuBfloat16, ml::cpuHasBfloat16());
    if (ml::cpuHasBfloat16())
        QVERIFY2(r.out.contains("default: --bf16 on: "), qPrintable(r.out));
    // A run of few steps: Adam, and SmallerVGGNet without its dropout.
    const QRegularExpression few(QStringLiteral("default: --optimizer adam: Adam without weight decay starts "
                                                "fastest: over (\\d+) steps?.*\n"
                                                "(.*\n)*default: --dropout 0: \\1 steps? (is|are) few: without dropout"));
    QVERIFY2(few.match(r.out).hasMatch(), qPrintable(r.out));
    QCOMPARE(config.optimizer, ml::OptimizerKind::Adam);
    QCOMPARE(config.dropoutScale, 0.0);
}

void TestTrainCli::findsALearningRate()
{
    const CliResult r = runCli({"train", "--csv", path("labels.csv"), "--images", path("images"), "--size", "24",
                                "--threads", "1", "--find-lr", "--no-bf16"});
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    QVERIFY2(r.out.contains("learning rate   loss       smoothed loss"), qPrintable(r.out));
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("suggested learning rate: [0-9.e-]+ |no suggestion"))),
             qPrintable(r.out));
    const CliResult withOut = runCli({"train", "--csv", path("labels.csv"), "--images", path("images"), "--find-lr",
                                      "--out", path("x")});
    QCOMPARE(withOut.code, 2);
}

void TestTrainCli::fineTunesFromExportedWeights()
{
    // A backbone trained in one run starts another; frozen, it stays exactly as it came.
    const QStringList common = {"--csv", path("train.csv"), "--val-csv", path("val.csv"), "--images", path("images"),
                                "--arch", "resnet18", "--size", "32", "--batch", "8", "--threads", "1", "--no-tune"};
    const CliResult first = runCli(QStringList{"train"} + common + QStringList{"--epochs", "1", "--out", path("pre-run")});
    QVERIFY2(first.code == 0, qPrintable(first.err));
    const QString weights = path("pre.safetensors");
    const CliResult exported = runCli({"export-weights", "--model", path("pre-run"), "--out", weights});
    QVERIFY2(exported.code == 0 && exported.out.contains("resnet18"), qPrintable(exported.err + exported.out));

    const CliResult tuned = runCli(QStringList{"train"} + common
                                   + QStringList{"--epochs", "2", "--weights", weights, "--freeze", "backbone",
                                                 "--freeze-epochs", "0", "--lr", "0.01", "--out", path("tuned-run")});
    QVERIFY2(tuned.code == 0, qPrintable(tuned.err));
    QVERIFY2(tuned.out.contains("pretrained weights: 122 tensors loaded from " + weights), qPrintable(tuned.out));
    // The backbone sees its inputs as it learnt them: the first run's normalisation, from the file's metadata.
    QVERIFY2(tuned.out.contains("normalisation: as the run that made " + weights), qPrintable(tuned.out));
    QVERIFY(ml::readJsonFile(path("tuned-run/model/bundle.json").toStdString()).at("normalization")
            == ml::readJsonFile(path("pre-run/model/bundle.json").toStdString()).at("normalization"));
    const ml::Json config = ml::readJsonFile(path("tuned-run/config.json").toStdString());
    QCOMPARE(config.at("freeze").get<std::string>(), std::string("backbone"));
    QCOMPARE(config.at("weights").get<std::string>(), weights.toStdString());
    QVERIFY(runCli({"export-weights", "--model", path("tuned-run"), "--out", path("tuned.safetensors")}).code == 0);
    const ml::NamedTensors before = ml::readWeightFile(weights.toStdString());
    const ml::NamedTensors after = ml::readWeightFile(path("tuned.safetensors").toStdString());
    QCOMPARE(after.size(), before.size());
    int same = 0;
    for (std::size_t i = 0; i < before.size(); ++i) {
        const bool head = before[i].first.rfind("fc.", 0) == 0;
        const bool equal = torch::equal(before[i].second, after[i].second);
        QVERIFY2(head != equal, before[i].first.c_str()); // the backbone kept, its statistics too; the head learned
        same += equal;
    }
    QCOMPARE(same, int(before.size()) - 2);

    // Usage: a layer the network lacks is named with those it has; a freeze needs weights.
    const CliResult badLayer = runCli(QStringList{"train"} + common
                                      + QStringList{"--epochs", "1", "--weights", weights, "--freeze", "until:block5",
                                                    "--out", path("bad-layer-run")});
    QCOMPARE(badLayer.code, 1);
    QVERIFY2(badLayer.err.contains("no layer \"block5\"") && badLayer.err.contains("layer4"), qPrintable(badLayer.err));
    const CliResult noWeights = runCli(QStringList{"train"} + common + QStringList{"--freeze", "backbone", "--out",
                                                                                  path("no-weights-run")});
    QCOMPARE(noWeights.code, 2);
    QVERIFY2(noWeights.err.contains("need --weights"), qPrintable(noWeights.err));
    // Weights of another architecture: refused before training, with the keys.
    const CliResult other = runCli(QStringList{"train", "--csv", path("train.csv"), "--val-csv", path("val.csv"),
                                               "--images", path("images"), "--arch", "mobilenet_v2", "--size", "32",
                                               "--epochs", "1", "--weights", weights, "--out", path("other-run")});
    QCOMPARE(other.code, 1);
    QVERIFY2(other.err.contains(weights + ": the weights do not fit"), qPrintable(other.err));
}

void TestTrainCli::errors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    const QString csv = path("labels.csv");
    const QString images = path("images");
    const QString out = path("error-run");
    const QStringList train{"train", "--size", "24", "--epochs", "1"};
    QTest::newRow("unknown arch") << train + QStringList{"--csv", csv, "--images", images, "--arch", "alexnet", "--out", out}
                                  << 2 << "unknown architecture \"alexnet\" (known: smallervggnet";
    QTest::newRow("missing csv") << train + QStringList{"--csv", path("nope.csv"), "--images", images, "--out", out}
                                 << 1 << path("nope.csv") + ": no such file";
    QTest::newRow("malformed csv") << train + QStringList{"--csv", path("malformed.csv"), "--images", images, "--out", out}
                                   << 1 << path("malformed.csv") + ":2";
    QTest::newRow("empty csv") << train + QStringList{"--csv", path("empty.csv"), "--images", images, "--out", out}
                               << 1 << path("empty.csv") + ": no usable rows";
    QTest::newRow("missing images dir") << train + QStringList{"--csv", csv, "--images", path("nowhere"), "--out", out}
                                        << 1 << path("nowhere") + ": no such images folder";
    QTest::newRow("missing val csv") << train + QStringList{"--csv", csv, "--images", images, "--val-csv", path("v.csv"), "--out", out}
                                     << 1 << path("v.csv") + ": no such file";
    QTest::newRow("bad number") << QStringList{"train", "--csv", csv, "--images", images, "--epochs", "three", "--out", out}
                                << 2 << "--epochs: 'three' is not a whole number";
    QTest::newRow("number out of range") << train + QStringList{"--csv", csv, "--images", images, "--lr", "-1", "--out", out}
                                         << 2 << "--lr: '-1' is not a number";
    QTest::newRow("dropout out of range") << train + QStringList{"--csv", csv, "--images", images, "--dropout", "1.5", "--out", out}
                                          << 2 << "--dropout: '1.5' is not a number from 0 to 1";
    QTest::newRow("bad device") << train + QStringList{"--csv", csv, "--images", images, "--device", "tpu", "--out", out}
                                << 2 << "--device: 'tpu' is not one of auto, cpu, cuda";
    QTest::newRow("not a project") << train + QStringList{"--project", path("images"), "--out", out}
                                   << 1 << "not a Tagwise project";
    QTest::newRow("resume without run") << QStringList{"train", "--resume", path("not-a-run")}
                                        << 1 << "not a training run";
    QTest::newRow("no out") << train + QStringList{"--csv", csv, "--images", images} << 2 << "--out is required";
    QTest::newRow("no source") << train + QStringList{"--out", out} << 2 << "give either --project or --csv";
    QTest::newRow("csv without images") << train + QStringList{"--csv", csv, "--out", out} << 2 << "--images is required";
    QTest::newRow("unknown option") << train + QStringList{"--csv", csv, "--images", images, "--out", out, "--turbo"}
                                    << 2 << "turbo";
    QTest::newRow("resume with settings") << QStringList{"train", "--resume", out, "--epochs", "3"}
                                          << 2 << "--epochs does not go with --resume";
    QTest::newRow("evaluate missing model") << QStringList{"evaluate", "--model", path("no-model"), "--csv", csv, "--images", images}
                                            << 1 << path("no-model") + ": no such folder";
    QTest::newRow("evaluate folder without bundle") << QStringList{"evaluate", "--model", path("not-a-run"), "--csv", csv, "--images", images}
                                                    << 1 << "no model bundle here";
    QTest::newRow("evaluate without csv") << QStringList{"evaluate", "--model", path("not-a-run"), "--images", images}
                                          << 2 << "--csv is required";
    QTest::newRow("predict missing model") << QStringList{"predict", "--model", path("no-model"), images}
                                           << 1 << path("no-model") + ": no such folder";
    QTest::newRow("predict nothing") << QStringList{"predict", "--model", path("no-model")} << 2 << "no image or folder given";
    if (!ml::selectDevice(ml::DeviceChoice::Auto).is_cuda()) {
        QTest::newRow("cuda without cuda") << train + QStringList{"--csv", csv, "--images", images, "--device", "cuda", "--out", out}
                                           << 1 << "CUDA is not available";
    }
}

void TestTrainCli::errors()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    const CliResult r = runCli(args);
    QCOMPARE(r.code, code);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty() || code == 1);
    // Nothing was trained.
    QVERIFY(!QFile::exists(path("error-run/model/bundle.json")));
}

QTEST_GUILESS_MAIN(TestTrainCli)
#include "tst_traincli.moc"
