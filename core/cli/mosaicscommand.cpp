#include "core/cli/mosaicscommand.h"

#include "core/cli/commands.h"
#include "core/cli/options.h"
#include "core/imaging/fashionmnist.h"
#include "core/imaging/imagingerror.h"
#include "core/imaging/mosaicbuilder.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSaveFile>
#include <QTextStream>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

namespace tagwise::cli {

namespace {

const char *const kUsage =
    "usage: tagwise-cli mosaics --out DIR --count N [--source train|test] [--seed S] [--cell PX]\n"
    "                           [--min-items N] [--max-items N] [--layout csv|folders] [--start K]\n"
    "                           [--threads N] [--data DIR]\n";

int usageError(QTextStream &err, const QString &message)
{
    return reportUsageError(err, "mosaics", message, kUsage);
}

/// The integer value of option \a name within [lo, hi], or an error message.
bool intOption(const QCommandLineParser &parser, const QString &name, qint64 lo, qint64 hi, qint64 *value,
               QString *error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const qint64 v = parser.value(name).toLongLong(&ok);
    if (!ok || v < lo || v > hi) {
        *error = QStringLiteral("--%1 must be a whole number from %2 to %3, not '%4'")
                     .arg(name).arg(lo).arg(hi).arg(parser.value(name));
        return false;
    }
    *value = v;
    return true;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    // A plain write, not QSaveFile: its fsync per file would cost more than making
    // the image, and a set cut short by a crash is simply made again.
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size() || !file.flush())
        throw ImagingError(QStringLiteral("%1: cannot be written (%2)").arg(QDir::toNativeSeparators(path), file.errorString()));
}

}

std::vector<WrittenMosaic> writeMosaics(const MosaicBuilder &builder, const QString &dir, const QString &prefix,
                                        qint64 start, qint64 count, bool folders, int threads)
{
    const QDir root(dir);
    if (folders) {
        for (const QString &tag : FashionMnist::tagNames()) {
            if (!root.mkpath(tag))
                throw ImagingError(QStringLiteral("%1: cannot create the folder").arg(QDir::toNativeSeparators(root.filePath(tag))));
        }
    } else if (!root.mkpath(QStringLiteral("images"))) {
        throw ImagingError(QStringLiteral("%1: cannot create the folder")
                               .arg(QDir::toNativeSeparators(root.filePath(QStringLiteral("images")))));
    }

    std::vector<WrittenMosaic> written(std::size_t(std::max<qint64>(count, 0)));
    std::atomic<qint64> next{0};
    std::atomic<bool> failed{false};
    std::mutex errorMutex;
    QString firstError;
    auto work = [&] {
        while (!failed.load()) {
            const qint64 i = next.fetch_add(1);
            if (i >= count)
                return;
            try {
                const qint64 index = start + i;
                const Mosaic mosaic = builder.build(index);
                if (folders && mosaic.tags.size() != 1)
                    throw ImagingError(QStringLiteral("a folder-per-class set needs exactly one garment per image"));
                const QString name = QStringLiteral("%1_%2.png").arg(prefix).arg(index, 6, 10, QLatin1Char('0'));
                const QString relative = (folders ? mosaic.tags.first() : QStringLiteral("images")) + QLatin1Char('/') + name;
                writeFile(root.filePath(relative), MosaicBuilder::encodePng(mosaic.image));
                written[std::size_t(i)] = {relative, mosaic.tags};
            } catch (const ImagingError &e) {
                std::lock_guard lock(errorMutex);
                if (!failed.exchange(true))
                    firstError = e.message();
            }
        }
    };
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    const qint64 threadCount = std::clamp<qint64>(threads > 0 ? threads : cores, 1, std::max<qint64>(count, 1));
    {
        std::vector<std::jthread> workers;
        for (qint64 t = 0; t < threadCount; ++t)
            workers.emplace_back(work);
    }
    if (failed.load())
        throw ImagingError(firstError);
    return written;
}

