// `panelist erase` as a real process: --yes required, unknown and shared names refused, and
// nothing of the candidate left in the database folder afterwards.
#include "persistence/backups/backup.hpp"
#include "tests/persistence/erase_fixture.hpp"
#include "tests/support/panelist_process.hpp"

#include <doctest/doctest.h>

using namespace panelist;
using namespace panelist::test;
namespace fs = std::filesystem;

namespace {

// A database in its own folder (home holds the captured stdout and stderr, which name the
// candidate), seeded by a real run, with the erase scene and one backup.
struct CliScene {
    TempDir home;
    fs::path folder = home / "db";
    fs::path db = folder / "p.db";
    EraseScene scene;
    CliScene() {
        fs::create_directories(folder);
        REQUIRE(run({"questions"}).code == 0);
        Database open = Database::open(db);
        scene = add_erase_scene(open, "Loop A");
        make_backup(open);
    }
    Run run(std::vector<std::string> args) const {
        args.insert(args.begin(), {"--db", db.string()});
        return run_process(PANELIST_EXE, home, args);
    }
    int candidates() const {
        Database open = Database::open(db);
        return open.sql().execAndGet("SELECT count(*) FROM candidate").getInt();
    }
};

} // namespace

TEST_CASE("erase without --yes says what would be erased and erases nothing") {
    CliScene s;
    const std::string bytes = read_file(s.db);
    const auto backups = list_backups(s.db).size();
    const Run r = s.run({"erase", "Zyxwvut Qmarble"});
    CHECK(r.code == 2);
    CHECK(has(r.err, "would erase Zyxwvut Qmarble (loop 'Loop A')"));
    CHECK(has(r.err, "1 interview"));
    CHECK(has(r.err, "1 backup"));
    CHECK(has(r.err, "--yes"));
    CHECK(has(r.err, "Nothing was erased"));
    CHECK(r.out.empty());
    CHECK(read_file(s.db) == bytes);
    CHECK(list_backups(s.db).size() == backups);
    CHECK(s.candidates() == 2);
}

TEST_CASE("erase --yes leaves no trace of the candidate in the database folder") {
    CliScene s;
    CHECK(traces_under(s.folder, erased_words).size() >=
          erased_words.size()); // the search sees them
    const Run r = s.run({"erase", "Zyxwvut Qmarble", "--yes"});
    CHECK(r.code == 0);
    CHECK(has(r.out, "Erased Zyxwvut Qmarble (loop 'Loop A')"));
    CHECK(has(r.out, "1 interview"));
    CHECK(has(r.out, "Deleted the 1 backup taken before the erase"));
    CHECK(has(r.out, "A new backup without them: "));
    CHECK(traces_under(s.folder, erased_words) == std::vector<std::string>{});
    CHECK(list_backups(s.db).size() == 1);
    CHECK(s.candidates() == 1);
    Database open = Database::open(s.db);
    CHECK(open.sql().execAndGet("PRAGMA integrity_check").getString() == "ok");
    CHECK(PeopleRepository(open).find_candidate(s.scene.kept.id)->notes == kept_notes);
    // Erasing again: they are not there any more.
    const Run again = s.run({"erase", "Zyxwvut Qmarble", "--yes"});
    CHECK(again.code == 1);
    CHECK(has(again.err, "no candidate named 'Zyxwvut Qmarble'"));
}

TEST_CASE("erase of an unknown name exits 1 and changes nothing") {
    CliScene s;
    const std::string bytes = read_file(s.db);
    const auto backups = list_backups(s.db);
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"erase", "Nobody Known", "--yes"},
             {"erase", "Zyxwvut Qmarble", "--loop", "No Such Loop", "--yes"}}) {
        const Run r = s.run(args);
        CHECK(r.code == 1);
        CHECK(has(r.err, "There is no candidate named"));
        CHECK(has(r.err, "Nothing was erased"));
        CHECK(read_file(s.db) == bytes);
        CHECK(list_backups(s.db).size() == backups.size());
    }
    CHECK(has(s.run({"erase", "Zyxwvut Qmarble", "--loop", "No Such Loop", "--yes"}).err,
              "in loop 'No Such Loop'"));
}

TEST_CASE("a name shared across loops needs --loop, which then erases only that one") {
    CliScene s;
    {
        Database open = Database::open(s.db);
        Loop b;
        b.name = "Loop B";
        PeopleRepository(open).save(b);
        Candidate twin;
        twin.name = "Zyxwvut Qmarble";
        twin.loop_id = b.id;
        twin.notes = "TWIN-NOTES-marigold";
        PeopleRepository(open).save(twin);
    }
    const std::string bytes = read_file(s.db);
    const Run shared = s.run({"erase", "Zyxwvut Qmarble", "--yes"});
    CHECK(shared.code == 1);
    CHECK(has(shared.err, "2 candidates are named 'Zyxwvut Qmarble'"));
    CHECK(has(shared.err, "--loop NAME"));
    CHECK(read_file(s.db) == bytes);
    CHECK(s.candidates() == 3);

    const Run one = s.run({"erase", "Zyxwvut Qmarble", "--loop", "Loop B", "--yes"});
    CHECK(one.code == 0);
    CHECK(has(one.out, "(loop 'Loop B')"));
    CHECK(has(one.out, "0 interviews"));
    CHECK(traces_under(s.folder, {"TWIN-NOTES-marigold"}).empty());
    CHECK(s.candidates() == 2);
    Database open = Database::open(s.db);
    CHECK(PeopleRepository(open).find_candidate(s.scene.erased.id)); // the one in Loop A stays
}

TEST_CASE("erase with no candidate is a usage error") {
    CliScene s;
    const Run r = s.run({"erase", "--yes"});
    CHECK(r.code == 2);
    CHECK(s.candidates() == 2);
}
