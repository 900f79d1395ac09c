#include "core/cli/cli.h"
#include "core/cli/commands.h"

#include <torch/cuda.h>
#include <torch/version.h>

#include <QFileInfo>
#include <QRegularExpression>
#include <QTextStream>
#include <QtTest>

#include <thread>

using namespace tagwise;

class TestCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpOfEveryCommand_data();
    void helpOfEveryCommand();
    void usageErrors_data();
    void usageErrors();
    void version();
};

void TestCli::helpOfEveryCommand_data()
{
    QTest::addColumn<QString>("command");
    for (const cli::Command &command : cli::commands())
        QTest::newRow(command.name) << QString::fromLatin1(command.name);
    QVERIFY(cli::commands().size() >= 7);
}

void TestCli::helpOfEveryCommand()
{
    QFETCH(QString, command);
    for (const QString &flag : {QStringLiteral("--help"), QStringLiteral("-h")}) {
        QString out, err;
        QTextStream outStream(&out), errStream(&err);
        const int code = cli::run({QStringLiteral("tagwise-cli"), command, flag}, outStream, errStream);
        outStream.flush();
        errStream.flush();
        QCOMPARE(code, int(cli::ExitOk));
        QVERIFY2(out.startsWith(QStringLiteral("usage: tagwise-cli ") + command), qPrintable(out));
        QVERIFY2(err.isEmpty(), qPrintable(err));
    }
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("stream");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no command") << QStringList{} << int(cli::ExitUsage) << "err" << "usage: tagwise-cli COMMAND";
    QTest::newRow("unknown command") << QStringList{QStringLiteral("fly")} << int(cli::ExitUsage) << "err"
                                     << "unknown command 'fly'";
    QTest::newRow("global help") << QStringList{QStringLiteral("--help")} << int(cli::ExitOk) << "out"
                                 << "  train ";
    QTest::newRow("train without options") << QStringList{QStringLiteral("train")} << int(cli::ExitUsage) << "err"
                                           << "usage: tagwise-cli train";
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, stream);
    QFETCH(QString, expected);
    QString out, err;
    QTextStream outStream(&out), errStream(&err);
    QCOMPARE(cli::run(QStringList{QStringLiteral("tagwise-cli")} + args, outStream, errStream), code);
    outStream.flush();
    errStream.flush();
    const QString &text = stream == QLatin1String("out") ? out : err;
    QVERIFY2(text.contains(expected), qPrintable(text));
}

void TestCli::version()
{
    QString out, err;
    QTextStream outStream(&out), errStream(&err);
    QCOMPARE(cli::run({QStringLiteral("tagwise-cli"), QStringLiteral("version")}, outStream, errStream), int(cli::ExitOk));
    outStream.flush();
    errStream.flush();
    QVERIFY2(err.isEmpty(), qPrintable(err));
    const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    QCOMPARE(lines[0], QStringLiteral("Tagwise " TAGWISE_VERSION));
    // The LibTorch of the headers, what it was built for, and the library file this process loaded.
    const QRegularExpression engine(QStringLiteral(R"(^engine: LibTorch (\S+)(, CPU only| with CUDA [0-9.]+.*) \((.+)\)$)"));
    const QRegularExpressionMatch match = engine.match(lines[1]);
    QVERIFY2(match.hasMatch(), qPrintable(lines[1]));
    QCOMPARE(match.captured(1), QStringLiteral(TORCH_VERSION));
    QVERIFY2(QFileInfo::exists(match.captured(3)) && match.captured(3).contains(QStringLiteral("libtorch_cpu")),
             qPrintable(match.captured(3)));
    if (!torch::cuda::is_available()) {
        const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
        QVERIFY2(lines[2].startsWith(cores == 1 ? QStringLiteral("device: CPU, 1 core")
                                                : QStringLiteral("device: CPU, %1 cores").arg(cores)),
                 qPrintable(lines[2]));
    } else {
        QVERIFY2(lines[2].startsWith(QStringLiteral("device: GPU cuda:0")), qPrintable(lines[2]));
    }
    QVERIFY2(lines[3].startsWith(QStringLiteral("data-parallel: ")), qPrintable(lines[3]));
    QVERIFY2(lines[4].startsWith(QStringLiteral("libraries: Qt ")), qPrintable(lines[4]));

    // It takes no arguments.
    out.clear();
    err.clear();
    QCOMPARE(cli::run({QStringLiteral("tagwise-cli"), QStringLiteral("version"), QStringLiteral("--json")}, outStream, errStream),
             int(cli::ExitUsage));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
