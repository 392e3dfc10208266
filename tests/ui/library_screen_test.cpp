#include "persistence/store/curation_repository.hpp"
#include "persistence/sqlite/write_transaction.hpp"
#include "tests/persistence/fixtures.hpp"
#include "tests/ui/app_fixture.hpp"

#include <doctest/doctest.h>

using namespace panelist;
using namespace panelist::test;

TEST_CASE("the library searches as the user types") {
    AppFixture f;
    f.app->show(ScreenId::library);
    f.frame();
    CHECK(f.app->library().results().size() == 4);
    f.press(keys::letter('F'), true); // Ctrl+F focuses the search box
    f.type("topic:topic3");
    CHECK(f.app->library().results().size() == 1);
    CHECK(f.app->library().results()[0].id == "t/q3");
    CHECK(contains(f.frame(), "PROMPT-3"));
}

TEST_CASE("a bad query shows its error and keeps the last results") {
    AppFixture f;
    f.app->library().set_query("level:expert");
    const auto text = f.frame();
    CHECK(contains(f.app->library().query_error(), "use junior, senior or both"));
    CHECK(contains(text, "use junior, senior or both"));
}

TEST_CASE("the detail shows the whole question, and arrows move through results") {
    AppFixture f;
    auto text = f.frame();
    REQUIRE(f.app->library().selected());
    CHECK(f.app->library().selected()->id == "t/q1");
    CHECK(contains(text, "ANSWER-1"));
    CHECK(contains(text, "RUBRIC-1-FIVE"));
    f.press(keys::down);
    CHECK(f.app->library().selected()->id == "t/q2");
}

TEST_CASE("delete asks first, then removes the question") {
    AppFixture f;
    f.frame();
    f.press(261); // Delete
    CHECK(contains(f.frame(), "Delete 't/q1' from the bank?"));
    f.press(keys::letter('N')); // keep it
    CHECK(f.ctx().questions.find("t/q1"));
    f.press(261);
    f.press(keys::letter('Y'));
    CHECK_FALSE(f.ctx().questions.find("t/q1"));
    f.frame();
    CHECK(f.app->library().results().size() == 3);
}

TEST_CASE("editing a question saves it to the bank") {
    AppFixture f;
    f.frame();
    f.press(keys::letter('E'));
    CHECK(contains(f.frame(), "Edit question"));
    f.press(keys::letter('S'), true); // Ctrl+S saves, unchanged
    CHECK(f.ctx().questions.find("t/q1")->prompt.find("PROMPT-1") == 0);
    f.press(keys::letter('D')); // duplicate opens a new question with a copy of the id
    CHECK(contains(f.frame(), "New question"));
    f.press(keys::letter('S'), true);
    CHECK(f.ctx().questions.find("t/q1-copy"));
}

TEST_CASE("a search matching more than the list holds says how many and in what order") {
    AppFixture f;
    {
        WriteTransaction tx(f.db.sql());
        for (int i = 0; i < QuestionRepository::max_ranked_matches + 20; ++i)
            f.ctx().questions.upsert(question(fmt::format("bulk/q{:04}", i), "bulk", "Explain the canary release"));
        tx.commit();
    }
    f.app->library().set_query("canary");
    auto text = f.frame();
    CHECK(f.app->library().results().size() == LibraryScreen::results_shown);
    CHECK(contains(text, "520 matches, the first 200 added listed: add words or filters to narrow"));
    f.app->library().set_query("");
    text = f.frame();
    CHECK(contains(text, "the first 200 of 524 questions: search or filter to narrow"));
    f.app->library().set_query("topic:topic3");
    CHECK(contains(f.frame(), "1 question"));
}

TEST_CASE("the Library shows the versions of a question that interviews asked, and how many asked each") {
    AppFixture f;
    f.open_interview("Dana Candidate"); // asks t/q1 as it is now
    auto q = *f.ctx().questions.find("t/q1");
    q.answer = "NEW-ANSWER after an edit.";
    f.ctx().questions.upsert(q);
    f.open_interview("Eli Candidate"); // asks the edited t/q1
    f.app->show(ScreenId::library);
    f.frame();
    REQUIRE(f.app->library().selected()->id == "t/q1");
    auto text = f.frame();
    CHECK(contains(text, "As asked: 2 versions"));
    CHECK(contains(text, "differs from the bank now: 1 interview"));
    CHECK(contains(text, "as the bank has it now: 1 interview"));
}

TEST_CASE("writing a new question shows the close ones the bank has, and Alt+1 shows the closest in full") {
    AppFixture f;
    auto twin = question("serving/dynamic-batching", "serving",
                         "What is dynamic batching in a model server, and how would you tune it?");
    twin.answer = "TWIN-ANSWER: hold requests for a few milliseconds and run them as one GPU batch.";
    f.ctx().questions.upsert(twin);
    for (int i = 0; i < 20; ++i)
        f.ctx().questions.upsert(question(fmt::format("filler/q{}", i), "filler",
                                          fmt::format("Explain terraform state number {} to a new hire.", i)));
    f.frame();
    f.press(keys::letter('N'), true); // Ctrl+N: a new question, the keyboard in its Id field
    f.frame();
    for (int field = 0; field < 4; ++field) f.press(keys::tab); // Topic, Tags, Minutes, Prompt
    f.type("How would you tune dynamic batching on a GPU model server?");
    auto text = f.frame();
    const auto& close = f.app->library().editor().close_questions();
    REQUIRE_FALSE(close.empty());
    CHECK(close[0].id == "serving/dynamic-batching");
    CHECK(contains(text, "Close to questions you have"));
    CHECK(contains(text, "serving/dynamic-batching"));
    CHECK_FALSE(contains(text, "TWIN-ANSWER"));
    f.imgui.press(f.draw, keys::digit(1), false, false, true); // Alt+1
    CHECK(contains(f.frame(), "TWIN-ANSWER"));
    // The draft is still there, in its field.
    CHECK(f.app->library().editor().is_open());
}

