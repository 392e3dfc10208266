// Loops and candidates in the database.
#pragma once
#include "domain/people.hpp"
#include "persistence/sqlite/statement_cache.hpp"
#include "persistence/store/database.hpp"

#include <optional>
#include <vector>

namespace panelist {

class PeopleRepository {
public:
    explicit PeopleRepository(Database& db) : db_(db.sql()) {}

    // Stores a new loop or candidate (id 0) or updates an existing one; returns its id.
    // Throws ValidationError when invalid. A missing uuid is generated.
    std::int64_t save(Loop&);
    std::int64_t save(Candidate&); // inside a caller's transaction: part of it, no savepoint

    std::optional<Loop> find_loop(std::int64_t id);
    std::optional<Loop> find_loop_by_name(const std::string& name);
    std::optional<Candidate> find_candidate(std::int64_t id);
    std::optional<Candidate> find_candidate_by_name(const std::string& name);
    std::vector<Loop> loops(bool include_archived = false);
    std::vector<Candidate> candidates(std::int64_t loop_id, bool include_archived = false);

private:
    SQLite::Database& db_;
    StatementCache statements_{db_}; // an import saves and looks up thousands of candidates
};

// Candidates whose name (or uuid) is `who`, in the loop named `loop` when it is not empty.
// Several when the name is shared: the caller asks which loop.
std::vector<Candidate> candidates_named(Database&, const std::string& who,
                                        const std::string& loop = "");

} // namespace panelist
