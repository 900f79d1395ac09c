// tagwise-cli train as a data-parallel job (c10d, Gloo, over loopback): two
// ranks give the weights one process gives with the same global batch; a rank
// that dies or hangs ends the job with an error; Ctrl+C stops every rank and
// --resume goes on; the launcher's usage errors.

#include "core/ml/distributed.h"
#include "core/ml/json.h"
#include "core/ml/modelweights.h"
#include "core/ml/network.h"

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <torch/torch.h>

#include <QDir>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <random>

using namespace tagwise;

namespace {

struct Finished
{
    int code = -1;
    QString out;
    QString err;
    qint64 milliseconds = 0;
};

int freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

}

class TestDistributedCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void twoRanksEqualOneProcess();
    void deadRankEndsTheJob();
    void hungRankEndsTheJobWithinTheTimeout();
    void launcherEndsTheJobWhenARankDies();
    void stoppedJobResumes();
    void resumeNeedsTheRunOnRankZeroAlone();
    void usageErrors_data();
    void usageErrors();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QStringList trainArgs(const QString &out, int epochs) const;
    QProcessEnvironment environment() const;
    Finished run(const QStringList &args, const QProcessEnvironment &environment, int timeoutMs = 300000) const;
    /// Starts rank \a rank of a 2-rank job on \a port.
    void startRank(QProcess &process, int rank, int port, const QStringList &args) const;
    /// Starts both ranks of a long job into \a runDir on \a port and waits until its first epoch is done.
    void startJob(QProcess &rank0, QProcess &rank1, int port, const QString &runDir, const QStringList &extra) const;
    /// Starts a 2-rank job of \a epochs, stops it with Ctrl+C after its first epoch; the epochs it saved.
    std::size_t stopAfterFirstEpoch(const QString &runDir, int epochs) const;

    QTemporaryDir m_dir;
};

void TestDistributedCli::initTestCase()
{
    if (!ml::haveDistributed())
        QSKIP("this build has no c10d with Gloo (libgloo-dev)");
    QVERIFY(m_dir.isValid());
    // Noise, not drawings, and larger than the input size: flat areas, and 8-bit values fed
    // straight in, make exact ties (max pools, ReLUs at 0) that a batch split in two may
    // round to the other side, and one process and two then take different subgradients.
    QVERIFY(QDir().mkpath(path("images")));
    std::mt19937 rng(20261127);
    const QStringList tags{"cat", "dog", "tree", "car"};
    QStringList rows;
    for (int i = 0; i < 128; ++i) {
        cv::Mat image(64, 64, CV_8UC3);
        for (int k = 0; k < 64 * 64 * 3; ++k)
            image.data[k] = std::uint8_t(rng() & 0xff);
        const QString name = QStringLiteral("noise%1.png").arg(i, 3, 10, QLatin1Char('0'));
        QVERIFY(cv::imwrite(path("images/" + name).toStdString(), image));
        QStringList own;
        for (const QString &tag : tags) {
            if (rng() % 2)
                own << tag;
        }
        rows << name + ',' + (own.isEmpty() ? tags.first() : own.join(' '));
    }
    for (const auto &[file, first, count] : {std::tuple{"train.csv", 0, 48}, std::tuple{"val.csv", 96, 32}}) {
        QFile csv(path(file));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("image_name,tags\n" + rows.mid(first, count).join('\n').toUtf8() + '\n');
    }
}

QStringList TestDistributedCli::trainArgs(const QString &out, int epochs) const
{
    // Plain SGD, no augmentation, no bf16, no early stop: the same arithmetic on one process and two.
    return {"train", "--csv", path("train.csv"), "--val-csv", path("val.csv"), "--images", path("images"),
            "--arch", "resnet18", "--size", "32", "--epochs", QString::number(epochs), "--batch", "16",
            "--optimizer", "sgd", "--lr", "0.001", "--weight-decay", "0", "--schedule", "none", "--no-augment",
            "--no-bf16", "--no-tune", "--patience", "0", "--seed", "3", "--workers", "0", "--device", "cpu",
            "--out", out};
}

QProcessEnvironment TestDistributedCli::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("XDG_CACHE_HOME", path("cache"));
    for (const char *name : {"MASTER_ADDR", "MASTER_PORT", "RANK", "WORLD_SIZE", "LOCAL_RANK"})
        environment.remove(name);
    return environment;
}

Finished TestDistributedCli::run(const QStringList &args, const QProcessEnvironment &environment, int timeoutMs) const
{
    QProcess process;
    process.setProcessEnvironment(environment);
    QElapsedTimer timer;
    timer.start();
    process.start(TAGWISE_CLI_PATH, args);
    Finished result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    result.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    result.milliseconds = timer.elapsed();
    return result;
}

