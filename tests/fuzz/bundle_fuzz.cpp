// libFuzzer target: any bytes as a scorecard bundle give a Bundle or a FileError, never a crash.
#include "persistence/formats/bundle.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto bundle = panelist::read_bundle(text, "fuzz.json");
        (void)panelist::write_bundle(bundle); // what was read can always be written back
    } catch (const panelist::FileError&) {
        // the documented refusal; any other exception escapes and libFuzzer reports it
    }
    return 0;
}
