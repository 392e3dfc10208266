#include "persistence/search_sql.hpp"

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

std::string like_prefix(const std::string& value) {
    std::string out;
    for (char c : value) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    return out + '%';
}

// The SQL condition for one filter value, with its parameters appended.
std::string condition(const Filter& f, std::vector<std::string>& params) {
    switch (f.key) {
    case FilterKey::topic:
        params.push_back(like_prefix(f.value));
        return "q.topic LIKE ? ESCAPE '\\'";
    case FilterKey::tag:
        params.push_back(like_prefix(f.value));
        return "EXISTS (SELECT 1 FROM question_tag t WHERE t.question_seq = q.seq AND "
               "t.tag LIKE ? ESCAPE '\\')";
    case FilterKey::level:
        if (f.value == "both") return "q.level = 'both'";
        params.push_back(f.value);
        return "q.level IN (?, 'both')";
    case FilterKey::difficulty:
        params.push_back(f.value);
        return "q.difficulty = ?";
    case FilterKey::set:
        params.push_back("%" + f.value + "%");
        return "EXISTS (SELECT 1 FROM question_set_item i JOIN question_set s ON s.seq = "
               "i.set_seq WHERE i.question_seq = q.seq AND s.name LIKE ?)";
    }
    return "1";
}

} // namespace

std::string fts_expression(const TextTerm& term) {
    // While typing, "d" or "dr" as a prefix would match nearly every question; words that
    // short match whole words only, longer ones also match as the start of a word.
    const bool prefix = !term.phrase && term.text.size() >= min_prefix_length;
    return quoted_fts(term.text) + (prefix ? "*" : "");
}

SearchSql build_search_sql(const SearchQuery& query) {
    SearchSql sql;
    std::vector<std::string> where;
    std::string match;
    for (const auto& term : query.terms) {
        if (!has_word_character(term.text)) continue;
        if (term.negated) {
            where.push_back("q.seq NOT IN (SELECT rowid FROM question_fts WHERE question_fts "
                            "MATCH ?)");
            sql.parameters.push_back(fts_expression(term));
        } else {
            match += (match.empty() ? "" : " ") + fts_expression(term);
        }
    }
    std::vector<std::string> params_after_match;
    // Same key, same sign: alternatives; otherwise every group must hold.
    std::map<std::pair<FilterKey, bool>, std::vector<std::string>> groups;
    std::map<std::pair<FilterKey, bool>, std::vector<std::string>> group_params;
    for (const auto& f : query.filters) {
        auto& params = group_params[{f.key, f.negated}];
        groups[{f.key, f.negated}].push_back(condition(f, params));
    }
    for (const auto& [key, conditions] : groups) {
        std::string any;
        for (const auto& c : conditions) any += (any.empty() ? "" : " OR ") + c;
        where.push_back(fmt::format("{}({})", key.second ? "NOT " : "", any));
        for (const auto& p : group_params[key]) params_after_match.push_back(p);
    }

    if (!match.empty() && where.empty()) {
        // Words only: let FTS5 rank and cut on its own before joining, so the join touches only
        // the rows that are shown.
        sql.from_where = "FROM (SELECT rowid AS seq, bm25(question_fts, 10.0, 1.0, 2.0, 1.0, 5.0) AS score "
                         "FROM question_fts WHERE question_fts MATCH ? ORDER BY score LIMIT ?) f "
                         "JOIN question q ON q.seq = f.seq WHERE 1";
        sql.parameters.insert(sql.parameters.begin(), match);
        sql.order_by = "f.score, q.id";
        sql.inner_limit = true;
        sql.ranked = true;
    } else if (!match.empty()) {
        sql.from_where = "FROM question_fts JOIN question q ON q.seq = question_fts.rowid "
                         "WHERE question_fts MATCH ?";
        sql.parameters.insert(sql.parameters.begin(), match);
        // Prompt and tags weigh most: a word in the question itself is the best hit.
        sql.order_by = "bm25(question_fts, 10.0, 1.0, 2.0, 1.0, 5.0), q.id";
        sql.ranked = true;
    } else {
        sql.from_where = "FROM question q WHERE 1";
        sql.order_by = "q.id";
    }
    for (const auto& w : where) sql.from_where += " AND " + w;
    sql.parameters.insert(sql.parameters.end(), params_after_match.begin(),
                          params_after_match.end());
    return sql;
}

} // namespace panelist
