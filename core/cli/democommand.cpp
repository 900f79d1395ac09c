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

#include <QDir>
#include <QFileInfo>
#include <QTextStream>

namespace tagwise::cli {

namespace {

const char *const kUsage = "usage: tagwise-cli demo --out DIR [--count N] [--seed S] [--data DIR]\n";

/// Removes what a failed demo left in \a root: the folder itself when \a created, else its contents.
void cleanUp(const QString &root, bool created)
{
    QDir dir(root);
    if (created) {
        dir.removeRecursively();
        return;
    }
    for (const QString &entry : dir.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
        if (QFileInfo(dir.filePath(entry)).isDir())
            QDir(dir.filePath(entry)).removeRecursively();
        else
            dir.remove(entry);
    }
}

int demo(const QStringList &args, QTextStream &out)
{
    Options options({"out", "count", "seed", "data"}, {});
    options.parse(args);
    const QString root = QDir(options.required(QStringLiteral("out"))).absolutePath();
    const int count = options.integer(QStringLiteral("count"), 300, 1, 100000);
    const quint64 seed = options.unsignedInteger(QStringLiteral("seed"), 1);

    const QString rootName = QDir::toNativeSeparators(root);
    if (ProjectStore::exists(root))
        throw ProjectError(QStringLiteral("%1: already holds a Tagwise project").arg(rootName));
    const QFileInfo rootInfo(root);
    if (rootInfo.exists() && (!rootInfo.isDir() || !QDir(root).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)))
        throw ProjectError(QStringLiteral("%1: not an empty folder; the demo needs a new or empty one").arg(rootName));
    const FashionMnist data = FashionMnist::load(
        FashionMnist::Part::Train,
        options.isSet(QStringLiteral("data")) ? options.value(QStringLiteral("data")) : FashionMnist::defaultDirectory());

    // From here on the folder is ours (new or empty): on failure it goes again,
    // so that a half-made demo is never taken for a project.
    const bool created = !rootInfo.exists();
    try {
        if (!QDir().mkpath(root))
            throw ImagingError(QStringLiteral("%1: cannot create the folder").arg(rootName));
        const MosaicBuilder builder(data, MosaicOptions(), seed);
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
    } catch (...) {
        cleanUp(root, created);
        throw;
    }
    return ExitOk;
}

}

int runDemo(const QStringList &args, QTextStream &out, QTextStream &err)
{
    return runCommand("demo", kUsage, err, [&] { return demo(args, out); });
}

}
