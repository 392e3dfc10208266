// A note of how a database file looked when Panelist last closed it intact, so the next open
// need not read the whole file to check it again (docs/performance.md: the check is most of
// start-up's CPU at 10k questions, and over a second at 100k).
//
// The note holds the file's identity and change times: device, inode, size, modification and
// status-change time. Any write by another program, a copy, a restore, a truncation or a
// rename over it changes at least one of them; the status-change time cannot be set back by
// tools such as `touch`. What the note cannot see: damage below the file system (a failing
// disk), which SQLite reports when it reads such pages (and a session that met any is not
// noted: Database); and a change of the same size made within the file system's timestamp
// tick (a few milliseconds) after Panelist closed the file. File systems with whole-second
// times (FAT) are always checked.
//
// The note lives in the backups folder beside the database, and only when that folder already
// exists: looking at a database never creates folders beside it.
#pragma once
#include <filesystem>
#include <optional>

namespace panelist {

struct FileState {
    unsigned long long device = 0;
    unsigned long long inode = 0;
    long long size = 0;
    long long modified_ns = 0;
    long long changed_ns = 0;
    bool operator==(const FileState&) const = default;
};

// The file's state now, or nothing if it cannot be read.
std::optional<FileState> file_state(const std::filesystem::path& file);

// Where the note of `database` is kept (it may not exist).
std::filesystem::path intact_note_path(const std::filesystem::path& database);

// True when the note matches the file as it is now and no write-ahead log (-wal) with
// anything in it lies beside it: such a file holds changes the main file's times do not show.
bool left_intact(const std::filesystem::path& database);

// Notes `database` as intact now, or as it was in `checked` if the file still looks so. Does
// nothing when a -wal file with anything in it lies beside it, the file changed since `checked`, or the backups
// folder is missing or cannot be written: without a note the next open simply checks.
void note_intact(const std::filesystem::path& database,
                 const std::optional<FileState>& checked = std::nullopt) noexcept;
// Removes the note, so the next open checks the whole file.
void forget_intact(const std::filesystem::path& database) noexcept;

} // namespace panelist
