// The bank in the database: questions with their tags, follow-ups, rubric and search index.
#pragma once
#include "domain/question.hpp"
#include "domain/search_query.hpp"
#include "persistence/sqlite/statement_cache.hpp"
#include "persistence/store/database.hpp"
#include "persistence/search/search_sql.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace panelist {

class SearchTokenizer;

enum class UpsertOutcome { added, updated, unchanged };

// One row of a search: enough to list a question without loading its texts.
struct QuestionSummary {
    std::string id;
    std::string topic;
    Level level = Level::both;
    Difficulty difficulty = Difficulty::medium;
    int minutes = 0;
    std::string prompt;
};

// The order of a search's rows: best first (words, few enough matches to rank), by id (no words:
// the whole bank, or filters letting through no more than the rows asked for), or the order
// the questions were added (too many matches to rank or sort).
enum class SearchOrder { best_first, added, id };

// What a search found: the rows to list and how many questions matched in all.
struct SearchResult {
    std::vector<QuestionSummary> rows;
    int matches = 0;          // every match, or the first counted_matches when counted_all is false
    bool counted_all = true;
    SearchOrder order = SearchOrder::id;
};

class QuestionRepository {
public:
    // A search with words ranks its matches when there are at most this many (ranking costs a
    // few microseconds a match), and stops counting past counted_matches.
    static constexpr int max_ranked_matches = 500;
    static constexpr int counted_matches = 2000;
    // A word being typed is looked up as the whole terms it may become when there are at most
    // this many; past that, FTS5 expands it (slower for very common words).
    static constexpr int max_expanded_terms = 32;

    explicit QuestionRepository(Database& db);
    ~QuestionRepository();

    // Adds or replaces the question with this id. Throws ValidationError if it is invalid.
    UpsertOutcome upsert(const Question&);
    std::optional<Question> find(const std::string& id);
    std::vector<Question> all(); // ordered by id
    // The first `limit` matches of a parsed query (see SearchResult for their order).
    SearchResult run_search(const SearchQuery&, int limit);
    std::vector<QuestionSummary> search(const SearchQuery&, int limit = 1000);
    int count_matches(const SearchQuery&); // every match, however many
    // Deletes the question; false when there was none. Sets lose it; interviews keep their copy.
    bool remove(const std::string& id);
    // Renames a question id everywhere it is used by sets.
    void rename(const std::string& old_id, const std::string& new_id);
    int count();
    std::vector<std::string> topics();
    // How many interviews planned or asked each question (questions never asked are absent).
    std::map<std::string, int> times_asked();

private:
    void write_children(std::int64_t seq, const Question&);
    std::optional<std::int64_t> seq_of(const std::string& id);
    SearchPlan plan(const SearchQuery&);
    std::optional<std::vector<WordStart>> word_starts(const std::string& typed);
    std::vector<std::int64_t> best_first(const SearchPlan&, int limit);
    int count_of(const std::string& match);
    SearchTokenizer& search_support(); // the tokenizer, and panelist_rank registered
    SQLite::Database& db_;
    StatementCache statements_{db_};             // searches as you type: each SQL prepared once
    std::unique_ptr<SearchTokenizer> tokenizer_; // made on the first search that needs it
};

} // namespace panelist
