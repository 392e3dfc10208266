#include "persistence/files/file_state.hpp"

#include "persistence/files/files.hpp"

#include <fmt/format.h>
#include <sstream>
#include <sys/stat.h>

namespace panelist {
namespace fs = std::filesystem;
namespace {

long long nanoseconds(const timespec& t) { return t.tv_sec * 1'000'000'000LL + t.tv_nsec; }

// True when a write-ahead log beside the database may hold changes. An empty one holds none:
// read-only connections leave one behind, as they may not delete it.
bool has_wal(const fs::path& database) {
    const fs::path wal = beside_real_file(database, "-wal");
    if (wal.empty()) return true; // cannot tell: do not trust
    std::error_code ec;
    if (!fs::exists(wal, ec)) return static_cast<bool>(ec);
    return fs::file_size(wal, ec) > 0 || ec;
}

bool fine_grained_times(const FileState& s) {
    constexpr long long second = 1'000'000'000;
    return s.modified_ns % second != 0 || s.changed_ns % second != 0;
}

} // namespace

std::optional<FileState> file_state(const fs::path& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    return FileState{static_cast<unsigned long long>(st.st_dev), static_cast<unsigned long long>(st.st_ino),
                     static_cast<long long>(st.st_size), nanoseconds(st.st_mtim), nanoseconds(st.st_ctim)};
}

std::optional<FileState> settled_state(const fs::path& database) {
    if (has_wal(database)) return std::nullopt;
    const auto state = file_state(database);
    if (!state || !fine_grained_times(*state)) return std::nullopt;
    return state;
}

std::string state_line(const FileState& s) {
    return fmt::format("{} {} {} {} {}", s.device, s.inode, s.size, s.modified_ns, s.changed_ns);
}

std::optional<FileState> parse_state_line(const std::string& line) {
    std::istringstream in(line);
    FileState s;
    std::string rest;
    if (!(in >> s.device >> s.inode >> s.size >> s.modified_ns >> s.changed_ns) || (in >> rest)) return std::nullopt;
    return s;
}

fs::path beside_real_file(const fs::path& database, const char* suffix) {
    std::error_code ec;
    const fs::path real = fs::canonical(database, ec);
    return ec ? fs::path() : fs::path(real.string() + suffix);
}

std::optional<std::vector<std::string>> read_note_lines(const fs::path& note, const std::string& heading,
                                                        std::size_t lines) {
    std::string text;
    try {
        text = read_text_file(note);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    std::istringstream in(text);
    std::string line;
    if (!std::getline(in, line) || line != heading) return std::nullopt;
    std::vector<std::string> out;
    while (out.size() < lines && std::getline(in, line)) out.push_back(line);
    if (out.size() < lines) return std::nullopt;
    return out;
}

void write_note_lines(const fs::path& note, const std::string& heading, const std::vector<std::string>& lines) {
    std::string text = heading + "\n";
    for (const auto& line : lines) text += line + "\n";
    write_file_atomically(note, text);
}

} // namespace panelist
