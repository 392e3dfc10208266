#include "domain/problem.hpp"

#include "domain/text.hpp"

#include <fmt/format.h>

namespace panelist {
namespace {
std::string describe(const std::string& what, const Problems& problems) {
    std::string text = fmt::format("{} is not valid:", what);
    for (const auto& p : problems) text += fmt::format(" {}: {};", p.field, p.message);
    text.pop_back();
    return text;
}
} // namespace

void check_length(Problems& problems, const char* field, std::string_view text, std::size_t limit) {
    if (const auto n = character_count(text); n > limit)
        problems.push_back({field, fmt::format("{} characters; at most {} fit", grouped(static_cast<long long>(n)),
                                               grouped(static_cast<long long>(limit)))});
}

void check_count(Problems& problems, const char* field, std::size_t count, std::size_t limit, std::string_view items) {
    if (count > limit) problems.push_back({field, fmt::format("{} {}; at most {} fit", count, items, limit)});
}

ValidationError::ValidationError(std::string what_invalid, Problems problems)
    : std::runtime_error(describe(what_invalid, problems)), problems_(std::move(problems)) {}

void throw_if_invalid(const std::string& what, const Problems& problems) {
    if (!problems.empty()) throw ValidationError(what, problems);
}

} // namespace panelist
