#include "core/cli/importcommand.h"

#include "core/cli/commands.h"
#include "core/cli/options.h"
#include "core/formats/classfolders.h"
#include "core/formats/cocojson.h"
#include "core/formats/onehotcsv.h"
#include "core/formats/planetcsv.h"
#include "core/formats/projectimport.h"
#include "core/formats/vocxml.h"
#include "core/project/folderscanner.h"
#include "core/project/projecterror.h"
#include "core/project/projectstore.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QTextStream>

namespace tagwise::cli {

namespace {

const char *const kUsage =
    "usage: tagwise-cli import --project DIR (--csv FILE | --onehot FILE | --folders DIR [--separator S] |\n"
    "                          --voc DIR [--images DIR] | --coco FILE [--images DIR]) [--replace]\n";

int usageError(QTextStream &err, const QString &message)
{
    return reportUsageError(err, "import", message, kUsage);
}

}

int runImport(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption project(QStringLiteral("project"), QString(), QStringLiteral("DIR"));
    const QCommandLineOption csv(QStringLiteral("csv"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption onehot(QStringLiteral("onehot"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption folders(QStringLiteral("folders"), QString(), QStringLiteral("DIR"));
    const QCommandLineOption voc(QStringLiteral("voc"), QString(), QStringLiteral("DIR"));
    const QCommandLineOption coco(QStringLiteral("coco"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption images(QStringLiteral("images"), QString(), QStringLiteral("DIR"));
    const QCommandLineOption separator(QStringLiteral("separator"), QString(), QStringLiteral("S"));
    const QCommandLineOption replace(QStringLiteral("replace"));
    parser.addOptions({project, csv, onehot, folders, voc, coco, images, separator, replace});
    if (!parser.parse(QStringList{QStringLiteral("import")} + args))
        return usageError(err, parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return usageError(err, QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    for (const QString &name : parser.optionNames()) {
        if (name != QLatin1String("replace") && parser.values(name).size() > 1)
            return usageError(err, QStringLiteral("--%1 given more than once").arg(name));
    }
    if (!parser.isSet(project))
        return usageError(err, QStringLiteral("--project is required"));
    const QList<const QCommandLineOption *> sources{&csv, &onehot, &folders, &voc, &coco};
    const QCommandLineOption *source = nullptr;
    for (const QCommandLineOption *option : sources) {
        if (!parser.isSet(*option))
            continue;
        if (source)
            return usageError(err, QStringLiteral("give only one of --csv, --onehot, --folders, --voc, --coco"));
        source = option;
    }
    if (!source)
        return usageError(err, QStringLiteral("one of --csv, --onehot, --folders, --voc, --coco is required"));
    if (parser.isSet(separator) && source != &folders)
        return usageError(err, QStringLiteral("--separator goes with --folders"));
    if (parser.isSet(images) && source == &folders)
        return usageError(err, QStringLiteral("--images does not go with --folders (the folder holds the images)"));

    const QString root = parser.value(project);
    const QString input = parser.value(*source);
    const QString imagesDir = source == &folders ? input : parser.isSet(images) ? parser.value(images) : root;

    try {
        if (!QFileInfo(root).isDir())
            throw ProjectError(QStringLiteral("%1: the project folder does not exist").arg(root));
        // Everything that can fail on the input is checked before the project is touched.
        formats::imagesDirInProject(root, imagesDir);
        formats::ImportReport report;
        if (source == &csv)
            report = formats::readPlanetCsv(input, imagesDir);
        else if (source == &onehot)
            report = formats::readOneHotCsv(input, imagesDir);
        else if (source == &folders)
            report = formats::readClassFolders(input, parser.value(separator));
        else if (source == &voc)
            report = formats::readVocFolder(input, imagesDir);
        else
            report = formats::readCoco(input, imagesDir);

        for (const QString &problem : std::as_const(report.problems))
            err << problem << '\n';
        if (report.rows.isEmpty() && !report.problems.isEmpty()) {
            err << "tagwise-cli import: nothing imported from " << input << '\n';
            return ExitFailure;
        }

        const std::unique_ptr<ProjectStore> store = ProjectStore::open(root);
        FolderScanner scanner(store->rootPath());
        const ScanChanges scan = store->applyScan(scanner.scan());
        const qsizetype tagsBefore = store->tags().size();
        const int changed = formats::importIntoProject(*store, report, imagesDir, parser.isSet(replace));
        out << "scanned " << store->rootPath() << ": " << scan.added << " new images, " << store->imageCount()
            << " in the project\n";
        out << "imported " << report.rows.size() << " images from " << input << " (" << changed << " changed), "
            << (store->tags().size() - tagsBefore) << " tags created, " << report.problems.size()
            << (report.problems.size() == 1 ? " problem\n" : " problems\n");
        return ExitOk;
    } catch (const ProjectError &error) {
        err << "tagwise-cli import: " << error.message() << '\n';
        return ExitFailure;
    }
}

}
