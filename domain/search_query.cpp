#include "domain/search_query.hpp"

#include "domain/text.hpp"

#include <fmt/format.h>
#include <optional>

namespace panelist {
namespace {

struct KeyName {
    std::string_view name;
    FilterKey key;
};
constexpr KeyName key_names[] = {{"topic", FilterKey::topic}, {"tag", FilterKey::tag},
                                 {"level", FilterKey::level}, {"diff", FilterKey::difficulty},
                                 {"difficulty", FilterKey::difficulty}, {"set", FilterKey::set}};

std::optional<FilterKey> find_key(std::string_view name) {
    for (const auto& k : key_names)
        if (k.name == name) return k.key;
    return std::nullopt;
}

bool is_key_char(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Reads the query left to right; `pos` is the index of the next unread character.
class Reader {
public:
    explicit Reader(std::string_view text) : text_(text) {}

    SearchQuery read() {
        SearchQuery query;
        for (skip_spaces(); pos_ < text_.size(); skip_spaces()) {
            const std::size_t start = pos_;
            read_item(query);
            // The index parses a search into a tree, one level a term: past a few dozen terms its
            // parser runs out of stack, and time grows with the square of the length.
            if (query.terms.size() + query.filters.size() + query.records.size() > max_search_items)
                throw QueryError(text_, start, fmt::format("a search holds at most {} words, phrases and filters; "
                                                        "this is one more",
                                                        max_search_items));
        }
        return query;
    }

private:
    void read_item(SearchQuery& query) {
        const std::size_t start = pos_;
        bool negated = false;
        if (text_[pos_] == '-') {
            negated = true;
            ++pos_;
            if (pos_ >= text_.size() || is_space(text_[pos_]))
                throw QueryError(text_, start, "'-' must be followed by a word, phrase or filter "
                                            "to exclude");
        }
        if (text_[pos_] == '"') {
            auto phrase = read_quoted();
            if (!phrase.empty()) query.terms.push_back({phrase, true, negated});
            return;
        }
        const std::size_t word_start = pos_;
        std::size_t key_end = pos_;
        while (key_end < text_.size() && is_key_char(text_[key_end])) ++key_end;
        if (key_end < text_.size() && text_[key_end] == ':' && key_end > word_start) {
            read_filter(query, word_start, key_end, negated);
            return;
        }
        auto word = read_bare();
        query.terms.push_back({word, false, negated, pos_ == text_.size()});
    }

    void read_filter(SearchQuery& query, std::size_t key_start, std::size_t key_end,
                     bool negated) {
        auto key_text = to_lower_ascii(text_.substr(key_start, key_end - key_start));
        if (key_text == "asked" || key_text == "quality" || key_text == "sort") {
            read_record_filter(query, key_text, key_start, key_end, negated);
            return;
        }
        auto key = find_key(key_text);
        if (!key)
            throw QueryError(text_, key_start,
                             fmt::format("unknown filter '{}:'; use topic:, tag:, level:, diff:, set:, "
                                         "asked:, quality: or sort:",
                                         key_text));
        pos_ = key_end + 1;
        std::string value;
        if (pos_ < text_.size() && text_[pos_] == '"') value = read_quoted();
        else value = read_bare();
        if (value.empty())
            throw QueryError(text_, key_start, fmt::format("'{}:' needs a value, e.g. {}", key_text,
                                                        example(*key)));
        if (*key != FilterKey::set) value = to_lower_ascii(value);
        check_value(*key, value, key_start);
        query.filters.push_back({*key, value, negated});
    }

    // asked:>20, quality:low, sort:asked: what real loops measured, not what the index holds.
    void read_record_filter(SearchQuery& query, const std::string& key, std::size_t key_start, std::size_t key_end,
                            bool negated) {
        pos_ = key_end + 1;
        const std::string value = to_lower_ascii(read_bare());
        if (key == "sort") {
            if (negated) throw QueryError(text_, key_start, "sort: cannot be excluded with '-'");
            if (value == "asked") query.sort = RecordSort::asked;
            else if (value == "quality") query.sort = RecordSort::quality;
            else if (value == "last") query.sort = RecordSort::last_asked;
            else
                throw QueryError(text_, key_start,
                                 fmt::format("sort:{} is not an order; use sort:asked, sort:quality or sort:last",
                                             excerpt(value, 20)));
            return;
        }
        RecordFilter f;
        f.negated = negated;
        if (key == "quality") {
            if (value != "low" && value != "ok" && value != "unmeasured")
                throw QueryError(text_, key_start,
                                 fmt::format("quality:{} is not a quality; use quality:low, quality:ok or "
                                             "quality:unmeasured",
                                             excerpt(value, 20)));
            f.key = RecordKey::quality;
            f.word = value;
            query.records.push_back(f);
            return;
        }
        f.key = RecordKey::asked;
        std::string_view rest = value;
        const auto starts = [&](std::string_view p) { return rest.substr(0, p.size()) == p; };
        if (starts(">=")) f.comparison = Comparison::greater_or_equal, rest.remove_prefix(2);
        else if (starts("<=")) f.comparison = Comparison::less_or_equal, rest.remove_prefix(2);
        else if (starts(">")) f.comparison = Comparison::greater, rest.remove_prefix(1);
        else if (starts("<")) f.comparison = Comparison::less, rest.remove_prefix(1);
        else if (starts("=")) rest.remove_prefix(1);
        const bool digits = !rest.empty() && rest.size() <= 6 &&
                            rest.find_first_not_of("0123456789") == std::string_view::npos;
        if (!digits)
            throw QueryError(text_, key_start,
                             fmt::format("asked:{} is not a count; use e.g. asked:>20, asked:0 or asked:<=3",
                                         excerpt(value, 20)));
        f.number = std::stoi(std::string(rest));
        query.records.push_back(f);
    }

    static std::string example(FilterKey key) {
        switch (key) {
        case FilterKey::topic: return "topic:monitoring";
        case FilterKey::tag: return "tag:drift";
        case FilterKey::level: return "level:senior";
        case FilterKey::difficulty: return "diff:hard";
        case FilterKey::set: return "set:\"Senior onsite\"";
        }
        return "";
    }

    void check_value(FilterKey key, const std::string& value, std::size_t at) const {
        if (key == FilterKey::level && !parse_level(value))
            throw QueryError(text_, at, fmt::format("level:{} is not a level; use junior, senior or "
                                                 "both",
                                                 value));
        if (key == FilterKey::difficulty && !parse_difficulty(value))
            throw QueryError(text_, at, fmt::format("diff:{} is not a difficulty; use easy, medium "
                                                 "or hard",
                                                 value));
    }

    std::string read_quoted() {
        const std::size_t open = pos_;
        ++pos_;
        const std::size_t close = text_.find('"', pos_);
        if (close == std::string_view::npos)
            throw QueryError(text_, open, "this quote is never closed");
        std::string inner = trim(text_.substr(pos_, close - pos_));
        pos_ = close + 1;
        return inner;
    }

    std::string read_bare() {
        const std::size_t start = pos_;
        while (pos_ < text_.size() && !is_space(text_[pos_])) {
            if (text_[pos_] == '"')
                throw QueryError(text_, pos_, "a quote must start a phrase, e.g. \"feature store\"");
            ++pos_;
        }
        return std::string(text_.substr(start, pos_ - start));
    }

    static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
    void skip_spaces() {
        while (pos_ < text_.size() && is_space(text_[pos_])) ++pos_;
    }

    std::string_view text_;
    std::size_t pos_ = 0;
};

} // namespace

QueryError::QueryError(std::string_view query, std::size_t at, const std::string& message)
    : QueryError(character_count(query.substr(0, at)) + 1, at, message) {}

QueryError::QueryError(std::size_t column, std::size_t at, const std::string& message)
    : std::runtime_error(fmt::format("column {}: {}", column, message)), column_(column), byte_(at) {}

SearchQuery parse_search_query(std::string_view text) {
    if (text.size() > max_search_bytes)
        throw QueryError(text, max_search_bytes, fmt::format("a search is at most {} characters", max_search_bytes));
    if (const auto bad = invalid_utf8_at(text); bad != std::string_view::npos)
        throw QueryError(text, bad, "this is not valid UTF-8 text");
    return Reader(text).read();
}

std::string_view filter_name(FilterKey key) {
    switch (key) {
    case FilterKey::topic: return "topic";
    case FilterKey::tag: return "tag";
    case FilterKey::level: return "level";
    case FilterKey::difficulty: return "diff";
    case FilterKey::set: return "set";
    }
    return "?";
}

} // namespace panelist
