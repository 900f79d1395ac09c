#pragma once

#include <stdexcept>
#include <string>

namespace tagwise::ml {

/**
 * An error on runtime data met by the engine (an unreadable checkpoint, a
 * model folder without a bundle, a data set with nothing left to train on).
 * The message names the file, when there is one, and the reason.
 */
class MlError final : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/// Thrown when a job was canceled through its Feedback.
class Canceled final : public std::exception
{
public:
    const char *what() const noexcept override { return "canceled"; }
};

/**
 * A one-line reason for \a error, for messages: LibTorch's errors carry a
 * C++ backtrace that means nothing to a user; this keeps the first line of
 * what they say.
 */
std::string describeError(const std::exception &error);

}
