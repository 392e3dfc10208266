// Erasing a candidate for good: no byte of them left in the database, its -wal or any backup,
// everyone else untouched, and a refusal that changes nothing.
#include "persistence/backups/backup.hpp"
#include "persistence/backups/erase.hpp"
#include "tests/persistence/erase_fixture.hpp"

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

using namespace panelist;
using namespace panelist::test;
namespace fs = std::filesystem;

namespace {

int count_rows(Database& db, const std::string& sql) {
    return db.sql().execAndGet(sql).getInt();
}

std::vector<fs::path> backup_paths(const fs::path& database) {
    std::vector<fs::path> out;
    for (const auto& b : list_backups(database))
        out.push_back(b.path);
    return out;
}

} // namespace

TEST_CASE("an erased candidate leaves no byte in the database, its -wal or any backup") {
    TempDir dir;
    const fs::path path = dir / "p.db";
    Database db = Database::open(path);
    // Some SQLite builds (Debian's) zero deleted bytes by default; the erase must not rely on it.
    db.sql().exec("PRAGMA secure_delete = OFF");
    const EraseScene s = add_erase_scene(db);
    make_backup(db);
    // More history: each backup differs, so three files hold the candidate.
    Loop other;
    other.name = "Another loop";
    PeopleRepository(db).save(other);
    make_backup(db);
    Loop third;
    third.name = "Third loop";
    PeopleRepository(db).save(third);
    make_backup(db);
    const auto before = backup_paths(path);
    REQUIRE(before.size() == 3);
    std::vector<std::string> words = erased_words;
    words.push_back(s.erased.uuid);
    // The search finds them before the erase: it is not blind.
    CHECK(traces_under(dir.path(), words).size() >= 3 * words.size());

    const Erased erased = erase_candidate(db, s.erased.id);

    CHECK(erased.candidate == "Zyxwvut Qmarble");
    CHECK(erased.loop == "Erase loop");
    CHECK(erased.interviews == 1);
    CHECK(erased.backups_deleted == before);
    REQUIRE(erased.fresh_backup);
    CHECK(backup_paths(path) == std::vector<fs::path>{*erased.fresh_backup});
    CHECK(erased.left_behind.empty());
    // Every file in the folder: the database, its -wal and -shm, the backups folder.
    CHECK(traces_under(dir.path(), words) == std::vector<std::string>{});
    const fs::path wal = path.string() + "-wal";
    if (fs::exists(wal)) CHECK(fs::file_size(wal) == 0);

    CHECK(count_rows(db, "SELECT count(*) FROM candidate WHERE name = 'Zyxwvut Qmarble'") == 0);
    CHECK(count_rows(db, "SELECT count(*) FROM interview") == 1);
    CHECK(count_rows(db, "SELECT count(*) FROM interview_question") == 1);
    CHECK(count_rows(db, "SELECT count(*) FROM interview_event") ==
          1); // the kept one's "submitted"
    CHECK(db.sql().execAndGet("PRAGMA integrity_check").getString() == "ok");
    CHECK(count_rows(db, "SELECT count(*) FROM pragma_foreign_key_check") == 0);
    // secure_delete goes back to how it was for everyday writes (it costs a write per delete).
    CHECK(db.sql().execAndGet("PRAGMA secure_delete").getInt() == 0);

    // Everyone else is intact, in the database and in the fresh backup.
    const auto kept = PeopleRepository(db).find_candidate(s.kept.id);
    REQUIRE(kept);
    CHECK(*kept == s.kept);
    const auto kept_interview = InterviewRepository(db).find(s.kept_interview);
    REQUIRE(kept_interview);
    CHECK(kept_interview->questions.at(0).response.notes == "KEPT-ANSWER-NOTES");
    CHECK(kept_interview->overall_notes == "KEPT-OVERALL-NOTES");
    CHECK(kept_interview->locked());
    CHECK(PeopleRepository(db).find_loop_by_name("Another loop"));
    CHECK(traces_under(dir.path(), {kept_notes, "KEPT-OVERALL-NOTES"}).size() >= 2);
    check_backup(*erased.fresh_backup);
    SQLite::Database backup(erased.fresh_backup->string(), SQLite::OPEN_READONLY);
    CHECK(backup.execAndGet("SELECT count(*) FROM candidate").getInt() == 1);
    CHECK(backup.execAndGet("SELECT name FROM candidate").getString() == kept_name);
}

