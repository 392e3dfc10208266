// The notes' writer thread: what the Interview screen hands over reaches the file, the latest
// text wins, a write that fails is kept and tried again, and closing writes what still waits.
#include "persistence/store/draft_writer.hpp"
#include "persistence/store/interview_repository.hpp"
#include "persistence/store/people_repository.hpp"
#include "persistence/store/question_repository.hpp"
#include "tests/persistence/fixtures.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <thread>

using namespace panelist;
using namespace std::chrono_literals;

namespace {
struct OneInterview {
    test::TempDir dir;
    Database db = Database::open(dir / "drafts.db");
    Interview iv;
    OneInterview() {
        QuestionRepository questions(db);
        for (const char* id : {"t/a", "t/b"}) questions.upsert(test::question(id, "t", std::string("Prompt ") + id));
        PeopleRepository people(db);
        Loop loop;
        loop.name = "Loop";
        people.save(loop);
        Candidate c;
        c.name = "Dana";
        c.loop_id = loop.id;
        people.save(c);
        iv.candidate_id = c.id;
        iv.interviewer = "Ana";
        iv.date = "2026-12-03";
        iv.questions = {{"t/a", 5, {}, "", ""}, {"t/b", 5, {}, "", ""}};
        InterviewRepository(db).create(iv);
    }
    // What another process opening the file would read.
    Interview on_disk() {
        auto reader = db.another_reader();
        return *InterviewRepository(reader).find(iv.id);
    }
};
} // namespace

TEST_CASE("notes handed to the writer are in the file, the latest text of each field winning") {
    OneInterview s;
    DraftWriter writer(s.db);
    std::string text;
    for (int i = 0; i < 200; ++i) { // as fast as a frame could hand them over
        text += "word ";
        writer.post({s.iv.id, "t/a"}, text);
    }
    writer.post({s.iv.id, "t/b"}, "second question");
    writer.post({s.iv.id, {}}, "overall: hire");
    writer.wait();
    CHECK_FALSE(writer.waiting());
    const auto stored = s.on_disk();
    CHECK(stored.questions[0].response.notes == text);
    CHECK(stored.questions[1].response.notes == "second question");
    CHECK(stored.overall_notes == "overall: hire");
    CHECK(writer.take_problems().empty());
}

TEST_CASE("the writer writes without being waited for") {
    OneInterview s;
    DraftWriter writer(s.db);
    writer.post({s.iv.id, "t/a"}, "typed at 60 ms a key");
    for (int i = 0; i < 500 && s.on_disk().questions[0].response.notes.empty(); ++i) std::this_thread::sleep_for(2ms);
    CHECK(s.on_disk().questions[0].response.notes == "typed at 60 ms a key");
}

TEST_CASE("a write that fails is kept, said, and written once the cause is gone") {
    OneInterview s;
    // Any failure of the file (disk full, I/O error) looks like this to the writer.
    s.db.sql().exec("CREATE TRIGGER no_notes BEFORE UPDATE OF notes ON interview_question "
                    "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
    DraftWriter writer(s.db);
    writer.post({s.iv.id, "t/a"}, "kept through the failure");
    writer.wait(); // returns although the text could not be written: closing never hangs
    CHECK(writer.waiting());
    const auto problems = writer.take_problems();
    REQUIRE_FALSE(problems.empty());
    CHECK(problems.front().find("Notes not saved yet") != std::string::npos);
    CHECK(problems.front().find("full") != std::string::npos);
    CHECK(s.on_disk().questions[0].response.notes.empty());

    s.db.sql().exec("DROP TRIGGER no_notes");
    for (int i = 0; i < 300 && writer.waiting(); ++i) std::this_thread::sleep_for(10ms); // retried by itself
    CHECK_FALSE(writer.waiting());
    CHECK(s.on_disk().questions[0].response.notes == "kept through the failure");
}

TEST_CASE("a newer text handed over while an older one failed replaces it") {
    OneInterview s;
    s.db.sql().exec("CREATE TRIGGER no_notes BEFORE UPDATE OF notes ON interview_question "
                    "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END");
    DraftWriter writer(s.db);
    writer.post({s.iv.id, "t/a"}, "old");
    writer.wait();
    s.db.sql().exec("DROP TRIGGER no_notes");
    writer.post({s.iv.id, "t/a"}, "old and new");
    writer.wait();
    CHECK_FALSE(writer.waiting());
    CHECK(s.on_disk().questions[0].response.notes == "old and new");
}

TEST_CASE("notes for a submitted interview are refused and not retried") {
    OneInterview s;
    InterviewRepository(s.db).submit(s.iv.id, Recommendation::yes);
    DraftWriter writer(s.db);
    writer.post({s.iv.id, "t/a"}, "too late");
    writer.wait();
    CHECK_FALSE(writer.waiting());
    const auto problems = writer.take_problems();
    REQUIRE(problems.size() == 1);
    CHECK(problems.front().rfind("Notes not saved:", 0) == 0);
    CHECK(s.on_disk().questions[0].response.notes.empty());
}

TEST_CASE("closing the writer writes what still waits") {
    OneInterview s;
    {
        DraftWriter writer(s.db);
        writer.post({s.iv.id, "t/b"}, "the last words before closing");
    }
    CHECK(s.on_disk().questions[1].response.notes == "the last words before closing");
}

TEST_CASE("on an in-memory database the writer writes at once on the caller's thread") {
    Database db = Database::open(":memory:");
    QuestionRepository(db).upsert(test::question("t/a", "t", "Prompt"));
    PeopleRepository people(db);
    Loop loop;
    loop.name = "Loop";
    people.save(loop);
    Candidate c;
    c.name = "Dana";
    c.loop_id = loop.id;
    people.save(c);
    Interview iv;
    iv.candidate_id = c.id;
    iv.interviewer = "Ana";
    iv.date = "2026-12-03";
    iv.questions = {{"t/a", 5, {}, "", ""}};
    InterviewRepository interviews(db);
    interviews.create(iv);
    DraftWriter writer(db);
    writer.post({iv.id, "t/a"}, "written now");
    CHECK_FALSE(writer.waiting());
    CHECK(interviews.find(iv.id)->questions[0].response.notes == "written now");
}

TEST_CASE("waiting for the writer ends after 2 s when another process holds the database") {
    OneInterview s;
    DraftWriter writer(s.db);
    writer.set_busy_timeout(std::chrono::seconds(10)); // the writer would wait far longer
    SQLite::Database other((s.dir / "drafts.db").string(), SQLite::OPEN_READWRITE);
    other.exec("BEGIN IMMEDIATE");
    writer.post({s.iv.id, "t/a"}, "typed while another process writes");
    const auto started = std::chrono::steady_clock::now();
    writer.wait(); // as leaving the screen or closing the window does
    const auto waited = std::chrono::steady_clock::now() - started;
    CHECK(waited < std::chrono::milliseconds(2600));
    CHECK(writer.waiting()); // still with the writer, not lost
    other.exec("ROLLBACK");
    for (int i = 0; i < 1500 && writer.waiting(); ++i) std::this_thread::sleep_for(10ms);
    CHECK(s.on_disk().questions[0].response.notes == "typed while another process writes");
}
