#include "core/cli/cli.h"
#include "core/cli/commands.h"

#include <QTextStream>
#include <QtTest>

using namespace tagwise;

class TestCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpOfEveryCommand_data();
    void helpOfEveryCommand();
    void usageErrors_data();
    void usageErrors();
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

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
