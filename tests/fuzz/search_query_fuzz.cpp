// libFuzzer target: any text typed into the Library's search gives a query or a QueryError.
#include "domain/search_query.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        (void)panelist::parse_search_query(text);
    } catch (const panelist::QueryError& e) {
        // The column points into what was typed (one past the end at most).
        if (e.column() < 1 || e.column() > size + 1) __builtin_trap();
    }
    return 0;
}
