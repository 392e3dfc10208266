#include "persistence/files/paths.hpp"

#include <algorithm>
#include <cstdlib>

namespace panelist {
namespace fs = std::filesystem;

fs::path default_database_path() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg && fs::path(xdg).is_absolute())
        return fs::path(xdg) / "panelist" / "panelist.db";
    const char* home = std::getenv("HOME");
    return fs::path(home && *home ? home : ".") / ".local" / "share" / "panelist" / "panelist.db";
}

fs::path backup_folder(const fs::path& database) {
    return database.has_parent_path() ? database.parent_path() / "backups" : fs::path("backups");
}

fs::path executable_directory() {
    std::error_code ec;
    auto exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::current_path() : exe.parent_path();
}

std::optional<fs::path> find_bank_directory(const fs::path& exe_dir) {
    for (const auto& candidate : {exe_dir / "share" / "panelist" / "bank",
                                  exe_dir.parent_path() / "share" / "panelist" / "bank"}) {
        std::error_code ec;
        if (fs::is_directory(candidate, ec)) return candidate;
    }
    return std::nullopt;
}

std::vector<fs::path> bank_files(const fs::path& bank_dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(bank_dir, ec))
        if (entry.is_regular_file() && entry.path().extension() == ".toml")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace panelist
