#include "core/cli/ranklauncher.h"

#include "core/cli/commands.h"
#include "core/cli/signalstop.h"
#include "core/ml/distributed.h"
#include "core/project/projecterror.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QHostAddress>
#include <QProcess>
#include <QTcpServer>
#include <QTextStream>
#include <QTimer>

#include <memory>
#include <vector>

namespace tagwise::cli {

namespace {

/// A loopback port nothing listens on now (the job's store takes it a moment later).
int freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        throw ProjectError(QStringLiteral("no free port on 127.0.0.1 for the job: %1").arg(probe.errorString()));
    return probe.serverPort();
}

}

int launchLocalRanks(const QStringList &trainArgs, int ranks, QTextStream &out, QTextStream &err, int graceSeconds)
{
    ml::DistributedEnv job;
    job.masterAddress = "127.0.0.1";
    job.masterPort = freeLoopbackPort();
    job.worldSize = ranks;

    std::vector<std::unique_ptr<QProcess>> processes;
    QEventLoop loop;
    int running = ranks;
    int failedRank = -1;
    int failedCode = ExitOk;
    int rankZeroCode = ExitFailure;
    bool interrupted = false;
    QTimer killer;
    killer.setSingleShot(true);
    QObject::connect(&killer, &QTimer::timeout, &loop, [&] {
        for (auto &process : processes) {
            if (process->state() != QProcess::NotRunning)
                process->kill();
        }
    });
    const auto endOthers = [&] {
        for (auto &process : processes) {
            if (process->state() != QProcess::NotRunning)
                process->terminate();
        }
        if (!killer.isActive())
            killer.start(graceSeconds * 1000);
    };

    for (int rank = 0; rank < ranks; ++rank) {
        job.rank = rank;
        job.localRank = rank;
        auto process = std::make_unique<QProcess>();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const auto &[name, value] : job.variables())
            environment.insert(QString::fromStdString(name), QString::fromStdString(value));
        process->setProcessEnvironment(environment);
        QProcess *p = process.get();
        // Rank 0 speaks for the job; the others' output is the same and is dropped, their errors are not.
        const auto passOutput = [p, rank, &out] {
            const QByteArray text = p->readAllStandardOutput();
            if (rank == 0) {
                out << QString::fromUtf8(text);
                out.flush();
            }
        };
        const auto passErrors = [p, rank, &err] {
            p->setReadChannel(QProcess::StandardError);
            while (p->canReadLine() || (p->state() == QProcess::NotRunning && p->bytesAvailable() > 0)) {
                const QString line = QString::fromUtf8(p->readLine());
                err << (rank == 0 ? QString() : QStringLiteral("[rank %1] ").arg(rank)) << line;
                if (!line.endsWith(QLatin1Char('\n')))
                    err << '\n';
            }
            err.flush();
        };
        QObject::connect(p, &QProcess::readyReadStandardOutput, &loop, passOutput);
        QObject::connect(p, &QProcess::readyReadStandardError, &loop, passErrors);
        QObject::connect(p, &QProcess::finished, &loop, [&, rank, passOutput, passErrors](int code, QProcess::ExitStatus status) {
            passOutput();
            passErrors();
            const int exitCode = status == QProcess::CrashExit ? ExitFailure : code;
            if (rank == 0)
                rankZeroCode = exitCode;
            if (exitCode != ExitOk && failedRank < 0 && !interrupted) {
                failedRank = rank;
                failedCode = exitCode;
                if (status == QProcess::CrashExit)
                    err << "tagwise-cli train: rank " << rank << " of " << ranks << " crashed\n";
                endOthers();
            }
            if (--running == 0)
                loop.quit();
        });
        QObject::connect(p, &QProcess::errorOccurred, &loop, [&, p, rank](QProcess::ProcessError error) {
            if (error != QProcess::FailedToStart)
                return;
            err << "tagwise-cli train: cannot start rank " << rank << ": " << p->errorString() << '\n';
            if (failedRank < 0) {
                failedRank = rank;
                failedCode = ExitFailure;
            }
            endOthers();
            if (--running == 0)
                loop.quit();
        });
        processes.push_back(std::move(process));
    }
    const SignalStop signalStop(&loop, [&] {
        interrupted = true;
        for (auto &process : processes) {
            if (process->state() != QProcess::NotRunning)
                process->terminate();
        }
    });
    for (auto &process : processes)
        process->start(QCoreApplication::applicationFilePath(), QStringList{QStringLiteral("train")} + trainArgs);
    if (running > 0)
        loop.exec();
    err.flush();
    if (failedRank < 0 || interrupted)
        return rankZeroCode;
    err << "tagwise-cli train: rank " << failedRank << " of " << ranks << " failed (exit code " << failedCode
        << "); the other ranks were stopped\n";
    return failedCode;
}

}
