#include "persistence/intact_note.hpp"

#include "persistence/backup.hpp"
#include "persistence/files.hpp"

#include <fmt/format.h>
#include <sstream>
#include <string>
#include <sys/stat.h>

namespace panelist {
namespace fs = std::filesystem;
namespace {

constexpr const char* note_heading = "panelist intact-note 1";

long long nanoseconds(const timespec& t) { return t.tv_sec * 1'000'000'000LL + t.tv_nsec; }

std::string written(const FileState& s) {
    return fmt::format("{}\n{} {} {} {} {}\n", note_heading, s.device, s.inode, s.size,
                       s.modified_ns, s.changed_ns);
}

std::optional<FileState> read_note(const fs::path& note) {
    std::string text;
    try {
        text = read_text_file(note);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    std::istringstream in(text);
    std::string heading;
    FileState s;
    if (!std::getline(in, heading) || heading != note_heading) return std::nullopt;
    if (!(in >> s.device >> s.inode >> s.size >> s.modified_ns >> s.changed_ns)) return std::nullopt;
    return s;
}

// True when a write-ahead log beside the database may hold changes. An empty one holds none:
// read-only connections leave one behind, as they may not delete it.
// SQLite keeps it beside the real file when the database is reached through a symbolic link.
bool has_wal(const fs::path& database) {
    std::error_code ec;
    const fs::path real = fs::canonical(database, ec);
    if (ec) return true; // cannot tell: do not trust
    const fs::path wal = real.string() + "-wal";
    if (!fs::exists(wal, ec)) return static_cast<bool>(ec);
    return fs::file_size(wal, ec) > 0 || ec;
}

} // namespace

std::optional<FileState> file_state(const fs::path& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    return FileState{static_cast<unsigned long long>(st.st_dev), static_cast<unsigned long long>(st.st_ino),
                     static_cast<long long>(st.st_size), nanoseconds(st.st_mtim), nanoseconds(st.st_ctim)};
}

fs::path intact_note_path(const fs::path& database) {
    return backup_folder(database) / fmt::format(".{}.intact", database.filename().string());
}

// File systems that keep times in whole seconds (FAT) cannot tell a change made in the same
// second as Panelist's last write: their files are always checked.
bool fine_grained_times(const FileState& s) {
    constexpr long long second = 1'000'000'000;
    return s.modified_ns % second != 0 || s.changed_ns % second != 0;
}

bool left_intact(const fs::path& database) {
    if (has_wal(database)) return false;
    const auto noted = read_note(intact_note_path(database));
    return noted && fine_grained_times(*noted) && noted == file_state(database);
}

void forget_intact(const fs::path& database) noexcept {
    std::error_code ec;
    fs::remove(intact_note_path(database), ec);
}

void note_intact(const fs::path& database, const std::optional<FileState>& checked) noexcept {
    try {
        const fs::path note = intact_note_path(database);
        std::error_code ec;
        if (!fs::is_directory(note.parent_path(), ec) || has_wal(database)) return;
        const auto now = file_state(database);
        if (!now || (checked && *checked != *now)) return;
        write_file_atomically(note, written(*now));
    } catch (const std::exception&) {
        // Without a note the next open reads the whole file again: slower, never wrong.
    }
}

} // namespace panelist
