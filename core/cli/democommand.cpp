#include "core/cli/democommand.h"

#include "core/cli/commands.h"
#include "core/cli/options.h"
#include "core/cli/mosaicscommand.h"
#include "core/imaging/fashionmnist.h"
#include "core/imaging/imagingerror.h"
#include "core/imaging/mosaicbuilder.h"
#include "core/project/folderscanner.h"
#include "core/project/projecterror.h"
#include "core/project/projectstore.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>

#include <optional>

namespace tagwise::cli {

namespace {

const char *const kUsage = "usage: tagwise-cli demo --out DIR [--count N] [--seed S] [--data DIR]\n";

int usageError(QTextStream &err, const QString &message)
{
    return reportUsageError(err, "demo", message, kUsage);
}

}

int runDemo(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption outOption(QStringLiteral("out"), QString(), QStringLiteral("DIR"));
    const QCommandLineOption countOption(QStringLiteral("count"), QString(), QStringLiteral("N"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QString(), QStringLiteral("S"));
    const QCommandLineOption dataOption(QStringLiteral("data"), QString(), QStringLiteral("DIR"));
    parser.addOptions({outOption, countOption, seedOption, dataOption});
    if (!parser.parse(QStringList{QStringLiteral("demo")} + args))
        return usageError(err, parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return usageError(err, QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    for (const QString &name : parser.optionNames()) {
        if (parser.values(name).size() > 1)
            return usageError(err, QStringLiteral("--%1 given more than once").arg(name));
    }
    if (!parser.isSet(outOption))
        return usageError(err, QStringLiteral("--out is required"));
    int count = 300;
    if (parser.isSet(countOption)) {
        bool ok = false;
        count = parser.value(countOption).toInt(&ok);
        if (!ok || count < 1 || count > 100000)
            return usageError(err, QStringLiteral("--count must be a whole number from 1 to 100000, not '%1'")
                                       .arg(parser.value(countOption)));
    }
    quint64 seed = 1;
    if (parser.isSet(seedOption)) {
        bool ok = false;
        seed = parser.value(seedOption).toULongLong(&ok);
        if (!ok)
            return usageError(err, QStringLiteral("--seed must be a whole number, not '%1'").arg(parser.value(seedOption)));
    }

    const QString root = QDir(parser.value(outOption)).absolutePath();
    const QString rootName = QDir::toNativeSeparators(root);
    if (ProjectStore::exists(root)) {
        err << "tagwise-cli demo: " << rootName << ": already holds a Tagwise project\n";
        return ExitFailure;
    }
    const QFileInfo rootInfo(root);
    if (rootInfo.exists() && (!rootInfo.isDir() || !QDir(root).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))) {
        err << "tagwise-cli demo: " << rootName << ": not an empty folder; the demo needs a new or empty one\n";
        return ExitFailure;
    }

    std::optional<FashionMnist> data;
    try {
        data.emplace(FashionMnist::load(
            FashionMnist::Part::Train,
            parser.isSet(dataOption) ? parser.value(dataOption) : FashionMnist::defaultDirectory()));
    } catch (const ImagingError &e) {
        err << "tagwise-cli demo: " << e.message() << '\n';
        return ExitFailure;
    }

    // From here on the folder is ours (new or empty): on failure it goes again,
    // so that a half-made demo is never taken for a project.
    const bool created = !rootInfo.exists();
    auto cleanUp = [&] {
        QDir dir(root);
        if (created)
            dir.removeRecursively();
        else
            for (const QString &entry : dir.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
                if (QFileInfo(dir.filePath(entry)).isDir())
                    QDir(dir.filePath(entry)).removeRecursively();
                else
                    dir.remove(entry);
            }
    };
    try {
        if (!QDir().mkpath(root))
            throw ImagingError(QStringLiteral("%1: cannot create the folder").arg(rootName));
        const MosaicBuilder builder(*data, MosaicOptions(), seed);
        const std::vector<WrittenMosaic> written = writeMosaics(builder, root, QStringLiteral("demo"), 0, count, false, 0);

        const std::unique_ptr<ProjectStore> store = ProjectStore::open(root);
        for (const QString &tag : FashionMnist::tagNames()) // in class order, so keys 1..9 follow it
            store->addTag(tag);
        FolderScanner scanner(root);
        store->applyScan(scanner.scan());

        QList<ImageTags> rows;
        for (std::size_t i = 0; i < written.size(); ++i) {
            if (i % 3 != 2) // every third image stays untagged and unreviewed
                rows.append({written[i].relativePath, written[i].tags});
        }
        store->applyImageTags(rows, true);
        if (store->imageCount() != count)
            throw ProjectError(QStringLiteral("%1: the scan found %2 images, %3 were written")
                                   .arg(rootName).arg(store->imageCount()).arg(count));
        out << "demo: made a project in " << rootName << " with " << count << " images, " << rows.size()
            << " tagged and " << (count - rows.size()) << " left to label\n";
    } catch (const ImagingError &e) {
        cleanUp();
        err << "tagwise-cli demo: " << e.message() << '\n';
        return ExitFailure;
    } catch (const ProjectError &e) {
        cleanUp();
        err << "tagwise-cli demo: " << e.message() << '\n';
        return ExitFailure;
    }
    return ExitOk;
}

}
