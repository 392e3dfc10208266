// [SECTIONS] names and times | copying pages | taking and listing | checking and restoring
#include "persistence/backups/backup.hpp"
#include "persistence/files/paths.hpp"

#include "persistence/files/backup_note.hpp"
#include "persistence/store/migrations/migration.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

namespace panelist {
namespace fs = std::filesystem;
namespace {

// --- [SECTION] names and times --------------------------------------------------------------

using Millis = std::int64_t; // since the Unix epoch, UTC

// Partial copies older than this belong to a process that died; younger ones may still be
// written by another Panelist.
constexpr auto stale_partial_age = std::chrono::minutes(10);

Millis now_millis() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// "2026-11-23T10-15-02.123Z": fixed width, so names sort by time, and no ':' in file names.
std::string stamp(Millis ms) {
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm t{};
    ::gmtime_r(&seconds, &t);
    return fmt::format("{:04}-{:02}-{:02}T{:02}-{:02}-{:02}.{:03}Z", t.tm_year + 1900, t.tm_mon + 1,
                       t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, ms % 1000);
}

std::optional<Millis> parse_stamp(std::string_view s) {
    constexpr std::string_view shape = "dddd-dd-ddTdd-dd-dd.dddZ";
    if (s.size() != shape.size()) return std::nullopt;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool digit = std::isdigit(static_cast<unsigned char>(s[i])) != 0;
        if (shape[i] == 'd' ? !digit : s[i] != shape[i]) return std::nullopt;
    }
    auto number = [&](std::size_t at, std::size_t len) {
        return std::stoi(std::string(s.substr(at, len)));
    };
    std::tm t{};
    t.tm_year = number(0, 4) - 1900;
    t.tm_mon = number(5, 2) - 1;
    t.tm_mday = number(8, 2);
    t.tm_hour = number(11, 2);
    t.tm_min = number(14, 2);
    t.tm_sec = number(17, 2);
    const Millis ms = Millis{::timegm(&t)} * 1000 + number(20, 3);
    if (stamp(ms) != s) return std::nullopt; // 2026-13-45 and friends
    return ms;
}

// "2026-11-23T10:15:02.123Z", for people.
std::string iso_time(Millis ms) {
    std::string s = stamp(ms);
    s[13] = s[16] = ':';
    return s;
}

std::string stem_of(const fs::path& database) {
    return database.stem().string();
}

fs::path backup_name(const fs::path& folder, const std::string& stem, Millis ms) {
    return folder / fmt::format("{}-{}.db", stem, stamp(ms));
}

// The time in a backup's file name, when the name is exactly <stem>-<stamp>.db.
std::optional<Millis> backup_time(const fs::path& file, const std::string& stem) {
    const std::string name = file.filename().string();
    const std::string prefix = stem + "-";
    if (name.size() <= prefix.size() + 3 || name.rfind(prefix, 0) != 0 || !name.ends_with(".db"))
        return std::nullopt;
    return parse_stamp(
        std::string_view(name).substr(prefix.size(), name.size() - prefix.size() - 3));
}

[[noreturn]] void fail_errno(const fs::path& path, const char* what) {
    throw BackupError(fmt::format("{}: {}: {}", path.string(), what, std::strerror(errno)));
}

void make_private_folder(const fs::path& folder) {
    std::error_code ec;
    if (fs::is_directory(folder, ec)) return;
    fs::create_directories(folder, ec);
    if (ec)
        throw BackupError(
            fmt::format("{}: cannot create the backup folder: {}", folder.string(), ec.message()));
    fs::permissions(folder, fs::perms::owner_all, ec); // backups hold candidate data
}

void create_private_file(const fs::path& path) {
    ::unlink(path.c_str()); // a leftover of a dead process that had our pid
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) fail_errno(path, "cannot be created");
    ::close(fd);
}

void sync_folder(const fs::path& folder) {
    if (const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); fd >= 0) {
        ::fsync(fd); // makes the rename itself durable
        ::close(fd);
    }
}

