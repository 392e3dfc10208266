// libFuzzer target: any bytes as a scorecard bundle give a Bundle or a FileError, never a crash;
// and the fast JSON reading (simdjson) agrees with nlohmann's on every input, value or refusal.
#include "persistence/formats/bundle.hpp"
#include "persistence/formats/json_text.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>

namespace {

std::string nlohmann_reading(std::string_view text) {
    try {
        return nlohmann::json::parse(text).dump();
    } catch (const nlohmann::json::exception& e) {
        return e.what();
    }
}

// Empty when the text is past the size limits, which only the fast reading checks.
std::optional<std::string> fast_reading(std::string_view text) {
    try {
        return panelist::parse_json_text(text).value.dump();
    } catch (const nlohmann::json::exception& e) {
        return e.what();
    } catch (const panelist::JsonTooLarge&) {
        return std::nullopt;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (const auto fast = fast_reading(text); fast && *fast != nlohmann_reading(text))
        std::abort(); // the two readers disagree
    try {
        const auto bundle = panelist::read_bundle(text, "fuzz.json");
        (void)panelist::write_bundle(bundle); // what was read can always be written back
    } catch (const panelist::FileError&) {
        // the documented refusal; any other exception escapes and libFuzzer reports it
    }
    return 0;
}
