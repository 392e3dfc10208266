#include "domain/problem.hpp"

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

ValidationError::ValidationError(std::string what_invalid, Problems problems)
    : std::runtime_error(describe(what_invalid, problems)), problems_(std::move(problems)) {}

void throw_if_invalid(const std::string& what, const Problems& problems) {
    if (!problems.empty()) throw ValidationError(what, problems);
}

} // namespace panelist