bool same_bytes(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    if (fs::file_size(a, ec) != fs::file_size(b, ec) || ec) return false;
    std::ifstream in_a(a, std::ios::binary), in_b(b, std::ios::binary);
    std::array<char, 1 << 16> buf_a{}, buf_b{};
    while (in_a && in_b) {
        in_a.read(buf_a.data(), buf_a.size());
        in_b.read(buf_b.data(), buf_b.size());
        if (in_a.gcount() != in_b.gcount() ||
            std::memcmp(buf_a.data(), buf_b.data(), static_cast<std::size_t>(in_a.gcount())) != 0)
            return false;
    }
    return !in_a.bad() && !in_b.bad();
}

// True when the 100-byte header says SQLite and Panelist's application id.
bool has_panelist_header(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::array<unsigned char, 100> h{};
    in.read(reinterpret_cast<char*>(h.data()), h.size());
    if (in.gcount() < 100 || std::memcmp(h.data(), "SQLite format 3\0", 16) != 0) return false;
    const std::uint32_t id = (std::uint32_t{h[68]} << 24) | (std::uint32_t{h[69]} << 16) |
                             (std::uint32_t{h[70]} << 8) | std::uint32_t{h[71]};
    return id == std::uint32_t(panelist_application_id);
}

// --- [SECTION] copying pages ----------------------------------------------------------------

// Copies every page of `from` into `to` as one consistent snapshot, in one write transaction
// on `to`: a failure (or a crash) leaves `to` as it was.
void copy_pages(sqlite3* from, sqlite3* to, const std::string& what) {
    sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup) throw BackupError(fmt::format("{}: {}", what, sqlite3_errmsg(to)));
    int rc = SQLITE_OK;
    for (int waits = 0;; ++waits) {
        rc = sqlite3_backup_step(backup, -1); // all pages at once: one snapshot
        if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || waits == 100) break;
        sqlite3_sleep(50); // another connection is writing; it will be done soon
    }
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        throw BackupError(fmt::format("{}: {}", what,
                                      rc == SQLITE_BUSY || rc == SQLITE_LOCKED
                                          ? "the database stayed busy for 5 seconds"
                                          : sqlite3_errstr(rc)));
}

// Writes the database into `file`, which must exist and be empty, as a self-contained file in
// rollback-journal mode (no -wal beside it to lose when the file is copied alone).
void write_copy(Database& db, const fs::path& file) {
    const std::string what =
        fmt::format("{}: cannot be backed up to {}", db.path().string(), file.string());
    try {
        {
            SQLite::Database to(file.string(), SQLite::OPEN_READWRITE);
            copy_pages(db.sql().getHandle(), to.getHandle(), what);
        }
        // The copied header still says WAL; reopening and switching rewrites it for good.
        SQLite::Database to(file.string(), SQLite::OPEN_READWRITE);
        to.exec("PRAGMA journal_mode = DELETE");
    } catch (const SQLite::Exception& e) {
        throw BackupError(fmt::format("{}: {}", what, e.what()));
    }
}

} // namespace

// --- [SECTION] taking and listing -----------------------------------------------------------

std::vector<Backup> list_backups(const fs::path& database) {
    std::vector<std::pair<Millis, Backup>> found;
    const fs::path folder = backup_folder(database);
    const std::string stem = stem_of(database);
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        if (auto at = backup_time(it->path(), stem))
            found.push_back({*at, Backup{it->path(), iso_time(*at), it->file_size(ec)}});
    }
    std::sort(found.begin(), found.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<Backup> out;
    for (auto& f : found)
        out.push_back(std::move(f.second));
    return out;
}

namespace {

void remove_stale_partials(const fs::path& folder, const std::string& stem) {
    const std::string prefix = "." + stem + "-";
    const auto cutoff = fs::file_time_type::clock::now() - stale_partial_age;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.rfind(prefix, 0) == 0 && name.find(".partial") != std::string::npos &&
            it->last_write_time(ec) < cutoff)
            fs::remove(it->path(), ec);
    }
}

void rotate(const fs::path& database, int keep) {
    if (keep <= 0) return;
    const auto all = list_backups(database);
    std::error_code ec;
    for (std::size_t i = static_cast<std::size_t>(keep); i < all.size(); ++i)
        fs::remove(all[i].path, ec);
}

