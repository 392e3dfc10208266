// Draft questions (domain/question_draft.hpp): which questions are drafts, where each came from,
// and whether a curator has given it a level yet.
#pragma once
#include "domain/question_draft.hpp"
#include "persistence/store/database.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>

namespace panelist {

class QuestionDraftRepository {
public:
    explicit QuestionDraftRepository(Database& db) : db_(db.sql()) {}

    // Marks a question a draft (inside the caller's transaction, if any).
    void mark(const std::string& id, const std::string& source);
    std::optional<DraftState> find(const std::string& id);
    std::map<std::string, DraftState> all();
    std::set<std::string> ids(); // all()'s keys: what planning leaves out
    // A curator picked the draft's level.
    void level_given(const std::string& id);
    // The draft is complete (or its question deleted): an ordinary question from now on.
    bool finish(const std::string& id);

private:
    SQLite::Database& db_;
};

} // namespace panelist
