#include "persistence/files/file_problem.hpp"

#include <fmt/format.h>

namespace panelist {

std::string FileProblem::to_string() const {
    std::string where = file;
    if (at.line > 0) where += fmt::format(":{}:{}", at.line, at.column);
    return field.empty() ? fmt::format("{}: {}", where, message)
                         : fmt::format("{}: {}: {}", where, field, message);
}

namespace {
std::string describe(const std::vector<FileProblem>& problems) {
    std::string text;
    for (const auto& p : problems) text += (text.empty() ? "" : "\n") + p.to_string();
    return text;
}
} // namespace

FileError::FileError(std::vector<FileProblem> problems)
    : std::runtime_error(describe(problems)), problems_(std::move(problems)) {}

} // namespace panelist