// Gives the finished copy its final name, always later than the newest backup (the clock may
// have gone back), and never over an existing file.
fs::path publish(const fs::path& partial, const fs::path& database,
                 const std::vector<Backup>& existing) {
    const fs::path folder = backup_folder(database);
    const std::string stem = stem_of(database);
    Millis at = now_millis();
    if (!existing.empty()) at = std::max(at, *backup_time(existing.front().path, stem) + 1);
    for (;; ++at) {
        const fs::path target = backup_name(folder, stem, at);
        if (::link(partial.c_str(), target.c_str()) == 0) break;
        if (errno == EEXIST) continue;
        // A file system without hard links: a plain rename, checked first.
        std::error_code ec;
        if (fs::exists(target, ec)) continue;
        if (::rename(partial.c_str(), target.c_str()) != 0) fail_errno(target, "cannot be written");
        sync_folder(folder);
        return target;
    }
    const fs::path target = backup_name(folder, stem, at);
    ::unlink(partial.c_str());
    sync_folder(folder);
    return target;
}

} // namespace

std::optional<fs::path> make_backup(Database& db, int keep) {
    if (db.path() == ":memory:") return std::nullopt;
    const fs::path folder = backup_folder(db.path());
    const std::string stem = stem_of(db.path());
    make_private_folder(folder);
    remove_stale_partials(folder, stem);
    // The newest backup already holds the database as it is: nothing to copy (backup_note.hpp).
    if (const auto existing = list_backups(db.path());
        !existing.empty() && backup_holds(db.path(), existing.front().path)) {
        rotate(db.path(), keep);
        return existing.front().path;
    }
    const auto settled = settled_state(db.path()); // the file alone holds the database
    // Written under a hidden name first: a crash mid-copy never leaves a half backup listed.
    const fs::path partial = folder / fmt::format(".{}-{}.partial", stem, ::getpid());
    create_private_file(partial);
    try {
        write_copy(db, partial);
        const auto existing = list_backups(db.path());
        fs::path holding;
        if (!existing.empty() && same_bytes(partial, existing.front().path)) {
            ::unlink(partial.c_str());
            holding = existing.front().path;
        } else {
            holding = publish(partial, db.path(), existing);
        }
        rotate(db.path(), keep);
        // Nothing waited in the -wal file and the file did not change while it was copied:
        // the copy holds exactly what the file holds.
        if (settled) note_backup_holds(db.path(), *settled, holding);
        return holding;
    } catch (...) {
        std::error_code ec;
        fs::remove(partial, ec);
        for (const char* side : {"-journal", "-wal", "-shm"})
            fs::remove(fs::path(partial.string() + side), ec);
        throw;
    }
}

void backup_after_submit(Database& db) noexcept {
    try {
        make_backup(db);
    } catch (const std::exception& e) {
        std::fprintf(
            stderr, "panelist: the interview is submitted and saved, but no backup was taken: %s\n",
            e.what());
    }
}

// --- [SECTION] checking and restoring -------------------------------------------------------

