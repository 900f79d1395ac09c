#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tagwise::ml {

/**
 * A small JSON value, reader and writer: ml has no Qt, and its files
 * (config.json, metrics.json, the model bundle) are small. Object keys keep
 * their insertion order when written.
 */
class JsonValue final
{
public:
    enum class Type { Null, Bool, Number, String, Array, Object };

    JsonValue() = default;
    JsonValue(bool value);
    JsonValue(double value);
    JsonValue(int value);
    JsonValue(long long value);
    JsonValue(const char *value);
    JsonValue(std::string value);

    static JsonValue array();
    static JsonValue object();

    /**
     * Parses \a text; throws std::runtime_error naming \a source (a file name,
     * for the message) and the byte offset of the first problem.
     */
    static JsonValue parse(const std::string &text, const std::string &source);
    /// Reads and parses a file; throws std::runtime_error naming the file and the reason.
    static JsonValue readFile(const std::string &path);

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool isObject() const { return m_type == Type::Object; }
    bool isArray() const { return m_type == Type::Array; }

    /// Typed reads; each throws std::runtime_error when the value has another type.
    bool toBool() const;
    double toDouble() const;
    long long toInteger() const;
    const std::string &toString() const;
    const std::vector<JsonValue> &items() const;

    // --- objects
    bool contains(const std::string &key) const;
    /// The member \a key; throws std::runtime_error naming a missing key.
    const JsonValue &at(const std::string &key) const;
    /// Sets (or replaces) the member \a key; the value must be an object.
    JsonValue &set(const std::string &key, JsonValue value);
    const std::vector<std::string> &keys() const;

    // --- arrays
    JsonValue &append(JsonValue value);
    std::size_t size() const;

    /// Serialises as JSON; \a indent < 0 writes one line.
    std::string dump(int indent = 2) const;

private:
    void write(std::string &out, int indent, int depth) const;
    void expect(Type type, const char *what) const;

    Type m_type = Type::Null;
    bool m_bool = false;
    double m_number = 0.0;
    std::string m_string;
    std::vector<JsonValue> m_items;        // array items, or object values
    std::vector<std::string> m_keys;       // object keys, parallel to m_items
};

}
