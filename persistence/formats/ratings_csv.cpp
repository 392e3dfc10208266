// Reading a ratings CSV: UTF-8 check, CSV cells with positions, then header/name detection.
#include "persistence/formats/ratings_csv.hpp"

#include "domain/text.hpp"
#include "persistence/files/files.hpp"
#include "persistence/formats/csv_reader.hpp"
#include "persistence/formats/question_file.hpp"

#include <charconv>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <optional>

namespace panelist {
namespace {

constexpr std::size_t max_problems = 20; // enough to fix a file; more only scrolls away

[[noreturn]] void fail(const std::string& file, SourcePosition at, std::string message,
                       std::string field = "") {
    throw FileError({{file, at, std::move(field), std::move(message)}});
}

std::optional<double> number(const std::string& text) {
    double value = 0;
    const char* begin = text.data();
    const char* end = begin + text.size();
    if (text.size() > 1 && text[0] == '+' && text[1] != '-') ++begin; // from_chars refuses "+3"
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
    return value;
}

bool is_name(const CsvCell& c) {
    return !c.text.empty() && !number(c.text);
}

// Collects cell problems up to max_problems, then throws them all at once.
class ProblemList {
  public:
    explicit ProblemList(const std::string& file) : file_(file) {}
    void add(SourcePosition at, std::string field, std::string message) {
        list_.push_back({file_, at, std::move(field), std::move(message)});
        if (list_.size() >= max_problems) throw_if_any();
    }
    void throw_if_any() {
        if (!list_.empty()) throw FileError(std::move(list_));
    }

  private:
    const std::string& file_;
    std::vector<FileProblem> list_;
};

} // namespace

RatingsMatrix parse_ratings_csv(std::string_view text, const std::string& file_name) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3); // spreadsheets like to add one
    check_csv_text(text, file_name);
    const CsvLimits limits{max_ratings_candidates, max_ratings_interviewers + 1, // plus a column of names
                           fmt::format("more than {} candidates; one loop's ratings are far fewer", max_ratings_candidates),
                           fmt::format("more than {} columns (a column of names and {} interviewers); one loop's "
                                       "interviewers are far fewer",
                                       max_ratings_interviewers + 1, max_ratings_interviewers)};
    std::vector<CsvRecord> records = split_csv(text, file_name, limits);
    if (records.empty())
        fail(file_name, {1, 1}, "the file is empty; expected one row of scores per candidate");

    const std::size_t width = records.front().cells.size();
    for (const CsvRecord& r : records) {
        if (r.cells.size() == width) continue;
        const SourcePosition at = r.cells.size() > width ? r.cells[width].at : r.end;
        fail(file_name, at,
             fmt::format("this row has {} cells; the first row has {}", r.cells.size(), width));
    }

    // A header names interviewers: some cell past the first is a name and none is a number
    // (so a row like "3,NA,4" is read as scores and "NA" reported, not taken for names).
    const auto& first = records.front().cells;
    bool some_name = false, some_number = false;
    for (std::size_t j = width > 1 ? 1 : 0; j < width; ++j) {
        some_name = some_name || is_name(first[j]);
        some_number = some_number || (!first[j].text.empty() && !is_name(first[j]));
    }
    const bool header = some_name && !some_number;
    const std::size_t first_data = header ? 1 : 0;
    if (first_data == records.size())
        fail(file_name, {records.front().end.line + 1, 1},
             "no candidates: the file has a header row of interviewer names and nothing else");
    // Likewise candidate names: some first cell is a name and none is a number.
    some_name = some_number = false;
    for (std::size_t i = first_data; i < records.size(); ++i) {
        const CsvCell& c = records[i].cells[0];
        some_name = some_name || is_name(c);
        some_number = some_number || (!c.text.empty() && !is_name(c));
    }
    const bool names = some_name && !some_number;
    const std::size_t first_score = names ? 1 : 0;
    if (first_score == width)
        fail(file_name, records[first_data].cells[0].at,
             "no columns of scores: the only column holds candidate names");
    if (width - first_score > max_ratings_interviewers)
        fail(file_name, records.front().cells[first_score + max_ratings_interviewers].at,
             fmt::format("more than {} interviewers; one loop's panel is far smaller",
                         max_ratings_interviewers));
    if (records.size() - first_data > max_ratings_candidates)
        fail(file_name, records[first_data + max_ratings_candidates].cells[0].at,
             fmt::format("more than {} candidates; one loop's ratings are far fewer",
                         max_ratings_candidates));

    ProblemList problems(file_name);
    std::vector<std::string> interviewers;
    std::map<std::string, std::size_t> column_of;
    for (std::size_t j = first_score; j < width; ++j) {
        std::string name = header ? first[j].text : "";
        if (name.empty()) name = fmt::format("interviewer {}", interviewers.size() + 1);
        if (auto [it, added] = column_of.try_emplace(name, j + 1); !added)
            problems.add(first[j].at, "",
                         fmt::format("interviewer '{}' already heads column {}", name, it->second));
        interviewers.push_back(std::move(name));
    }

    std::vector<std::string> candidates;
    std::vector<std::vector<Rating>> rows;
    std::map<std::string, int> line_of;
    for (std::size_t i = first_data; i < records.size(); ++i) {
        const auto& cells = records[i].cells;
        if (names) {
            std::string name = cells[0].text;
            if (name.empty()) name = fmt::format("candidate {}", rows.size() + 1);
            if (auto [it, added] = line_of.try_emplace(name, cells[0].at.line); !added)
                problems.add(cells[0].at, "",
                             fmt::format("candidate '{}' is already on line {}", name, it->second));
            candidates.push_back(std::move(name));
        }
        std::vector<Rating> row;
        for (std::size_t j = first_score; j < width; ++j) {
            const CsvCell& c = cells[j];
            if (c.text.empty()) {
                row.emplace_back();
            } else if (auto value = number(c.text);
                       value && (std::abs(*value) > max_rating_magnitude ||
                                 (*value != 0 && std::abs(*value) < min_rating_magnitude))) {
                // Sums of squares of such numbers overflow or underflow: no statistic could be trusted.
                problems.add(c.at, fmt::format("interviewer '{}'", interviewers[j - first_score]),
                             fmt::format("'{}' is not a score on any scale this reads (0, or 0.000001 to "
                                         "1,000,000 either side of it)",
                                         c.text));
                row.emplace_back();
            } else if (value) {
                row.emplace_back(*value);
            } else {
                problems.add(c.at, fmt::format("interviewer '{}'", interviewers[j - first_score]),
                             fmt::format("'{}' is not a number (leave the cell empty for no score)",
                                         c.text));
                row.emplace_back();
            }
        }
        rows.push_back(std::move(row));
    }
    problems.throw_if_any();
    try {
        return RatingsMatrix(std::move(rows), std::move(candidates), std::move(interviewers));
    } catch (const std::invalid_argument& e) { // every rule is checked above; kept as a safety net
        fail(file_name, {}, e.what());
    }
}

RatingsMatrix read_ratings_csv(const std::filesystem::path& path) {
    return parse_ratings_csv(read_text_file(path), path.string());
}

} // namespace panelist
