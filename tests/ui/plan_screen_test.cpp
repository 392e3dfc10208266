#include "persistence/store/curation_repository.hpp"
#include "persistence/store/question_draft_repository.hpp"
#include "tests/ui/app_fixture.hpp"

#include <doctest/doctest.h>

using namespace panelist;
using namespace panelist::test;

TEST_CASE("from an empty database to a submitted interview with the keyboard only") {
    AppFixture f;
    f.frame();
    f.press(keys::digit(2), true); // Candidates
    CHECK(f.app->current() == ScreenId::candidates);
    f.press(keys::letter('L'));
    f.type("MLOps Engineer, Berlin, 2026-Q4");
    f.press(keys::enter);
    REQUIRE(f.ctx().people.loops().size() == 1);
    f.press(keys::right); // the next candidate is senior
    f.press(keys::letter('C'));
    f.type("Dana Candidate");
    f.press(keys::enter);
    auto dana = f.ctx().people.find_candidate_by_name("Dana Candidate");
    REQUIRE(dana);
    CHECK(dana->level == Level::senior);
    f.frame();

    f.press(keys::digit(3), true); // plan an interview for her
    CHECK(f.app->current() == ScreenId::plan);
    f.frame();
    f.press(keys::letter('I'));
    f.type("Ana");
    f.press(keys::enter);
    f.press(keys::letter('M')); // assembled, since the one set is for juniors
    CHECK_FALSE(f.app->plan().plan().empty());
    f.press(keys::enter, true); // create and open
    CHECK(f.app->current() == ScreenId::interview);
    const auto id = f.ctx().interview_id;
    REQUIRE(id != 0);

    f.press(keys::letter('S'));
    const auto count = f.stored(id).questions.size();
    for (std::size_t i = 0; i < count; ++i) {
        f.press(keys::digit(static_cast<int>(i % 5) + 1));
        f.press(keys::right);
    }
    f.press(keys::enter, true);
    f.press(keys::digit(4)); // strong yes
    f.press(keys::enter);
    const auto iv = f.stored(id);
    CHECK(iv.locked());
    CHECK(iv.recommendation == Recommendation::strong_yes);
    CHECK(iv.scored_count() == static_cast<int>(count));
    CHECK(iv.interviewer == "Ana");
    // Planned by Ana with no name in the top bar: she is "You" from now on, also next time.
    CHECK(f.ctx().me == "Ana");
    CHECK(f.app->settings().interviewer == "Ana");
}

TEST_CASE("a role set is planned as-is; a second interview never repeats a question") {
    AppFixture f;
    f.add_candidate("Jo", Level::junior);
    f.app->show(ScreenId::plan);
    f.frame();
    auto& plan = f.app->plan();
    REQUIRE(plan.plan().size() == 4); // the junior set, in its order
    CHECK(plan.plan()[0].question_id == "t/q1");
    plan.set_interviewer("Ana");
    plan.create_interview(f.ctx());

    f.app->show(ScreenId::library);
    f.app->show(ScreenId::plan);
    f.frame();
    CHECK(plan.plan().empty()); // every set question was already asked
    CHECK(contains(f.frame(), "already had them"));
    plan.request().budget_minutes = 60;
    plan.assemble(f.ctx());
    CHECK(plan.plan().empty()); // and nothing else is left in this tiny bank
}

TEST_CASE("a retired question is never planned: not from its set, not assembled, not added by search") {
    AppFixture f;
    f.add_candidate("Jo", Level::junior);
    CurationRepository(f.db).retire("t/q2");
    f.app->show(ScreenId::plan);
    f.frame();
    auto& plan = f.app->plan();
    REQUIRE(plan.plan().size() == 3); // the junior set, less its retired question
    for (const auto& q : plan.plan()) CHECK(q.question_id != "t/q2");
    CHECK(contains(f.frame(), "Left out because they are retired (the Library can restore them): t/q2"));
    plan.request().budget_minutes = 60;
    plan.assemble(f.ctx());
    for (const auto& q : plan.plan()) CHECK(q.question_id != "t/q2");
    f.press(keys::slash); // search the bank to add a question
    f.type("PROMPT-2");
    const std::string drawn = f.frame();
    CHECK(contains(drawn, "retired"));
    f.press(keys::enter); // adds nothing: it is retired
    for (const auto& q : plan.plan()) CHECK(q.question_id != "t/q2");

    // Restored, it is planned again: from the set, as soon as the set is chosen again.
    CurationRepository(f.db).restore("t/q2");
    f.frame();
    plan.use_set(f.ctx(), "Junior screen");
    CHECK(plan.plan().size() == 4);
}

