// The Library's search language: free words, "quoted phrases", filters and -negation.
//
//   topic:monitoring level:senior drift -"feature store" -tag:kubernetes set:"Senior onsite"
//
// Words and phrases are matched against prompt, answer, follow-ups, rubric and tags; every
// term must match. The word at the very end, until a space follows it, is still being typed
// and also matches as the start of a word. Filters with the same key are alternatives (topic:a topic:b is either);
// different keys must all hold. A '-' in front of a word, phrase or filter excludes matches.
#pragma once
#include "domain/enums.hpp"

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace panelist {

enum class FilterKey { topic, tag, level, difficulty, set };

struct TextTerm {
    std::string text;
    bool phrase = false;
    bool negated = false;
    // A bare word at the very end of the query, with no space after it yet: the user may still
    // be typing it, so search treats it as the start of a word.
    bool being_typed = false;
    bool operator==(const TextTerm&) const = default;
};

struct Filter {
    FilterKey key;
    std::string value; // lower-cased, except for set names
    bool negated = false;
    bool operator==(const Filter&) const = default;
};

// What real loops measured about a question (domain/question_record.hpp), asked of in a search
// and applied after the index has found the words and filters above:
//   asked:>20  asked:0  asked:<=3     interviews that asked it (over-exposed past 20 a year)
//   quality:low  quality:ok  quality:unmeasured   whether it still tells candidates apart
//   sort:asked  sort:quality  sort:last           most asked, least telling, or last asked first
enum class RecordKey { asked, quality };
enum class Comparison { equal, less, less_or_equal, greater, greater_or_equal };
struct RecordFilter {
    RecordKey key = RecordKey::asked;
    Comparison comparison = Comparison::equal; // asked:
    int number = 0;                            // asked:
    std::string word;                          // quality: low, ok or unmeasured
    bool negated = false;
    bool operator==(const RecordFilter&) const = default;
};
enum class RecordSort { none, asked, quality, last_asked };

struct SearchQuery {
    std::vector<TextTerm> terms;
    std::vector<Filter> filters;
    std::vector<RecordFilter> records;
    RecordSort sort = RecordSort::none;
    bool empty() const { return terms.empty() && filters.empty(); } // for the index: every question
    bool uses_records() const { return !records.empty() || sort != RecordSort::none; }
    bool operator==(const SearchQuery&) const = default;
};

// A query that cannot be read: the message names the problem and its column, counted in
// characters from 1 as a person counts them ("日本 \"abc": the quote is column 4).
class QueryError : public std::runtime_error {
public:
    // `at` is the byte where the problem starts in `query`.
    QueryError(std::string_view query, std::size_t at, const std::string& message);
    std::size_t column() const { return column_; }
    std::size_t byte() const { return byte_; } // where it starts, in bytes from 0

private:
    QueryError(std::size_t column, std::size_t at, const std::string& message);
    std::size_t column_;
    std::size_t byte_;
};

// Limits that keep a search's time linear in its length (README, "Search queries").
constexpr std::size_t max_search_items = 32;
constexpr std::size_t max_search_bytes = 1000;
SearchQuery parse_search_query(std::string_view text); // throws QueryError
std::string_view filter_name(FilterKey);

} // namespace panelist
