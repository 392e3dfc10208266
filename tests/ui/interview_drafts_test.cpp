// Notes typed steadily reach the disk within a bounded time, appended notes continue where the
// text ends, and after a crash the interview opens where the interviewer was and says so.
#include "tests/ui/app_fixture.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>

using namespace panelist;
using namespace panelist::test;
using namespace std::chrono_literals;

TEST_CASE("notes typed without a pause are on disk at most half a second after each keystroke") {
    AppFixture f;
    const auto id = f.open_interview();
    f.press(keys::letter('N'));
    const std::string text = "steady typing never pauses long enough for a silence-based save";
    // One key every 60 ms, as a fast typist: the pause-based autosave (300 ms) never fires.
    std::vector<TimePoint> typed_at;
    for (std::size_t i = 0; i < text.size(); ++i) {
        f.type(text.substr(i, 1));
        typed_at.push_back(f.clock.now());
        f.clock.advance(60ms);
        f.frame();
        const std::string saved = f.stored(id).questions[0].response.notes;
        REQUIRE(text.compare(0, saved.size(), saved) == 0); // always a prefix of what was typed
        for (std::size_t k = 0; k <= i; ++k)
            if (f.clock.now() - typed_at[k] > InterviewScreen::autosave_max_delay + 60ms) {
                INFO("character ", k, " typed ", (f.clock.now() - typed_at[k]) / 1ms, " ms ago is not saved");
                CHECK(saved.size() > k);
            }
    }
}

TEST_CASE("while notes wait to be saved, the window asks to wake at the bounded moment") {
    AppFixture f;
    f.open_interview();
    f.press(keys::letter('N'));
    f.type("a");
    const TimePoint first = f.clock.now();
    for (int i = 0; i < 4; ++i) { // every 100 ms: no pause of 300 ms
        f.clock.advance(100ms);
        f.type("b");
    }
    const auto wake = f.app->wake_at();
    REQUIRE(wake);
    CHECK(*wake <= first + InterviewScreen::autosave_max_delay);
}

TEST_CASE("N continues a question's notes after the text already there, also after other fields") {
    AppFixture f;
    const auto id = f.open_interview();
    f.press(keys::letter('N'));
    f.type("Asked about paging at night.");
    f.press(keys::escape);
    f.press(keys::right);
    f.press(keys::letter('N'));
    f.type("Second.");
    f.press(keys::escape);
    f.press(keys::letter('O')); // another text field in between
    f.type("Overall fine.");
    f.press(keys::escape);
    f.press(keys::home);
    f.press(keys::letter('N'));
    f.type(" Later: strong on paging.");
    f.press(keys::escape);
    f.press(keys::right); // moving on saves
    CHECK(f.stored(id).questions[0].response.notes == "Asked about paging at night. Later: strong on paging.");
    CHECK(f.stored(id).questions[1].response.notes == "Second.");
    f.press(keys::letter('O'));
    f.type(" More.");
    f.press(keys::escape);
    f.app->flush();
    CHECK(f.stored(id).overall_notes == "Overall fine. More.");
}

TEST_CASE("after a crash the interview opens on the question the interviewer was on, saying what was recovered") {
    TempDir dir;
    const auto path = dir / "crash.db";
    std::int64_t id = 0;
    {
        AppFixture f(path);
        id = f.open_interview();
        f.press(keys::right);
        f.press(keys::right); // on question 3
        f.press(keys::digit(4));
        f.press(keys::letter('N'));
        f.type("typed before the crash");
        f.clock.advance(InterviewScreen::autosave_max_delay);
        f.frame();
        // The process dies here: no flush, no clean close. The store says the window had it open.
        CHECK(f.ctx().interviews.place(id)->open);
        CHECK(f.ctx().interviews.place(id)->position == 2);
        f.app.reset(); // as a kill: the app never flushes by itself, only on leaving a screen or on exit
    }
    AppFixture again(path);
    CHECK(again.app->current() == ScreenId::interview);
    CHECK(again.ctx().interview_id == id);
    const auto text = again.frame();
    CHECK(again.app->interview().current() == 2);
    CHECK(contains(text, "Panelist stopped unexpectedly"));
    CHECK(contains(text, "You are back on question 3"));
    CHECK(again.stored(id).questions[2].response.notes == "typed before the crash");
    again.press(keys::digit(5)); // the next action puts the message away
    CHECK_FALSE(contains(again.frame(), "stopped unexpectedly"));

    // A clean exit leaves nothing to recover: the next start says nothing of a crash.
    again.app->flush();
    CHECK_FALSE(again.ctx().interviews.place(id)->open);
    again.app.reset();
    AppFixture third(path);
    third.app->show(ScreenId::interview);
    CHECK_FALSE(contains(third.frame(), "stopped unexpectedly"));
}

TEST_CASE("an interview first opened on its first unscored question reopens there, not on question 1") {
    TempDir dir;
    const auto path = dir / "place.db";
    {
        AppFixture f(path);
        const auto id = f.open_interview();
        f.app->flush();
        const auto iv = f.stored(id);
        f.ctx().interviews.set_score(id, iv.questions[0].question_id, Score::of(3));
        f.ctx().interviews.set_score(id, iv.questions[1].question_id, Score::of(4));
        f.db.sql().exec("DELETE FROM interview_place"); // as an interview scored elsewhere, never on screen here
    }
    {
        AppFixture f(path);
        f.app->show(ScreenId::interview);
        f.frame();
        CHECK(f.app->interview().current() == 2); // the first unscored
        f.app->flush();
    }
    AppFixture again(path);
    again.app->show(ScreenId::interview);
    again.frame();
    CHECK(again.app->interview().current() == 2); // where it was left
}

TEST_CASE("an interview whose plan has no questions opens and says so, and keys do nothing harmful") {
    AppFixture f;
    const auto id = f.open_interview();
    f.ctx().interview_id = 0; // another interview meanwhile
    f.frame();
    f.ctx().interviews.replace_plan(id, {}); // every question taken out on the Plan screen
    f.ctx().interview_id = id;
    CHECK(contains(f.frame(), "This interview has no questions"));
    for (int key : {keys::right, keys::left, keys::end, keys::home}) f.press(key);
    f.press(keys::digit(4));
    f.press(keys::letter('N'));
    f.type("no question to note");
    f.clock.advance(InterviewScreen::autosave_max_delay);
    CHECK(contains(f.frame(), "This interview has no questions"));
    f.app->flush();
}
