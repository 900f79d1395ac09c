#pragma once

#include <string>

namespace tagwise::ml {

/**
 * Replaces \a path with \a bytes so that a crash at any moment leaves either
 * the old file or the new one, never a torn one: the bytes go to
 * "<path>.part", are flushed to disk (fsync), and the temp file is renamed
 * over \a path. A leftover "<path>.part" from an earlier crash is simply
 * overwritten; readers never look at it. Throws MlError naming the file and
 * the reason.
 */
void writeFileAtomically(const std::string &path, const std::string &bytes);

/// The whole content of \a path; throws MlError naming the file and the reason.
std::string readFileBytes(const std::string &path);

}