void check_backup(const fs::path& file) {
    const std::string name = file.string();
    std::error_code ec;
    if (!fs::exists(file, ec)) throw BackupError(fmt::format("{}: no such file", name));
    if (!fs::is_regular_file(file, ec)) throw BackupError(fmt::format("{}: is not a file", name));
    {
        std::ifstream in(file, std::ios::binary);
        std::array<char, 16> magic{};
        in.read(magic.data(), magic.size());
        if (in.gcount() < 16 || std::memcmp(magic.data(), "SQLite format 3\0", 16) != 0)
            throw BackupError(fmt::format(
                "{}: is not a Panelist backup (it is not an SQLite database at all)", name));
    }
    try {
        SQLite::Database ro(name, SQLite::OPEN_READONLY);
        const int app = ro.execAndGet("PRAGMA application_id").getInt();
        if (app != panelist_application_id)
            throw BackupError(fmt::format(
                "{}: is not a Panelist backup (it is an SQLite database of another program)",
                name));
        const int version = ro.execAndGet("PRAGMA user_version").getInt();
        if (version < 1)
            throw BackupError(
                fmt::format("{}: is not a Panelist backup (it holds no schema)", name));
        if (version > latest_schema_version())
            throw BackupError(fmt::format(
                "{}: was written by a newer Panelist (schema version {}, this one knows up "
                "to {}); restore it with a newer version",
                name, version, latest_schema_version()));
        const std::string check = ro.execAndGet("PRAGMA integrity_check(1)").getString();
        if (check != "ok") throw BackupError(fmt::format("{}: is damaged: {}", name, check));
        for (const char* table :
             {"question", "question_set", "loop", "candidate", "interview", "interview_question"}) {
            SQLite::Statement s(ro,
                                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
            s.bind(1, table);
            if (!s.executeStep())
                throw BackupError(fmt::format("{}: is damaged: it has no table '{}'", name, table));
        }
    } catch (const SQLite::Exception& e) {
        throw BackupError(fmt::format("{}: is damaged or unreadable: {}", name, e.what()));
    }
}

namespace {

// Moves a database that cannot be opened, with its journal files, into the backup folder
// under a name that is never listed or rotated.
fs::path move_aside(const fs::path& database) {
    const fs::path folder = backup_folder(database);
    make_private_folder(folder);
    const fs::path target =
        folder / fmt::format("{}-{}.replaced.db", stem_of(database), stamp(now_millis()));
    std::error_code ec;
    fs::rename(database, target, ec);
    if (ec)
        throw BackupError(fmt::format("{}: cannot be moved to {}: {}", database.string(),
                                      target.string(), ec.message()));
    for (const char* side : {"-wal", "-shm", "-journal"}) {
        const fs::path from(database.string() + side);
        if (fs::exists(from, ec)) fs::rename(from, fs::path(target.string() + side), ec);
    }
    sync_folder(folder);
    return target;
}

} // namespace

Restored restore_backup(const fs::path& database, const fs::path& file) {
    constexpr const char* unchanged = "\nNothing was restored; the database is unchanged.";
    Restored result;
    std::optional<Database> db;
    std::error_code ec;
    try {
        if (fs::exists(database, ec) && fs::exists(file, ec) && fs::equivalent(database, file, ec))
            throw BackupError(fmt::format("{}: is the database itself; choose one of its backups",
                                          file.string()));
        check_backup(file);
        if (fs::exists(database, ec) && fs::file_size(database, ec) > 0) {
            try {
                db.emplace(Database::open(database));
            } catch (const DatabaseError& e) {
                if (!has_panelist_header(database))
                    throw BackupError(
                        fmt::format("{}\nrestore only replaces a Panelist database; move this file "
                                    "away first if you mean to replace it",
                                    e.what()));
                result.why = e.what(); // damaged, or from a newer Panelist: kept whole below
            }
            // No rotation here: it could delete the very backup being restored.
            if (db) result.previous = make_backup(*db, 0);
        }
    } catch (const BackupError& e) {
        throw BackupError(e.what() + std::string(unchanged));
    }

    if (!result.why.empty()) result.moved_aside = move_aside(database);
    const std::string kept = result.moved_aside ? fmt::format("\nThe old database was moved to {}.",
                                                              result.moved_aside->string())
                                                : unchanged;
    try {
        if (!db) db.emplace(Database::open(database)); // new and empty, to copy into
        SQLite::Database source(file.string(), SQLite::OPEN_READONLY);
        copy_pages(source.getHandle(), db->sql().getHandle(),
                   fmt::format("{}: cannot be restored from {}", database.string(), file.string()));
    } catch (const BackupError& e) {
        throw BackupError(e.what() + kept);
    } catch (const std::exception& e) {
        throw BackupError(fmt::format("{}: cannot be restored from {}: {}{}", database.string(),
                                      file.string(), e.what(), kept));
    }
    try {
        migrate(db->sql()); // a backup from an older Panelist gets the current schema
    } catch (const std::exception& e) {
        throw BackupError(fmt::format(
            "{}: was restored from {} but could not be brought to the current schema: {}",
            database.string(), file.string(), e.what()));
    }
    return result;
}

} // namespace panelist
