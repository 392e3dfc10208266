#include "persistence/store/database.hpp"

#include "persistence/files/intact_note.hpp"
#include "persistence/store/migrations/migration.hpp"
#include "persistence/search/search_index.hpp"

#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <fmt/std.h>
#include <fstream>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

namespace panelist {
namespace fs = std::filesystem;
namespace {

// How often SQLite has reported damage (a corrupt page, a file that is not a database) in this
// process, through its error log: a session that met any does not note its file as intact.
std::atomic<long> damage_reports{0};

void on_sqlite_log(void*, int code, const char*) {
    const int primary = code & 0xff;
    if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) ++damage_reports;
}

// Installed before main: SQLite takes its configuration only before its first use. Without the
// log no file is noted as intact, so every open checks the whole file.
const bool damage_is_reported = sqlite3_config(SQLITE_CONFIG_LOG, on_sqlite_log, nullptr) == SQLITE_OK;

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

fs::path folder_of(const fs::path& path) {
    return path.has_parent_path() ? path.parent_path() : fs::path(".");
}

bool writable(const fs::path& path) { return ::access(path.c_str(), W_OK) == 0; }

// A read-only connection. Opened the usual way, SQLite creates the -wal and -shm files a WAL
// database needs and, read-only, cannot remove them: beside a file this process may not write,
// they were left with its mode (0444), and a later writer, once the file was made writable,
// failed with "readonly database" on the -shm. So a file (or folder) this process may not write,
// with no -wal beside it (no Panelist has it open, nothing waits in one), is opened as
// immutable: read straight from the file, nothing created. Anything else the usual way.
std::unique_ptr<SQLite::Database> open_reader(const fs::path& path) {
    std::error_code ec;
    if (fs::exists(path.string() + "-wal", ec) || (writable(path) && writable(folder_of(path)))) {
        auto db = std::make_unique<SQLite::Database>(path.string(), SQLite::OPEN_READONLY);
        // Another Panelist starting at the same moment holds the file briefly while it sets up
        // the WAL: wait for it, as every connection does, instead of "database is locked".
        db->setBusyTimeout(5000);
        return db;
    }
    std::string uri = "file:";
    for (const char c : fs::absolute(path, ec).string()) {
        if (c == '?' || c == '#' || c == '%')
            uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
        else
            uri += c;
    }
    return std::make_unique<SQLite::Database>(uri + "?immutable=1",
                                              SQLite::OPEN_READONLY | SQLite::OPEN_URI);
}

// A read-only connection to a WAL-mode file creates its -wal and -shm files and, being
// read-only, cannot remove them. When the file is then refused, the ones this open created
// (and the -wal only while empty) are removed again: refusing leaves nothing beside the file.
class SideFilesOfReader {
public:
    explicit SideFilesOfReader(const fs::path& database)
        : wal_(beside_real_file(database, "-wal")), shm_(beside_real_file(database, "-shm")) {
        if (wal_.empty()) return;
        std::error_code ec;
        had_wal_ = fs::exists(wal_, ec) || ec;
        had_shm_ = fs::exists(shm_, ec) || ec;
    }
    void remove_created() const noexcept {
        std::error_code ec;
        if (wal_.empty() || had_wal_) return; // another connection's files: never touched
        if (fs::exists(wal_, ec) && fs::file_size(wal_, ec) != 0) return;
        fs::remove(wal_, ec);
        if (!had_shm_) fs::remove(shm_, ec);
    }

private:
    fs::path wal_, shm_;
    bool had_wal_ = true, had_shm_ = true;
};

// Refuses another program's database, or one from a newer Panelist. Asked of the header on
// disk first, then of SQLite, which also reads what still waits in the -wal file.
void check_identity(const std::string& file, std::uint32_t application_id, std::uint32_t user_version) {
    if (application_id != 0 && application_id != std::uint32_t(panelist_application_id))
        throw DatabaseError(fmt::format("{}: is not a Panelist database (it belongs to another "
                                        "program, application id {:#010x})",
                                        file, application_id));
    if (user_version > std::uint32_t(latest_schema_version()))
        throw DatabaseError(fmt::format("{}: was written by a newer Panelist (schema version {}, "
                                        "this one knows up to {}); open it with a newer version",
                                        file, user_version, latest_schema_version()));
}

// The checks that need SQLite's own reading of the file: damage (unless `intact`), and the
// application id and schema version where the header on disk can lag behind.
void check_through_sqlite(const fs::path& path, bool intact) {
    const std::string file = path.string();
    try {
        const auto reader = open_reader(path);
        SQLite::Database& ro = *reader;
        if (!intact) {
            const std::string check = ro.execAndGet("PRAGMA quick_check(1)").getString();
            if (check != "ok")
                throw DatabaseError(fmt::format("{}: is damaged: {}", file, check));
        }
        // The header on disk can lag: a Panelist killed before its first checkpoint leaves the
        // application id and schema version only in the -wal file, where SQLite reads them.
        const auto application_id = static_cast<std::uint32_t>(
            ro.execAndGet("PRAGMA application_id").getInt());
        const auto user_version =
            static_cast<std::uint32_t>(ro.execAndGet("PRAGMA user_version").getInt());
        check_identity(file, application_id, user_version);
        if (application_id == 0 && ro.execAndGet("SELECT count(*) FROM sqlite_master").getInt() > 0)
            throw DatabaseError(fmt::format("{}: is not a Panelist database (it is an SQLite "
                                            "database of another program)",
                                            file));
    } catch (const SQLite::Exception& e) {
        throw DatabaseError(fmt::format("{}: is damaged or unreadable: {}", file, e.what()));
    }
}

// Refuses files we must not write to. Only reads, and only through a read-only connection.
// Reads the whole file to look for damage unless Panelist left it intact and nothing has
// touched it since (intact_note.hpp); a file that passes is noted when `note_when_checked`.
void check_existing(const fs::path& path, bool note_when_checked, OpeningProgress* progress) {
    const bool intact = left_intact(path);
    if (progress && !intact) progress->enter(OpeningProgress::Stage::checking);
    const auto checked = intact ? std::nullopt : file_state(path);
    const Header h = read_header(path);
    const std::string file = path.string();
    if (!h.sqlite)
        throw DatabaseError(fmt::format("{}: is not a Panelist database (it is not an SQLite "
                                        "file at all)",
                                        file));
    check_identity(file, h.application_id, h.user_version);
    {
        const SideFilesOfReader side_files(path);
        try {
            check_through_sqlite(path, intact);
        } catch (...) {
            side_files.remove_created(); // refusing leaves nothing beside the file
            throw;
        }
    }
    if (!intact && note_when_checked) note_intact(path, checked); // the reader is closed
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
    // A big bank is a big file (about 1 GB at 100k questions): keep more hot pages than the
    // 2 MB default. Not mmap: mapped pages count as resident memory (docs/performance.md).
    db.exec("PRAGMA cache_size = -16384");
    db.setBusyTimeout(5000);
}

} // namespace

