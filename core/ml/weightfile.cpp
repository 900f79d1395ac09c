#include "core/ml/weightfile.h"

#include "core/ml/atomicfile.h"
#include "core/ml/mlerror.h"

#include <caffe2/serialize/inline_container.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cstring>
#include <memory>
#include <set>
#include <unordered_map>

namespace tagwise::ml {

namespace {

struct DtypeName
{
    const char *safetensors;
    const char *storage; ///< torch.<X>Storage
    at::ScalarType type;
};

const DtypeName kDtypes[] = {
    {"F64", "DoubleStorage", at::kDouble}, {"F32", "FloatStorage", at::kFloat},  {"F16", "HalfStorage", at::kHalf},
    {"BF16", "BFloat16Storage", at::kBFloat16}, {"I64", "LongStorage", at::kLong}, {"I32", "IntStorage", at::kInt},
    {"I16", "ShortStorage", at::kShort},   {"I8", "CharStorage", at::kChar},     {"U8", "ByteStorage", at::kByte},
    {"BOOL", "BoolStorage", at::kBool},
};

[[noreturn]] void fail(const std::string &path, const std::string &reason)
{
    throw MlError(path + ": " + reason);
}

std::uint64_t readLittle64(const unsigned char *p)
{
    std::uint64_t value = 0;
    for (int i = 7; i >= 0; --i)
        value = (value << 8) | p[i];
    return value;
}

// --- safetensors

NamedTensors readSafetensors(const std::string &path, const std::string &bytes,
                             std::map<std::string, std::string> *metadata)
{
    if (bytes.size() < 8)
        fail(path, "truncated safetensors file (no header size)");
    const std::uint64_t headerSize = readLittle64(reinterpret_cast<const unsigned char *>(bytes.data()));
    if (headerSize < 2 || headerSize > bytes.size() - 8)
        fail(path, "safetensors header of " + std::to_string(headerSize) + " bytes does not fit in the file of "
                       + std::to_string(bytes.size()) + " bytes (truncated?)");
    nlohmann::ordered_json header;
    try {
        header = nlohmann::ordered_json::parse(bytes.begin() + 8, bytes.begin() + 8 + std::ptrdiff_t(headerSize));
    } catch (const std::exception &error) {
        fail(path, std::string("malformed safetensors header: ") + describeError(error));
    }
    if (!header.is_object())
        fail(path, "malformed safetensors header: not a JSON object");
    const std::size_t dataStart = 8 + std::size_t(headerSize);
    const std::size_t dataSize = bytes.size() - dataStart;
    NamedTensors tensors;
    for (auto it = header.begin(); it != header.end(); ++it) {
        if (it.key() == "__metadata__") {
            if (metadata && it.value().is_object()) {
                for (auto m = it.value().begin(); m != it.value().end(); ++m) {
                    if (m.value().is_string())
                        (*metadata)[m.key()] = m.value().get<std::string>();
                }
            }
            continue;
        }
        const std::string where = "tensor \"" + it.key() + "\"";
        try {
            const auto &entry = it.value();
            const std::string dtype = entry.at("dtype").get<std::string>();
            const DtypeName *known = nullptr;
            for (const DtypeName &d : kDtypes) {
                if (dtype == d.safetensors)
                    known = &d;
            }
            if (!known)
                fail(path, where + ": unsupported dtype " + dtype);
            std::vector<std::int64_t> shape;
            std::uint64_t count = 1;
            for (const auto &dim : entry.at("shape")) {
                if (!dim.is_number_integer())
                    fail(path, where + ": a shape of whole numbers is needed");
                const auto d = dim.get<std::int64_t>();
                if (d < 0 || d > (std::int64_t(1) << 40))
                    fail(path, where + ": bad shape");
                shape.push_back(d);
                count *= std::uint64_t(d);
                if (count > (std::uint64_t(1) << 40))
                    fail(path, where + ": bad shape");
            }
            const auto offsets = entry.at("data_offsets").get<std::vector<std::uint64_t>>();
            if (offsets.size() != 2 || offsets[0] > offsets[1] || offsets[1] > dataSize)
                fail(path, where + ": data offsets outside the file's " + std::to_string(dataSize)
                               + " data bytes (truncated?)");
            const std::uint64_t itemSize = c10::elementSize(known->type);
            if (offsets[1] - offsets[0] != count * itemSize)
                fail(path, where + ": " + std::to_string(offsets[1] - offsets[0]) + " bytes for "
                               + std::to_string(count) + " values of " + dtype);
            at::Tensor tensor = torch::empty(shape, torch::TensorOptions().dtype(known->type));
            if (count > 0)
                std::memcpy(tensor.data_ptr(), bytes.data() + dataStart + offsets[0], offsets[1] - offsets[0]);
            tensors.emplace_back(it.key(), std::move(tensor));
        } catch (const nlohmann::json::exception &error) {
            fail(path, where + ": malformed header entry: " + describeError(error));
        }
    }
    return tensors;
}

// --- PyTorch's zip format: an unpickler for what a state dict holds

struct Value;
using ValuePtr = std::shared_ptr<Value>;

struct Value
{
    enum class Kind { None, Bool, Int, Float, String, Tuple, List, Dict, Global, StorageType, Tensor, Mark };
    Kind kind = Kind::None;
    std::int64_t integer = 0;
    double real = 0.0;
    std::string text;                              ///< String; Global: "module.name"
    std::vector<ValuePtr> items;                   ///< Tuple, List
    std::vector<std::pair<ValuePtr, ValuePtr>> entries; ///< Dict, in order
    at::Tensor tensor;                             ///< Tensor; a storage is a 1-D tensor
    at::ScalarType dtype = at::kFloat;             ///< StorageType