int runMosaics(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption outOption(QStringLiteral("out"), QString(), QStringLiteral("DIR"));
    const QCommandLineOption countOption(QStringLiteral("count"), QString(), QStringLiteral("N"));
    const QCommandLineOption sourceOption(QStringLiteral("source"), QString(), QStringLiteral("PART"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QString(), QStringLiteral("S"));
    const QCommandLineOption cellOption(QStringLiteral("cell"), QString(), QStringLiteral("PX"));
    const QCommandLineOption minOption(QStringLiteral("min-items"), QString(), QStringLiteral("N"));
    const QCommandLineOption maxOption(QStringLiteral("max-items"), QString(), QStringLiteral("N"));
    const QCommandLineOption layoutOption(QStringLiteral("layout"), QString(), QStringLiteral("LAYOUT"));
    const QCommandLineOption startOption(QStringLiteral("start"), QString(), QStringLiteral("K"));
    const QCommandLineOption threadsOption(QStringLiteral("threads"), QString(), QStringLiteral("N"));
    const QCommandLineOption dataOption(QStringLiteral("data"), QString(), QStringLiteral("DIR"));
    parser.addOptions({outOption, countOption, sourceOption, seedOption, cellOption, minOption, maxOption,
                       layoutOption, startOption, threadsOption, dataOption});
    if (!parser.parse(QStringList{QStringLiteral("mosaics")} + args))
        return usageError(err, parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return usageError(err, QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    for (const QString &name : parser.optionNames()) {
        if (parser.values(name).size() > 1)
            return usageError(err, QStringLiteral("--%1 given more than once").arg(name));
    }
    if (!parser.isSet(outOption))
        return usageError(err, QStringLiteral("--out is required"));
    if (!parser.isSet(countOption))
        return usageError(err, QStringLiteral("--count is required"));

    const QString source = parser.isSet(sourceOption) ? parser.value(sourceOption) : QStringLiteral("train");
    if (source != QLatin1String("train") && source != QLatin1String("test"))
        return usageError(err, QStringLiteral("--source must be train or test, not '%1'").arg(source));
    const QString layout = parser.isSet(layoutOption) ? parser.value(layoutOption) : QStringLiteral("csv");
    if (layout != QLatin1String("csv") && layout != QLatin1String("folders"))
        return usageError(err, QStringLiteral("--layout must be csv or folders, not '%1'").arg(layout));
    const bool folders = layout == QLatin1String("folders");

    quint64 seed = 1;
    if (parser.isSet(seedOption)) {
        bool ok = false;
        seed = parser.value(seedOption).toULongLong(&ok);
        if (!ok)
            return usageError(err, QStringLiteral("--seed must be a whole number, not '%1'").arg(parser.value(seedOption)));
    }
    qint64 count = 0;
    qint64 start = 0;
    qint64 cell = 32;
    qint64 minItems = 1;
    qint64 maxItems = folders ? 1 : 4;
    qint64 threads = 0;
    QString error;
    if (!intOption(parser, QStringLiteral("count"), 1, 100'000'000, &count, &error)
        || !intOption(parser, QStringLiteral("start"), 0, 1'000'000'000'000, &start, &error)
        || !intOption(parser, QStringLiteral("cell"), 8, 1024, &cell, &error)
        || !intOption(parser, QStringLiteral("min-items"), 1, 4, &minItems, &error)
        || !intOption(parser, QStringLiteral("max-items"), 1, 4, &maxItems, &error)
        || !intOption(parser, QStringLiteral("threads"), 0, 1024, &threads, &error))
        return usageError(err, error);
    if (minItems > maxItems)
        return usageError(err, QStringLiteral("--min-items (%1) is more than --max-items (%2)").arg(minItems).arg(maxItems));
    if (folders && maxItems != 1)
        return usageError(err, QStringLiteral("--layout folders makes single-label images: --max-items must be 1"));

    const QString dir = parser.value(outOption);
    const QString dataDir = parser.isSet(dataOption) ? parser.value(dataOption) : FashionMnist::defaultDirectory();
    try {
        QElapsedTimer timer;
        timer.start();
        const FashionMnist data = FashionMnist::load(
            source == QLatin1String("train") ? FashionMnist::Part::Train : FashionMnist::Part::Test, dataDir);
        MosaicOptions options;
        options.cell = int(cell);
        options.minItems = int(minItems);
        options.maxItems = int(maxItems);
        const MosaicBuilder builder(data, options, seed);
        const std::vector<WrittenMosaic> written = writeMosaics(builder, dir, source, start, count, folders, int(threads));

        QList<int> perTag(FashionMnist::ClassCount, 0);
        for (const WrittenMosaic &image : written) {
            for (const QString &tag : image.tags)
                ++perTag[FashionMnist::tagNames().indexOf(tag)];
        }
        QString where = QDir::toNativeSeparators(QDir(dir).filePath(folders ? QString() : QStringLiteral("images")));
        if (!folders) {
            const QString csvPath = QDir(dir).filePath(QStringLiteral("labels.csv"));
            QByteArray csv("image_name,tags\n");
            for (const WrittenMosaic &image : written) {
                const QString name = image.relativePath.section(QLatin1Char('/'), -1).chopped(4); // no ".png"
                csv += name.toUtf8() + ',' + image.tags.join(QLatin1Char(' ')).toUtf8() + '\n';
            }
            QSaveFile file(csvPath);
            if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit())
                throw ImagingError(QStringLiteral("%1: cannot be written (%2)").arg(QDir::toNativeSeparators(csvPath), file.errorString()));
            where += QStringLiteral(" and ") + QDir::toNativeSeparators(csvPath);
        }
        out << "mosaics: wrote " << written.size() << " images (" << builder.imageSize() << 'x' << builder.imageSize() << " px) to " << where
            << " in " << QString::number(timer.elapsed() / 1000.0, 'f', 2) << " s\n";
        out << "images per tag:";
        for (int label = 0; label < FashionMnist::ClassCount; ++label)
            out << ' ' << FashionMnist::tagNames().at(label) << '=' << perTag.at(label);
        out << '\n';
    } catch (const ImagingError &e) {
        err << "tagwise-cli mosaics: " << e.message() << '\n';
        return ExitFailure;
    }
    return ExitOk;
}

}
