// libFuzzer target: any bytes as a ratings CSV give a matrix or a FileError, never a crash.
#include "persistence/formats/question_file.hpp"
#include "persistence/formats/ratings_csv.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto m = panelist::parse_ratings_csv(text, "fuzz.csv");
        (void)m.candidate_count();
    } catch (const panelist::FileError&) {
        // the documented refusal; any other exception escapes and libFuzzer reports it
    }
    return 0;
}
