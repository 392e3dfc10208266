// The full-text index behind the Library's search (FTS5 table question_fts, rowid = question
// seq). It is derived data: rebuilt from the question tables whenever its layout changes, so it
// is versioned in `meta`, not by schema steps.
//
// Besides the texts, each row holds "facet" tokens for the question's topic, tags, level,
// difficulty and sets, so a search with filters is one MATCH that FTS5 answers by intersecting
// its lists, without looking up every matching question (docs/performance.md).
#pragma once
#include "domain/enums.hpp"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace panelist {

// Bump when the table's columns or the facet tokens change: databases rebuild on next open.
constexpr int search_index_version = 5;

// Starts up to this long have a ready-made prefix index in FTS5 (prefix = '3 4'); one- and
// two-letter words match whole words only.
constexpr std::size_t prefix_index_length = 4;
// The columns a typed word or phrase is matched against.
inline constexpr const char* search_text_columns = "{prompt answer follow_ups rubric tags}";

// Facet tokens. unicode61 keeps letters and digits in one token and the porter stemmer never
// changes a token ending in a digit, so each token is indexed and queried exactly as written.
// Topic and tag names are spelt as three decimal digits per byte of their ASCII-lower-cased
// text: a name's prefix is then its token's prefix, which is how topic: and tag: match.
namespace facet {
inline constexpr const char* every = "xa0"; // in every row: the left side of a pure exclusion
std::string topic(std::string_view name_or_its_start);
std::string tag(std::string_view name_or_its_start);
std::string level(Level);
std::string difficulty(Difficulty);
std::string set(std::int64_t set_seq);
} // namespace facet

// Writes (or rewrites) the index rows of questions from what the tables hold now: call it in
// the same transaction as any change to the question, its tags, follow-ups or set membership.
void index_questions(SQLite::Database&, std::vector<std::int64_t> question_seqs);
void unindex_question(SQLite::Database&, std::int64_t question_seq);
// Indexed terms (stemmed, lower case) that start with `start`, in order, at most `limit`.
std::vector<std::string> indexed_terms_starting(SQLite::Database&, const std::string& start, int limit);
// How many questions hold the term, or any term starting with `start` (summed: an upper bound,
// as one question may hold several), for ranking.
std::int64_t term_documents(SQLite::Database&, const std::string& term);
std::int64_t prefix_documents(SQLite::Database&, const std::string& start);
// Rebuilds the whole index when it is missing or of an older layout; cheap when current.
void ensure_search_index(SQLite::Database&);
bool search_index_current(SQLite::Database&);

} // namespace panelist
