#include "persistence/formats/csv_reader.hpp"

#include "domain/text.hpp"

#include <fmt/format.h>

namespace panelist {
namespace {

[[noreturn]] void fail(const std::string& file, SourcePosition at, std::string message,
                       std::string field = "") {
    throw FileError({{file, at, std::move(field), std::move(message)}});
}

// Refuses, at its line and column, the first byte that is not UTF-8 (the domain's one check)
// or is a control character.
void check_text_impl(std::string_view text, const std::string& file) {
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
    CsvSplitter(std::string_view text, const std::string& file, const CsvLimits& limits)
        : text_(text), file_(file), limits_(limits) {}

    std::vector<CsvRecord> records() {
        std::vector<CsvRecord> out;
        while (i_ < text_.size()) {
            CsvRecord r = record();
            const bool blank = r.cells.size() == 1 && r.cells[0].text.empty() && !quoted_last_;
            if (blank) continue;
            if (out.size() > limits_.rows) fail(file_, r.cells[0].at, limits_.too_many_rows); // a header is one more
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

    CsvRecord record() {
        CsvRecord r;
        for (;;) {
            if (r.cells.size() == limits_.columns) fail(file_, pos_, limits_.too_many_columns);
            r.cells.push_back(cell());
            if (at_line_end()) break;
            advance(); // ','
        }
        r.end = pos_;
        skip_line_end();
        return r;
    }

    CsvCell cell() {
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
            return {std::move(text), at, false};
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
        return {std::move(text), open, true};
    }

    std::string_view text_;
    const std::string& file_;
    const CsvLimits& limits_;
    std::size_t i_ = 0;
    SourcePosition pos_{1, 1};
    bool quoted_last_ = false;
};

} // namespace

void check_csv_text(std::string_view text, const std::string& file) { check_text_impl(text, file); }

std::vector<CsvRecord> split_csv(std::string_view text, const std::string& file, const CsvLimits& limits) {
    return CsvSplitter(text, file, limits).records();
}

} // namespace panelist
