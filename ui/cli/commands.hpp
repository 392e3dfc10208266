// The headless subcommands, each a plain function of its parsed options.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace panelist {

class Database;
struct OpeningProgress;

constexpr int exit_ok = 0;
constexpr int exit_user_error = 1;
constexpr int exit_usage = 2;

// Opens --db (or the default database), seeding a new one with the shipped bank. With
// `startup_backup`, an existing database is backed up before anything runs (the window does
// its start-up backup in the background instead, so its first frame never waits for it).
Database open_database(const std::optional<std::filesystem::path>& db_path, bool startup_backup = true,
                       OpeningProgress* progress = nullptr);

int import_command(Database&, const std::vector<std::filesystem::path>& files, bool preview = false);
int practice_command(Database&, const std::string& interviewer, const std::string& set_name,
                     const std::string& format, const std::filesystem::path& out);
int export_command(Database&, const std::optional<std::string>& set_name, bool all,
                   const std::filesystem::path& out);
int questions_command(Database&, const std::string& query);
// The questions closest to a question (by id) or to a text, closest first (docs/curation.md).
int similar_command(Database&, const std::string& id_or_text, int limit);
// Pairs of questions at least `min_percent` close, among a set's questions or the whole bank.
int duplicates_command(Database&, const std::optional<std::string>& set_name, int min_percent);
// What a set covers and whether it fits its slot (docs/curation.md); exit 1 for no such set.
int coverage_command(Database&, const std::string& set_name);
// Retires (or, with retire false, restores) questions; all or none when an id is unknown.
int retire_command(Database&, const std::vector<std::string>& ids, bool retire);
int merge_command(Database&, const std::string& keep, const std::string& drop);
int keep_apart_command(Database&, const std::string& first, const std::string& second);
int demo_command(Database&);
// Reads a ratings CSV and prints ICCs, Krippendorff's alpha and leniency; needs no database.
int agreement_command(const std::filesystem::path& ratings_file);
// `viewer`: report as this interviewer sees it (others' scores sealed until theirs is submitted).
int compare_command(Database&, const std::string& loop, const std::string& format, bool blind,
                    const std::string& viewer, const std::filesystem::path& out);
int report_command(Database&, const std::string& candidate, const std::string& loop, const std::string& format,
                   const std::string& viewer, const std::filesystem::path& out);

// bundle export (--interview ID | --loop NAME) --out FILE, bundle import FILE...
struct BundleOptions {
    std::optional<std::string> interview;
    std::optional<std::string> loop;
    std::filesystem::path out;
    std::vector<std::filesystem::path> files;
    bool merge_same_names = false; // a loop or candidate named like one here is that one
    CLI::App* export_cmd = nullptr;
    CLI::App* import_cmd = nullptr;
};
CLI::App* add_bundle_command(CLI::App&, BundleOptions&);
int bundle_command(Database&, const BundleOptions&);

// team: the team folder (ui/cli/team_command.cpp).
struct TeamOptions {
    std::filesystem::path folder;
    bool off = false;
    std::string loop;
    bool merge_same_names = false;
    CLI::App* folder_cmd = nullptr;
    CLI::App* share_cmd = nullptr;
    CLI::App* sync_cmd = nullptr;
};
CLI::App* add_team_command(CLI::App&, TeamOptions&);
int team_command(Database&, const TeamOptions&);

// backups: a database's rolling backups, newest first. restore: put one back. Neither opens the
// database, so both work when it is damaged (docs/reliability.md).
int backups_command(const std::optional<std::filesystem::path>& db_path);
int restore_command(const std::optional<std::filesystem::path>& db_path,
                    const std::filesystem::path& backup);
// erase: a candidate and every trace of them (rows, file bytes, older backups). Without `yes`
// only says what would go and returns exit_usage.
int erase_command(Database&, const std::string& candidate, const std::string& loop, bool yes);
// drill: the crash drill; writes scores and notes like the Interview screen until killed.
int drill_command(Database&, std::uint64_t seed);

} // namespace panelist
