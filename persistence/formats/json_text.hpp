// JSON text read into nlohmann::json, the form the bundle reader checks field by field.
//
// nlohmann's own reader takes 20-25 ms per MB here, and a team folder holds thousands of
// scorecards; simdjson checks and splits the same text at about 2 GB/s. So valid text is read
// by simdjson and copied into nlohmann::json; text simdjson refuses is read by nlohmann, whose
// messages (with their byte position) are the ones users see, and whose verdict stands: a
// number too large for 64 bits, which simdjson refuses, nlohmann reads as a double, as before.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace panelist {

struct ParsedJson {
    nlohmann::json value;
    // Keys that appear twice in one object (nlohmann keeps the last one without a word).
    std::vector<std::string> duplicate_keys;
};

// Throws what nlohmann::json::parse throws for the same text (parse_error, out_of_range).
ParsedJson parse_json_text(std::string_view text);

} // namespace panelist