    static ValuePtr make(Kind kind)
    {
        auto value = std::make_shared<Value>();
        value->kind = kind;
        return value;
    }
};

class Unpickler
{
public:
    Unpickler(const std::string &path, const char *data, std::size_t size, caffe2::serialize::PyTorchStreamReader &reader)
        : m_path(path)
        , m_data(reinterpret_cast<const unsigned char *>(data))
        , m_size(size)
        , m_reader(reader)
    {
    }

    ValuePtr run()
    {
        while (true) {
            const unsigned char op = byte();
            switch (op) {
            case 0x80: byte(); break;                 // PROTO
            case 0x95: take(8); break;                // FRAME
            case '}': push(Value::make(Value::Kind::Dict)); break;
            case ']': push(Value::make(Value::Kind::List)); break;
            case ')': push(Value::make(Value::Kind::Tuple)); break;
            case '(': push(Value::make(Value::Kind::Mark)); break;
            case 't': { auto t = Value::make(Value::Kind::Tuple); t->items = popToMark(); push(t); break; }
            case 0x85: case 0x86: case 0x87: {        // TUPLE1..3
                auto t = Value::make(Value::Kind::Tuple);
                t->items.resize(op - 0x84);
                for (std::size_t i = t->items.size(); i-- > 0;)
                    t->items[i] = pop();
                push(t);
                break;
            }
            case 'J': { const auto *p = take(4); pushInt(std::int32_t(p[0] | p[1] << 8 | p[2] << 16 | std::uint32_t(p[3]) << 24)); break; }
            case 'K': pushInt(byte()); break;
            case 'M': { const auto *p = take(2); pushInt(p[0] | p[1] << 8); break; }
            case 0x8a: {                              // LONG1
                const unsigned n = byte();
                if (n > 8)
                    bad("an integer of " + std::to_string(n) + " bytes");
                const auto *p = take(n);
                std::uint64_t v = 0;
                for (unsigned i = n; i-- > 0;)
                    v = (v << 8) | p[i];
                if (n > 0 && n < 8 && (p[n - 1] & 0x80))
                    v |= ~std::uint64_t(0) << (8 * n); // sign-extend
                pushInt(std::int64_t(v));
                break;
            }
            case 'G': {                               // BINFLOAT, big-endian
                const auto *p = take(8);
                std::uint64_t bits = 0;
                for (int i = 0; i < 8; ++i)
                    bits = (bits << 8) | p[i];
                auto v = Value::make(Value::Kind::Float);
                std::memcpy(&v->real, &bits, 8);
                push(v);
                break;
            }
            case 'X': pushString(length(4)); break;   // BINUNICODE
            case 0x8c: pushString(byte()); break;     // SHORT_BINUNICODE
            case 0x8d: pushString(length(8)); break;  // BINUNICODE8
            case 'B': pushString(length(4)); break;   // BINBYTES
            case 'C': pushString(byte()); break;      // SHORT_BINBYTES
            case 0x88: case 0x89: { auto v = Value::make(Value::Kind::Bool); v->integer = op == 0x88; push(v); break; }
            case 'N': push(Value::make(Value::Kind::None)); break;
            case 'q': memo(byte()); break;
            case 'r': memo(length(4)); break;
            case 0x94: memo(m_memo.size()); break;    // MEMOIZE
            case 'h': push(recall(byte())); break;
            case 'j': push(recall(length(4))); break;
            case 'c': {                               // GLOBAL module\nname\n
                const std::string module = line();
                const std::string name = line();
                pushGlobal(module, name);
                break;
            }
            case 0x93: {                              // STACK_GLOBAL
                const ValuePtr name = pop(), module = pop();
                pushGlobal(module->text, name->text);
                break;
            }
            case 'R': { const ValuePtr args = pop(); const ValuePtr callable = pop(); push(reduce(*callable, *args)); break; }
            case 'b': pop(); break;                   // BUILD: OrderedDict's _metadata, not needed
            case 's': { const ValuePtr v = pop(), k = pop(); setItem(top(), k, v); break; }
            case 'u': {
                const auto items = popToMark();
                if (items.size() % 2)
                    bad("SETITEMS with an odd count");
                for (std::size_t i = 0; i < items.size(); i += 2)
                    setItem(top(), items[i], items[i + 1]);
                break;
            }
            case 'a': { const ValuePtr v = pop(); append(top(), v); break; }
            case 'e': for (const ValuePtr &v : popToMark()) append(top(), v); break;
            case 'Q': push(persistentLoad(*pop())); break; // BINPERSID
            case '.': return pop();
            default: {
                char hex[8];
                std::snprintf(hex, sizeof hex, "0x%02x", op);
                bad(std::string("pickle opcode ") + hex + " at byte " + std::to_string(m_pos - 1)
                    + " (not part of a state dict)");
            }
            }
        }
    }

private:
    [[noreturn]] void bad(const std::string &what) const { fail(m_path, "data.pkl: " + what); }

