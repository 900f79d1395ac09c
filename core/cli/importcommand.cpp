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

#include <QFileInfo>
#include <QTextStream>

namespace tagwise::cli {

namespace {

const char *const kUsage =
    "usage: tagwise-cli import --project DIR (--csv FILE | --onehot FILE | --folders DIR [--separator S] |\n"
    "                          --voc DIR [--images DIR] | --coco FILE [--images DIR]) [--replace]\n";

}

int runImport(const QStringList &args, QTextStream &out, QTextStream &err)
{
    return runCommand("import", kUsage, err, [&] {
        Options options({"project", "csv", "onehot", "folders", "voc", "coco", "images", "separator"}, {"replace"});
        options.parse(args);
        const QString root = options.required(QStringLiteral("project"));
        const QString source = options.oneOf({"csv", "onehot", "folders", "voc", "coco"});
        const bool folders = source == QLatin1String("folders");
        if (options.isSet(QStringLiteral("separator")) && !folders)
            throw UsageError(QStringLiteral("--separator goes with --folders"));
        if (options.isSet(QStringLiteral("images")) && folders)
            throw UsageError(QStringLiteral("--images does not go with --folders (the folder holds the images)"));
        const QString input = options.value(source);
        const QString imagesDir = folders ? input
                                  : options.isSet(QStringLiteral("images")) ? options.value(QStringLiteral("images"))
                                                                            : root;

        if (!QFileInfo(root).isDir())
            throw ProjectError(QStringLiteral("%1: the project folder does not exist").arg(root));
        // Everything that can fail on the input is checked before the project is touched.
        formats::imagesDirInProject(root, imagesDir);
        formats::ImportReport report;
        if (source == QLatin1String("csv"))
            report = formats::readPlanetCsv(input, imagesDir);
        else if (source == QLatin1String("onehot"))
            report = formats::readOneHotCsv(input, imagesDir);
        else if (folders)
            report = formats::readClassFolders(input, options.value(QStringLiteral("separator")));
        else if (source == QLatin1String("voc"))
            report = formats::readVocFolder(input, imagesDir);
        else
            report = formats::readCoco(input, imagesDir);
        report = formats::keepProjectImages(std::move(report), root, imagesDir);

        for (const QString &problem : std::as_const(report.problems))
            err << problem << '\n';
        if (report.rows.isEmpty() && !report.problems.isEmpty())
            throw ProjectError(QStringLiteral("nothing imported from %1").arg(input));

        const std::unique_ptr<ProjectStore> store = ProjectStore::open(root);
        FolderScanner scanner(store->rootPath());
        const ScanChanges scan = store->applyScan(scanner.scan());
        for (const QString &skipped : scanner.skipped())
            err << "warning: " << skipped << '\n';
        const qsizetype tagsBefore = store->tags().size();
        const int changed = formats::importIntoProject(*store, report, imagesDir,
                                                       options.isSet(QStringLiteral("replace")));
        out << "scanned " << store->rootPath() << ": " << scan.added << " new images, " << store->imageCount()
            << " in the project\n";
        out << "imported " << report.rows.size() << " images from " << input << " (" << changed << " changed), "
            << (store->tags().size() - tagsBefore) << " tags created, " << report.problems.size()
            << (report.problems.size() == 1 ? " problem\n" : " problems\n");
        return ExitOk;
    });
}

}
