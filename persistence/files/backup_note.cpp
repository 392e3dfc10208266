#include "persistence/files/backup_note.hpp"

#include "persistence/files/paths.hpp"

#include <fmt/format.h>

namespace panelist {
namespace fs = std::filesystem;
namespace {

constexpr const char* note_heading = "panelist backup-note 1";

fs::path note_path(const fs::path& database) {
    return backup_folder(database) / fmt::format(".{}.backed-up", database.filename().string());
}

struct Note {
    FileState database;
    std::string backup_name; // a file in the backups folder
    FileState backup;
};

std::optional<Note> read_note(const fs::path& database) {
    const auto lines = read_note_lines(note_path(database), note_heading, 3);
    if (!lines) return std::nullopt;
    const auto database_state = parse_state_line((*lines)[0]);
    const auto backup_state = parse_state_line((*lines)[2]);
    if (!database_state || !backup_state || (*lines)[1].empty()) return std::nullopt;
    return Note{*database_state, (*lines)[1], *backup_state};
}

} // namespace

bool backup_holds(const fs::path& database, const fs::path& backup) {
    const auto note = read_note(database);
    return note && backup.parent_path() == backup_folder(database) &&
           backup.filename().string() == note->backup_name && settled_state(database) == note->database &&
           file_state(backup) == note->backup;
}

void note_backup_holds(const fs::path& database, const FileState& copied, const fs::path& backup) noexcept {
    try {
        const auto backup_state = file_state(backup);
        if (!backup_state || settled_state(database) != copied) return;
        write_note_lines(note_path(database), note_heading,
                         {state_line(copied), backup.filename().string(), state_line(*backup_state)});
    } catch (const std::exception&) {
        // Without a note the next start copies the database again: slower, never wrong.
    }
}

} // namespace panelist