    const unsigned char *take(std::size_t n)
    {
        if (n > m_size - m_pos)
            bad("ends too early (truncated?)");
        const unsigned char *p = m_data + m_pos;
        m_pos += n;
        return p;
    }
    unsigned char byte() { return *take(1); }
    std::size_t length(int bytes)
    {
        const auto *p = take(std::size_t(bytes));
        std::uint64_t v = 0;
        for (int i = bytes; i-- > 0;)
            v = (v << 8) | p[i];
        if (v > m_size)
            bad("a length of " + std::to_string(v) + " past the end");
        return std::size_t(v);
    }
    std::string line()
    {
        std::string text;
        while (true) {
            const char c = char(byte());
            if (c == '\n')
                return text;
            text += c;
            if (text.size() > 256)
                bad("a name over 256 bytes");
        }
    }

    void push(ValuePtr value) { m_stack.push_back(std::move(value)); }
    void pushInt(std::int64_t v)
    {
        auto value = Value::make(Value::Kind::Int);
        value->integer = v;
        push(value);
    }
    void pushString(std::size_t n)
    {
        auto value = Value::make(Value::Kind::String);
        const auto *p = take(n);
        value->text.assign(reinterpret_cast<const char *>(p), n);
        push(value);
    }
    ValuePtr pop()
    {
        if (m_stack.empty() || m_stack.back()->kind == Value::Kind::Mark)
            bad("the stack runs empty");
        ValuePtr value = std::move(m_stack.back());
        m_stack.pop_back();
        return value;
    }
    Value &top()
    {
        if (m_stack.empty())
            bad("the stack runs empty");
        return *m_stack.back();
    }
    std::vector<ValuePtr> popToMark()
    {
        std::vector<ValuePtr> items;
        while (true) {
            if (m_stack.empty())
                bad("no MARK on the stack");
            ValuePtr value = std::move(m_stack.back());
            m_stack.pop_back();
            if (value->kind == Value::Kind::Mark)
                break;
            items.push_back(std::move(value));
        }
        std::reverse(items.begin(), items.end());
        return items;
    }
    void memo(std::size_t index)
    {
        if (m_stack.empty())
            bad("memo of an empty stack");
        m_memo[index] = m_stack.back();
    }
    ValuePtr recall(std::size_t index)
    {
        const auto it = m_memo.find(index);
        if (it == m_memo.end())
            bad("memo " + std::to_string(index) + " was never stored");
        return it->second;
    }
    void setItem(Value &dict, const ValuePtr &key, const ValuePtr &value)
    {
        if (dict.kind != Value::Kind::Dict)
            bad("SETITEM on something that is not a dict");
        dict.entries.emplace_back(key, value);
    }
    void append(Value &list, const ValuePtr &value)
    {
        if (list.kind != Value::Kind::List)
            bad("APPEND on something that is not a list");
        list.items.push_back(value);
    }

