#include "core/cli/commands.h"

#include "core/cli/democommand.h"
#include "core/cli/evaluatecommand.h"
#include "core/cli/exportcommand.h"
#include "core/cli/importcommand.h"
#include "core/cli/mosaicscommand.h"
#include "core/cli/predictcommand.h"
#include "core/cli/reviewcommand.h"
#include "core/cli/runscommand.h"
#include "core/cli/servecommand.h"
#include "core/cli/traincommand.h"
#include "core/cli/versioncommand.h"
#include "core/cli/weightscommands.h"

namespace tagwise::cli {

// Each command lives in its own file of this folder.
QList<Command> commands()
{
    return {
        {"import", "import --project DIR (--csv FILE | --onehot FILE | --folders DIR [--separator S] | --voc DIR [--images DIR] | --coco FILE [--images DIR]) [--replace]", &runImport},
        {"export", "export --project DIR (--csv FILE | --onehot FILE | --coco FILE | --folders DIR [--link] | --voc DIR)", &runExport},
        {"train", "train (--project DIR | --csv FILE --images DIR) [--val-csv FILE] [--arch NAME] [--size N] [--epochs N] [--batch N] [--lr X] [--beta X] [--threads N] [--seed N] [--device auto|cpu|cuda] [--optimizer NAME] [--schedule NAME] [--augment LEVEL] [--bf16] [--workers N] [--no-tune] [--minutes M] [--weights FILE [--freeze backbone|none|until:LAYER] [--freeze-epochs N] [--backbone-lr-scale X]] ... [--out RUN_DIR | --find-lr] | train --resume RUN_DIR", &runTrain},
        {"runs", "runs --project DIR [--json]", &runRuns},
        {"evaluate", "evaluate --model RUN_DIR --csv FILE --images DIR [--json FILE]", &runEvaluate},
        {"review", "review --model RUN_DIR [--split validation|test] [--json FILE]", &runReview},
        {"predict", "predict --model RUN_DIR [--json] [--gradcam DIR] IMAGE_OR_DIR...", &runPredict},
        {"features", "features --arch NAME --weights FILE [--size N] [--json] IMAGE_OR_DIR...", &runFeatures},
        {"export-weights", "export-weights --model RUN_DIR --out FILE.safetensors", &runExportWeights},
        {"serve", "serve --model RUN_DIR [--host 127.0.0.1] [--port 8080] [--token SECRET]", &runServe},
        {"mosaics", "mosaics --out DIR --count N [--source train|test] [--seed S] [--cell PX] [--min-items N] [--max-items N] [--layout csv|folders] [--start K] [--threads N] [--data DIR]", &runMosaics},
        {"demo", "demo --out DIR [--count N] [--seed S] [--data DIR]", &runDemo},
        {"version", "version", &runVersion},
    };
}

}
