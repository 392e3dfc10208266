// Rolling backups and restore, on real files: what is kept, who may read it, what comes back,
// and what is refused without touching the database.
#include "persistence/backups/backup.hpp"
#include "persistence/store/people_repository.hpp"
#include "tests/support/process_io.hpp"
#include "tests/support/temp_dir.hpp"

#include <SQLiteCpp/Database.h>
#include <algorithm>
#include <chrono>
#include <doctest/doctest.h>
#include <fstream>
#include <fcntl.h>
#include <sys/stat.h>

using namespace panelist;
using panelist::test::TempDir;
using panelist::test::bytes_written_so_far;
namespace fs = std::filesystem;
namespace files = panelist::test;

namespace {

void add_loop(Database& db, const std::string& name) {
    Loop loop;
    loop.name = name;
    PeopleRepository(db).save(loop);
}

std::vector<std::string> loop_names(const fs::path& file) {
    SQLite::Database ro(file.string(), SQLite::OPEN_READONLY);
    SQLite::Statement s(ro, "SELECT name FROM loop ORDER BY id");
    std::vector<std::string> out;
    while (s.executeStep())
        out.push_back(s.getColumn(0).getString());
    return out;
}

std::vector<std::string> loop_names(Database& db) {
    std::vector<std::string> out;
    for (const auto& l : PeopleRepository(db).loops(true))
        out.push_back(l.name);
    std::reverse(out.begin(), out.end()); // loops() lists the newest first
    return out;
}

std::vector<fs::path> backup_paths(const fs::path& database) {
    std::vector<fs::path> out;
    for (const auto& b : list_backups(database))
        out.push_back(b.path);
    return out;
}

unsigned mode_of(const fs::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

// Overwrites the second half of a database file: its pages, not its header.
void damage(const fs::path& file) {
    const auto size = fs::file_size(file);
    std::fstream f(file, std::ios::binary | std::ios::in | std::ios::out);
    f.seekp(static_cast<std::streamoff>(size / 2));
    const std::string junk(size - size / 2, 'Z');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
}

std::string restore_error(const fs::path& database, const fs::path& backup) {
    try {
        restore_backup(database, backup);
    } catch (const BackupError& e) {
        return e.what();
    }
    return "(restored)";
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("a backup is a whole, owner-only copy in backups/ beside the database, named with the "
          "UTC time") {
    TempDir dir;
    const auto path = dir / "team.db";
    Database db = Database::open(path);
    add_loop(db, "Alpha");
    const auto before = std::chrono::system_clock::now();
    const auto made = make_backup(db);
    REQUIRE(made);
    CHECK(made->parent_path() == dir / "backups");
    CHECK(mode_of(*made) == 0600);
    CHECK(mode_of(dir / "backups") == 0700);
    CHECK(loop_names(*made) == std::vector<std::string>{"Alpha"});
    CHECK_NOTHROW(check_backup(*made));

    const auto listed = list_backups(path);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].path == *made);
    CHECK(listed[0].bytes == fs::file_size(*made));
    // "2026-11-23T10:15:02.123Z" in the listing, "team-2026-11-23T10-15-02.123Z.db" on disk.
    const std::string& at = listed[0].taken_at;
    REQUIRE(at.size() == 24);
    CHECK(made->filename().string() ==
          "team-" + at.substr(0, 13) + "-" + at.substr(14, 2) + "-" + at.substr(17) + ".db");
    std::tm t{};
    t.tm_year = std::stoi(at.substr(0, 4)) - 1900;
    t.tm_mon = std::stoi(at.substr(5, 2)) - 1;
    t.tm_mday = std::stoi(at.substr(8, 2));
    t.tm_hour = std::stoi(at.substr(11, 2));
    t.tm_min = std::stoi(at.substr(14, 2));
    t.tm_sec = std::stoi(at.substr(17, 2));
    const auto taken = std::chrono::system_clock::from_time_t(::timegm(&t));
    CHECK(taken >= std::chrono::floor<std::chrono::seconds>(before));
    CHECK(taken <= std::chrono::system_clock::now());

    // A single self-contained file: rollback journal, nothing beside it that it needs.
    SQLite::Database ro(made->string(), SQLite::OPEN_READONLY);
    CHECK(ro.execAndGet("PRAGMA journal_mode").getString() == "delete");
    CHECK_FALSE(fs::exists(made->string() + "-wal"));
}

TEST_CASE("starting again without a change adds no backup; a change does, newest listed first") {
    TempDir dir;
    const auto path = dir / "p.db";
    Database db = Database::open(path);
    add_loop(db, "Alpha");
    const auto first = make_backup(db);
    CHECK(make_backup(db) == first);
    CHECK(make_backup(db) == first);
    CHECK(list_backups(path).size() == 1);

    add_loop(db, "Beta");
    const auto second = make_backup(db);
    REQUIRE(second);
    CHECK(second != first);
    CHECK(backup_paths(path) == std::vector<fs::path>{*second, *first});
    CHECK(loop_names(*second) == std::vector<std::string>{"Alpha", "Beta"});
    CHECK(loop_names(*first) == std::vector<std::string>{"Alpha"});
}

TEST_CASE("a start that finds the database exactly as its newest backup holds it copies nothing") {
    TempDir dir;
    const auto path = dir / "p.db";
    {
        Database db = Database::open(path);
        add_loop(db, "Alpha");
        db.sql().exec("CREATE TABLE ballast (b BLOB)"); // a few megabytes, so a copy stands out
        db.sql().exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 64) "
                      "INSERT INTO ballast SELECT randomblob(65536) FROM n");
    }
    REQUIRE(fs::file_size(path) > 4'000'000);
    fs::path first;
    {
        Database db = Database::open(path); // a start: the first backup is a copy
        first = *make_backup(db);
    }
    {
        Database db = Database::open(path); // the next start, nothing changed since
        auto written = bytes_written_so_far();
        CHECK(make_backup(db) == first);
        CHECK(bytes_written_so_far() - written < 100'000);

        // The backup itself touched since (here only its times): it no longer counts, so the
        // database is copied again (and, being the same, adds no file).
        const timespec now[2] = {{0, UTIME_NOW}, {0, UTIME_NOW}};
        REQUIRE(::utimensat(AT_FDCWD, first.c_str(), now, 0) == 0);
        written = bytes_written_so_far();
        CHECK(make_backup(db) == first);
        CHECK(bytes_written_so_far() - written > 4'000'000);
        CHECK(list_backups(path).size() == 1);

        add_loop(db, "Beta"); // a change waiting in the -wal file: copied, into a new backup
        const auto second = make_backup(db);
        REQUIRE(second);
        CHECK(*second != first);
        CHECK(loop_names(*second) == std::vector<std::string>{"Alpha", "Beta"});
    }
    {
        Database db = Database::open(path);
        // Changed by another program since (here by SQLite itself, as any program could)
        SQLite::Database other(path.string(), SQLite::OPEN_READWRITE);
        other.exec("UPDATE loop SET name = 'Gamma' WHERE name = 'Beta'");
        const auto third = make_backup(db);
        REQUIRE(third);
        CHECK(loop_names(*third) == std::vector<std::string>{"Alpha", "Gamma"});
    }
}

