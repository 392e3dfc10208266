// The full-text index behind the Library's search (FTS5 table question_fts, rowid = question
// seq). It is derived data: rebuilt from the question tables whenever its layout changes, so it
// is versioned in `meta`, not by schema steps.
//
// Besides the texts, each row holds "facet" tokens for the question's topic, tags, level,
// difficulty and sets, so a search with filters is one MATCH that FTS5 answers by intersecting
// its lists, without looking up every matching question (docs/performance.md).
#pragma once
#include "domain/enums.hpp"
#include "persistence/sqlite/opening_progress.hpp"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace panelist {

// Bump when the table's columns, its tokenizer or the facet tokens change: databases rebuild on
// next open (7: emoji and other symbols became words).
constexpr int search_index_version = 7;

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

class QuestionIndexer;

// Keeps the index right across a change to questions. The index keeps no copy of the texts
// (so the file is a third smaller: docs/performance.md), and an entry can only be taken out
// with the texts it was made from. So: make one before changing the questions' rows, tags,
// follow-ups or set memberships (their entries come out, read from the tables as they still
// are), make the change, then call finish() (they go back in as the tables hold them now).
// Use it inside the change's write transaction, and roll that back if finish() is not reached.
class QuestionReindex {
public:
    QuestionReindex(SQLite::Database&, std::vector<std::int64_t> question_seqs);
    ~QuestionReindex();
    QuestionReindex(const QuestionReindex&) = delete;
    QuestionReindex& operator=(const QuestionReindex&) = delete;
    // A question the change adds: nothing to take out, indexed by finish().
    void include(std::int64_t question_seq);
    void finish();

private:
    std::unique_ptr<QuestionIndexer> indexer_;
    std::vector<std::int64_t> seqs_;
};

// Indexed terms (stemmed, lower case) that start with `start`, in order, at most `limit`.
std::vector<std::string> indexed_terms_starting(SQLite::Database&, const std::string& start, int limit);
// How many questions hold the term, or any term starting with `start` (summed: an upper bound,
// as one question may hold several), for ranking.
std::int64_t term_documents(SQLite::Database&, const std::string& term);
std::int64_t prefix_documents(SQLite::Database&, const std::string& start);
// Rebuilds the whole index when it is missing or of an older layout; cheap when current.
// `progress`, when given, counts the questions indexed.
void ensure_search_index(SQLite::Database&, OpeningProgress* progress = nullptr);
bool search_index_current(SQLite::Database&);

} // namespace panelist
