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
    return text;
}

}
