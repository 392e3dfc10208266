#include "persistence/team/team_folder.hpp"

#include "persistence/files/files.hpp"
#include "persistence/store/uuid.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace panelist {

namespace fs = std::filesystem;

namespace {

// Regular files only: a symbolic link in a shared folder could point anywhere on this laptop,
// and what it points at is not the team's to read.
std::optional<TeamFile> stat_file(const fs::path& path, std::string name) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    return TeamFile{std::move(name), static_cast<std::int64_t>(st.st_size),
                    static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec};
}

} // namespace

TeamFolder::TeamFolder(fs::path root) : root_(std::move(root)) {
    std::error_code ec;
    if (!fs::is_directory(root_, ec))
        throw TeamFolderMissing(fmt::format(
            "{}: the team folder is not there{}. Nothing is lost: scorecards wait in the database "
            "and are written when it is back",
            root_.string(), fs::exists(root_, ec) ? " (it is a file, not a folder)" : " (an unmounted drive, a moved share?)"));
}

std::vector<TeamFile> TeamFolder::list(const char* part) const {
    std::vector<TeamFile> files;
    std::error_code ec;
    fs::directory_iterator it(root_ / part, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        const std::string file = it->path().filename().string();
        if (file.empty() || file.front() == '.' || it->path().extension() != ".json") continue;
        if (auto seen = stat_file(it->path(), std::string(part) + "/" + file)) files.push_back(std::move(*seen));
    }
    std::sort(files.begin(), files.end(), [](const TeamFile& a, const TeamFile& b) { return a.name < b.name; });
    return files;
}

std::optional<std::string> TeamFolder::read(const TeamFile& file) const {
    const fs::path path = root_ / file.name;
    std::string bytes;
    try {
        bytes = read_text_file(path, max_input_file_bytes, FileKinds::regular_only);
    } catch (const std::exception&) {
        return std::nullopt; // gone meanwhile (deleted, renamed by the sync engine)
    }
    const auto after = stat_file(path, file.name);
    if (!after || after->size != file.size || after->mtime_ns != file.mtime_ns ||
        static_cast<std::int64_t>(bytes.size()) != file.size)
        return std::nullopt; // changing under us: read it again at the next scan
    return bytes;
}

TeamFile TeamFolder::write(const char* part, const std::string& file_name, const std::string& bytes) const {
    const fs::path dir = root_ / part;
    std::error_code ec;
    fs::create_directories(dir, ec);
    write_file_atomically(dir / file_name, bytes, 0640);
    const std::string name = std::string(part) + "/" + file_name;
    if (auto written = stat_file(dir / file_name, name)) return *written;
    return {name, static_cast<std::int64_t>(bytes.size()), 0};
}

void TeamFolder::remove(const char* part, const std::string& file_name) const {
    std::error_code ec;
    fs::remove(root_ / part / file_name, ec);
}

std::string write_tombstone(const std::string& candidate_uuid, const std::string& at) {
    nlohmann::ordered_json j;
    j["format"] = 1;
    j["erased"] = "candidate";
    j["uuid"] = candidate_uuid;
    j["at"] = at;
    return j.dump(2) + "\n";
}

std::optional<std::string> read_tombstone(const std::string& text) {
    try {
        const auto j = nlohmann::json::parse(text, nullptr, false);
        if (!j.is_object() || j.value("format", 0) != 1 || j.value("erased", "") != "candidate") return std::nullopt;
        const std::string uuid = j.value("uuid", "");
        if (!is_uuid(uuid)) return std::nullopt;
        return uuid;
    } catch (const nlohmann::json::exception&) { // a field of another type
        return std::nullopt;
    }
}

} // namespace panelist
