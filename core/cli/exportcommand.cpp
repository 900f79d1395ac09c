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

#include <QTextStream>

namespace tagwise::cli {

namespace {

const char *const kUsage =
    "usage: tagwise-cli export --project DIR (--csv FILE | --onehot FILE | --coco FILE | --folders DIR [--link] | --voc DIR)\n";

}

int runExport(const QStringList &args, QTextStream &out, QTextStream &err)
{
    return runCommand("export", kUsage, err, [&] {
        Options options({"project", "csv", "onehot", "coco", "folders", "voc"}, {"link"});
        options.parse(args);
        const QString root = options.required(QStringLiteral("project"));
        const QString target = options.oneOf({"csv", "onehot", "coco", "folders", "voc"});
        const QString output = options.value(target);

        // An export reads a project; it never creates one.
        if (!ProjectStore::exists(root))
            throw ProjectError(QStringLiteral("%1: no Tagwise project here").arg(root));
        const std::unique_ptr<ProjectStore> store = ProjectStore::open(root);
        const bool folders = target == QLatin1String("folders");
        if (options.isSet(QStringLiteral("link")) && !folders)
            throw UsageError(QStringLiteral("--link goes with --folders"));
        if (target == QLatin1String("csv"))
            formats::writePlanetCsv(*store, output);
        else if (target == QLatin1String("onehot"))
            formats::writeOneHotCsv(*store, output);
        else if (target == QLatin1String("coco"))
            formats::writeCoco(*store, output);
        else if (folders)
            formats::writeClassFolders(*store, output,
                                       options.isSet(QStringLiteral("link")) ? formats::ExportedFiles::HardLinks
                                                                             : formats::ExportedFiles::Copies);
        else
            formats::writeVocFolder(*store, output);
        qsizetype written = 0;
        for (const ImageRecord *image : formats::exportedImages(*store)) {
            // Class folders can only hold tagged images.
            if (!folders || !image->tags.empty())
                ++written;
        }
        out << "exported " << written << " images and " << store->tags().size() << " tags to " << output << '\n';
        return ExitOk;
    });
}

}