TEST_CASE("the database reopens after an erase with everything else, and the erased stay gone") {
    TempDir dir;
    const fs::path path = dir / "p.db";
    std::int64_t kept_id = 0;
    {
        Database db = Database::open(path);
        const EraseScene s = add_erase_scene(db);
        kept_id = s.kept.id;
        erase_candidate(db, s.erased.id);
    }
    CHECK(traces_under(dir.path(), erased_words) == std::vector<std::string>{});
    Database db = Database::open(path);
    CHECK(PeopleRepository(db).find_candidate(kept_id)->notes == kept_notes);
    CHECK_FALSE(PeopleRepository(db).find_candidate_by_name("Zyxwvut Qmarble"));
}

TEST_CASE("erasing a candidate that does not exist is refused and changes nothing") {
    TempDir dir;
    const fs::path path = dir / "p.db";
    Database db = Database::open(path);
    const EraseScene s = add_erase_scene(db);
    make_backup(db);
    const auto backups = backup_paths(path);
    try {
        erase_candidate(db, 9999);
        FAIL("erased a candidate that does not exist");
    } catch (const EraseError& e) {
        CHECK(std::string(e.what()).find("no candidate with id 9999") != std::string::npos);
        CHECK(std::string(e.what()).find("nothing was erased") != std::string::npos);
    }
    CHECK(backup_paths(path) == backups);
    CHECK(count_rows(db, "SELECT count(*) FROM candidate") == 2);
    CHECK(count_rows(db, "SELECT count(*) FROM interview") == 2);
    CHECK(count_rows(db, "SELECT count(*) FROM interview_event") == 3);
}

TEST_CASE("plan_erase says what would go without changing anything") {
    TempDir dir;
    const fs::path path = dir / "p.db";
    Database db = Database::open(path);
    const EraseScene s = add_erase_scene(db);
    make_backup(db);
    const ErasePlan plan = plan_erase(db, s.erased.id);
    CHECK(plan.candidate == s.erased);
    CHECK(plan.loop == "Erase loop");
    CHECK(plan.interviews == 1);
    CHECK(plan.backups == backup_paths(path));
    CHECK(PeopleRepository(db).find_candidate(s.erased.id));
    CHECK_THROWS_AS(plan_erase(db, 9999), EraseError);
}

TEST_CASE("candidates are found by name or uuid, and a shared name by its loop") {
    Database db = Database::open(":memory:");
    const EraseScene a = add_erase_scene(db, "Loop A");
    Loop b;
    b.name = "Loop B";
    PeopleRepository(db).save(b);
    Candidate twin = a.erased;
    twin.id = 0;
    twin.uuid.clear();
    twin.loop_id = b.id;
    PeopleRepository(db).save(twin);

    CHECK(candidates_named(db, "Zyxwvut Qmarble").size() == 2);
    const auto in_b = candidates_named(db, "Zyxwvut Qmarble", "Loop B");
    REQUIRE(in_b.size() == 1);
    CHECK(in_b[0].id == twin.id);
    CHECK(candidates_named(db, a.erased.uuid).at(0).id == a.erased.id);
    CHECK(candidates_named(db, "Nobody Here").empty());
    CHECK(candidates_named(db, "Zyxwvut Qmarble", "Loop C").empty());

    // Erasing one of two namesakes keeps the other.
    erase_candidate(db, twin.id);
    const auto left = candidates_named(db, "Zyxwvut Qmarble");
    REQUIRE(left.size() == 1);
    CHECK(left[0].id == a.erased.id);
    CHECK(count_rows(db, "SELECT count(*) FROM interview") == 2);
}