void TestDistributedCli::startRank(QProcess &process, int rank, int port, const QStringList &args) const
{
    QProcessEnvironment env = environment();
    env.insert("MASTER_ADDR", "127.0.0.1");
    env.insert("MASTER_PORT", QString::number(port));
    env.insert("RANK", QString::number(rank));
    env.insert("LOCAL_RANK", QString::number(rank));
    env.insert("WORLD_SIZE", "2");
    process.setProcessEnvironment(env);
    process.start(TAGWISE_CLI_PATH, args);
    QVERIFY(process.waitForStarted());
}

void TestDistributedCli::startJob(QProcess &rank0, QProcess &rank1, int port, const QString &runDir,
                                  const QStringList &extra) const
{
    const QStringList args = trainArgs(runDir, 200) << "--threads" << "1" << extra;
    startRank(rank0, 0, port, args);
    startRank(rank1, 1, port, args);
    QByteArray output;
    QTRY_VERIFY_WITH_TIMEOUT((output += rank0.readAllStandardOutput()).contains("epoch 1/200"), 300000);
}

void TestDistributedCli::twoRanksEqualOneProcess()
{
    // Two ranks against one process, with the same global batch: 3 steps. One process on
    // 2 threads shows how far LibTorch itself varies with how sums are split.
    const Finished single = run(trainArgs(path("single"), 1) << "--threads" << "1", environment());
    QVERIFY2(single.code == 0, qPrintable(single.err));
    const Finished threads = run(trainArgs(path("threads"), 1) << "--threads" << "2", environment());
    QVERIFY2(threads.code == 0, qPrintable(threads.err));
    const Finished job = run(trainArgs(path("job"), 1) << "--nproc" << "2", environment());
    QVERIFY2(job.code == 0, qPrintable(job.err + job.out));
    QVERIFY2(job.out.contains("1 thread on each of 2 ranks (c10d, Gloo): 48 training, 32 validation images, "
                              "3 batches per epoch"),
             qPrintable(job.out));
    // Rank 0 speaks for the job: each line once, and nothing from rank 1.
    QCOMPARE(job.out.count("epoch 1/1"), 1);
    QVERIFY2(!job.err.contains("[rank 1]"), qPrintable(job.err));
    QVERIFY(QFile::exists(path("job/model/bundle.json")));
    QVERIFY(QFile::exists(path("job/last.pt")));

    const auto state = [&](const QString &run) {
        const auto network = ml::createNetwork("resnet18", 4, 32, 0);
        ml::loadWeights(*network, path(run + "/model/weights.pt").toStdString(), torch::kCPU);
        std::vector<torch::Tensor> all;
        for (const auto &parameter : network->parameters())
            all.push_back(parameter.detach().to(torch::kDouble).reshape(-1));
        for (const auto &buffer : network->buffers())
            all.push_back(buffer.to(torch::kDouble).reshape(-1));
        return torch::cat(all);
    };
    // Differences relative to the value, absolute below 1 (running variances reach tens).
    const auto reference = state("single");
    const auto scale = reference.abs().clamp_min(1.0);
    const double ranks = ((state("job") - reference).abs() / scale).max().item<double>();
    const double twoThreads = ((state("threads") - reference).abs() / scale).max().item<double>();
    qInfo("largest difference of a weight or statistic from 1 process on 1 thread: 2 ranks %.2e, "
          "1 process on 2 threads %.2e",
          ranks, twoThreads);
    QVERIFY(ranks < 1e-5);

    // The records agree too (validation split over the ranks, gathered).
    const ml::Json a = ml::readJsonFile(path("single/metrics.json").toStdString());
    const ml::Json b = ml::readJsonFile(path("job/metrics.json").toStdString());
    for (std::size_t e = 0; e < 1; ++e) {
        for (const char *key : {"train_loss", "val_loss", "map"})
            QVERIFY(std::abs(a["epochs"][e][key].get<double>() - b["epochs"][e][key].get<double>()) < 1e-4);
    }
}

void TestDistributedCli::deadRankEndsTheJob()
{
    QProcess rank0, rank1;
    const int port = freePort();
    startJob(rank0, rank1, port, path("dead"), {});
    if (QTest::currentTestFailed())
        return;
    QElapsedTimer timer;
    timer.start();
    ::kill(pid_t(rank1.processId()), SIGKILL);
    QVERIFY(rank1.waitForFinished());
    QVERIFY(rank0.waitForFinished(120000));
    const QString err = QString::fromUtf8(rank0.readAllStandardError());
    QCOMPARE(rank0.exitStatus(), QProcess::NormalExit);
    QCOMPARE(rank0.exitCode(), 1);
    QVERIFY2(err.contains("data-parallel training (rank 0 of 2, job at 127.0.0.1:" + QString::number(port)
                          + "): another rank stopped or stopped answering"),
             qPrintable(err));
    qInfo("rank 0 ended %lld ms after rank 1 was killed", timer.elapsed());
    // What was saved stays: the epochs done can be resumed.
    QVERIFY(QFile::exists(path("dead/last.pt")));
}

