// Ranking of search matches: BM25 as FTS5's bm25() computes it, except that how rare each
// phrase is comes from question_term's counts instead of a scan of the phrase's whole list.
// bm25() scans once per search and phrase: ~7 ms for a word in each of 100k questions, paid
// even when three questions match. SQL: panelist_rank(question_fts, 'DOCS DOCS ...'), one
// count per phrase of the MATCH expression in order; lower is better, like bm25().
#pragma once
#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <string>
#include <vector>

namespace panelist {

// Makes panelist_rank available on this connection (idempotent).
void register_search_rank(SQLite::Database&);
// The argument for panelist_rank: questions holding each phrase, in the expression's order.
std::string phrase_documents_argument(const std::vector<std::int64_t>& documents);

} // namespace panelist