TEST_CASE("a database that restore moved aside is named, not deleted") {
    TempDir dir;
    const fs::path path = dir / "p.db";
    Database db = Database::open(path);
    const EraseScene s = add_erase_scene(db);
    make_backup(db);
    fs::create_directories(backup_folder(path));
    const fs::path aside = backup_folder(path) / "p-2026-11-20T10-00-00.000Z.replaced.db";
    write_file(aside, "kept whole on purpose");
    const fs::path other_database = backup_folder(path) / "other-2026-11-20T10-00-00.000Z.db";
    write_file(other_database, "another database's backup");

    const Erased erased = erase_candidate(db, s.erased.id);

    CHECK(erased.left_behind == std::vector<fs::path>{aside});
    CHECK(fs::exists(aside));
    CHECK(fs::exists(other_database)); // backups of other databases are not ours to delete
    CHECK(erased.backups_deleted.size() == 1);
}

TEST_CASE("an in-memory database is erased with no backups to replace") {
    Database db = Database::open(":memory:");
    const EraseScene s = add_erase_scene(db);
    const Erased erased = erase_candidate(db, s.erased.id);
    CHECK(erased.interviews == 1);
    CHECK_FALSE(erased.fresh_backup);
    CHECK(erased.backups_deleted.empty());
    CHECK(count_rows(db, "SELECT count(*) FROM candidate") == 1);
}

TEST_CASE("a reader holding the old bytes is reported: the rows are gone, the -wal is not yet") {
    TempDir dir;
    const fs::path path = dir / "p.db";
    Database db = Database::open(path);
    db.sql().setBusyTimeout(100);                // the test need not wait 5 s for the reader
    db.sql().exec("PRAGMA secure_delete = OFF"); // as in SQLite builds that do not zero by default
    const EraseScene s = add_erase_scene(db);
    make_backup(db);
    // Another Panelist in the middle of a read keeps the WAL from being emptied.
    SQLite::Database reader(path.string(), SQLite::OPEN_READONLY);
    reader.exec("BEGIN");
    CHECK(reader.execAndGet("SELECT count(*) FROM candidate").getInt() == 2);
    try {
        erase_candidate(db, s.erased.id);
        FAIL("the erase claimed success while a reader held the old bytes");
    } catch (const EraseError& e) {
        const std::string message = e.what();
        CHECK(message.find("p.db") != std::string::npos);
        CHECK(
            message.find(
                "Zyxwvut Qmarble and their interviews are deleted, but not every trace is gone") !=
            std::string::npos);
        CHECK(message.find("-wal") != std::string::npos);
    }
    CHECK_FALSE(PeopleRepository(db).find_candidate(s.erased.id));
    // The backups were still replaced: the new one copies only the zeroed, current pages.
    const auto backups = backup_paths(path);
    REQUIRE(backups.size() == 1);
    CHECK(traces_under(backup_folder(path), erased_words) == std::vector<std::string>{});
    reader.exec("COMMIT");
}

TEST_CASE("when the file cannot be rewritten, the zeroed rows still make a clean new backup") {
    TempDir dir;
    const fs::path path = dir / "p.db";
    Database db = Database::open(path);
    db.sql().exec("PRAGMA secure_delete = OFF"); // as in SQLite builds that do not zero by default
    const EraseScene s = add_erase_scene(db);
    make_backup(db);
    // A read still in progress on the same connection: SQLite refuses to VACUUM.
    SQLite::Statement reading(db.sql(), "SELECT name FROM loop");
    REQUIRE(reading.executeStep());
    try {
        erase_candidate(db, s.erased.id);
        FAIL("the erase claimed success without rewriting the file");
    } catch (const EraseError& e) {
        CHECK(std::string(e.what()).find("could not be rewritten without them") !=
              std::string::npos);
    }
    reading.reset();
    CHECK_FALSE(PeopleRepository(db).find_candidate(s.erased.id));
    REQUIRE(backup_paths(path).size() == 1);
    CHECK(traces_under(backup_folder(path), erased_words) == std::vector<std::string>{});
    CHECK(db.sql().execAndGet("PRAGMA secure_delete").getInt() == 0);
}
