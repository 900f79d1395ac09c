#include "core/ml/json.h"

#include "core/ml/atomicfile.h"
#include "core/ml/mlerror.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>

namespace tagwise::ml {

namespace {

template<typename T>
const char *typeName()
{
    if constexpr (std::is_same_v<T, bool>)
        return "true or false";
    else if constexpr (std::is_arithmetic_v<T>)
        return "a number";
    else
        return "text";
}

template<typename T>
bool fits(const Json &value)
{
    if constexpr (std::is_same_v<T, bool>)
        return value.is_boolean();
    else if constexpr (std::is_integral_v<T>)
        return value.is_number_integer();
    else if constexpr (std::is_floating_point_v<T>)
        return value.is_number() || value.is_null(); // NaN is written as null
    else
        return value.is_string();
}

}

Json parseJson(const std::string &text, const std::string &source)
{
    try {
        return Json::parse(text);
    } catch (const Json::parse_error &error) {
        throw MlError(source + ": not valid JSON: " + describeError(error));
    }
}

Json readJsonFile(const std::string &path)
{
    return parseJson(readFileBytes(path), path);
}

std::string dumpJson(const Json &json, int indent)
{
    return json.dump(indent, ' ', false, Json::error_handler_t::replace) + (indent >= 0 ? "\n" : "");
}

void writeJsonFile(const std::string &path, const Json &json, int indent)
{
    writeFileAtomically(path, dumpJson(json, indent));
}

template<typename T>
T jsonValue(const Json &json, const char *key)
{
    if (!json.is_object())
        throw std::runtime_error(std::string("expected an object holding \"") + key + "\"");
    const auto it = json.find(key);
    if (it == json.end())
        throw std::runtime_error(std::string("\"") + key + "\" is missing");
    if (!fits<T>(*it))
        throw std::runtime_error(std::string("\"") + key + "\" must be " + typeName<T>());
    if constexpr (std::is_floating_point_v<T>) {
        if (it->is_null())
            return std::numeric_limits<T>::quiet_NaN();
    }
    try {
        return it->template get<T>();
    } catch (const std::exception &error) {
        throw std::runtime_error(std::string("\"") + key + "\": " + describeError(error));
    }
}

template<typename T>
T jsonValue(const Json &json, const char *key, T fallback)
{
    return json.is_object() && json.contains(key) ? jsonValue<T>(json, key) : fallback;
}

template bool jsonValue<bool>(const Json &, const char *);
template int jsonValue<int>(const Json &, const char *);
template long long jsonValue<long long>(const Json &, const char *);
template double jsonValue<double>(const Json &, const char *);
template std::string jsonValue<std::string>(const Json &, const char *);
template bool jsonValue<bool>(const Json &, const char *, bool);
template int jsonValue<int>(const Json &, const char *, int);
template long long jsonValue<long long>(const Json &, const char *, long long);
template double jsonValue<double>(const Json &, const char *, double);
template std::string jsonValue<std::string>(const Json &, const char *, std::string);

}
