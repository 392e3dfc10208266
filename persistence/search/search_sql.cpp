#include "persistence/search/search_sql.hpp"

#include "persistence/search/search_index.hpp"

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

// A piece of the expression with its phrases in the order they appear in it.
struct Part {
    std::string expression;
    std::vector<PlannedPhrase> phrases;
};

Part text_part(const TextTerm& term, const SearchLookups& lookups) {
    Part part;
    const std::string native = fts_expression(term);
    std::optional<std::vector<WordStart>> terms;
    if (native.back() == '*' && lookups.word_starts) terms = lookups.word_starts(term.text);
    if (terms && !terms->empty()) {
        // FTS5 answers "drif"* by merging the whole lists of every term it covers before the
        // first match comes out (milliseconds for a word in every question); an OR of the
        // whole terms streams, so a search that stops early stays cheap.
        std::string any;
        for (const auto& t : *terms) {
            any += (any.empty() ? "" : " OR ") + quoted_fts(t.term) + (t.as_start ? "*" : "");
            part.phrases.push_back({t.as_start ? PlannedPhrase::Kind::text_prefix : PlannedPhrase::Kind::text, t.term});
        }
        part.expression = fmt::format("({} : ({}))", search_text_columns, any);
    } else {
        part.expression = fmt::format("({} : {})", search_text_columns, native);
        part.phrases.push_back({native.back() == '*' ? PlannedPhrase::Kind::text_prefix : PlannedPhrase::Kind::text,
                                term.text});
    }
    return part;
}

// The facet tokens one filter value stands for (a trailing '*' matches the token's start); any
// of them satisfies the filter.
std::vector<std::string> facet_tokens(const Filter& f, const SearchLookups& lookups) {
    switch (f.key) {
    case FilterKey::topic: return {facet::topic(f.value) + "*"};
    case FilterKey::tag: return {facet::tag(f.value) + "*"};
    case FilterKey::level: {
        const Level level = parse_level(f.value).value_or(Level::both);
        // A question for both levels suits a junior and a senior alike.
        if (level == Level::both) return {facet::level(Level::both)};
        return {facet::level(level), facet::level(Level::both)};
    }
    case FilterKey::difficulty:
        return {facet::difficulty(parse_difficulty(f.value).value_or(Difficulty::medium))};
    case FilterKey::set: {
        std::vector<std::string> out;
        for (const auto seq : lookups.sets_named(f.value)) out.push_back(facet::set(seq));
        if (out.empty()) out.push_back(facet::set(0)); // no such set: matches nothing
        return out;
    }
    }
    return {};
}

Part facet_part(const std::vector<std::string>& tokens) {
    Part part;
    std::string any;
    for (const auto& token : tokens) {
        const bool prefix = token.back() == '*';
        const std::string bare = prefix ? token.substr(0, token.size() - 1) : token;
        any += fmt::format("{}({{facets}} : {}{})", any.empty() ? "" : " OR ", quoted_fts(bare), prefix ? "*" : "");
        part.phrases.push_back({PlannedPhrase::Kind::facet, bare});
    }
    part.expression = "(" + any + ")";
    return part;
}

} // namespace

std::string fts_expression(const TextTerm& term) {
    const bool prefix = term.being_typed && !term.phrase && term.text.size() >= min_prefix_length;
    return quoted_fts(term.text) + (prefix ? "*" : "");
}

SearchPlan plan_search(const SearchQuery& query, const SearchLookups& lookups) {
    std::vector<Part> required, excluded;
    for (const auto& term : query.terms) {
        if (!has_word_character(term.text)) continue; // "*" or "--": nothing FTS5 could index
        (term.negated ? excluded : required).push_back(text_part(term, lookups));
    }
    SearchPlan plan;
    plan.ranked = !required.empty();
    // Same key, same sign: alternatives; otherwise every group must hold.
    std::map<std::pair<FilterKey, bool>, std::vector<std::string>> groups;
    for (const auto& f : query.filters) {
        auto tokens = facet_tokens(f, lookups);
        auto& group = groups[{f.key, f.negated}];
        group.insert(group.end(), tokens.begin(), tokens.end());
    }
    for (const auto& [key, tokens] : groups) (key.second ? excluded : required).push_back(facet_part(tokens));
    if (required.empty() && excluded.empty()) return plan;

    // FTS5's NOT needs something on its left: a query of exclusions only starts from every row.
    if (required.empty()) required.push_back(facet_part({facet::every}));
    for (const auto& part : required) {
        plan.match += (plan.match.empty() ? "" : " AND ") + part.expression;
        plan.phrases.insert(plan.phrases.end(), part.phrases.begin(), part.phrases.end());
    }
    for (const auto& part : excluded) {
        plan.match = fmt::format("({}) NOT {}", plan.match, part.expression);
        plan.phrases.insert(plan.phrases.end(), part.phrases.begin(), part.phrases.end());
    }
    return plan;
}

} // namespace panelist
