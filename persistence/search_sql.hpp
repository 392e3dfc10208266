// Turns a parsed search query into SQL over the question table and its FTS5 index.
#pragma once
#include "domain/search_query.hpp"

#include <string>
#include <vector>

namespace panelist {

struct SearchSql {
    std::string from_where;              // "FROM question q ... WHERE ..."
    std::string order_by;                // relevance when there are words, else id
    std::vector<std::string> parameters; // bound in order
    bool ranked = false; // ordered by relevance (the query has words)
    // The ranking subquery has its own LIMIT: bound right after the MATCH text (parameter 2).
    bool inner_limit = false;
};

SearchSql build_search_sql(const SearchQuery&);
// The FTS5 MATCH text for one term: a quoted phrase, and a prefix match for single words of
// min_prefix_length or more characters so results follow the user's typing.
constexpr std::size_t min_prefix_length = 3;
std::string fts_expression(const TextTerm&);

} // namespace panelist