TEST_CASE("only the newest ten backups are kept, and other files in the folder are left alone") {
    TempDir dir;
    const auto path = dir / "p.db";
    Database db = Database::open(path);
    fs::create_directories(dir / "backups");
    const auto mine = dir / "backups" / "notes.txt";
    const auto other_db =
        dir / "backups" / "other-2020-01-01T00-00-00.000Z.db"; // other.db's backup
    const auto old_name = dir / "backups" / "p-2020-01-01T00-00-00.000Z.db.keep";
    for (const auto& f : {mine, other_db, old_name})
        files::write_file(f, "keep me");

    std::vector<fs::path> made;
    for (int i = 0; i < 12; ++i) {
        add_loop(db, "Loop " + std::to_string(i));
        made.push_back(*make_backup(db));
    }
    const auto kept = backup_paths(path);
    REQUIRE(kept.size() == static_cast<std::size_t>(backups_kept));
    CHECK(kept == std::vector<fs::path>(made.rbegin(), made.rbegin() + 10));
    CHECK_FALSE(fs::exists(made[0]));
    CHECK_FALSE(fs::exists(made[1]));
    for (const auto& f : {mine, other_db, old_name})
        CHECK(files::read_file(f) == "keep me");

    add_loop(db, "One more");
    make_backup(db, 3);
    CHECK(list_backups(path).size() == 3);
}

