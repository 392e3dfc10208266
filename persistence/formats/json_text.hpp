// JSON text read into nlohmann::json, the form the bundle reader checks field by field.
//
// nlohmann's own reader takes 20-25 ms per MB here, and a team folder holds thousands of
// scorecards; simdjson checks and splits the same text at about 2 GB/s. So valid text is read
// by simdjson and copied into nlohmann::json; text simdjson refuses is read by nlohmann, whose
// messages (with their byte position) are the ones users see, and whose verdict stands: a
// number too large for 64 bits, which simdjson refuses, nlohmann reads as a double, as before.
#pragma once
#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace panelist {

struct ParsedJson {
    nlohmann::json value;
    // Keys that appear twice in one object (nlohmann keeps the last one without a word).
    std::vector<std::string> duplicate_keys;
};

// Limits that keep reading any text under 200 MB of memory: nlohmann spends about 70 bytes a
// nesting level (50 MB of "[" took 3.7 GB) and 16-130 bytes a value, simdjson about as much
// again while both hold the text (a million short strings took 236 MB). Real scorecards hold
// a value every 80 bytes or so: 32 MiB of them (max_input_file_bytes) about 420,000, nesting 6.
constexpr int max_json_depth = 64;
constexpr std::size_t max_json_values = 750'000;

// Text over a limit, found by one pass over it before either reader builds anything.
class JsonTooLarge : public std::runtime_error {
public:
    JsonTooLarge(std::size_t byte, const std::string& why) : std::runtime_error(why), byte_(byte) {}
    std::size_t byte() const { return byte_; } // 0-based, where the limit was passed
private:
    std::size_t byte_;
};

// Throws JsonTooLarge past the limits, else what nlohmann::json::parse throws for the same
// text (parse_error, out_of_range).
ParsedJson parse_json_text(std::string_view text);

} // namespace panelist
