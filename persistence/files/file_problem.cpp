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
// Several files may each bring max_file_problems; the message stays a screenful or two.
std::string describe(const std::vector<FileProblem>& problems) {
    constexpr std::size_t shown = 2 * max_file_problems;
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < problems.size() && i < shown; ++i) lines.push_back(problems[i].to_string());
    if (problems.size() > shown)
        lines.push_back(fmt::format("... and {} more problems", problems.size() - shown));
    return fmt::format("{}", fmt::join(lines, "\n"));
}
} // namespace

FileError::FileError(std::vector<FileProblem> problems)
    : std::runtime_error(describe(problems)), problems_(std::move(problems)) {}

} // namespace panelist
