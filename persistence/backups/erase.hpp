// Erasing one candidate for good (a GDPR erasure request): their rows, the bytes SQLite keeps
// of deleted rows, and the backups that still hold them.
#pragma once
#include "domain/people.hpp"
#include "persistence/store/database.hpp"
#include "persistence/store/people_repository.hpp" // candidates_named

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace panelist {

// An erase that could not be done, or not completely; the message says what is left and where.
class EraseError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// What an erase of one candidate takes away; shown to the user before they confirm.
struct ErasePlan {
    Candidate candidate;
    std::string loop; // the loop's name
    int interviews = 0;
    std::vector<std::filesystem::path>
        backups; // taken before the erase, so they hold the candidate
};

struct Erased {
    std::string candidate;
    std::string loop;
    int interviews = 0;
    std::vector<std::filesystem::path> backups_deleted;
    // The backup taken right after the erase, so a backup exists again; nullopt for ":memory:".
    std::optional<std::filesystem::path> fresh_backup;
    // Databases moved aside by `restore` (backups/<name>-<time>.replaced.db): they may hold the
    // candidate too, but they are kept whole on purpose, so they are named here, not deleted.
    std::vector<std::filesystem::path> left_behind;
};

// What erase_candidate would take away. Throws EraseError when there is no such candidate.
ErasePlan plan_erase(Database&, std::int64_t candidate_id);

// Deletes the candidate with their interviews, responses and events in one transaction, with
// secure_delete on; then scrubs the file (VACUUM, and a TRUNCATE checkpoint of the WAL) so
// neither the database nor its -wal keeps any byte of them; then takes a fresh backup and
// deletes every backup taken before. Throws EraseError when there is no such candidate
// (nothing changed), or, after doing all it can, when a trace could not be removed (another
// connection keeps the -wal, a backup cannot be deleted); the message lists what is left.
Erased erase_candidate(Database&, std::int64_t candidate_id);

} // namespace panelist
