// scripts/libtorch, which setup asks for the LibTorch to build against: run
// on made-up LibTorch archives and pip PyTorch folders (a TorchConfig.cmake,
// a version.py, a libtorch_cuda.so that is an empty file) with a made-up
// python3 and nvcc, so that every choice can be seen on a machine without a
// GPU or a second LibTorch.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kScript = QStringLiteral(TAGWISE_SOURCE_DIR "/scripts/libtorch");

void writeFile(const QString &path, const QByteArray &text, bool executable = false)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    file.write(text);
    file.close();
    if (executable)
        QVERIFY(file.setPermissions(file.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeUser));
}

QByteArray torchConfig(bool oldAbi)
{
    return QByteArrayLiteral("# TorchConfig.cmake\nset(TORCH_CXX_FLAGS \"-D_GLIBCXX_USE_CXX11_ABI=")
           + (oldAbi ? "0" : "1") + "\")\n";
}

struct Outcome
{
    int exitCode = -1;
    QString dir;     // stdout, trimmed
    QString message; // stderr
};

}

class TestLibTorchChoice : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void choice_data();
    void choice();

private:
    Outcome run(const QProcessEnvironment &environment);
};

Outcome TestLibTorchChoice::run(const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral("bash"), {kScript});
    Outcome outcome;
    if (!process.waitForFinished(30000))
        return outcome;
    outcome.exitCode = process.exitCode();
    outcome.dir = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    outcome.message = QString::fromUtf8(process.readAllStandardError());
    return outcome;
}

void TestLibTorchChoice::choice_data()
{
    QTest::addColumn<QString>("archive");     // TAGWISE_TORCH_DIR's kind: "", cpu, cuda, old-abi, empty
    QTest::addColumn<QString>("pip");         // the pip PyTorch's kind: "", cpu, cuda, old-abi
    QTest::addColumn<bool>("nvcc");           // a CUDA toolkit on PATH
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("chosen");      // debian, archive, pip
    QTest::addColumn<QString>("says");

    QTest::newRow("nothing: Debian's") << "" << "" << false << 0 << "debian" << "from Debian";
    QTest::newRow("pip for the CPU: Debian's") << "" << "cpu" << true << 0 << "debian" << "from Debian";
    QTest::newRow("pip with CUDA") << "" << "cuda" << true << 0 << "pip" << "LibTorch with CUDA 12.8 from the PyTorch at";
    QTest::newRow("pip with CUDA, no toolkit") << "" << "cuda" << false << 0 << "debian" << "needs the CUDA toolkit (nvcc)";
    QTest::newRow("pip with the old ABI") << "" << "old-abi" << true << 0 << "debian" << "pre-C++11 ABI";
    QTest::newRow("archive for the CPU") << "cpu" << "cuda" << true << 0 << "archive" << "LibTorch for the CPU from TAGWISE_TORCH_DIR";
    QTest::newRow("archive with CUDA") << "cuda" << "" << true << 0 << "archive" << "LibTorch with CUDA from TAGWISE_TORCH_DIR";
    QTest::newRow("archive with CUDA, no toolkit") << "cuda" << "" << false << 1 << "" << "needs the CUDA toolkit (nvcc), which is not installed";
    QTest::newRow("archive with the old ABI") << "old-abi" << "" << true << 1 << "" << "pre-C++11 ABI";
    QTest::newRow("not an archive") << "empty" << "cuda" << true << 1 << "" << "no share/cmake/Torch/TorchConfig.cmake there";
}

void TestLibTorchChoice::choice()
{
    QFETCH(QString, archive);
    QFETCH(QString, pip);
    QFETCH(bool, nvcc);
    QFETCH(int, exitCode);
    QFETCH(QString, chosen);
    QFETCH(QString, says);
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const QString root = temp.path();
    const QString bin = root + QStringLiteral("/bin");
    QVERIFY(QDir().mkpath(bin));

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"TAGWISE_TORCH_DIR", "CUDAToolkit_ROOT", "CUDA_PATH", "CUDA_HOME"})
        environment.remove(QString::fromLatin1(name));
    // Only the system's tools and the made-up ones: no real nvcc or python3 of this
    // machine, nor a CUDA toolkit in its default place (/usr/local/cuda).
    environment.insert(QStringLiteral("PATH"), bin + QStringLiteral(":/usr/bin:/bin"));
    environment.insert(QStringLiteral("TAGWISE_CUDA_DEFAULT_ROOT"), root + QStringLiteral("/no-cuda"));
    if (nvcc)
        writeFile(bin + QStringLiteral("/nvcc"), "#!/bin/sh\necho 'Cuda compilation tools, release 12.8'\n", true);

    const QString pipTorch = root + QStringLiteral("/site-packages/torch");
    if (pip.isEmpty()) {
        writeFile(bin + QStringLiteral("/python3"), "#!/bin/sh\necho\n", true);
    } else {
        writeFile(bin + QStringLiteral("/python3"), "#!/bin/sh\necho '" + pipTorch.toUtf8() + "'\n", true);
        writeFile(pipTorch + QStringLiteral("/version.py"),
                  pip == QLatin1String("cpu") ? "__version__ = '2.11.0+cpu'\ncuda: Optional[str] = None\n"
                                               : "__version__ = '2.11.0+cu128'\ncuda: Optional[str] = '12.8'\n");
        writeFile(pipTorch + QStringLiteral("/share/cmake/Torch/TorchConfig.cmake"), torchConfig(pip == QLatin1String("old-abi")));
    }

    const QString archiveRoot = root + QStringLiteral("/libtorch");
    if (!archive.isEmpty()) {
        QVERIFY(QDir().mkpath(archiveRoot + QStringLiteral("/lib")));
        if (archive != QLatin1String("empty"))
            writeFile(archiveRoot + QStringLiteral("/share/cmake/Torch/TorchConfig.cmake"),
                      torchConfig(archive == QLatin1String("old-abi")));
        if (archive == QLatin1String("cuda"))
            writeFile(archiveRoot + QStringLiteral("/lib/libtorch_cuda.so"), QByteArray());
        environment.insert(QStringLiteral("TAGWISE_TORCH_DIR"), archiveRoot + QLatin1Char('/'));
    }

    const Outcome outcome = run(environment);
    QVERIFY2(outcome.message.contains(says), qPrintable(outcome.message));
    QCOMPARE(outcome.exitCode, exitCode);
    if (exitCode != 0) {
        QVERIFY(outcome.dir.isEmpty());
        // The error names what was given.
        QVERIFY2(outcome.message.contains(QStringLiteral("TAGWISE_TORCH_DIR=") + archiveRoot), qPrintable(outcome.message));
        return;
    }
    if (chosen == QLatin1String("debian")) {
        QVERIFY2(outcome.dir.startsWith(QStringLiteral("/usr/lib/")) && outcome.dir.endsWith(QStringLiteral("/cmake/Torch")),
                 qPrintable(outcome.dir));
    } else if (chosen == QLatin1String("pip")) {
        QCOMPARE(outcome.dir, pipTorch + QStringLiteral("/share/cmake/Torch"));
    } else {
        QCOMPARE(outcome.dir, archiveRoot + QStringLiteral("/share/cmake/Torch"));
    }
}

QTEST_GUILESS_MAIN(TestLibTorchChoice)
#include "tst_libtorchchoice.moc"