TEST_CASE("a backup is one consistent snapshot: a write not yet committed elsewhere is not in it") {
    TempDir dir;
    const auto path = dir / "p.db";
    Database db = Database::open(path);
    add_loop(db, "Alpha");
    SQLite::Database other(path.string(), SQLite::OPEN_READWRITE);
    other.exec("BEGIN IMMEDIATE");
    other.exec("UPDATE loop SET name = 'Half-written'");
    const auto made = make_backup(db); // the other connection still holds its write lock
    other.exec("COMMIT");
    REQUIRE(made);
    CHECK(loop_names(*made) == std::vector<std::string>{"Alpha"});
    CHECK(loop_names(db) == std::vector<std::string>{"Half-written"});
}

TEST_CASE("a copy cut short by a crash is never listed, and is cleared once it is stale") {
    TempDir dir;
    const auto path = dir / "p.db";
    Database db = Database::open(path);
    fs::create_directories(dir / "backups");
    const auto stale = dir / "backups" / ".p-4242.partial";
    const auto stale_journal = dir / "backups" / ".p-4242.partial-journal";
    const auto fresh = dir / "backups" / ".p-4343.partial"; // another Panelist may be writing it
    for (const auto& f : {stale, stale_journal, fresh})
        files::write_file(f, "half a database");
    const auto hour_ago = fs::file_time_type::clock::now() - std::chrono::hours(1);
    fs::last_write_time(stale, hour_ago);
    fs::last_write_time(stale_journal, hour_ago);

    CHECK(list_backups(path).empty());
    add_loop(db, "Alpha");
    const auto made = make_backup(db);
    CHECK(backup_paths(path) == std::vector<fs::path>{*made});
    CHECK_FALSE(fs::exists(stale));
    CHECK_FALSE(fs::exists(stale_journal));
    CHECK(fs::exists(fresh));
}

TEST_CASE("an in-memory database has no backups") {
    Database db = Database::open(":memory:");
    CHECK_FALSE(make_backup(db));
    CHECK_NOTHROW(backup_after_submit(db));
}

TEST_CASE("a backup that cannot be taken says why; after a submission that is only reported") {
    TempDir dir;
    const auto path = dir / "p.db";
    Database db = Database::open(path);
    add_loop(db, "Alpha");
    files::write_file(dir / "backups", "a file where the folder should be");
    CHECK_THROWS_WITH_AS(make_backup(db), doctest::Contains("cannot create the backup folder"),
                         BackupError);
    CHECK_NOTHROW(backup_after_submit(db)); // the submission itself is already committed
    CHECK(loop_names(db) == std::vector<std::string>{"Alpha"});
    CHECK(files::read_file(dir / "backups") == "a file where the folder should be");
}

TEST_CASE("restore puts a backup back and keeps the database as it was as a backup") {
    TempDir dir;
    const auto path = dir / "p.db";
    fs::path first;
    {
        Database db = Database::open(path);
        add_loop(db, "Alpha");
        first = *make_backup(db);
        add_loop(db, "Beta");
    }
    const auto restored = restore_backup(path, first);
    REQUIRE(restored.previous);
    CHECK(*restored.previous != first);
    CHECK_FALSE(restored.moved_aside);
    CHECK(loop_names(*restored.previous) == std::vector<std::string>{"Alpha", "Beta"});
    CHECK(fs::exists(first)); // the restored backup stays available
    CHECK(list_backups(path).size() == 2);

    Database db = Database::open(path);
    CHECK(loop_names(db) == std::vector<std::string>{"Alpha"});
    CHECK(db.sql().execAndGet("PRAGMA integrity_check").getString() == "ok");
    CHECK(db.sql().execAndGet("PRAGMA journal_mode").getString() == "wal");
    add_loop(db, "Gamma"); // and it is a working database again
    CHECK(loop_names(db) == std::vector<std::string>{"Alpha", "Gamma"});
}

TEST_CASE("restore into a database that does not exist yet creates it") {
    TempDir dir;
    fs::path backup;
    {
        Database db = Database::open(dir / "old.db");
        add_loop(db, "Alpha");
        backup = *make_backup(db);
    }
    const auto fresh = dir / "new" / "p.db";
    const auto restored = restore_backup(fresh, backup);
    CHECK_FALSE(restored.previous);
    CHECK(mode_of(fresh) == 0600);
    Database db = Database::open(fresh);
    CHECK(loop_names(db) == std::vector<std::string>{"Alpha"});
}

