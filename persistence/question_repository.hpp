// The bank in the database: questions with their tags, follow-ups, rubric and search index.
#pragma once
#include "domain/question.hpp"
#include "domain/search_query.hpp"
#include "persistence/database.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace panelist {

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

class QuestionRepository {
public:
    // Searches with more matches than this come back in bank order, not by relevance.
    static constexpr int max_ranked_matches = 2000;

    explicit QuestionRepository(Database& db) : db_(db.sql()) {}

    // Adds or replaces the question with this id. Throws ValidationError if it is invalid.
    UpsertOutcome upsert(const Question&);
    std::optional<Question> find(const std::string& id);
    std::vector<Question> all(); // ordered by id
    // Matches of a parsed query: best first when it has words (and at most max_ranked_matches
    // match), else in bank order.
    std::vector<QuestionSummary> search(const SearchQuery&, int limit = 1000);
    int count_matches(const SearchQuery&);
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
    SQLite::Database& db_;
};

} // namespace panelist