TEST_CASE("Shift+R retires the selected question and again restores it; the detail says so") {
    AppFixture f;
    f.app->show(ScreenId::library);
    f.frame();
    REQUIRE(f.app->library().selected());
    const std::string id = f.app->library().selected()->id;
    f.press(keys::letter('R')); // R alone is not it: a key that reloads elsewhere
    CHECK_FALSE(CurationRepository(f.db).is_retired(id));
    f.press(keys::letter('R'), false, true);
    CHECK(CurationRepository(f.db).is_retired(id));
    const std::string drawn = f.frame();
    CHECK(contains(drawn, "never planned again"));
    CHECK(contains(drawn, "Restore (Shift+R)"));
    f.press(keys::letter('R'), false, true);
    CHECK_FALSE(CurationRepository(f.db).is_retired(id));
    CHECK(contains(f.frame(), "Retire (Shift+R)"));
    CHECK(f.ctx().questions.find(id)); // never removed
}

TEST_CASE("Ctrl+PgDn walks the Library's tabs to the duplicate review, which compares the bank a slice at a time") {
    AppFixture f;
    f.app->show(ScreenId::library);
    f.frame();
    f.press(keys::page_down, true);
    f.frame();
    f.press(keys::page_down, true);
    std::string drawn;
    for (int i = 0; i < 5; ++i) drawn = f.frame();
    CHECK(contains(drawn, "pairs at 25% closeness or more"));
    CHECK(contains(drawn, "No pair of questions is this close")); // four questions, nothing alike
    f.press(keys::minus);
    for (int i = 0; i < 5; ++i) drawn = f.frame();
    CHECK(f.app->library().duplicates().min_percent() == 20);
    CHECK(contains(drawn, "at 20% closeness"));
    f.press(keys::page_up, true);
    f.frame();
    CHECK_FALSE(contains(f.frame(), "closeness or more"));
}

TEST_CASE("on the sets tab, Down picks a set and its coverage shows, with the slot's warning") {
    AppFixture f;
    f.app->show(ScreenId::library);
    f.frame();
    f.press(keys::page_down, true); // Question sets
    f.frame();
    f.press(keys::down);
    std::string drawn;
    for (int i = 0; i < 3; ++i) drawn = f.frame();
    // The small bank's one set: four 5-minute questions in a 20-minute slot.
    CHECK(contains(drawn, "What the set covers"));
    CHECK(contains(drawn, "20 of 20 minutes planned: 0 left"));
    CHECK(contains(drawn, "Leaves 0 of 20 minutes for introductions"));
    CHECK(contains(drawn, "Topics: topic1 1, topic2 1, topic3 1, topic4 1"));
}

TEST_CASE("a set marks its retired question, which takes no minutes; its search refuses what the set holds") {
    AppFixture f;
    CurationRepository(f.db).retire("t/q2");
    f.app->show(ScreenId::library);
    f.frame();
    f.press(keys::page_down, true); // Question sets
    f.frame();
    f.press(keys::down);
    std::string drawn;
    for (int i = 0; i < 3; ++i) drawn = f.frame();
    CHECK(contains(drawn, "4 questions, 15 of 20 minutes planned"));
    CHECK(contains(drawn, "retired"));
    f.press(keys::slash);
    f.frame();
    f.type("thing");
    for (int i = 0; i < 3; ++i) drawn = f.frame();
    CHECK(contains(drawn, "in the set")); // all four are: Enter adds nothing
    f.press(keys::enter);
    f.frame();
    CHECK(f.ctx().sets.find("Junior screen")->question_ids.size() == 4);
}

TEST_CASE("Ctrl+N on the sets tab names a new set; a name already taken says so and leaves that set whole") {
    AppFixture f;
    f.app->show(ScreenId::library);
    f.frame();
    f.press(keys::page_down, true); // Question sets
    f.frame();
    f.press(keys::letter('N'), true);
    f.frame();
    f.type(" Junior screen "); // the store trims names: still the same set
    f.press(keys::enter);
    f.frame();
    CHECK(contains(f.frame(), "A set named 'Junior screen' exists already"));
    CHECK(f.ctx().sets.find("Junior screen")->question_ids.size() == 4);
    f.press(keys::letter('N'), true);
    f.frame();
    f.press(keys::letter('A'), true); // select what is there, then type over it
    f.type("Senior screen");
    f.press(keys::enter);
    f.frame();
    CHECK(f.ctx().sets.find("Senior screen"));
}
