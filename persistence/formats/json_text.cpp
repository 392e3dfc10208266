#include "persistence/formats/json_text.hpp"

#include "domain/text.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
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

// One pass over the text, strings skipped: how deep it nests and how many values it holds
// (each '[' '{' and ',' starts one at most), refused at the byte that passes a limit.
void check_size(std::string_view text) {
    int depth = 0;
    std::size_t values = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
            continue;
        }
        switch (c) {
        case '"': in_string = true; break;
        case '[':
        case '{':
            if (++depth > max_json_depth)
                throw JsonTooLarge(i, fmt::format("nested deeper than {} levels; a bundle is never that deep",
                                                  max_json_depth));
            [[fallthrough]];
        case ',':
            if (++values > max_json_values)
                throw JsonTooLarge(i, fmt::format("holds more than {} values (32 MiB of scorecards "
                                                  "holds about 420,000); split it into smaller bundles",
                                                  grouped(static_cast<long long>(max_json_values))));
            break;
        case ']':
        case '}': --depth; break;
        default: break;
        }
    }
}

} // namespace

ParsedJson parse_json_text(std::string_view text) {
    // simdjson indexes every bracket before it checks depth, four bytes each: a large text is
    // measured first. A small one (a scorecard is 35 KB) cannot hold enough to matter, and
    // simdjson refuses it past max_json_depth itself.
    constexpr std::size_t measured_from = 1u << 20;
    if (text.size() > measured_from) check_size(text);
    ParsedJson parsed;
    // A parser keeps buffers of about 15 bytes for each byte of the largest text it has read:
    // one per thread is kept for the small texts read by the thousand (scorecards), a large
    // one gets its own, given back when read.
    thread_local simdjson::dom::parser kept;
    simdjson::dom::parser once;
    simdjson::dom::parser& fast = text.size() > measured_from ? once : kept;
    simdjson::dom::element root;
    const std::size_t capacity = std::max<std::size_t>(text.size(), 4096);
    const bool ready = (fast.capacity() >= capacity && fast.max_depth() == max_json_depth) ||
                       fast.allocate(capacity, max_json_depth) == simdjson::SUCCESS;
    if (ready && fast.parse(text.data(), text.size(), true).get(root) == simdjson::SUCCESS) {
        parsed.value = copied(root, parsed.duplicate_keys);
        return parsed;
    }
    if (text.size() <= measured_from) check_size(text);
    parsed.value = json::parse(text, DuplicateKeys(parsed.duplicate_keys));
    return parsed;
}

} // namespace panelist
