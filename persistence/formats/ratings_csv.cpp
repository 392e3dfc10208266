// Reading a ratings CSV: UTF-8 check, CSV cells with positions, then header/name detection.
#include "persistence/formats/ratings_csv.hpp"

#include "domain/text.hpp"
#include "persistence/files/files.hpp"
#include "persistence/formats/question_file.hpp"

#include <charconv>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <optional>

namespace panelist {
namespace {

constexpr std::size_t max_problems = 20; // enough to fix a file; more only scrolls away

struct Cell {
    std::string text; // trimmed unless quoted
    SourcePosition at;
};

struct Record {
    std::vector<Cell> cells;
    SourcePosition end; // just past the last character, for "too few cells"
};

[[noreturn]] void fail(const std::string& file, SourcePosition at, std::string message,
                       std::string field = "") {
    throw FileError({{file, at, std::move(field), std::move(message)}});
}

// Refuses, at its line and column, the first byte that is not UTF-8 (the domain's one check)
// or is a control character.
void check_text(std::string_view text, const std::string& file) {
    const std::size_t bad_utf8 = invalid_utf8_at(text);
    SourcePosition at{1, 1};
    std::size_t i = 0;
    while (i < text.size()) {
        if (i == bad_utf8) fail(file, at, "not valid UTF-8; save the file as UTF-8 text");
        const auto b = static_cast<unsigned char>(text[i]);
        // Valid UTF-8 up to bad_utf8: the lead byte gives the character's length.
        const std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
            fail(file, at,
                 fmt::format("control character 0x{:02X}; this does not look like a CSV text file",
                             b));
        }
        const bool lone_cr = b == '\r' && (i + 1 == text.size() || text[i + 1] != '\n');
        if (b == '\n' || lone_cr)
            at = {at.line + 1, 1};
        else
            ++at.column;
        i += len;
    }
}

// Splits valid UTF-8 text into records of cells, each with where it starts. Blank lines are
// skipped; "quoted" cells may hold commas, doubled quotes and line breaks.
class CsvSplitter {
  public:
    CsvSplitter(std::string_view text, const std::string& file) : text_(text), file_(file) {}

    std::vector<Record> records() {
        std::vector<Record> out;
        while (i_ < text_.size()) {
            Record r = record();
            const bool blank = r.cells.size() == 1 && r.cells[0].text.empty() && !quoted_last_;
            if (blank) continue;
            if (out.size() > max_ratings_candidates) // the header, if any, is one more row
                fail(file_, r.cells[0].at,
                     fmt::format("more than {} candidates; one loop's ratings are far fewer",
                                 max_ratings_candidates));
            out.push_back(std::move(r));
        }
        return out;
    }

  private:
    bool at_line_end() const {
        return i_ >= text_.size() || text_[i_] == '\n' || text_[i_] == '\r';
    }

    void advance() {
        const auto b = static_cast<unsigned char>(text_[i_]);
        if (b == '\n')
            pos_ = {pos_.line + 1, 1};
        else if ((b & 0xC0) != 0x80)
            ++pos_.column; // count characters, not bytes
        ++i_;
    }

    void skip_line_end() {
        if (i_ < text_.size() && text_[i_] == '\r') {
            ++i_;
            if (i_ < text_.size() && text_[i_] == '\n') ++i_;
            pos_ = {pos_.line + 1, 1};
        } else if (i_ < text_.size()) {
            advance(); // '\n'
        }
    }

    void skip_blanks() {
        while (i_ < text_.size() && (text_[i_] == ' ' || text_[i_] == '\t'))
            advance();
    }

    Record record() {
        Record r;
        for (;;) {
            if (r.cells.size() == max_ratings_interviewers + 1) // plus a column of names
                fail(file_, pos_,
                     fmt::format("more than {} columns (a column of names and {} interviewers); one "
                                 "loop's interviewers are far fewer",
                                 max_ratings_interviewers + 1, max_ratings_interviewers));
            r.cells.push_back(cell());
            if (at_line_end()) break;
            advance(); // ','
        }
        r.end = pos_;
        skip_line_end();
        return r;
    }

    Cell cell() {
        const SourcePosition start = pos_;
        skip_blanks();
        quoted_last_ = i_ < text_.size() && text_[i_] == '"';
        if (!quoted_last_) {
            const SourcePosition content = pos_;
            const std::size_t begin = i_;
            while (!at_line_end() && text_[i_] != ',') {
                if (text_[i_] == '"')
                    fail(file_, pos_,
                         "a quote inside an unquoted cell; quote the whole cell "
                         "and double the inner quote (\"\")");
                advance();
            }
            std::string text = trim(text_.substr(begin, i_ - begin));
            const SourcePosition at = text.empty() ? start : content;
            return {std::move(text), at};
        }
        const SourcePosition open = pos_;
        advance();
        std::string text;
        for (;;) {
            if (i_ >= text_.size()) fail(file_, open, "this quote is never closed");
            if (text_[i_] == '"') {
                if (i_ + 1 < text_.size() && text_[i_ + 1] == '"') {
                    text += '"';
                    advance();
                    advance();
                    continue;
                }
                advance();
                break;
            }
            text += text_[i_];
            advance();
        }
        skip_blanks();
        if (!at_line_end() && text_[i_] != ',')
            fail(file_, pos_, "text after the closing quote; put a comma between cells");
        return {std::move(text), open};
    }

    std::string_view text_;
    const std::string& file_;
    std::size_t i_ = 0;
    SourcePosition pos_{1, 1};
    bool quoted_last_ = false;
};

std::optional<double> number(const std::string& text) {
    double value = 0;
    const char* begin = text.data();
    const char* end = begin + text.size();
    if (text.size() > 1 && text[0] == '+' && text[1] != '-') ++begin; // from_chars refuses "+3"
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
    return value;
}

bool is_name(const Cell& c) {
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
    check_text(text, file_name);
    std::vector<Record> records = CsvSplitter(text, file_name).records();
    if (records.empty())
        fail(file_name, {1, 1}, "the file is empty; expected one row of scores per candidate");

    const std::size_t width = records.front().cells.size();
    for (const Record& r : records) {
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
        const Cell& c = records[i].cells[0];
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
            const Cell& c = cells[j];
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
