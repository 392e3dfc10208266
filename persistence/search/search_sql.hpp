// Turns a parsed search query into one FTS5 MATCH expression over the search index: words and
// phrases against the question's texts, filters as facet tokens (search_index.hpp).
#pragma once
#include "domain/search_query.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace panelist {

// One phrase of the MATCH expression, as FTS5 numbers them (left to right), so ranking can be
// told how rare each is.
struct PlannedPhrase {
    enum class Kind { text, text_prefix, facet } kind;
    std::string text; // as typed (text kinds) or the token (facet)
};

struct SearchPlan {
    std::string match;   // empty: neither words nor filters, so the whole bank
    bool ranked = false; // has words to rank matches by
    std::vector<PlannedPhrase> phrases;
};

// An indexed term a word being typed may become; `as_start`: look it up as the start of a word,
// because the stemmer would turn the term itself into another.
struct WordStart {
    std::string term;
    bool as_start = false;
};

// What planning needs to look up in the database.
struct SearchLookups {
    // The seqs of the question sets whose name contains the text (a set: filter's value).
    std::function<std::vector<std::int64_t>(const std::string& part_of_name)> sets_named;
    // The indexed terms the word being typed may become; nothing lets FTS5 expand it itself.
    std::function<std::optional<std::vector<WordStart>>(const std::string& typed)> word_starts;
};

SearchPlan plan_search(const SearchQuery&, const SearchLookups&);

// The FTS5 phrase for one term. The word still being typed also matches as the start of a word
// once it has min_prefix_length characters: "d" or "dr" as a prefix would match nearly
// everything, and finished words match as words (with their stems: "models" finds "model").
constexpr std::size_t min_prefix_length = 3;
std::string fts_expression(const TextTerm&);

} // namespace panelist
