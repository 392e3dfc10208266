// A note of which backup holds the database exactly as its file is now, so a start that finds
// the database unchanged since copies nothing: at 100k questions a start-up backup copies
// 747 MB (~1.7 s), and a session that only reads changes nothing.
//
// Written only when the copy certainly holds what the file alone holds: the file was settled
// (file_state.hpp: no changes waiting in a -wal file) before the copy and looked the same after
// it. The backup's own state is kept too, so a backup that was replaced or touched no longer
// counts. Kept in the backups folder, beside the backups.
#pragma once
#include "persistence/files/file_state.hpp"

#include <filesystem>

namespace panelist {

// True when `backup` is noted as holding `database` and neither has changed since.
bool backup_holds(const std::filesystem::path& database, const std::filesystem::path& backup);

// Notes that `backup` holds `database` as it was in `copied` (its settled state before the
// copy), if the file still looks so. Never throws: without a note the next start copies.
void note_backup_holds(const std::filesystem::path& database, const FileState& copied,
                       const std::filesystem::path& backup) noexcept;

} // namespace panelist
