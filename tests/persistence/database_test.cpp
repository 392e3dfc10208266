#include "persistence/store/database.hpp"
#include "persistence/store/migrations/migration.hpp"
#include "persistence/files/paths.hpp"
#include "tests/persistence/open_error.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sys/stat.h>

using namespace panelist;
using panelist::test::TempDir;
using panelist::test::open_error;

namespace {
bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}
} // namespace

TEST_CASE("a new database is private, marked as Panelist's and at the latest schema") {
    TempDir dir;
    const auto path = dir / "sub" / "panelist.db";
    auto db = Database::open(path);
    CHECK(db.created());
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(db.sql().execAndGet("PRAGMA application_id").getInt() == panelist_application_id);
    CHECK(db.schema_version() == latest_schema_version());
    CHECK(db.sql().execAndGet("PRAGMA foreign_keys").getInt() == 1);
    CHECK(db.sql().execAndGet("PRAGMA journal_mode").getString() == "wal");
}

TEST_CASE("reopening an existing database keeps it and does not report it as new") {
    TempDir dir;
    { auto db = Database::open(dir / "p.db"); }
    auto again = Database::open(dir / "p.db");
    CHECK_FALSE(again.created());
}

TEST_CASE("a file that is not SQLite is refused and left byte-for-byte untouched") {
    TempDir dir;
    const auto path = dir / "notes.db";
    const std::string bytes = "These are my interview notes, not a database.\n";
    test::write_file(path, bytes);
    const auto error = open_error(path);
    CHECK(contains(error, path.string()));
    CHECK(contains(error, "not an SQLite file"));
    CHECK(test::read_file(path) == bytes);
}

TEST_CASE("another program's SQLite database is refused and untouched") {
    TempDir dir;
    const auto path = dir / "other.db";
    {
        SQLite::Database other(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        other.exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)");
    }
    const auto before = test::read_file(path);
    CHECK(contains(open_error(path), "not a Panelist database"));
    CHECK(test::read_file(path) == before);

    const auto marked = dir / "marked.db";
    {
        SQLite::Database other(marked.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        other.exec("PRAGMA application_id = 1234");
        other.exec("CREATE TABLE t (x)");
    }
    const auto marked_before = test::read_file(marked);
    CHECK(contains(open_error(marked), "belongs to another program"));
    CHECK(test::read_file(marked) == marked_before);
}

TEST_CASE("a database from a newer Panelist is refused and untouched") {
    TempDir dir;
    const auto path = dir / "future.db";
    {
        auto db = Database::open(path);
        db.sql().exec("PRAGMA user_version = 999");
        db.sql().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    const auto before = test::read_file(path);
    const auto error = open_error(path);
    CHECK(contains(error, "newer Panelist"));
    CHECK(contains(error, "999"));
    CHECK(test::read_file(path) == before);
}

TEST_CASE("a damaged database is refused and untouched") {
    TempDir dir;
    const auto path = dir / "damaged.db";
    {
        auto db = Database::open(path);
        db.sql().exec("PRAGMA journal_mode = DELETE");
    }
    auto bytes = test::read_file(path);
    REQUIRE(bytes.size() > 8192);
    // Keep the 100-byte header, trample the pages behind it.
    for (std::size_t i = 4096; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 7 + 3);
    test::write_file(path, bytes);
    const auto error = open_error(path);
    CHECK(contains(error, path.string()));
    CHECK(contains(error, "damaged"));
    CHECK(test::read_file(path) == bytes);
}

TEST_CASE("a damaged database in WAL mode is refused, and refusing leaves no files beside it") {
    TempDir dir;
    const auto path = dir / "damaged.db";
    { auto db = Database::open(path); } // WAL mode, as Panelist keeps every database
    auto bytes = test::read_file(path);
    REQUIRE(bytes.size() > 8192);
    for (std::size_t i = 8192; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 7 + 3);
    test::write_file(path, bytes);
    CHECK(contains(open_error(path), "damaged"));
    CHECK(test::read_file(path) == bytes);
    CHECK_FALSE(std::filesystem::exists(path.string() + "-wal"));
    CHECK_FALSE(std::filesystem::exists(path.string() + "-shm"));
}

TEST_CASE("a folder or an empty file") {
    TempDir dir;
    CHECK(contains(open_error(dir.path()), "is a folder"));
    test::write_file(dir / "empty.db", "");
    auto db = Database::open(dir / "empty.db");
    CHECK(db.created());
    CHECK(db.schema_version() == latest_schema_version());
}

TEST_CASE("migrations run in order, each bumping user_version, from an empty database") {
    SQLite::Database raw(":memory:", SQLite::OPEN_READWRITE);
    CHECK(raw.execAndGet("PRAGMA user_version").getInt() == 0);
    migrate(raw);
    CHECK(raw.execAndGet("PRAGMA user_version").getInt() == latest_schema_version());
    CHECK(raw.tableExists("question"));
    CHECK(raw.tableExists("interview_question"));
    migrate(raw); // a second run is a no-op
    CHECK(raw.execAndGet("PRAGMA user_version").getInt() == latest_schema_version());
    int expected = 1;
    for (const auto& step : migrations()) CHECK(step.version == expected++);
}

TEST_CASE("the default database lives under XDG_DATA_HOME, else ~/.local/share") {
    const char* old_xdg = std::getenv("XDG_DATA_HOME");
    const std::string saved = old_xdg ? old_xdg : "";
    ::setenv("XDG_DATA_HOME", "/xdg/data", 1);
    CHECK(default_database_path() == "/xdg/data/panelist/panelist.db");
    ::setenv("XDG_DATA_HOME", "relative/ignored", 1);
    ::setenv("HOME", "/srv/users/ana", 1);
    CHECK(default_database_path() == "/srv/users/ana/.local/share/panelist/panelist.db");
    ::unsetenv("XDG_DATA_HOME");
    CHECK(default_database_path() == "/srv/users/ana/.local/share/panelist/panelist.db");
    if (old_xdg) ::setenv("XDG_DATA_HOME", saved.c_str(), 1);
}

TEST_CASE("step 2 from a real step-1 database: its bank counts as seeded, its data stays") {
    test::TempDir dir;
    const auto path = dir / "v1.db";
    {
        SQLite::Database v1(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        v1.exec("PRAGMA journal_mode = WAL");
        migration_001_initial(v1);
        v1.exec(fmt::format("PRAGMA application_id = {}", panelist_application_id));
        v1.exec("PRAGMA user_version = 1");
        v1.exec("INSERT INTO question (id, topic, level, difficulty, minutes, prompt) "
                "VALUES ('a/b', 'a', 'both', 'easy', 3, 'Kept?')");
    }
    auto db = Database::open(path);
    CHECK(db.schema_version() == latest_schema_version());
    CHECK(db.sql().execAndGet("SELECT value FROM meta WHERE key = 'bank_seeded'").getString().size() == 20);
    CHECK(db.sql().execAndGet("SELECT prompt FROM question WHERE id = 'a/b'").getString() == "Kept?");
}
