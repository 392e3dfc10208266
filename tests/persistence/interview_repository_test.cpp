#include "persistence/store/interview_repository.hpp"
#include "persistence/store/people_repository.hpp"
#include "persistence/store/question_repository.hpp"
#include "persistence/store/uuid.hpp"
#include "tests/persistence/fixtures.hpp"

#include <doctest/doctest.h>

using namespace panelist;

namespace {
struct Loop3 {
    Database db = Database::open(":memory:");
    QuestionRepository questions{db};
    PeopleRepository people{db};
    InterviewRepository interviews{db};
    Candidate dana;
    Loop3() {
        for (const char* id : {"t/a", "t/b", "t/c", "t/d"}) questions.upsert(test::question(id, "t", std::string("Prompt ") + id));
        Loop loop;
        loop.name = "MLOps Engineer, Berlin, 2026-Q4";
        people.save(loop);
        dana.name = "Dana";
        dana.loop_id = loop.id;
        dana.level = Level::senior;
        people.save(dana);
    }
    Interview plan(std::vector<std::string> ids, const std::string& interviewer = "Ana") {
        Interview iv;
        iv.candidate_id = dana.id;
        iv.interviewer = interviewer;
        iv.date = "2026-11-23";
        for (const auto& id : ids) iv.questions.push_back({id, 5, {}, "", ""});
        interviews.create(iv);
        return iv;
    }
};
} // namespace

TEST_CASE("an interview is stored with its plan and a copy of each prompt") {
    Loop3 s;
    auto iv = s.plan({"t/b", "t/a"});
    CHECK(is_uuid(iv.uuid));
    auto found = s.interviews.find(iv.id);
    REQUIRE(found);
    REQUIRE(found->questions.size() == 2);
    CHECK(found->questions[0].question_id == "t/b");
    CHECK(found->questions[0].prompt == "Prompt t/b");
    CHECK(found->status == InterviewStatus::planned);
    // Editing the bank later does not rewrite what was asked.
    auto q = *s.questions.find("t/b");
    q.prompt = "Edited";
    s.questions.upsert(q);
    CHECK(s.interviews.find(iv.id)->questions[0].prompt == "Prompt t/b");
}

TEST_CASE("planning a question that is not in the bank is refused") {
    Loop3 s;
    Interview iv;
    iv.candidate_id = s.dana.id;
    iv.interviewer = "Ana";
    iv.date = "2026-11-23";
    iv.questions = {{"t/missing", 5, {}, "", ""}};
    CHECK_THROWS_AS(s.interviews.create(iv), ValidationError);
    CHECK(s.interviews.for_candidate(s.dana.id).empty());
}

TEST_CASE("scores, notes, time and follow-ups are written one by one and read back") {
    Loop3 s;
    auto iv = s.plan({"t/a", "t/b"});
    s.interviews.set_score(iv.id, "t/b", Score::of(4));
    s.interviews.set_notes(iv.id, "t/b", "Explained canaries well.\nMissed rollback.");
    s.interviews.add_seconds(iv.id, "t/b", 90);
    s.interviews.add_seconds(iv.id, "t/b", 30);
    s.interviews.set_follow_ups_asked(iv.id, "t/b", {0, 1});
    auto found = *s.interviews.find(iv.id);
    CHECK(found.status == InterviewStatus::in_progress);
    CHECK(found.questions[1].response.score == Score::of(4));
    CHECK(found.questions[1].response.notes == "Explained canaries well.\nMissed rollback.");
    CHECK(found.questions[1].response.seconds_spent == 120);
    CHECK(found.questions[1].response.follow_ups_asked == std::vector<int>{0, 1});
    s.interviews.set_score(iv.id, "t/b", Score::unscored());
    CHECK_FALSE(s.interviews.find(iv.id)->questions[1].response.score.scored());
    CHECK_THROWS_AS(s.interviews.set_score(iv.id, "t/zzz", Score::of(3)), InterviewNotFound);
    CHECK_THROWS_AS(s.interviews.set_score(999, "t/a", Score::of(3)), InterviewNotFound);
}

TEST_CASE("reordering the plan keeps the responses of questions that stay") {
    Loop3 s;
    auto iv = s.plan({"t/a", "t/b"});
    s.interviews.set_score(iv.id, "t/a", Score::of(2));
    s.interviews.replace_plan(iv.id, {{"t/c", 5, {}, "", ""}, {"t/a", 5, {}, "", ""}});
    auto found = *s.interviews.find(iv.id);
    REQUIRE(found.questions.size() == 2);
    CHECK(found.questions[0].question_id == "t/c");
    CHECK(found.questions[1].response.score == Score::of(2));
}

