// Fuzzes each importer and the image decoder for a while and prints how many
// inputs each took. usage: bench_fuzz [SECONDS_PER_TARGET (60)] [SEED (1)]
// A crash ends the process (and shows the input in the core dump); an
// unexpected exception is printed with the input and makes the exit code 1.

#include "common/fuzztargets.h"
#include "core/formats/formatsfixture.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const double seconds = argc > 1 ? std::atof(argv[1]) : 60.0;
    const unsigned long long seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 1;
    QTemporaryDir dir;
    const QString images = dir.filePath(QStringLiteral("images"));
    for (int i = 0; i < 3; ++i)
        tagwise::test::writeImage(images + QStringLiteral("/%1.png").arg(QChar('a' + i)), i + 1);
    QStringList samples;
    const QString data = QStringLiteral(TAGWISE_TEST_DATA "/formats");
    for (const QString &name : QDir(data).entryList(QDir::Files))
        samples << data + '/' + name;
    const auto targets = tagwise::test::fuzzTargets(dir.path(), images, samples);
    std::printf("%-16s %10s %10s  %s\n", "target", "inputs", "inputs/s", "result");
    int failures = 0;
    long long total = 0;
    for (std::size_t i = 0; i < targets.size(); ++i) {
        const auto result = tagwise::test::runFuzzTarget(targets[i], seed + i, 0, seconds);
        total += result.inputs;
        failures += result.failure.empty() ? 0 : 1;
        std::printf("%-16s %10lld %10.0f  %s\n", targets[i].name.c_str(), result.inputs, double(result.inputs) / seconds,
                    result.failure.empty() ? "no crash, no unexpected error" : result.failure.c_str());
        std::fflush(stdout);
    }
    std::printf("%lld inputs in all, seed %llu, %.0f s per target\n", total, seed, seconds);
    return failures == 0 ? 0 : 1;
}
