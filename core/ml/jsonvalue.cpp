#include "core/ml/jsonvalue.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace tagwise::ml {

namespace {

const char *typeName(JsonValue::Type type)
{
    switch (type) {
    case JsonValue::Type::Null: return "null";
    case JsonValue::Type::Bool: return "a boolean";
    case JsonValue::Type::Number: return "a number";
    case JsonValue::Type::String: return "a string";
    case JsonValue::Type::Array: return "an array";
    case JsonValue::Type::Object: return "an object";
    }
    return "?";
}

void appendUtf8(std::string &out, std::uint32_t code)
{
    if (code < 0x80) {
        out += char(code);
    } else if (code < 0x800) {
        out += char(0xC0 | (code >> 6));
        out += char(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += char(0xE0 | (code >> 12));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    } else {
        out += char(0xF0 | (code >> 18));
        out += char(0x80 | ((code >> 12) & 0x3F));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    }
}

void writeString(std::string &out, const std::string &text)
{
    out += '"';
    for (const char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned char>(c));
                out += buffer;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

class Parser
{
public:
    Parser(const std::string &text, const std::string &source) : m_text(text), m_source(source) {}

    JsonValue parseDocument()
    {
        JsonValue value = parseValue(0);
        skipSpace();
        if (m_pos != m_text.size())
            fail("unexpected text after the value");
        return value;
    }

private:
    [[noreturn]] void fail(const std::string &reason) const
    {
        throw std::runtime_error(m_source + ": invalid JSON at byte " + std::to_string(m_pos) + ": " + reason);
    }

    void skipSpace()
    {
        while (m_pos < m_text.size()
               && (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' || m_text[m_pos] == '\r' || m_text[m_pos] == '\t'))
            ++m_pos;
    }

    bool consume(const char *word)
    {
        const std::size_t length = std::char_traits<char>::length(word);
        if (m_text.compare(m_pos, length, word) != 0)
            return false;
        m_pos += length;
        return true;
    }

    JsonValue parseValue(int depth)
    {
        if (depth > 200)
            fail("nested too deeply");
        skipSpace();
        if (m_pos >= m_text.size())
            fail("unexpected end");
        const char c = m_text[m_pos];
        if (c == '{')
            return parseObject(depth);
        if (c == '[')
            return parseArray(depth);
        if (c == '"')
            return JsonValue(parseString());
        if (consume("true"))
            return JsonValue(true);
        if (consume("false"))
            return JsonValue(false);
        if (consume("null"))
            return JsonValue();
        return parseNumber();
    }

    JsonValue parseObject(int depth)
    {
        ++m_pos; // '{'
        JsonValue object = JsonValue::object();
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == '}') {
            ++m_pos;
            return object;
        }
        while (true) {
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != '"')
                fail("expected a key");
            std::string key = parseString();
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != ':')
                fail("expected ':'");
            ++m_pos;
            object.set(key, parseValue(depth + 1));
            skipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_text.size() && m_text[m_pos] == '}') {
                ++m_pos;
                return object;
            }
            fail("expected ',' or '}'");
        }
    }

    JsonValue parseArray(int depth)
    {
        ++m_pos; // '['
        JsonValue array = JsonValue::array();
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == ']') {
            ++m_pos;
            return array;
        }
        while (true) {
            array.append(parseValue(depth + 1));
            skipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_text.size() && m_text[m_pos] == ']') {
                ++m_pos;
                return array;
            }
            fail("expected ',' or ']'");
        }
    }

    std::uint32_t parseHex4()
    {
        if (m_pos + 4 > m_text.size())
            fail("short \\u escape");
        std::uint32_t code = 0;
        const auto result = std::from_chars(m_text.data() + m_pos, m_text.data() + m_pos + 4, code, 16);
        if (result.ptr != m_text.data() + m_pos + 4)
            fail("bad \\u escape");
        m_pos += 4;
        return code;
    }

    std::string parseString()
    {
        ++m_pos; // '"'
        std::string out;
        while (true) {
            if (m_pos >= m_text.size())
                fail("unterminated string");
            const char c = m_text[m_pos++];
            if (c == '"')
                return out;
            if (static_cast<unsigned char>(c) < 0x20)
                fail("control character in a string");
            if (c != '\\') {
                out += c;
                continue;
            }
            if (m_pos >= m_text.size())
                fail("unterminated escape");
            const char e = m_text[m_pos++];
            switch (e) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                std::uint32_t code = parseHex4();
                if (code >= 0xD800 && code < 0xDC00) {
                    if (!consume("\\u"))
                        fail("lone surrogate");
                    const std::uint32_t low = parseHex4();
                    if (low < 0xDC00 || low >= 0xE000)
                        fail("bad surrogate pair");
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                }
                appendUtf8(out, code);
                break;
            }
            default:
                fail(std::string("unknown escape \\") + e);
            }
        }
    }

    JsonValue parseNumber()
    {
        const std::size_t start = m_pos;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E')
                ++m_pos;
            else
                break;
        }
        if (start == m_pos)
            fail("unexpected character");
        double value = 0.0;
        const auto result = std::from_chars(m_text.data() + start, m_text.data() + m_pos, value);
        if (result.ec != std::errc() || result.ptr != m_text.data() + m_pos) {
            m_pos = start;
            fail("bad number");
        }
        return JsonValue(value);
    }

    const std::string &m_text;
    const std::string &m_source;
    std::size_t m_pos = 0;
};

}

