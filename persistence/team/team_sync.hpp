// Keeping a database in step with its team folder (team_folder.hpp): the use cases behind
// `panelist team` and the window's team panel. A sync reads what the others wrote (tombstones
// first, then loop kits and scorecards, only files that changed since the last scan), then
// writes what is new here (submitted scorecards, the kits of loops this laptop shares).
// Everything read is merged like a bundle: matching by UUID, the newer copy winning, a
// conflict shown and never resolved silently (docs/team-folder.md).
#pragma once
#include "persistence/backups/erase.hpp"
#include "persistence/formats/bundle.hpp"
#include "persistence/store/database.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace panelist {

// The team folder this database is kept in step with, if any (a `meta` row).
std::optional<std::filesystem::path> team_folder_of(Database&);
// The folder as it is kept: absolute, normal, without a trailing slash. Throws
// TeamFolderMissing when it is not an existing folder.
std::filesystem::path team_folder_path(const std::filesystem::path&);
// Sets it (an absolute path; the folder must exist) or, with nullopt, stops using one. Throws
// TeamFolderMissing when the folder is not there.
void set_team_folder(Database&, const std::optional<std::filesystem::path>&);
// When this database last synced, UTC ISO 8601; empty if never.
std::string team_synced_at(Database&);

// Shares a loop as a loop kit from now on: its candidates and planned interviews are written to
// the folder at each sync, so interviewers who open it score the same identities.
void share_loop_kit(Database&, std::int64_t loop_id);
bool shares_loop_kit(Database&, std::int64_t loop_id);

struct TeamSyncReport {
    int files_read = 0;      // new or changed since the last scan
    int files_unchanged = 0; // skipped by their size and time
    BundleImportReport imported;
    int scorecards_written = 0;
    int kits_written = 0;
    int scorecards_removed = 0; // of candidates erased here
    std::vector<std::string> erased;   // candidates erased here because of a tombstone
    std::vector<std::string> problems; // files that could not be used now, each saying why
    // Files held back until someone says whether same-named loops or candidates are one
    // (sync again with SameNames::merge to take them as one).
    std::vector<SameNameMatch> waiting;
    // Interviews whose copy there and copy here have the same time and different content.
    std::vector<std::string> conflicts;
    // One line for the status bar or the terminal.
    std::string summary() const;
};

// One sync. Throws TeamFolderMissing when the folder is not there (nothing is lost: what was
// not written is written by a later sync), DatabaseError when the database cannot be written.
TeamSyncReport sync_team_folder(Database&, const std::filesystem::path& folder,
                                SameNames same_names = SameNames::refuse);

// erase_candidate (persistence/backups/erase.hpp), and with a team folder: every UUID the
// candidate goes by (their own and those other laptops gave them) is kept, only that, and a
// tombstone for each goes to the folder so every laptop erases them too; their scorecards are
// taken out of it. When the folder cannot be written now, the next sync does it.
Erased erase_candidate_for_team(Database&, std::int64_t candidate_id);

} // namespace panelist