std::optional<std::string> read_only_reason(const fs::path& path) {
    if (::access(path.c_str(), W_OK) != 0)
        return fmt::format("the file cannot be written ({})", std::strerror(errno));
    const fs::path folder = folder_of(path);
    if (::access(folder.c_str(), W_OK) != 0)
        return fmt::format("its folder {} cannot be written ({}), and Panelist keeps its journal "
                           "(the -wal file) beside the database",
                           folder.string(), std::strerror(errno));
    return std::nullopt;
}

DatabaseError database_error(const fs::path& path, const SQLite::Exception& e) {
    // An in-memory database (tests, scratch copies) has no name worth printing.
    const std::string file = path.empty() || path == ":memory:" ? "the database" : path.string();
    switch (e.getErrorCode() & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return DatabaseError(fmt::format(
            "{}: is busy: another Panelist is writing to it and did not finish within 5 "
            "seconds; this change was not saved. Close the other Panelist or wait for it, then "
            "try again ({})",
            file, e.what()), StoreProblem::busy);
    case SQLITE_READONLY:
        return DatabaseError(fmt::format("{}: is read-only: Panelist cannot save changes to it; "
                                         "this change was not saved ({})",
                                         file, e.what()), StoreProblem::read_only);
    case SQLITE_FULL:
        return DatabaseError(fmt::format("{}: the disk is full: this change was not saved ({})", file, e.what()),
                             StoreProblem::full);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return DatabaseError(fmt::format("{}: is damaged ({}); restore a backup (panelist backups)", file, e.what()),
                             StoreProblem::damaged);
    default:
        return DatabaseError(fmt::format("{}: {}", file, e.what()));
    }
}

DatabaseError Database::error(const SQLite::Exception& e) const { return database_error(path_, e); }

Database::Database(fs::path path, std::unique_ptr<SQLite::Database> db, bool created, bool read_only)
    : path_(std::move(path)), db_(std::move(db)), created_(created), read_only_(read_only),
      damage_reports_at_open_(damage_reports) {}

