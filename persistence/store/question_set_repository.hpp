// Question sets in the database: named, ordered lists of bank questions with a time budget.
#pragma once
#include "domain/question_set.hpp"
#include "persistence/store/database.hpp"
#include "persistence/store/question_repository.hpp"

#include <optional>
#include <string>
#include <vector>

namespace panelist {

class QuestionSetRepository {
public:
    explicit QuestionSetRepository(Database& db) : db_(db.sql()) {}

    // Adds or replaces the set with this name. Throws ValidationError if it is invalid or
    // names a question that is not in the bank.
    UpsertOutcome upsert(const QuestionSet&);
    std::optional<QuestionSet> find(const std::string& name);
    std::vector<QuestionSet> all(); // ordered by name
    bool remove(const std::string& name);
    void rename(const std::string& old_name, const std::string& new_name);

private:
    std::vector<std::int64_t> members(std::int64_t set_seq);
    SQLite::Database& db_;
};

} // namespace panelist