    void pushGlobal(const std::string &module, const std::string &name)
    {
        auto value = Value::make(Value::Kind::Global);
        value->text = module + "." + name;
        if (module == "torch") {
            for (const DtypeName &d : kDtypes) {
                if (name == d.storage) {
                    value->kind = Value::Kind::StorageType;
                    value->dtype = d.type;
                }
            }
        }
        static const std::set<std::string> known = {"collections.OrderedDict", "torch._utils._rebuild_tensor_v2",
                                                     "torch._utils._rebuild_parameter",
                                                     "torch._utils._rebuild_parameter_with_state"};
        if (value->kind == Value::Kind::Global && !known.count(value->text)) {
            if (module.rfind("torch.nn", 0) == 0 || module.rfind("torchvision", 0) == 0 || module == "__main__")
                fail(m_path, "holds a whole pickled model (" + value->text
                                 + "), not its weights: save it with torch.save(model.state_dict(), path)");
            fail(m_path, "holds " + value->text + ", which is not part of a state dict");
        }
        push(value);
    }

    ValuePtr reduce(const Value &callable, const Value &args)
    {
        if (callable.kind != Value::Kind::Global || args.kind != Value::Kind::Tuple)
            bad("REDUCE of something that cannot be called");
        const auto &a = args.items;
        if (callable.text == "collections.OrderedDict")
            return Value::make(Value::Kind::Dict);
        if (callable.text == "torch._utils._rebuild_parameter"
            || callable.text == "torch._utils._rebuild_parameter_with_state") {
            if (a.empty() || a[0]->kind != Value::Kind::Tensor)
                bad("_rebuild_parameter without a tensor");
            return a[0];
        }
        // _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])
        if (a.size() < 4 || a[0]->kind != Value::Kind::Tensor || a[1]->kind != Value::Kind::Int
            || a[2]->kind != Value::Kind::Tuple || a[3]->kind != Value::Kind::Tuple)
            bad("_rebuild_tensor_v2 with unexpected arguments");
        const at::Tensor &storage = a[0]->tensor;
        const std::int64_t offset = a[1]->integer;
        std::vector<std::int64_t> size, stride;
        for (const auto &d : a[2]->items)
            size.push_back(d->kind == Value::Kind::Int ? d->integer : -1);
        for (const auto &d : a[3]->items)
            stride.push_back(d->kind == Value::Kind::Int ? d->integer : -1);
        if (size.size() != stride.size())
            bad("a tensor whose size and stride differ in length");
        // The last value the view reaches, in checked arithmetic: crafted sizes must not overflow.
        std::int64_t last = offset;
        bool empty = false;
        for (std::size_t i = 0; i < size.size(); ++i) {
            if (size[i] < 0 || stride[i] < 0)
                bad("a tensor with a negative size or stride");
            empty = empty || size[i] == 0;
        }
        for (std::size_t i = 0; i < size.size() && !empty; ++i) {
            std::int64_t step = 0;
            if (__builtin_mul_overflow(size[i] - 1, stride[i], &step) || __builtin_add_overflow(last, step, &last))
                bad("a tensor whose size or stride does not fit its storage");
        }
        auto value = Value::make(Value::Kind::Tensor);
        if (empty) {
            value->tensor = torch::empty(size, storage.options());
        } else {
            if (offset < 0 || last >= storage.numel())
                bad("a tensor reaching past its storage of " + std::to_string(storage.numel()) + " values");
            value->tensor = storage.as_strided(size, stride, offset).clone(at::MemoryFormat::Contiguous);
        }
        return value;
    }