TEST_CASE("submit locks the interview; reopening is explicit and recorded") {
    Loop3 s;
    auto iv = s.plan({"t/a"});
    s.interviews.submit(iv.id, Recommendation::yes);
    CHECK(s.interviews.find(iv.id)->locked());
    CHECK(s.interviews.find(iv.id)->recommendation == Recommendation::yes);
    CHECK_THROWS_AS(s.interviews.set_score(iv.id, "t/a", Score::of(5)), InterviewRefused);
    CHECK_THROWS_AS(s.interviews.set_notes(iv.id, "t/a", "late edit"), InterviewRefused);
    CHECK_THROWS_AS(s.interviews.set_overall_notes(iv.id, "late edit"), InterviewRefused);
    CHECK_THROWS_AS(s.interviews.submit(iv.id, Recommendation::no), InterviewRefused);
    CHECK_THROWS_AS(s.interviews.reopen(iv.id, "  "), InterviewRefused); // a reason is required
    s.interviews.reopen(iv.id, "Forgot to score the last answer");
    auto found = *s.interviews.find(iv.id);
    CHECK(found.status == InterviewStatus::in_progress);
    CHECK(found.reopen_count == 1);
    const auto events = s.interviews.events(iv.id);
    REQUIRE(events.size() == 2);
    CHECK(events[0].kind == "submitted");
    CHECK(events[1].kind == "reopened");
    CHECK(events[1].detail == "Forgot to score the last answer");
    CHECK_THROWS_AS(s.interviews.reopen(iv.id, "again"), InterviewRefused);
}

TEST_CASE("questions a candidate already got, across the loop's interviews") {
    Loop3 s;
    auto first = s.plan({"t/a", "t/b"});
    auto second = s.plan({"t/c"}, "Ben");
    CHECK(s.interviews.question_ids_for_candidate(s.dana.id) == std::vector<std::string>{"t/a", "t/b", "t/c"});
    CHECK(s.interviews.question_ids_for_candidate(s.dana.id, second.id) == std::vector<std::string>{"t/a", "t/b"});
    CHECK(s.interviews.for_candidate(s.dana.id).size() == 2);
}

TEST_CASE("loops and candidates: save, find, archive") {
    Loop3 s;
    auto loops = s.people.loops();
    REQUIRE(loops.size() == 1);
    CHECK(is_uuid(loops[0].uuid));
    CHECK(s.people.find_candidate_by_name("Dana")->level == Level::senior);
    auto dana = s.dana;
    dana.archived = true;
    s.people.save(dana);
    CHECK(s.people.candidates(loops[0].id).empty());
    CHECK(s.people.candidates(loops[0].id, true).size() == 1);
    Candidate nameless;
    nameless.loop_id = loops[0].id;
    CHECK_THROWS_AS(s.people.save(nameless), ValidationError);
}

TEST_CASE("where the interviewer is, and an interview left open by a crash") {
    Loop3 f;
    auto iv = f.plan({"t/a", "t/b", "t/c"});
    CHECK_FALSE(f.interviews.place(iv.id));
    CHECK(f.interviews.left_open().empty());
    const std::string updated = f.db.sql().execAndGet("SELECT updated_at FROM interview").getString();

    f.interviews.mark_open(iv.id, 1); // opened on the first unscored question
    CHECK(f.interviews.place(iv.id)->position == 1);
    f.interviews.set_place(iv.id, 2);
    auto place = f.interviews.place(iv.id);
    REQUIRE(place);
    CHECK(place->position == 2);
    CHECK(place->open);
    CHECK(place->opened_at.size() == 24);
    CHECK(f.interviews.left_open() == std::vector<std::int64_t>{iv.id});
    // Window state, not content: a merge must not see the interview as changed.
    CHECK(f.db.sql().execAndGet("SELECT updated_at FROM interview").getString() == updated);

    f.interviews.mark_closed(iv.id); // closed properly
    CHECK(f.interviews.left_open().empty());
    CHECK(f.interviews.place(iv.id)->position == 2);
    // Erasing the interview takes its place with it.
    CHECK(f.interviews.remove(iv.id));
    CHECK(f.db.sql().execAndGet("SELECT count(*) FROM interview_place").getInt() == 0);
}

TEST_CASE("starting an interview is a change a merge can see: updated_at moves") {
    Loop3 f;
    auto iv = f.plan({"t/a"});
    f.db.sql().exec("UPDATE interview SET updated_at = '2026-01-01T00:00:00.000Z'");
    f.interviews.start(iv.id);
    CHECK(f.interviews.find(iv.id)->status == InterviewStatus::in_progress);
    CHECK(f.db.sql().execAndGet("SELECT updated_at FROM interview").getString() > "2026-01-01T00:00:00.000Z");
    f.db.sql().exec("UPDATE interview SET updated_at = '2026-01-01T00:00:00.000Z'");
    f.interviews.start(iv.id); // already started: nothing changes
    CHECK(f.db.sql().execAndGet("SELECT updated_at FROM interview").getString() == "2026-01-01T00:00:00.000Z");
}

TEST_CASE("resubmitting after a reopen records the new recommendation with the submission") {
    Loop3 f;
    auto iv = f.plan({"t/a"});
    f.interviews.submit(iv.id, Recommendation::strong_yes);
    f.interviews.reopen(iv.id, "one more note");
    CHECK(f.interviews.find(iv.id)->recommendation == Recommendation::strong_yes);
    f.interviews.submit(iv.id, Recommendation::no); // changed their mind on resubmitting
    CHECK(f.interviews.find(iv.id)->recommendation == Recommendation::no);
    const auto events = f.interviews.events(iv.id);
    REQUIRE(events.size() == 3);
    CHECK(events[2].kind == "submitted");
}
