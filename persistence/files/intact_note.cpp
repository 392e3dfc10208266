#include "persistence/files/intact_note.hpp"

#include "persistence/files/paths.hpp"

#include <fmt/format.h>

namespace panelist {
namespace fs = std::filesystem;
namespace {

constexpr const char* note_heading = "panelist intact-note 1";

std::optional<FileState> read_note(const fs::path& note) {
    const auto lines = read_note_lines(note, note_heading, 1);
    return lines ? parse_state_line(lines->front()) : std::nullopt;
}

} // namespace

fs::path intact_note_path(const fs::path& database) {
    return backup_folder(database) / fmt::format(".{}.intact", database.filename().string());
}

bool left_intact(const fs::path& database) {
    const auto noted = read_note(intact_note_path(database));
    return noted && noted == settled_state(database);
}

void forget_intact(const fs::path& database) noexcept {
    std::error_code ec;
    fs::remove(intact_note_path(database), ec);
}

void note_intact(const fs::path& database, const std::optional<FileState>& checked) noexcept {
    try {
        const fs::path note = intact_note_path(database);
        std::error_code ec;
        if (!fs::is_directory(note.parent_path(), ec)) return;
        const auto now = settled_state(database);
        if (!now || (checked && *checked != *now)) return;
        write_note_lines(note, note_heading, {state_line(*now)});
    } catch (const std::exception&) {
        // Without a note the next open reads the whole file again: slower, never wrong.
    }
}

} // namespace panelist
