#include "persistence/search_sql.hpp"

#include "persistence/search_index.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace panelist {
namespace {

bool has_word_character(const std::string& s) {
    return std::any_of(s.begin(), s.end(), [](unsigned char c) {
        return std::isalnum(c) || c >= 0x80; // any non-ASCII letter counts
    });
}

std::string quoted_fts(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

std::string in_columns(const char* columns, const std::string& phrase) {
    return fmt::format("({} : {})", columns, phrase);
}

std::string any_of(const std::vector<std::string>& phrases) {
    std::string out;
    for (const auto& p : phrases) out += (out.empty() ? "" : " OR ") + in_columns("{facets}", p);
    return "(" + out + ")";
}

// The facet phrases one filter value stands for; any of them satisfies the filter.
std::vector<std::string> facet_phrases(const Filter& f, const SearchLookups& lookups) {
    switch (f.key) {
    case FilterKey::topic: return {quoted_fts(facet::topic(f.value)) + "*"};
    case FilterKey::tag: return {quoted_fts(facet::tag(f.value)) + "*"};
    case FilterKey::level: {
        const Level level = parse_level(f.value).value_or(Level::both);
        // A question for both levels suits a junior and a senior alike.
        if (level == Level::both) return {quoted_fts(facet::level(Level::both))};
        return {quoted_fts(facet::level(level)), quoted_fts(facet::level(Level::both))};
    }
    case FilterKey::difficulty:
        return {quoted_fts(facet::difficulty(parse_difficulty(f.value).value_or(Difficulty::medium)))};
    case FilterKey::set: {
        std::vector<std::string> out;
        for (const auto seq : lookups.sets_named(f.value)) out.push_back(quoted_fts(facet::set(seq)));
        if (out.empty()) out.push_back(quoted_fts(facet::set(0))); // no such set: matches nothing
        return out;
    }
    }
    return {};
}

std::string term_expression(const TextTerm& term, const SearchLookups& lookups) {
    const std::string native = fts_expression(term);
    if (native.back() != '*' || !lookups.word_starts) return native;
    // FTS5 answers "drif"* by merging the whole lists of every term it covers before the first
    // match comes out (milliseconds for a word in every question); an OR of the whole terms
    // streams, so a search that stops early stays cheap.
    const auto terms = lookups.word_starts(term.text);
    if (!terms || terms->empty()) return native;
    std::string out;
    for (const auto& t : *terms) out += (out.empty() ? "" : " OR ") + quoted_fts(t);
    return "(" + out + ")";
}

} // namespace

std::string fts_expression(const TextTerm& term) {
    const bool prefix = term.being_typed && !term.phrase && term.text.size() >= min_prefix_length;
    return quoted_fts(term.text) + (prefix ? "*" : "");
}

SearchPlan plan_search(const SearchQuery& query, const SearchLookups& lookups) {
    std::vector<std::string> required, excluded;
    for (const auto& term : query.terms) {
        if (!has_word_character(term.text)) continue; // "*" or "--": nothing FTS5 could index
        (term.negated ? excluded : required).push_back(in_columns(search_text_columns, term_expression(term, lookups)));
    }
    SearchPlan plan;
    plan.ranked = !required.empty();
    // Same key, same sign: alternatives; otherwise every group must hold.
    std::map<std::pair<FilterKey, bool>, std::vector<std::string>> groups;
    for (const auto& f : query.filters) {
        auto phrases = facet_phrases(f, lookups);
        auto& group = groups[{f.key, f.negated}];
        group.insert(group.end(), phrases.begin(), phrases.end());
    }
    for (const auto& [key, phrases] : groups) (key.second ? excluded : required).push_back(any_of(phrases));
    if (required.empty() && excluded.empty()) return plan;

    // FTS5's NOT needs something on its left: a query of exclusions only starts from every row.
    if (required.empty()) required.push_back(in_columns("{facets}", quoted_fts(facet::every)));
    std::string match;
    for (const auto& r : required) match += (match.empty() ? "" : " AND ") + r;
    for (const auto& e : excluded) match = fmt::format("({}) NOT {}", match, e);
    plan.match = match;
    return plan;
}

} // namespace panelist