JsonValue::JsonValue(bool value) : m_type(Type::Bool), m_bool(value) {}
JsonValue::JsonValue(double value) : m_type(Type::Number), m_number(value) {}
JsonValue::JsonValue(int value) : m_type(Type::Number), m_number(value) {}
JsonValue::JsonValue(long long value) : m_type(Type::Number), m_number(double(value)) {}
JsonValue::JsonValue(const char *value) : m_type(Type::String), m_string(value) {}
JsonValue::JsonValue(std::string value) : m_type(Type::String), m_string(std::move(value)) {}

JsonValue JsonValue::array()
{
    JsonValue value;
    value.m_type = Type::Array;
    return value;
}

JsonValue JsonValue::object()
{
    JsonValue value;
    value.m_type = Type::Object;
    return value;
}

JsonValue JsonValue::parse(const std::string &text, const std::string &source)
{
    return Parser(text, source).parseDocument();
}

JsonValue JsonValue::readFile(const std::string &path)
{
    std::ifstream stream(path, std::ios::binary);
    if (!stream)
        throw std::runtime_error(path + ": cannot open for reading");
    std::ostringstream buffer;
    buffer << stream.rdbuf();
    if (stream.bad())
        throw std::runtime_error(path + ": read error");
    return parse(buffer.str(), path);
}

void JsonValue::expect(Type type, const char *what) const
{
    if (m_type != type)
        throw std::runtime_error(std::string("JSON: expected ") + what + ", found " + typeName(m_type));
}

bool JsonValue::toBool() const
{
    expect(Type::Bool, "a boolean");
    return m_bool;
}

double JsonValue::toDouble() const
{
    expect(Type::Number, "a number");
    return m_number;
}

long long JsonValue::toInteger() const
{
    expect(Type::Number, "a number");
    if (m_number != std::floor(m_number) || std::abs(m_number) > 9.0e15)
        throw std::runtime_error("JSON: expected an integer, found " + std::to_string(m_number));
    return static_cast<long long>(m_number);
}

const std::string &JsonValue::toString() const
{
    expect(Type::String, "a string");
    return m_string;
}

const std::vector<JsonValue> &JsonValue::items() const
{
    expect(Type::Array, "an array");
    return m_items;
}

bool JsonValue::contains(const std::string &key) const
{
    if (m_type != Type::Object)
        return false;
    for (const auto &k : m_keys) {
        if (k == key)
            return true;
    }
    return false;
}

const JsonValue &JsonValue::at(const std::string &key) const
{
    expect(Type::Object, "an object");
    for (std::size_t i = 0; i < m_keys.size(); ++i) {
        if (m_keys[i] == key)
            return m_items[i];
    }
    throw std::runtime_error("JSON: missing key \"" + key + "\"");
}

JsonValue &JsonValue::set(const std::string &key, JsonValue value)
{
    expect(Type::Object, "an object");
    for (std::size_t i = 0; i < m_keys.size(); ++i) {
        if (m_keys[i] == key) {
            m_items[i] = std::move(value);
            return m_items[i];
        }
    }
    m_keys.push_back(key);
    m_items.push_back(std::move(value));
    return m_items.back();
}

const std::vector<std::string> &JsonValue::keys() const
{
    expect(Type::Object, "an object");
    return m_keys;
}

JsonValue &JsonValue::append(JsonValue value)
{
    expect(Type::Array, "an array");
    m_items.push_back(std::move(value));
    return m_items.back();
}

std::size_t JsonValue::size() const
{
    return m_type == Type::Array || m_type == Type::Object ? m_items.size() : 0;
}

std::string JsonValue::dump(int indent) const
{
    std::string out;
    write(out, indent, 0);
    if (indent >= 0)
        out += '\n';
    return out;
}

void JsonValue::write(std::string &out, int indent, int depth) const
{
    const auto newline = [&](int level) {
        if (indent < 0)
            return;
        out += '\n';
        out.append(std::size_t(indent * level), ' ');
    };
    switch (m_type) {
    case Type::Null:
        out += "null";
        break;
    case Type::Bool:
        out += m_bool ? "true" : "false";
        break;
    case Type::Number: {
        if (!std::isfinite(m_number)) {
            out += "null"; // JSON has no NaN or infinity
            break;
        }
        char buffer[32];
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, m_number);
        out.append(buffer, result.ptr);
        break;
    }
    case Type::String:
        writeString(out, m_string);
        break;
    case Type::Array:
    case Type::Object: {
        const bool object = m_type == Type::Object;
        out += object ? '{' : '[';
        if (m_items.empty()) {
            out += object ? '}' : ']';
            break;
        }
        // Arrays of plain numbers stay on one line: curves and tag vectors read better that way.
        bool flat = !object;
        for (const auto &item : m_items)
            flat = flat && (item.m_type == Type::Number || item.m_type == Type::Bool || item.m_type == Type::Null);
        for (std::size_t i = 0; i < m_items.size(); ++i) {
            if (i > 0)
                out += flat && indent >= 0 ? ", " : ",";
            if (!flat)
                newline(depth + 1);
            if (object) {
                writeString(out, m_keys[i]);
                out += indent >= 0 ? ": " : ":";
            }
            m_items[i].write(out, indent, depth + 1);
        }
        if (!flat)
            newline(depth);
        out += object ? '}' : ']';
        break;
    }
    }
}

}
