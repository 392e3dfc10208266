// The headless subcommands, each a plain function of its parsed options.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace panelist {

class Database;

constexpr int exit_ok = 0;
constexpr int exit_user_error = 1;
constexpr int exit_usage = 2;

// Opens --db (or the default database), seeding a new one with the shipped bank.
Database open_database(const std::optional<std::filesystem::path>& db_path);

int import_command(Database&, const std::vector<std::filesystem::path>& files);
int export_command(Database&, const std::optional<std::string>& set_name, bool all,
                   const std::filesystem::path& out);
int questions_command(Database&, const std::string& query);
int demo_command(Database&);
// `viewer`: report as this interviewer sees it (others' scores sealed until theirs is submitted).
int report_command(Database&, const std::string& candidate, const std::string& loop, const std::string& format,
                   const std::string& viewer, const std::filesystem::path& out);

} // namespace panelist
