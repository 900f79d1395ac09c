#include "core/cli/commands.h"

namespace tagwise::cli {

// Each command lives in its own file of this folder.
QList<Command> commands()
{
    return {
    };
}

}
