// libFuzzer target: any bytes as a question file give problems or content, never a crash.
#include "persistence/formats/question_file.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // Documented: bad content gives problems, never an exception. Anything thrown aborts.
    const auto reading = panelist::read_question_file(text, "fuzz.toml");
    for (const auto& p : reading.problems)
        (void)p.to_string();
    return 0;
}
