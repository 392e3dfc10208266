// backups and restore: list a database's rolling backups, put one back. Neither opens the
// database first, so both still work when it is damaged.
#include "persistence/backups/backup.hpp"
#include "ui/cli/terminal.hpp"
#include "persistence/files/paths.hpp"
#include "ui/cli/commands.hpp"

#include <fmt/format.h>

namespace panelist {
namespace {

std::string size_text(std::uintmax_t bytes) {
    if (bytes >= (1u << 20))
        return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / (1u << 20));
    return fmt::format("{:.0f} KiB", static_cast<double>(bytes) / (1u << 10));
}

} // namespace

int backups_command(const std::optional<std::filesystem::path>& db_path) {
    const auto database = db_path.value_or(default_database_path());
    const auto all = list_backups(database);
    if (all.empty()) {
        say_err("No backups of {} yet; they are kept in {}\n", database.string(),
                   backup_folder(database).string());
        return exit_ok;
    }
    for (const auto& b : all)
        say("{}  {:>9}  {}\n", b.taken_at, size_text(b.bytes), b.path.string());
    say_err(
               "{} backup{} of {}, newest first (times are UTC). Put one back with: panelist "
               "restore FILE\n",
               all.size(), all.size() == 1 ? "" : "s", database.string());
    return exit_ok;
}

int restore_command(const std::optional<std::filesystem::path>& db_path,
                    const std::filesystem::path& backup) {
    const auto database = db_path.value_or(default_database_path());
    try {
        const Restored r = restore_backup(database, backup);
        say("Restored {} from {}\n", database.string(), backup.string());
        if (r.previous) say("The database as it was is kept as {}\n", r.previous->string());
        if (r.moved_aside)
            say("The database as it was could not be opened ({}); it was moved to {}\n",
                       r.why, r.moved_aside->string());
        return exit_ok;
    } catch (const BackupError& e) {
        say_err("{}\n", e.what());
        return exit_user_error;
    }
}

} // namespace panelist
