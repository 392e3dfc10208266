// What a file looks like to the file system, to tell whether it changed since it was noted
// (intact_note.hpp, backup_note.hpp): device, inode, size, modification and status-change
// time. Any write by another program, a copy, a restore, a truncation or a rename over it
// changes at least one of them; the status-change time cannot be set back by tools such as
// `touch`. A change of the same size within the file system's timestamp tick (a few
// milliseconds) is not seen.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

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

// A database file's state when it alone holds the database: no write-ahead log (-wal) with
// anything in it lies beside the real file (a -wal file holds changes the main file's times do
// not show), and its file system keeps times finer than whole seconds (FAT cannot tell a
// change made in the same second). Otherwise nothing.
std::optional<FileState> settled_state(const std::filesystem::path& database);

// One line of text, and back; nothing when the line does not read back whole.
std::string state_line(const FileState&);
std::optional<FileState> parse_state_line(const std::string& line);

// The file SQLite keeps beside a database ("-wal", "-shm"): beside the real file when the
// database is reached through a symbolic link. Empty when the database cannot be resolved.
std::filesystem::path beside_real_file(const std::filesystem::path& database, const char* suffix);

// A note file: a heading line, then `lines`. Reading gives the lines after the heading, or
// nothing when the file is missing, unreadable, of another heading or has fewer lines; writing
// replaces the file atomically and throws FileError.
std::optional<std::vector<std::string>> read_note_lines(const std::filesystem::path& note,
                                                        const std::string& heading, std::size_t lines);
void write_note_lines(const std::filesystem::path& note, const std::string& heading,
                      const std::vector<std::string>& lines);

} // namespace panelist