TEST_CASE(
    "restore replaces a damaged database, and moves the damaged file aside instead of losing it") {
    TempDir dir;
    const auto path = dir / "p.db";
    fs::path backup;
    {
        Database db = Database::open(path);
        for (int i = 0; i < 200; ++i)
            add_loop(db, "Loop " + std::to_string(i)); // a few pages to damage
        backup = *make_backup(db);
    }
    damage(path);
    CHECK_THROWS_AS(Database::open(path), DatabaseError);
    const std::string damaged_bytes = files::read_file(path);

    const auto restored = restore_backup(path, backup);
    REQUIRE(restored.moved_aside);
    CHECK(has(restored.why, "damaged"));
    CHECK(files::read_file(*restored.moved_aside) == damaged_bytes);
    CHECK(backup_paths(path) ==
          std::vector<fs::path>{backup}); // kept aside, not listed as a backup
    Database db = Database::open(path);
    CHECK(loop_names(db).size() == 200);
}

TEST_CASE("restore refuses a bad backup and leaves the database and its backups as they were") {
    TempDir dir;
    const auto path = dir / "p.db";
    fs::path good;
    {
        Database db = Database::open(path);
        for (int i = 0; i < 200; ++i)
            add_loop(db, "Loop " + std::to_string(i));
        good = *make_backup(db);
        add_loop(db, "After the backup");
    }
    const auto bad = dir / "bad";
    fs::create_directories(bad);
    files::write_file(bad / "notes.txt", "Candidate was great.\n");
    files::write_file(bad / "tiny.db", "SQLite");
    {
        SQLite::Database other((bad / "other.db").string(),
                               SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        other.exec("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)");
        SQLite::Database empty((bad / "empty.db").string(),
                               SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        empty.exec("PRAGMA application_id = " + std::to_string(panelist_application_id));
    }
    fs::copy_file(good, bad / "newer.db");
    {
        SQLite::Database newer((bad / "newer.db").string(), SQLite::OPEN_READWRITE);
        newer.exec("PRAGMA user_version = 99");
    }
    fs::copy_file(good, bad / "damaged.db");
    damage(bad / "damaged.db");
    fs::copy_file(good, bad / "truncated.db");
    fs::resize_file(bad / "truncated.db", fs::file_size(good) / 2);

    const std::string db_bytes = files::read_file(path);
    const auto backups_before = backup_paths(path);
    const std::vector<std::pair<fs::path, std::string>> cases{
        {bad / "missing.db", "no such file"},
        {bad, "is not a file"},
        {bad / "notes.txt", "is not a Panelist backup (it is not an SQLite database at all)"},
        {bad / "tiny.db", "is not an SQLite database at all"},
        {bad / "other.db", "it is an SQLite database of another program"},
        {bad / "empty.db", "it holds no schema"},
        {bad / "newer.db", "was written by a newer Panelist (schema version 99"},
        {bad / "damaged.db", "damaged"},
        {bad / "truncated.db", "damaged"},
        {path, "is the database itself"},
    };
    for (const auto& [file, why] : cases) {
        CAPTURE(file);
        const std::string message = restore_error(path, file);
        CHECK_MESSAGE(has(message, why), message);
        CHECK(has(message, file.string()));
        CHECK(has(message, "Nothing was restored; the database is unchanged."));
        CHECK(files::read_file(path) == db_bytes);
        CHECK(backup_paths(path) == backups_before);
    }
    Database db = Database::open(path);
    CHECK(loop_names(db).back() == "After the backup");
}

TEST_CASE("restore will not overwrite a file that is not a Panelist database") {
    TempDir dir;
    fs::path good;
    {
        Database db = Database::open(dir / "p.db");
        add_loop(db, "Alpha");
        good = *make_backup(db);
    }
    const auto photos = dir / "photos.db";
    {
        SQLite::Database other(photos.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        other.exec("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)");
    }
    const std::string bytes = files::read_file(photos);
    const std::string message = restore_error(photos, good);
    CHECK(has(message, "is not a Panelist database"));
    CHECK(has(message, "restore only replaces a Panelist database"));
    CHECK(has(message, "Nothing was restored"));
    CHECK(files::read_file(photos) == bytes);
    CHECK(list_backups(photos).empty());
}
