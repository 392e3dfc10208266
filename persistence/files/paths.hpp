// Where Panelist keeps its files: the default database, its backups, and the bank that ships
// with it.
#pragma once
#include <filesystem>
#include <optional>
#include <vector>

namespace panelist {

// $XDG_DATA_HOME/panelist/panelist.db, else ~/.local/share/panelist/panelist.db.
std::filesystem::path default_database_path();
// <folder of the database>/backups: the backups, and the notes kept beside them.
std::filesystem::path backup_folder(const std::filesystem::path& database);
// The folder of the running executable (from /proc/self/exe).
std::filesystem::path executable_directory();
// The shipped bank: beside the build tree's executable (share/panelist/bank), or in the
// install prefix (../share/panelist/bank). nullopt if neither exists.
std::optional<std::filesystem::path> find_bank_directory(const std::filesystem::path& exe_dir);
// The bank's *.toml files in name order.
std::vector<std::filesystem::path> bank_files(const std::filesystem::path& bank_dir);

} // namespace panelist
