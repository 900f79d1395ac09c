#include "core/cli/versioncommand.h"

#include "core/cli/commands.h"
#include "core/cli/options.h"
#include "core/workflow/runtimereport.h"

#include <QTextStream>

namespace tagwise::cli {

int runVersion(const QStringList &args, QTextStream &out, QTextStream &err)
{
    return runCommand("version", "usage: tagwise-cli version\n", err, [&] {
        Options options({}, {});
        options.parse(args);
        const workflow::RuntimeReport report = workflow::RuntimeReport::current();
        out << "Tagwise " << TAGWISE_VERSION << '\n'
            << "engine: " << report.libTorch << '\n'
            << "device: " << report.device << '\n'
            << "data-parallel: " << report.dataParallel << '\n'
            << "libraries: " << report.libraries << '\n';
        return ExitOk;
    });
}

}
