#include "core/cli/exportcommand.h"

#include "core/cli/commands.h"
#include "core/cli/options.h"
#include "core/formats/classfolders.h"
#include "core/formats/cocojson.h"
#include "core/formats/exportselection.h"
#include "core/formats/onehotcsv.h"
#include "core/formats/planetcsv.h"
#include "core/formats/vocxml.h"
#include "core/project/projecterror.h"
#include "core/project/projectstore.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace tagwise::cli {

namespace {

const char *const kUsage =
    "usage: tagwise-cli export --project DIR (--csv FILE | --onehot FILE | --coco FILE | --folders DIR | --voc DIR)\n";

int usageError(QTextStream &err, const QString &message)
{
    return reportUsageError(err, "export", message, kUsage);
}

}

int runExport(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption project(QStringLiteral("project"), QString(), QStringLiteral("DIR"));
    const QCommandLineOption csv(QStringLiteral("csv"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption onehot(QStringLiteral("onehot"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption coco(QStringLiteral("coco"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption folders(QStringLiteral("folders"), QString(), QStringLiteral("DIR"));
    const QCommandLineOption voc(QStringLiteral("voc"), QString(), QStringLiteral("DIR"));
    parser.addOptions({project, csv, onehot, coco, folders, voc});
    if (!parser.parse(QStringList{QStringLiteral("export")} + args))
        return usageError(err, parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return usageError(err, QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    for (const QString &name : parser.optionNames()) {
        if (parser.values(name).size() > 1)
            return usageError(err, QStringLiteral("--%1 given more than once").arg(name));
    }
    if (!parser.isSet(project))
        return usageError(err, QStringLiteral("--project is required"));
    const QList<const QCommandLineOption *> targets{&csv, &onehot, &coco, &folders, &voc};
    const QCommandLineOption *target = nullptr;
    for (const QCommandLineOption *option : targets) {
        if (!parser.isSet(*option))
            continue;
        if (target)
            return usageError(err, QStringLiteral("give only one of --csv, --onehot, --coco, --folders, --voc"));
        target = option;
    }
    if (!target)
        return usageError(err, QStringLiteral("one of --csv, --onehot, --coco, --folders, --voc is required"));

    const QString root = parser.value(project);
    const QString output = parser.value(*target);
    try {
        // An export reads a project; it never creates one.
        if (!ProjectStore::exists(root))
            throw ProjectError(QStringLiteral("%1: no Tagwise project here").arg(root));
        const std::unique_ptr<ProjectStore> store = ProjectStore::open(root);
        if (target == &csv)
            formats::writePlanetCsv(*store, output);
        else if (target == &onehot)
            formats::writeOneHotCsv(*store, output);
        else if (target == &coco)
            formats::writeCoco(*store, output);
        else if (target == &folders)
            formats::writeClassFolders(*store, output);
        else
            formats::writeVocFolder(*store, output);
        qsizetype written = 0;
        for (const ImageRecord *image : formats::exportedImages(*store)) {
            // Class folders can only hold tagged images.
            if (target != &folders || !image->tags.empty())
                ++written;
        }
        out << "exported " << written << " images and " << store->tags().size() << " tags to " << output << '\n';
        return ExitOk;
    } catch (const ProjectError &error) {
        err << "tagwise-cli export: " << error.message() << '\n';
        return ExitFailure;
    }
}

}