void TestDistributedCli::hungRankEndsTheJobWithinTheTimeout()
{
    QProcess rank0, rank1;
    startJob(rank0, rank1, freePort(), path("hung"), {"--dist-timeout", "5"});
    if (QTest::currentTestFailed())
        return;
    QElapsedTimer timer;
    timer.start();
    ::kill(pid_t(rank1.processId()), SIGSTOP); // alive, but answering nothing
    const bool ended = rank0.waitForFinished(120000);
    const qint64 waited = timer.elapsed();
    ::kill(pid_t(rank1.processId()), SIGKILL);
    rank1.waitForFinished();
    QVERIFY(ended);
    QCOMPARE(rank0.exitCode(), 1);
    const QString err = QString::fromUtf8(rank0.readAllStandardError());
    QVERIFY2(err.contains("another rank stopped or stopped answering"), qPrintable(err));
    qInfo("rank 0 ended %lld ms after rank 1 hung (timeout 5 s)", waited);
    QVERIFY2(waited >= 4000 && waited < 60000, qPrintable(QString::number(waited)));
}

void TestDistributedCli::launcherEndsTheJobWhenARankDies()
{
    QProcess launcher;
    launcher.setProcessEnvironment(environment());
    launcher.start(TAGWISE_CLI_PATH, trainArgs(path("launched"), 200) << "--nproc" << "2");
    QVERIFY(launcher.waitForStarted());
    QByteArray output;
    QTRY_VERIFY_WITH_TIMEOUT((output += launcher.readAllStandardOutput()).contains("epoch 1/200"), 300000);
    // The ranks are the launcher's children; kill one as the kernel's OOM killer would.
    QProcess children;
    children.start("pgrep", {"-P", QString::number(launcher.processId())});
    QVERIFY(children.waitForFinished());
    const QStringList pids = QString::fromUtf8(children.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(pids.size(), 2);
    ::kill(pid_t(pids.last().toLongLong()), SIGKILL);
    QVERIFY(launcher.waitForFinished(120000));
    QCOMPARE(launcher.exitStatus(), QProcess::NormalExit);
    QVERIFY(launcher.exitCode() != 0);
    const QString err = QString::fromUtf8(launcher.readAllStandardError());
    QVERIFY2(err.contains(QRegularExpression("rank [01] of 2 crashed")), qPrintable(err));
    QVERIFY2(err.contains("the other ranks were stopped"), qPrintable(err));
    // No rank is left behind.
    for (const QString &pid : pids)
        QVERIFY2(!QFile::exists("/proc/" + pid), qPrintable(pid));
}

std::size_t TestDistributedCli::stopAfterFirstEpoch(const QString &runDir, int epochs) const
{
    QProcess launcher;
    launcher.setProcessEnvironment(environment());
    launcher.start(TAGWISE_CLI_PATH, trainArgs(runDir, epochs) << "--nproc" << "2");
    [&] {
        QVERIFY(launcher.waitForStarted());
        const QByteArray first = QStringLiteral("epoch 1/%1").arg(epochs).toUtf8();
        QByteArray output;
        QTRY_VERIFY_WITH_TIMEOUT((output += launcher.readAllStandardOutput()).contains(first), 300000);
        ::kill(pid_t(launcher.processId()), SIGINT); // Ctrl+C
        QVERIFY(launcher.waitForFinished(120000));
        QCOMPARE(launcher.exitCode(), 1);
        const QString err = QString::fromUtf8(launcher.readAllStandardError());
        QVERIFY2(err.contains("continue with: tagwise-cli train --resume " + runDir), qPrintable(err));
    }();
    if (QTest::currentTestFailed())
        return 0;
    const auto done = ml::readJsonFile(QString(runDir + "/metrics.json").toStdString()).at("epochs").size();
    [&] { QVERIFY(done >= 1 && done < std::size_t(epochs)); }();
    return done;
}

void TestDistributedCli::stoppedJobResumes()
{
    const QString runDir = path("stopped");
    const std::size_t done = stopAfterFirstEpoch(runDir, 8);
    if (QTest::currentTestFailed())
        return;

    const Finished resumed = run({"train", "--resume", runDir, "--nproc", "2"}, environment());
    QVERIFY2(resumed.code == 0, qPrintable(resumed.err));
    QVERIFY2(resumed.out.contains(QStringLiteral("resuming after epoch %1").arg(done)), qPrintable(resumed.out));
    QVERIFY2(resumed.out.contains("on each of 2 ranks"), qPrintable(resumed.out));
    const ml::Json metrics = ml::readJsonFile(QString(runDir + "/metrics.json").toStdString());
    QCOMPARE(metrics.at("status").get<std::string>(), std::string("finished"));
    QCOMPARE(metrics.at("epochs").size(), std::size_t(8));
    QVERIFY(QFile::exists(runDir + "/model/bundle.json"));
}

void TestDistributedCli::resumeNeedsTheRunOnRankZeroAlone()
{
    // A job over two machines: the run folder lies on rank 0's alone; rank 1 names a
    // folder that does not exist there. Rank 0 sends what a resume reads.
    const QString runDir = path("first-machine");
    const std::size_t done = stopAfterFirstEpoch(runDir, 4);
    if (QTest::currentTestFailed())
        return;

    const QString elsewhere = path("second-machine/run");
    QProcess rank0, rank1;
    const int port = freePort();
    startRank(rank0, 0, port, {"train", "--resume", runDir, "--threads", "1"});
    startRank(rank1, 1, port, {"train", "--resume", elsewhere, "--threads", "1"});
    QVERIFY(rank0.waitForFinished(300000));
    QVERIFY(rank1.waitForFinished(60000));
    const QString out = QString::fromUtf8(rank0.readAllStandardOutput());
    QVERIFY2(rank0.exitCode() == 0, qPrintable(QString::fromUtf8(rank0.readAllStandardError()) + out));
    QVERIFY2(rank1.exitCode() == 0, qPrintable(QString::fromUtf8(rank1.readAllStandardError())));
    QVERIFY2(out.contains(QStringLiteral("resuming after epoch %1").arg(done)), qPrintable(out));
    QVERIFY2(out.contains("on each of 2 ranks"), qPrintable(out));
    const ml::Json metrics = ml::readJsonFile(QString(runDir + "/metrics.json").toStdString());
    QCOMPARE(metrics.at("status").get<std::string>(), std::string("finished"));
    QCOMPARE(metrics.at("epochs").size(), std::size_t(4));
    // Rank 1 wrote no run of its own.
    QVERIFY(!QFile::exists(elsewhere + "/last.pt") && !QFile::exists(elsewhere + "/config.json"));

    // Without a run on rank 0, each rank says so, and neither waits for the other.
    QProcess none0, none1;
    const int port2 = freePort();
    startRank(none0, 0, port2, {"train", "--resume", path("no-run"), "--threads", "1"});
    startRank(none1, 1, port2, {"train", "--resume", runDir, "--threads", "1"});
    QVERIFY(none0.waitForFinished(120000));
    QVERIFY(none1.waitForFinished(120000));
    QCOMPARE(none0.exitCode(), 1);
    QCOMPARE(none1.exitCode(), 1);
    const QString err1 = QString::fromUtf8(none1.readAllStandardError());
    QVERIFY2(err1.contains("data-parallel resume: rank 0 has no config.json in its run folder to resume from"),
             qPrintable(err1));
}

void TestDistributedCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<bool>("asRank"); // started with torchrun's variables
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");

    QTest::newRow("--find-lr") << QStringList{"--nproc", "2", "--find-lr"} << false << 2
                               << "--find-lr runs in one process";
    QTest::newRow("--nproc in a rank") << QStringList{"--nproc", "2"} << true << 2
                                       << "--nproc launches the ranks itself";
    QTest::newRow("batch that does not split") << QStringList{"--nproc", "2", "--batch=15"} << false << 1
                                               << "a batch of 15 does not split into 2 equal shares";
}

void TestDistributedCli::usageErrors()
{
    QFETCH(QStringList, extra);
    QFETCH(bool, asRank);
    QFETCH(int, code);
    QFETCH(QString, message);
    QProcessEnvironment env = environment();
    if (asRank) {
        env.insert("MASTER_ADDR", "127.0.0.1");
        env.insert("MASTER_PORT", QString::number(freePort()));
        env.insert("RANK", "0");
        env.insert("WORLD_SIZE", "2");
    }
    QStringList args = trainArgs(path("usage"), 1);
    const qsizetype out = args.indexOf("--out");
    if (extra.contains("--find-lr"))
        args.remove(out, 2);
    if (extra.contains("--batch=15"))
        args.remove(args.indexOf("--batch"), 2);
    const Finished result = run(args + extra, env, 120000);
    QCOMPARE(result.code, code);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
}

QTEST_GUILESS_MAIN(TestDistributedCli)
#include "tst_distributedcli.moc"