TEST_CASE("a draft question is never planned until a curator completes it") {
    AppFixture f;
    f.add_candidate("Jo", Level::junior);
    QuestionDraftRepository(f.db).mark("t/q2", "team-wiki.md:12");
    f.app->show(ScreenId::plan);
    f.frame();
    auto& plan = f.app->plan();
    REQUIRE(plan.plan().size() == 3); // the junior set, less its draft
    for (const auto& q : plan.plan()) CHECK(q.question_id != "t/q2");
    CHECK(contains(f.frame(), "Left out because they are drafts (the Library completes them, Ctrl+D): t/q2"));
    plan.request().budget_minutes = 60;
    plan.assemble(f.ctx());
    for (const auto& q : plan.plan()) CHECK(q.question_id != "t/q2");
    f.press(keys::slash);
    f.type("PROMPT-2");
    CHECK(contains(f.frame(), "a draft"));
    f.press(keys::enter); // adds nothing: it is a draft
    for (const auto& q : plan.plan()) CHECK(q.question_id != "t/q2");

    QuestionDraftRepository(f.db).finish("t/q2"); // completed in the Library
    f.frame();
    plan.use_set(f.ctx(), "Junior screen");
    CHECK(plan.plan().size() == 4);
}

TEST_CASE("assembly honours the budget and level") {
    AppFixture f;
    f.add_candidate("Sam", Level::junior);
    f.app->show(ScreenId::plan);
    f.frame();
    auto& plan = f.app->plan();
    plan.request().budget_minutes = 12;
    plan.assemble(f.ctx());
    int total = 0;
    for (const auto& q : plan.plan()) total += q.planned_minutes;
    CHECK(total <= 12);
    CHECK(plan.plan().size() == 2);
}

TEST_CASE("from Plan, Ctrl+7 offers the questions being planned first in Practice, with how many have sample answers") {
    AppFixture f;
    // One of the small bank's questions gets sample answers.
    auto q = *f.ctx().questions.find("t/q2");
    q.samples = {{1, "A weak answer, said aloud.", "Misses the point: the 1 anchor."},
                 {3, "A middling answer.", "The 3 anchor."},
                 {5, "A strong answer.", "The 5 anchor."}};
    f.ctx().questions.upsert(q);
    f.add_candidate("Dana Candidate", Level::junior);
    f.ctx().me = "Ana";
    f.press(keys::digit(3), true);
    f.frame();
    f.app->plan().use_set(f.ctx(), "Junior screen");
    REQUIRE(f.app->plan().plan().size() == 4);
    f.press(keys::digit(7), true);
    CHECK(f.app->current() == ScreenId::practice);
    const auto drawn = f.frame();
    CHECK(contains(drawn, "The plan being made"));
    CHECK(contains(drawn, "1 of 4 questions have sample answers"));
    f.press(keys::enter); // the offer is chosen: its one question's three answers
    f.frame();
    CHECK(f.app->practice().phase() == PracticeScreen::Phase::scoring);
    CHECK(f.app->practice().items() == 3);
    f.press(keys::digit(4));
    f.frame();
    const auto sessions = PracticeRepository(f.db).sessions("Ana");
    REQUIRE(sessions.size() == 1);
    CHECK(sessions[0].scores.size() == 1);
    CHECK(sessions[0].scores[0].score.given == 4);
}