Database Database::open(const fs::path& path, Access access, OpeningProgress* progress) {
    const bool in_memory = path == ":memory:";
    if (access == Access::read_only && !in_memory) {
        // As it is: nothing created, migrated or seeded.
        std::error_code ec;
        if (!fs::exists(path, ec))
            throw DatabaseError(fmt::format("{}: does not exist (opened for reading only, so "
                                            "it is not created)",
                                            path.string()));
        if (fs::is_directory(path, ec))
            throw DatabaseError(fmt::format("{}: is a folder, not a database file", path.string()));
        check_existing(path, true, progress); // nothing here will change it
        try {
            auto db = open_reader(path);
            db->exec("PRAGMA foreign_keys = ON");
            db->setBusyTimeout(5000);
            const int version = db->execAndGet("PRAGMA user_version").getInt();
            if (version < latest_schema_version())
                throw DatabaseError(fmt::format(
                    "{}: is read-only and was written by an older Panelist (schema version {}, "
                    "this one needs {}); it must be upgraded, which means writing to it: make "
                    "it writable and open it once",
                    path.string(), version, latest_schema_version()));
            if (!search_index_current(*db))
                throw DatabaseError(fmt::format(
                    "{}: is read-only and its search index was built by an older Panelist; "
                    "rebuilding it means writing to it: make it writable and open it once",
                    path.string()));
            return Database(path, std::move(db), false, true);
        } catch (const SQLite::Exception& e) {
            throw DatabaseError(fmt::format("{}: cannot be opened read-only: {}", path.string(),
                                            e.what()));
        }
    }
    bool created = in_memory;
    bool empty_file = false;
    if (!in_memory) {
        std::error_code ec;
        if (fs::exists(path, ec) && !fs::is_directory(path, ec)) {
            if (auto why = read_only_reason(path))
                throw DatabaseError(fmt::format("{}: is read-only: {}; nothing was changed. "
                                                "Make it writable, or use it for reading only "
                                                "(questions, report, compare)",
                                                path.string(), *why));
        }
        if (!fs::exists(path, ec)) {
            create_private_file(path);
            created = true;
        } else if (fs::is_directory(path, ec)) {
            throw DatabaseError(fmt::format("{}: is a folder, not a database file", path.string()));
        } else if (fs::file_size(path, ec) == 0) {
            created = true;
            empty_file = true;
        } else {
            check_existing(path, false, progress); // noted when closed, after this process's changes
        }
    }
    try {
        auto db = std::make_unique<SQLite::Database>(path.string(),
                                                     SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        // SQLite quietly falls back to read-only when the file cannot be opened for writing.
        if (sqlite3_db_readonly(db->getHandle(), "main") == 1)
            throw DatabaseError(fmt::format("{}: is read-only: SQLite could not open it for "
                                            "writing; nothing was changed",
                                            path.string()));
        configure(*db);
        migrate(*db);
        ensure_search_index(*db, progress);
        Database opened(path, std::move(db), created, false);
        opened.note_when_closed_ = !in_memory;
        opened.made_in_empty_file_ = empty_file;
        return opened;
    } catch (const SQLite::Exception& e) {
        const int code = e.getErrorCode() & 0xff;
        if (code == SQLITE_BUSY || code == SQLITE_LOCKED || code == SQLITE_READONLY)
            throw database_error(path, e);
        throw DatabaseError(fmt::format("{}: cannot be opened: {}", path.string(), e.what()));
    }
}

Database::~Database() {
    if (!db_ || !note_when_closed_) return;
    const bool damage_met = !damage_is_reported || damage_reports != damage_reports_at_open_;
    db_.reset(); // the last connection to close folds the -wal file into the database
    if (damage_met)
        forget_intact(path_);
    else
        note_intact(path_);
}

Database Database::another_reader() const {
    if (path_ == ":memory:")
        throw DatabaseError(":memory: has no second connection (it would be another database)");
    try {
        auto db = open_reader(path_);
        db->setBusyTimeout(5000);
        return Database(path_, std::move(db), false, true);
    } catch (const SQLite::Exception& e) {
        throw DatabaseError(
            fmt::format("{}: cannot be opened again: {}", path_.string(), e.what()));
    }
}

Database Database::another_writer() const {
    if (path_ == ":memory:" || read_only_)
        throw DatabaseError(fmt::format("{}: has no second connection for writing", path_.string()));
    try {
        auto db = std::make_unique<SQLite::Database>(path_.string(), SQLite::OPEN_READWRITE);
        configure(*db);
        return Database(path_, std::move(db), false, false);
    } catch (const SQLite::Exception& e) {
        throw database_error(path_, e);
    }
}

StoreVersion Database::version() {
    return {db_->execAndGet("PRAGMA data_version").getInt64(), sqlite3_total_changes64(db_->getHandle())};
}

int Database::schema_version() { return db_->execAndGet("PRAGMA user_version").getInt(); }

} // namespace panelist
