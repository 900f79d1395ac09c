#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace tagwise::ml {

/// JSON for the engine's files (config.json, dataset.json, metrics.json,
/// bundle.json, checkpoint state): nlohmann-json, object keys kept in the
/// order they were set.
using Json = nlohmann::ordered_json;

/**
 * Parses \a text; throws MlError "<source>: <reason>" (with the byte offset
 * of a syntax error) where \a source names the file.
 */
Json parseJson(const std::string &text, const std::string &source);

/// Reads and parses the file \a path; throws MlError naming the file and the reason.
Json readJsonFile(const std::string &path);

/**
 * Serialises \a json: \a indent < 0 writes one line. NaN and infinities are
 * written as null (JSON has neither); text that is not UTF-8 is replaced by
 * U+FFFD rather than failing the write.
 */
std::string dumpJson(const Json &json, int indent = 2);

/// dumpJson() written to \a path atomically; throws MlError naming the file.
void writeJsonFile(const std::string &path, const Json &json, int indent = 2);

/**
 * \a json.at(key) read as T; a missing key or a value of another type throws
 * std::runtime_error naming the key ("\"epochs\": must be a number").
 */
template<typename T>
T jsonValue(const Json &json, const char *key);

/// Like jsonValue(), but \a fallback when \a json has no \a key.
template<typename T>
T jsonValue(const Json &json, const char *key, T fallback);

}
