// Opening a database reads the whole file to look for damage, except when Panelist closed it
// intact and nothing has touched it since (persistence/intact_note.hpp).
#include "persistence/store/database.hpp"
#include "persistence/files/intact_note.hpp"
#include "persistence/store/question_repository.hpp"
#include "tests/persistence/fixtures.hpp"
#include "tests/persistence/open_error.hpp"
#include "tests/support/temp_dir.hpp"

#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace panelist;
using panelist::test::TempDir;
using panelist::test::open_error;
namespace fs = std::filesystem;

namespace {

// A database with a few pages of questions, closed by Panelist, in a folder with backups.
fs::path closed_database(const TempDir& dir) {
    fs::create_directories(dir / "backups");
    const fs::path path = dir / "bank.db";
    auto db = Database::open(path);
    QuestionRepository questions(db);
    for (int i = 0; i < 40; ++i) {
        Question q = test::question("q-" + std::to_string(i), "serving",
                                    "How would you roll back model version " + std::to_string(i) + "?");
        q.answer = std::string(600, 'a');
        questions.upsert(q);
    }
    return path;
}

// Overwrites pages with junk in place (same file, same size): every page after the first, or
// only the last `last_pages`, which opening alone does not read.
void trample_pages(const fs::path& path, std::size_t last_pages = 0) {
    auto bytes = test::read_file(path);
    REQUIRE(bytes.size() > 8192 + last_pages * 4096);
    const std::size_t from = last_pages ? bytes.size() - last_pages * 4096 : 4096;
    for (std::size_t i = from; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 7 + 3);
    const int fd = ::open(path.c_str(), O_WRONLY);
    REQUIRE(fd >= 0);
    REQUIRE(::pwrite(fd, bytes.data(), bytes.size(), 0) == static_cast<ssize_t>(bytes.size()));
    ::close(fd);
}

// Reads every row of every table; true if SQLite reported damage on the way.
bool meets_damage(Database& db) {
    std::vector<std::string> tables;
    SQLite::Statement names(db.sql(), "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'");
    while (names.executeStep()) tables.push_back(names.getColumn(0).getString());
    bool met = false;
    for (const auto& table : tables) {
        try {
            SQLite::Statement rows(db.sql(), "SELECT * FROM \"" + table + "\"");
            while (rows.executeStep()) {
            }
        } catch (const SQLite::Exception&) {
            met = true;
        }
    }
    return met;
}

// A Panelist that changes a question and dies before closing, as in a crash: its changes stay
// in the -wal file.
void die_while_writing(const fs::path& path) {
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        try {
            auto db = Database::open(path);
            db.sql().exec("UPDATE question SET prompt = 'changed' WHERE id = 'q-1'");
            ::_exit(0); // with the connection open and no destructors run
        } catch (...) {
            ::_exit(2);
        }
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
}

void set_modified(const fs::path& path, const timespec& when) {
    const timespec times[2] = {when, when};
    REQUIRE(::utimensat(AT_FDCWD, path.c_str(), times, 0) == 0);
}

} // namespace

TEST_CASE("a database Panelist closed is noted as intact, and opens again without being read "
          "through") {
    TempDir dir;
    const fs::path path = closed_database(dir);
    CHECK(fs::exists(intact_note_path(path)));
    CHECK(left_intact(path));
    CHECK_FALSE(fs::exists(path.string() + "-wal")); // folded in when the last connection closed

    // Proof that the whole-file check is skipped: damage the note cannot see (as a failing disk
    // would leave it) is not looked for at open.
    trample_pages(path, 2);
    note_intact(path); // as if the file's state had not changed
    {
        auto db = Database::open(path); // not read through, so it opens
        // ... and SQLite reports the damage once the damaged pages are read: that session
        // leaves no note behind, so the next open checks and refuses.
        CHECK(meets_damage(db));
    }
    CHECK_FALSE(left_intact(path));
    CHECK(open_error(path).find("is damaged") != std::string::npos);
}

TEST_CASE("a database reached through a symbolic link: a killed writer's -wal beside the real "
          "file is seen") {
    TempDir dir;
    TempDir elsewhere;
    const fs::path real = closed_database(elsewhere);
    fs::create_directories(dir / "backups");
    const fs::path link = dir / "bank.db";
    fs::create_symlink(real, link);
    { auto db = Database::open(link); }
    CHECK(left_intact(link));
    die_while_writing(link);
    CHECK(fs::exists(real.string() + "-wal"));
    CHECK_FALSE(fs::exists(link.string() + "-wal"));
    CHECK_FALSE(left_intact(link));
}

TEST_CASE("damage written by another program is refused, even with its modification time put "
          "back") {
    TempDir dir;
    const fs::path path = closed_database(dir);
    struct stat before {};
    REQUIRE(::stat(path.c_str(), &before) == 0);
    trample_pages(path);
    set_modified(path, before.st_mtim); // the status-change time still moves
    const auto damaged = test::read_file(path);
    CHECK_FALSE(left_intact(path));
    const std::string error = open_error(path);
    CHECK(error.find("is damaged") != std::string::npos);
    CHECK(test::read_file(path) == damaged);
}

TEST_CASE("a copy put in the database's place is checked: the note names one file") {
    TempDir dir;
    const fs::path path = closed_database(dir);
    fs::copy_file(path, dir / "copy.db");
    trample_pages(dir / "copy.db");
    fs::rename(dir / "copy.db", path);
    CHECK_FALSE(left_intact(path));
    CHECK(open_error(path).find("is damaged") != std::string::npos);
}

TEST_CASE("a Panelist that died with changes in its journal leaves a -wal file: the next open "
          "checks, then notes the file again when it closes") {
    TempDir dir;
    const fs::path path = closed_database(dir);
    die_while_writing(path);
    CHECK(fs::exists(path.string() + "-wal"));
    CHECK_FALSE(left_intact(path));
    {
        auto db = Database::open(path);
        CHECK(db.sql().execAndGet("SELECT prompt FROM question WHERE id = 'q-1'").getString() ==
              "changed");
    }
    CHECK(left_intact(path));
}

TEST_CASE("no note is kept where Panelist keeps no backups, and none is trusted when garbled") {
    TempDir dir;
    const fs::path path = dir / "elsewhere.db";
    { auto db = Database::open(path); }
    CHECK_FALSE(fs::exists(dir / "backups")); // looking at a database creates no folders
    CHECK_FALSE(left_intact(path));

    const fs::path kept = closed_database(dir);
    test::write_file(intact_note_path(kept), "panelist intact-note 1\n1 2 three\n");
    CHECK_FALSE(left_intact(kept));
    { auto db = Database::open(kept); }
    CHECK(left_intact(kept)); // written afresh by the close
}

TEST_CASE("a read-only open that checked the whole file notes it, and changes nothing else") {
    TempDir dir;
    const fs::path path = closed_database(dir);
    fs::remove(intact_note_path(path));
    const auto bytes = test::read_file(path);
    CHECK(open_error(path, Access::read_only).empty());
    CHECK(left_intact(path));
    CHECK(test::read_file(path) == bytes);
}
