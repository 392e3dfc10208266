// Rolling backups of the database in a backups/ folder beside it, taken with SQLite's online
// backup API (a consistent copy even while a window has the database open), and restoring one.
#pragma once
#include "persistence/files/paths.hpp"
#include "persistence/store/database.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace panelist {

// A backup that cannot be taken, listed or restored; the message names the file and why.
class BackupError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// How many backups of a database are kept; the oldest beyond this are deleted.
constexpr int backups_kept = 10;

struct Backup {
    std::filesystem::path path;
    std::string taken_at; // UTC, ISO 8601 with milliseconds, read from the file name
    std::uintmax_t bytes = 0;
};

// The backups of this database (files named <stem>-<UTC time>.db), newest first. Other files
// in the folder, and backups still being written, are not listed.
std::vector<Backup> list_backups(const std::filesystem::path& database);

// Copies the database into a new owner-only backup named with the UTC time, then deletes the
// oldest beyond `keep` (0 keeps all). A copy identical to the newest backup adds no file, so
// starting Panelist again and again never pushes older history out. Returns the backup that
// now holds the database as it is; nullopt for ":memory:". Throws BackupError.
std::optional<std::filesystem::path> make_backup(Database&, int keep = backups_kept);

// The backup taken after an interview is submitted. Never throws: the submission is already
// committed, so a failed backup is only reported on stderr and the next backup tries again.
void backup_after_submit(Database&) noexcept;

// Throws BackupError saying what is wrong unless `file` is a complete, undamaged Panelist
// database that this build can open.
void check_backup(const std::filesystem::path& file);

struct Restored {
    // The backup holding the database as it was before the restore; nullopt if there was none.
    std::optional<std::filesystem::path> previous;
    // Set when the old database could not be opened (damaged, newer schema): it was moved here
    // whole instead of being copied, and `why` says what was wrong with it.
    std::optional<std::filesystem::path> moved_aside;
    std::string why;
};

// Replaces the database at `database` with the backup `file`, in one transaction. Checks the
// backup first and keeps the current database as a backup before overwriting it. Refuses
// (BackupError, nothing changed) a bad backup, or a current file that is not a Panelist
// database. Close Panelist's window first: it would not see the restored data.
Restored restore_backup(const std::filesystem::path& database, const std::filesystem::path& file);

} // namespace panelist
