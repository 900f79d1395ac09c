#include "core/cli/mosaicscommand.h"

#include "core/io/atomicwrite.h"

#include "core/cli/commands.h"
#include "core/cli/options.h"
#include "core/imaging/fashionmnist.h"
#include "core/imaging/imagingerror.h"
#include "core/imaging/mosaicbuilder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

namespace tagwise::cli {

namespace {

const char *const kUsage =
    "usage: tagwise-cli mosaics --out DIR --count N [--source train|test] [--seed S] [--cell PX]\n"
    "                           [--min-items N] [--max-items N] [--colours] [--layout csv|folders] [--start K]\n"
    "                           [--threads N] [--data DIR]\n";

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
    return runCommand("mosaics", kUsage, err, [&] {
        Options options({"out", "count", "source", "seed", "cell", "min-items", "max-items", "layout", "start",
                         "threads", "data"},
                        {"colours"});
        options.parse(args);
        const QString dir = options.required(QStringLiteral("out"));
        if (!options.isSet(QStringLiteral("count")))
            throw UsageError(QStringLiteral("--count is required"));
        const int count = options.integer(QStringLiteral("count"), 0, 1, 100'000'000);
        const QString source = options.choice(QStringLiteral("source"), QStringLiteral("train"), {"train", "test"});
        const bool folders =
            options.choice(QStringLiteral("layout"), QStringLiteral("csv"), {"csv", "folders"}) == QLatin1String("folders");
        const quint64 seed = options.unsignedInteger(QStringLiteral("seed"), 1);
        const int start = options.integer(QStringLiteral("start"), 0, 0, 2'000'000'000);
        MosaicOptions mosaic;
        mosaic.cell = options.integer(QStringLiteral("cell"), 32, 8, 1024);
        mosaic.minItems = options.integer(QStringLiteral("min-items"), 1, 1, 4);
        mosaic.maxItems = options.integer(QStringLiteral("max-items"), folders ? 1 : 4, 1, 4);
        mosaic.colourTags = options.isSet(QStringLiteral("colours"));
        if (folders && mosaic.colourTags)
            throw UsageError(QStringLiteral("--colours makes multi-label images: it does not go with --layout folders"));
        const int threads = options.integer(QStringLiteral("threads"), 0, 0, 1024);
        if (mosaic.minItems > mosaic.maxItems)
            throw UsageError(QStringLiteral("--min-items (%1) is more than --max-items (%2)")
                                 .arg(mosaic.minItems).arg(mosaic.maxItems));
        if (folders && mosaic.maxItems != 1)
            throw UsageError(QStringLiteral("--layout folders makes single-label images: --max-items must be 1"));

        const QString dataDir = options.isSet(QStringLiteral("data")) ? options.value(QStringLiteral("data"))
                                                                       : FashionMnist::defaultDirectory();
        QElapsedTimer timer;
        timer.start();
        const FashionMnist data = FashionMnist::load(
            source == QLatin1String("train") ? FashionMnist::Part::Train : FashionMnist::Part::Test, dataDir);
        const MosaicBuilder builder(data, mosaic, seed);
        const std::vector<WrittenMosaic> written = writeMosaics(builder, dir, source, start, count, folders, threads);

        const QStringList tagNames = FashionMnist::tagNames() + (mosaic.colourTags ? MosaicBuilder::colourNames() : QStringList());
        QList<int> perTag(tagNames.size(), 0);
        for (const WrittenMosaic &image : written) {
            for (const QString &tag : image.tags)
                ++perTag[tagNames.indexOf(tag)];
        }
        QString where = QDir::toNativeSeparators(QDir(dir).filePath(folders ? QString() : QStringLiteral("images")));
        if (!folders) {
            const QString csvPath = QDir(dir).filePath(QStringLiteral("labels.csv"));
            QByteArray csv("image_name,tags\n");
            for (const WrittenMosaic &image : written) {
                const QString name = image.relativePath.section(QLatin1Char('/'), -1).chopped(4); // no ".png"
                csv += name.toUtf8() + ',' + image.tags.join(QLatin1Char(' ')).toUtf8() + '\n';
            }
            if (const QString error = io::writeFileAtomically(csvPath, csv); !error.isEmpty())
                throw ImagingError(error);
            where += QStringLiteral(" and ") + QDir::toNativeSeparators(csvPath);
        }
        out << "mosaics: wrote " << written.size() << " images (" << builder.imageSize() << 'x' << builder.imageSize() << " px) to " << where
            << " in " << QString::number(timer.elapsed() / 1000.0, 'f', 2) << " s\n";
        out << "images per tag:";
        for (qsizetype tag = 0; tag < tagNames.size(); ++tag)
            out << ' ' << tagNames.at(tag) << '=' << perTag.at(tag);
        out << '\n';
        return ExitOk;
    });
}

}