    ValuePtr persistentLoad(const Value &id)
    {
        // ('storage', torch.<X>Storage, key, location, numel)
        if (id.kind != Value::Kind::Tuple || id.items.size() < 5 || id.items[0]->text != "storage"
            || id.items[1]->kind != Value::Kind::StorageType || id.items[2]->kind != Value::Kind::String)
            bad("a persistent id that is not a storage");
        const std::string key = id.items[2]->text;
        if (const auto it = m_storages.find(key); it != m_storages.end())
            return it->second;
        const at::ScalarType dtype = id.items[1]->dtype;
        const std::string record = "data/" + key;
        if (!m_reader.hasRecord(record))
            fail(m_path, "the archive has no record " + record + " (truncated?)");
        at::DataPtr data;
        std::size_t bytes = 0;
        std::tie(data, bytes) = m_reader.getRecord(record);
        const std::size_t itemSize = c10::elementSize(dtype);
        if (bytes % itemSize)
            fail(m_path, record + ": " + std::to_string(bytes) + " bytes is no whole number of values");
        auto value = Value::make(Value::Kind::Tensor);
        value->tensor = torch::empty({std::int64_t(bytes / itemSize)}, torch::TensorOptions().dtype(dtype));
        if (bytes > 0)
            std::memcpy(value->tensor.data_ptr(), data.get(), bytes);
        m_storages.emplace(key, value);
        return value;
    }

