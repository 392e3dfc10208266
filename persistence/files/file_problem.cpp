#include "persistence/files/file_problem.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <vector>

namespace panelist {

std::string FileProblem::to_string() const {
    std::string where = file;
    if (at.line > 0) where += fmt::format(":{}:{}", at.line, at.column);
    return field.empty() ? fmt::format("{}: {}", where, message)
                         : fmt::format("{}: {}: {}", where, field, message);
}

namespace {
std::string describe(const std::vector<FileProblem>& problems) {
    std::vector<std::string> lines;
    for (const auto& p : problems) lines.push_back(p.to_string());
    return fmt::format("{}", fmt::join(lines, "\n"));
}
} // namespace

FileError::FileError(std::vector<FileProblem> problems)
    : std::runtime_error(describe(problems)), problems_(std::move(problems)) {}

} // namespace panelist
