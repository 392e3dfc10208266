// `panelist backups` and `panelist restore` (and the hidden `drill`) as a script sees them:
// exit codes, what they print, and the files on disk.
#include "tests/support/panelist_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sstream>
#include <sys/wait.h>
#include <vector>

using panelist::test::TempDir;
namespace files = panelist::test;
namespace fs = std::filesystem;

namespace {

using panelist::test::has;
using panelist::test::Run;
using panelist::test::run_panelist;



std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

} // namespace

TEST_CASE(
    "each start of an existing database takes a backup, and `backups` lists them newest first") {
    TempDir home;
    const auto db = (home / "p.db").string();
    REQUIRE(run_panelist(home, {"--db", db, "questions"}).code ==
            0); // creates it: nothing to back up
    auto none = run_panelist(home, {"backups", "--db", db});
    CHECK(none.code == 0);
    CHECK(none.out.empty());
    CHECK(has(none.err, "No backups of"));

    REQUIRE(run_panelist(home, {"--db", db, "questions"}).code == 0); // the start-up backup
    REQUIRE(run_panelist(home, {"--db", db, "questions"}).code == 0); // unchanged: no second copy
    REQUIRE(run_panelist(home, {"--db", db, "demo"}).code == 0);
    REQUIRE(run_panelist(home, {"--db", db, "questions"}).code == 0); // after the demo: a new one

    auto listed = run_panelist(home, {"--db", db, "backups"});
    CHECK(listed.code == 0);
    const auto rows = lines(listed.out);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] > rows[1]); // newest first: the rows start with the time
    for (const auto& row : rows) {
        CHECK(has(row, "Z  "));
        CHECK(has(row, (home / "backups" / "p-").string()));
    }
    CHECK(has(listed.err, "2 backups of"));
}

TEST_CASE("`restore` puts a backup back, keeps the current database as a backup, and refuses a bad "
          "file") {
    TempDir home;
    const auto db = (home / "p.db").string();
    REQUIRE(run_panelist(home, {"--db", db, "questions"}).code == 0);
    REQUIRE(run_panelist(home, {"--db", db, "questions"}).code == 0); // a backup without the demo
    REQUIRE(run_panelist(home, {"--db", db, "demo"}).code == 0);
    CHECK(run_panelist(home, {"--db", db, "demo"}).code == 1); // the demo loop is there now

    const auto rows = lines(run_panelist(home, {"--db", db, "backups"}).out);
    REQUIRE(rows.size() == 2); // taken when the demo, then the second demo, started
    const std::string before_demo = rows[1].substr(rows[1].rfind(' ') + 1);

    // A bad file: a clear refusal, and the database byte for byte as it was.
    files::write_file(home / "notes.txt", "not a database");
    const std::string bytes = files::read_file(db);
    auto refused = run_panelist(home, {"--db", db, "restore", (home / "notes.txt").string()});
    CHECK(refused.code == 1);
    CHECK(has(refused.err,
              "notes.txt: is not a Panelist backup (it is not an SQLite database at all)"));
    CHECK(has(refused.err, "Nothing was restored; the database is unchanged."));
    CHECK(refused.out.empty());
    CHECK(files::read_file(db) == bytes);
    CHECK(lines(run_panelist(home, {"--db", db, "backups"}).out).size() == 2);
    CHECK(run_panelist(home, {"--db", db, "restore"}).code == 2); // no file named

    auto restored = run_panelist(home, {"--db", db, "restore", before_demo});
    CHECK(restored.code == 0);
    CHECK(has(restored.out, "Restored " + db + " from " + before_demo));
    CHECK(has(restored.out, "The database as it was is kept as "));
    // The demo loop is gone again, so the demo can be added again.
    CHECK(run_panelist(home, {"--db", db, "demo"}).code == 0);
}

TEST_CASE("`backups` and `restore` work when the database itself is damaged") {
    TempDir home;
    const auto db = home / "p.db";
    REQUIRE(run_panelist(home, {"--db", db.string(), "questions"}).code == 0);
    REQUIRE(run_panelist(home, {"--db", db.string(), "demo"}).code == 0); // started again: a backup
    files::write_file(db, "SQLite format 3" + std::string(200, '\0')); // a header and nothing else

    auto opened = run_panelist(home, {"--db", db.string(), "questions"});
    CHECK(opened.code == 1);
    auto listed = run_panelist(home, {"--db", db.string(), "backups"});
    CHECK(listed.code == 0);
    const auto rows = lines(listed.out);
    REQUIRE(rows.size() == 1);
    auto restored = run_panelist(
        home, {"--db", db.string(), "restore", rows[0].substr(rows[0].rfind(' ') + 1)});
    CHECK(restored.code == 1); // not recognisably Panelist's: refused, not overwritten
    CHECK(has(restored.err, "move this file away first"));
    CHECK(files::read_file(db) == "SQLite format 3" + std::string(200, '\0'));

    fs::rename(db, home / "broken.db");
    restored = run_panelist(
        home, {"--db", db.string(), "restore", rows[0].substr(rows[0].rfind(' ') + 1)});
    CHECK(restored.code == 0);
    CHECK(run_panelist(home, {"--db", db.string(), "questions"}).code == 0);
}

TEST_CASE("the crash drill is hidden from --help and will not run on the default database") {
    TempDir home;
    auto help = run_panelist(home, {"--help"});
    CHECK(help.code == 0);
    CHECK(has(help.out, "backups"));
    CHECK(has(help.out, "restore"));
    CHECK_FALSE(has(help.out, "drill"));
    auto refused = run_panelist(home, {"drill"});
    CHECK(refused.code == 2);
    CHECK(has(refused.err, "drill needs --db PATH"));
    CHECK_FALSE(fs::exists(home / "data" / "panelist" / "panelist.db"));
}

TEST_CASE(
    "a start-up backup that cannot be taken is a warning, not a reason to refuse the database") {
    TempDir home;
    const auto db = (home / "p.db").string();
    REQUIRE(run_panelist(home, {"--db", db, "questions"}).code == 0);
    files::write_file(home / "backups", "a file where the folder should be");
    auto r = run_panelist(home, {"--db", db, "questions"});
    CHECK(r.code == 0);
    CHECK(has(r.out, "monitoring/"));
    CHECK(has(r.err, "warning: "));
    CHECK(has(r.err, "cannot create the backup folder"));
    CHECK(has(r.err, "Continuing without a new backup."));
}
