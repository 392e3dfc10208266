// A note of how a database file looked when Panelist last closed it intact, so the next open
// need not read the whole file to check it again (docs/performance.md: the check is most of
// start-up's CPU at 10k questions, and over a second at 100k).
//
// The note is the file's state (file_state.hpp): any change by another program, a copy, a
// restore or a killed writer's -wal file shows. What it cannot see: damage below the file
// system (a failing disk), which SQLite reports when it reads such pages (and a session that
// met any is not noted: Database); and a change of the same size made within the file system's
// timestamp tick (a few milliseconds) after Panelist closed the file. File systems with
// whole-second times (FAT) are always checked.
//
// The note lives in the backups folder beside the database, and only when that folder already
// exists: looking at a database never creates folders beside it.
#pragma once
#include "persistence/files/file_state.hpp"

#include <filesystem>
#include <optional>

namespace panelist {

// Where the note of `database` is kept (it may not exist).
std::filesystem::path intact_note_path(const std::filesystem::path& database);

// True when the note matches the file's settled state now (file_state.hpp).
bool left_intact(const std::filesystem::path& database);

// Notes `database` as intact now, or as it was in `checked` if the file still looks so. Does
// nothing when the file is not settled (a -wal file with anything in it lies beside it), it
// changed since `checked`, or the backups folder is missing or cannot be written: without a
// note the next open simply checks.
void note_intact(const std::filesystem::path& database,
                 const std::optional<FileState>& checked = std::nullopt) noexcept;
// Removes the note, so the next open checks the whole file.
void forget_intact(const std::filesystem::path& database) noexcept;

} // namespace panelist
