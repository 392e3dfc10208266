#include "persistence/files/file_problem.hpp"

#include "domain/text.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <vector>

namespace panelist {

// The field comes from the file (an unknown key may be 30 MB, or hold a NUL that would end the
// message wherever it is read as a C string): shown short, and with its controls as escapes.
std::string FileProblem::to_string() const {
    std::string where = file;
    if (at.line > 0) where += fmt::format(":{}:{}", at.line, at.column);
    return field.empty() ? fmt::format("{}: {}", where, visible_controls(message))
                         : fmt::format("{}: {}: {}", where, visible_controls(excerpt(field)), visible_controls(message));
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