    std::string m_path;
    const unsigned char *m_data;
    std::size_t m_size;
    std::size_t m_pos = 0;
    caffe2::serialize::PyTorchStreamReader &m_reader;
    std::vector<ValuePtr> m_stack;
    std::unordered_map<std::size_t, ValuePtr> m_memo;
    std::unordered_map<std::string, ValuePtr> m_storages;
};

NamedTensors stateDictOf(const std::string &path, const Value &root, bool nested = false)
{
    if (root.kind != Value::Kind::Dict)
        fail(path, "holds no dict of tensors (a state dict)");
    // A training checkpoint: {"state_dict": {...}, "epoch": ...}.
    bool anyTensor = false;
    for (const auto &[key, value] : root.entries)
        anyTensor = anyTensor || value->kind == Value::Kind::Tensor;
    if (!anyTensor) {
        for (const auto &[key, value] : root.entries) {
            if (!nested && key->kind == Value::Kind::String && (key->text == "state_dict" || key->text == "model")
                && value->kind == Value::Kind::Dict)
                return stateDictOf(path, *value, true);
        }
        fail(path, "holds a dict without tensors (and no \"state_dict\" or \"model\" in it)");
    }
    NamedTensors tensors;
    for (const auto &[key, value] : root.entries) {
        if (key->kind != Value::Kind::String)
            fail(path, "a state-dict key that is not a string");
        if (value->kind != Value::Kind::Tensor)
            fail(path, "\"" + key->text + "\" is not a tensor");
        tensors.emplace_back(key->text, value->tensor);
    }
    return tensors;
}

NamedTensors readTorchZip(const std::string &path)
{
    try {
        caffe2::serialize::PyTorchStreamReader reader(path);
        if (!reader.hasRecord("data.pkl"))
            fail(path, "a zip archive without data.pkl: not a file torch.save wrote");
        if (reader.hasRecord("byteorder")) {
            at::DataPtr order;
            std::size_t size = 0;
            std::tie(order, size) = reader.getRecord("byteorder");
            if (std::string(static_cast<const char *>(order.get()), size) != "little")
                fail(path, "saved on a big-endian machine");
        }
        at::DataPtr pickle;
        std::size_t size = 0;
        std::tie(pickle, size) = reader.getRecord("data.pkl");
        Unpickler unpickler(path, static_cast<const char *>(pickle.get()), size, reader);
        const ValuePtr root = unpickler.run();
        return stateDictOf(path, *root);
    } catch (const MlError &) {
        throw;
    } catch (const c10::Error &error) {
        fail(path, "damaged PyTorch archive: " + describeError(error));
    }
}

}

NamedTensors readWeightFile(const std::string &path, std::map<std::string, std::string> *metadata)
{
    if (metadata)
        metadata->clear();
    // The first 16 bytes tell the format; only safetensors is read whole here.
    std::string head;
    {
        std::FILE *file = std::fopen(path.c_str(), "rb");
        if (!file)
            fail(path, std::string("cannot open: ") + std::strerror(errno));
        char buffer[16];
        head.assign(buffer, std::fread(buffer, 1, sizeof buffer, file));
        std::fclose(file);
    }
    if (head.empty())
        fail(path, "empty file, not a weight file");
    if (head.rfind("PK\x03\x04", 0) == 0)
        return readTorchZip(path);
    if (static_cast<unsigned char>(head[0]) == 0x80)
        fail(path, "the legacy torch.save format (before PyTorch 1.6); load and save it again with a current "
                   "PyTorch: torch.save(torch.load(path), new_path)");
    if (head.size() >= 9 && head[8] == '{')
        return readSafetensors(path, readFileBytes(path), metadata);
    fail(path, "neither a .safetensors file nor a PyTorch file written by torch.save");
}

void writeSafetensors(const std::string &path, const NamedTensors &tensors, const std::map<std::string, std::string> &metadata)
{
    nlohmann::ordered_json header = nlohmann::ordered_json::object();
    if (!metadata.empty())
        header["__metadata__"] = metadata;
    std::vector<at::Tensor> data;
    std::uint64_t offset = 0;
    std::set<std::string> names;
    for (const auto &[name, tensor] : tensors) {
        if (name == "__metadata__")
            fail(path, "a tensor cannot be named \"__metadata__\" (safetensors keeps its metadata there)");
        if (!names.insert(name).second)
            fail(path, "the tensor name \"" + name + "\" appears twice");
        const DtypeName *known = nullptr;
        for (const DtypeName &d : kDtypes) {
            if (tensor.scalar_type() == d.type)
                known = &d;
        }
        if (!known)
            fail(path, "tensor \"" + name + "\" is of type " + std::string(c10::toString(tensor.scalar_type()))
                           + ", which safetensors does not take");
        at::Tensor cpu = tensor.detach().to(torch::kCPU).contiguous();
        const std::uint64_t bytes = std::uint64_t(cpu.numel()) * cpu.element_size();
        header[name] = {{"dtype", known->safetensors}, {"shape", cpu.sizes().vec()}, {"data_offsets", {offset, offset + bytes}}};
        offset += bytes;
        data.push_back(std::move(cpu));
    }
    std::string json = header.dump();
    json.append((8 - json.size() % 8) % 8, ' ');
    std::string bytes;
    bytes.reserve(8 + json.size() + offset);
    for (int i = 0; i < 8; ++i)
        bytes.push_back(char((std::uint64_t(json.size()) >> (8 * i)) & 0xff));
    bytes += json;
    for (const at::Tensor &tensor : data)
        bytes.append(static_cast<const char *>(tensor.data_ptr()), std::size_t(tensor.numel()) * tensor.element_size());
    writeFileAtomically(path, bytes);
}

}
