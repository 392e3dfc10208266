#include "persistence/database.hpp"

#include "persistence/migrations/migration.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <fmt/std.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace panelist {
namespace fs = std::filesystem;
namespace {

// The fields of the 100-byte SQLite header that decide whether we may touch a file.
struct Header {
    bool sqlite = false;
    std::uint32_t user_version = 0;
    std::uint32_t application_id = 0;
};

std::uint32_t big_endian_u32(const unsigned char* p) {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
           std::uint32_t{p[3]};
}

Header read_header(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw DatabaseError(fmt::format("{}: cannot be read: {}", path.string(), std::strerror(errno)));
    std::array<unsigned char, 100> bytes{};
    in.read(reinterpret_cast<char*>(bytes.data()), bytes.size());
    Header h;
    if (in.gcount() < 100) return h;
    h.sqlite = std::memcmp(bytes.data(), "SQLite format 3\0", 16) == 0;
    h.user_version = big_endian_u32(&bytes[60]);
    h.application_id = big_endian_u32(&bytes[68]);
    return h;
}

// Refuses files we must not write to. Only reads, and only through a read-only connection.
void check_existing(const fs::path& path) {
    const Header h = read_header(path);
    const std::string file = path.string();
    if (!h.sqlite)
        throw DatabaseError(fmt::format("{}: is not a Panelist database (it is not an SQLite "
                                        "file at all)",
                                        file));
    if (h.application_id != 0 && h.application_id != std::uint32_t(panelist_application_id))
        throw DatabaseError(fmt::format("{}: is not a Panelist database (it belongs to another "
                                        "program, application id {:#010x})",
                                        file, h.application_id));
    if (h.user_version > std::uint32_t(latest_schema_version()))
        throw DatabaseError(fmt::format("{}: was written by a newer Panelist (schema version {}, "
                                        "this one knows up to {}); open it with a newer version",
                                        file, h.user_version, latest_schema_version()));
    try {
        SQLite::Database ro(file, SQLite::OPEN_READONLY);
        const std::string check = ro.execAndGet("PRAGMA quick_check(1)").getString();
        if (check != "ok")
            throw DatabaseError(fmt::format("{}: is damaged: {}", file, check));
        if (h.application_id == 0 && ro.execAndGet("SELECT count(*) FROM sqlite_master").getInt() > 0)
            throw DatabaseError(fmt::format("{}: is not a Panelist database (it is an SQLite "
                                            "database of another program)",
                                            file));
    } catch (const SQLite::Exception& e) {
        throw DatabaseError(fmt::format("{}: is damaged or unreadable: {}", file, e.what()));
    }
}

// Creates the file owner-only before SQLite does, so candidate data is never world-readable.
void create_private_file(const fs::path& path) {
    std::error_code ec;
    if (path.has_parent_path() && !fs::exists(path.parent_path())) {
        fs::create_directories(path.parent_path(), ec);
        if (ec)
            throw DatabaseError(fmt::format("{}: cannot create its folder: {}", path.string(),
                                            ec.message()));
        fs::permissions(path.parent_path(), fs::perms::owner_all, ec);
    }
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        throw DatabaseError(fmt::format("{}: cannot be created: {}", path.string(), std::strerror(errno)));
    ::close(fd);
}

void configure(SQLite::Database& db) {
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA journal_mode = WAL");
    // FULL: a committed score survives power loss, not only a crash of the process.
    db.exec("PRAGMA synchronous = FULL");
    db.setBusyTimeout(5000);
}

} // namespace

Database::Database(fs::path path, std::unique_ptr<SQLite::Database> db, bool created)
    : path_(std::move(path)), db_(std::move(db)), created_(created) {}

Database Database::open(const fs::path& path) {
    const bool in_memory = path == ":memory:";
    bool created = in_memory;
    if (!in_memory) {
        std::error_code ec;
        if (!fs::exists(path, ec)) {
            create_private_file(path);
            created = true;
        } else if (fs::is_directory(path, ec)) {
            throw DatabaseError(fmt::format("{}: is a folder, not a database file", path.string()));
        } else if (fs::file_size(path, ec) == 0) {
            created = true;
        } else {
            check_existing(path);
        }
    }
    try {
        auto db = std::make_unique<SQLite::Database>(path.string(),
                                                     SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        configure(*db);
        migrate(*db);
        return Database(path, std::move(db), created);
    } catch (const SQLite::Exception& e) {
        throw DatabaseError(fmt::format("{}: cannot be opened: {}", path.string(), e.what()));
    }
}

int Database::schema_version() { return db_->execAndGet("PRAGMA user_version").getInt(); }

} // namespace panelist
