#include "persistence/formats/json_text.hpp"

#include <simdjson.h>

#include <functional>
#include <set>

namespace panelist {
namespace {

using json = nlohmann::json;

// Duplicate keys as nlohmann's reader meets them: one set of keys per open object.
class DuplicateKeys {
public:
    explicit DuplicateKeys(std::vector<std::string>& out) : out_(out) {}
    bool operator()(int /*depth*/, json::parse_event_t event, json& parsed) {
        if (event == json::parse_event_t::object_start)
            keys_.emplace_back();
        else if (event == json::parse_event_t::object_end && !keys_.empty())
            keys_.pop_back();
        else if (event == json::parse_event_t::key && !keys_.empty()) {
            auto key = parsed.get<std::string>();
            if (!keys_.back().insert(key).second) out_.push_back(key);
        }
        return true;
    }

private:
    std::vector<std::string>& out_;
    std::vector<std::set<std::string>> keys_;
};

// The same value nlohmann's reader would build: a non-negative integer is unsigned there, the
// last of two equal keys wins, and the keys an object repeats are listed in the order met.
json copied(simdjson::dom::element e, std::vector<std::string>& duplicates) {
    using Type = simdjson::dom::element_type;
    switch (e.type()) {
    case Type::ARRAY: {
        json out = json::array();
        auto& items = out.get_ref<json::array_t&>();
        const simdjson::dom::array array = e.get_array().value_unsafe(); // a handle, held while walked
        for (const auto item : array) items.push_back(copied(item, duplicates));
        return out;
    }
    case Type::OBJECT: {
        json out = json::object();
        auto& fields = out.get_ref<json::object_t&>();
        const simdjson::dom::object object = e.get_object().value_unsafe();
        for (const auto field : object) {
            auto [at, added] = fields.insert_or_assign(std::string(field.key), json());
            if (!added) duplicates.emplace_back(field.key);
            at->second = copied(field.value, duplicates);
        }
        return out;
    }
    case Type::INT64: {
        const std::int64_t v = e.get_int64().value_unsafe();
        return v >= 0 ? json(static_cast<std::uint64_t>(v)) : json(v);
    }
    case Type::UINT64:
        return e.get_uint64().value_unsafe();
    case Type::DOUBLE:
        return e.get_double().value_unsafe();
    case Type::STRING:
        return std::string(e.get_string().value_unsafe());
    case Type::BOOL:
        return e.get_bool().value_unsafe();
    case Type::NULL_VALUE:
        break;
    }
    return nullptr;
}

} // namespace

ParsedJson parse_json_text(std::string_view text) {
    ParsedJson parsed;
    thread_local simdjson::dom::parser fast; // keeps its buffers from one file to the next
    simdjson::dom::element root;
    if (fast.parse(text.data(), text.size(), true).get(root) == simdjson::SUCCESS) {
        parsed.value = copied(root, parsed.duplicate_keys);
        return parsed;
    }
    parsed.value = json::parse(text, DuplicateKeys(parsed.duplicate_keys));
    return parsed;
}

} // namespace panelist
