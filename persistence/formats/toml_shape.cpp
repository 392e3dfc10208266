#include "persistence/formats/toml_shape.hpp"

#include "domain/text.hpp"
#include "persistence/files/files.hpp"

#include <fmt/format.h>

namespace panelist {
namespace {

// Walks the text as TOML's lexer would, only far enough to tell strings and comments from the
// rest, and keeps the line and column (in characters, as toml++ counts them) of where it is.
class Walker {
public:
    explicit Walker(std::string_view text) : text_(text) {}

    bool done() const { return i_ >= text_.size(); }
    char at(std::size_t ahead = 0) const { return i_ + ahead < text_.size() ? text_[i_ + ahead] : '\0'; }
    bool starts(std::string_view s) const { return text_.substr(i_, s.size()) == s; }
    SourcePosition position() const { return {line_, column_}; }

    void step() {
        if (done()) return; // a string or comment left open at the end
        const char c = text_[i_++];
        if (c == '\n') ++line_, column_ = 1;
        else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column_; // not a UTF-8 continuation
    }
    void step(std::size_t n) {
        for (std::size_t k = 0; k < n; ++k) step();
    }

    // From an opening quote to past its closing one; a string left open runs to the end, where
    // toml++ reports it.
    void skip_string() {
        const char quote = at();
        const bool escapes = quote == '"';
        const std::string_view triple = quote == '"' ? "\"\"\"" : "'''";
        if (starts(triple)) {
            step(3);
            while (!done() && !starts(triple)) step(escapes && at() == '\\' ? 2 : 1);
            step(3);
            while (at() == quote) step(); // """a"""" ends with a quote in the string
            return;
        }
        step();
        while (!done() && at() != quote && at() != '\n') step(escapes && at() == '\\' ? 2 : 1);
        step();
    }

    void skip_comment() {
        while (!done() && at() != '\n') step();
    }

private:
    std::string_view text_;
    std::size_t i_ = 0;
    int line_ = 1, column_ = 1;
};

} // namespace

std::optional<FileProblem> question_file_over_limits(std::string_view text, const std::string& file_name) {
    Walker walk(text);
    std::size_t values = 0;
    while (!walk.done()) {
        switch (walk.at()) {
        case '"':
        case '\'': walk.skip_string(); continue;
        case '#': walk.skip_comment(); continue;
        case '=':
        case ',':
        case '[':
        case '{':
        case '.':
            if (++values > max_question_file_values)
                return FileProblem{file_name, walk.position(), "",
                                   fmt::format("holds more than {} values (an export of about 20,000 "
                                               "questions); split it into smaller files",
                                               grouped(static_cast<long long>(max_question_file_values)))};
            break;
        default: break;
        }
        walk.step();
    }
    return std::nullopt;
}

std::optional<std::string> too_large_to_import(std::string_view text) {
    if (text.size() <= max_input_file_bytes && !question_file_over_limits(text, ""))
        return std::nullopt;
    return fmt::format("This file is more than one import reads ({} MiB or {} values): to move the "
                       "bank, cut it at [[question]] lines into smaller files and import them one after "
                       "another, the part with the [[set]] tables last.",
                       max_input_file_bytes >> 20, grouped(static_cast<long long>(max_question_file_values)));
}

} // namespace panelist
