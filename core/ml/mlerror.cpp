#include "core/ml/mlerror.h"

#include <c10/util/Exception.h>

namespace tagwise::ml {

std::string describeError(const std::exception &error)
{
    std::string text;
    if (const auto *torchError = dynamic_cast<const c10::Error *>(&error))
        text = torchError->what_without_backtrace();
    else
        text = error.what();
    const auto newline = text.find('\n');
    if (newline != std::string::npos)
        text.resize(newline);
    // nlohmann-json prefixes "[json.exception.type_error.302] ": an id for programmers.
    if (text.rfind("[json.exception.", 0) == 0) {
        const auto end = text.find("] ");
        if (end != std::string::npos)
            text.erase(0, end + 2);
    }
    return text;
}

}
