#include "domain/text.hpp"
#include "persistence/formats/bundle.hpp"
#include "tests/ui/app_fixture.hpp"
#include "ui/app/frame_damage.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <imgui.h>

using namespace panelist;
using namespace panelist::test;
using namespace std::chrono_literals;

TEST_CASE("number keys score the current question, and the score is on disk at once") {
    AppFixture f;
    const auto id = f.open_interview();
    f.press(keys::digit(4));
    CHECK(f.stored(id).questions[0].response.score == Score::of(4));
    f.press(keys::right);
    CHECK(f.app->interview().current() == 1);
    f.press(keys::keypad_0 + 2); // the keypad works too
    CHECK(f.stored(id).questions[1].response.score == Score::of(2));
    CHECK(f.stored(id).questions[0].response.score == Score::of(4));
    f.press(keys::digit(0));
    CHECK_FALSE(f.stored(id).questions[1].response.score.scored());
    CHECK(f.stored(id).status == InterviewStatus::in_progress);
}

TEST_CASE("the score shows the rubric's words for it") {
    AppFixture f;
    f.open_interview();
    f.press(keys::digit(5));
    CHECK(contains(f.frame(), "RUBRIC-1-FIVE"));
    f.press(keys::digit(2));
    CHECK(contains(f.frame(), "Between 1 and 3."));
}

TEST_CASE("the model answer and rubric stay hidden until revealed, and hide again on the next question") {
    AppFixture f;
    f.open_interview();
    auto text = f.frame();
    CHECK(contains(text, "PROMPT-1"));
    CHECK(contains(text, "FOLLOWUP-1-A"));
    CHECK_FALSE(contains(text, "ANSWER-1"));
    CHECK_FALSE(contains(text, "RUBRIC-1-ONE"));
    f.press(keys::space);
    CHECK(f.app->interview().revealed());
    text = f.frame();
    CHECK(contains(text, "ANSWER-1"));
    CHECK(contains(text, "RUBRIC-1-THREE"));
    f.press(keys::letter('J'));
    CHECK_FALSE(f.app->interview().revealed());
    text = f.frame();
    CHECK(contains(text, "PROMPT-2"));
    CHECK_FALSE(contains(text, "ANSWER-2"));
    f.press(keys::space);
    f.press(keys::left);
    CHECK_FALSE(f.app->interview().revealed());
}

TEST_CASE("moving around: next, previous, first, last, and clicking is not needed") {
    AppFixture f;
    f.open_interview();
    f.press(keys::end);
    CHECK(f.app->interview().current() == 3);
    f.press(keys::right); // stays on the last question
    CHECK(f.app->interview().current() == 3);
    f.press(keys::page_up);
    CHECK(f.app->interview().current() == 2);
    f.press(keys::home);
    CHECK(f.app->interview().current() == 0);
    CHECK(contains(f.frame(), "Question 1 / 4"));
}

TEST_CASE("notes reach the database within the autosave delay, and on every question change") {
    AppFixture f;
    const auto id = f.open_interview();
    f.press(keys::letter('N'));
    f.type("Knew canaries; missed rollback.");
    CHECK(f.stored(id).questions[0].response.notes.empty()); // not yet: still typing
    f.clock.advance(InterviewScreen::autosave_delay);
    f.frame();
    CHECK(f.stored(id).questions[0].response.notes == "Knew canaries; missed rollback.");

    f.type(" Strong.");
    f.press(keys::escape); // leaves the notes without reverting them
    f.press(keys::right);  // and moving on saves at once
    CHECK(f.stored(id).questions[0].response.notes == "Knew canaries; missed rollback. Strong.");
    CHECK(f.app->interview().current() == 1);
}

TEST_CASE("notes stop at 100,000 characters, say so, and never split a character") {
    AppFixture f;
    const auto id = f.open_interview();
    f.press(keys::letter('N'));
    // A long interview's notes, then a paste that would pass the limit, ending in Japanese.
    f.type(std::string(PeopleTextLimits::notes - 3, 'x'));
    CHECK_FALSE(contains(f.frame(), "Notes hold at most"));
    const std::string drawn = [&] {
        f.type("ab日本語"); // a, b, then 日 fits; 本語 do not
        return f.frame();
    }();
    CHECK(contains(drawn, "Notes hold at most 100,000 characters"));
    f.press(keys::escape);
    f.press(keys::right);
    const std::string notes = f.stored(id).questions[0].response.notes;
    CHECK(character_count(notes) == PeopleTextLimits::notes);
    CHECK(notes.ends_with("ab日"));
    CHECK(invalid_utf8_at(notes) == std::string::npos);
    // What was typed can be shared: a bundle reads notes of exactly this length.
    CHECK(PeopleTextLimits::notes == BundleTextLimits::notes);
}

TEST_CASE("typing digits into the notes does not score") {
    AppFixture f;
    const auto id = f.open_interview();
    f.press(keys::enter);
    f.type("3 of 5 steps");
    f.press(keys::digit(3));
    f.clock.advance(1s);
    f.frame();
    CHECK_FALSE(f.stored(id).questions[0].response.score.scored());
}

TEST_CASE("leaving the screen and flushing before exit save the notes") {
    AppFixture f;
    const auto id = f.open_interview();
    f.press(keys::letter('O'));
    f.type("Clear communicator");
    f.app->show(ScreenId::library);
    CHECK(f.stored(id).overall_notes == "Clear communicator");

    f.app->show(ScreenId::interview);
    f.frame();
    f.press(keys::letter('N'));
    f.type("last words");
    f.app->flush();
    CHECK(f.stored(id).questions[0].response.notes == "last words");
}

TEST_CASE("shift+digit marks follow-ups as asked") {
    AppFixture f;
    const auto id = f.open_interview();
    f.press(keys::digit(2), false, true);
    CHECK(f.stored(id).questions[0].response.follow_ups_asked == std::vector<int>{1});
    CHECK_FALSE(f.stored(id).questions[0].response.score.scored());
    f.press(keys::digit(2), false, true);
    CHECK(f.stored(id).questions[0].response.follow_ups_asked.empty());
}

TEST_CASE("the clock counts per question and in total, and shows when the interview runs behind") {
    AppFixture f;
    const auto id = f.open_interview();
    f.press(keys::letter('S'));
    CHECK(f.app->interview().running());
    f.clock.advance(7min);
    auto text = f.frame();
    CHECK(contains(text, "Total 7:00 / 20:00"));
    CHECK(contains(text, "behind by 2:00"));
    f.press(keys::right);
    CHECK(f.stored(id).questions[0].response.seconds_spent == 420);
    f.clock.advance(30s);
    f.press(keys::letter('T')); // pause
    f.clock.advance(10min);
    text = f.frame();
    CHECK(contains(text, "Total 7:30"));
    CHECK(f.app->wants_clock() == false);
}

TEST_CASE("submit needs a recommendation, then locks; reopening is explicit and recorded") {
    AppFixture f;
    const auto id = f.open_interview();
    f.press(keys::digit(4));
    f.press(keys::enter, true);          // Ctrl+Enter opens the submit panel
    f.press(keys::enter);                // nothing chosen yet: no submit
    CHECK_FALSE(f.stored(id).locked());
    f.press(keys::digit(3));             // 3 = yes, not a score
    CHECK(f.stored(id).questions[0].response.score == Score::of(4));
    f.press(keys::enter);
    auto iv = f.stored(id);
    CHECK(iv.locked());
    CHECK(iv.recommendation == Recommendation::yes);

    f.press(keys::digit(1)); // locked: keys no longer change scores
    CHECK(f.stored(id).questions[0].response.score == Score::of(4));

    f.press(keys::letter('R'), true);
    f.type("Scored the wrong question");
    f.press(keys::enter);
    iv = f.stored(id);
    CHECK(iv.status == InterviewStatus::in_progress);
    CHECK(iv.reopen_count == 1);
    CHECK(f.ctx().interviews.events(id).back().detail == "Scored the wrong question");
}

TEST_CASE("the shortcut overlay lists the screen's keys") {
    AppFixture f;
    f.open_interview();
    f.press(keys::f1);
    CHECK(f.app->shortcuts_open());
    // ImGui's log capture ends with the first top-level window, so draw the overlay alone.
    const auto text = f.imgui.frame([&] { f.app->draw_shortcuts(); });
    CHECK(contains(text, "reveal or hide the model answer"));
    CHECK(contains(text, "Ctrl+1 .. Ctrl+7"));
    f.press(keys::escape);
    CHECK_FALSE(f.app->shortcuts_open());
}

// --- the idle window: waking and redrawing only for what the clock changed ------------------

TEST_CASE("a running clock wakes the window when the shown second turns, not on a fixed beat") {
    AppFixture f;
    f.open_interview();
    CHECK_FALSE(f.app->wake_at()); // not started: nothing to wake for
    f.press(keys::letter('S'));
    const TimePoint started = f.clock.now();
    REQUIRE(f.app->wake_at());
    CHECK(*f.app->wake_at() == started + 1s);
    f.clock.advance(400ms);
    CHECK(contains(f.frame(), "Total 0:00"));
    CHECK(*f.app->wake_at() == started + 1s); // the same second is still on screen
    f.clock.advance(600ms);
    CHECK(contains(f.frame(), "Total 0:01"));
    CHECK(*f.app->wake_at() == started + 2s);
    f.clock.advance(2500ms); // woken late (a busy machine): catches up and keeps the beat
    CHECK(contains(f.frame(), "Total 0:03"));
    CHECK(*f.app->wake_at() == started + 4s);
    f.press(keys::letter('T')); // paused: the clock wakes nothing
    CHECK_FALSE(f.app->wake_at());
}

TEST_CASE("while only the clock runs, a frame differs from the last in a few small areas") {
    AppFixture f; // a 1500 x 1000 window
    f.open_interview();
    f.press(keys::letter('S'));
    FrameDamage damage;
    const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    const auto next = [&](std::chrono::milliseconds later) {
        f.clock.advance(later);
        f.frame();
        return damage.compare(*ImGui::GetDrawData(), background);
    };
    CHECK(next(0ms).everything); // nothing to compare with yet
    CHECK(next(500ms).none());    // the same second: nothing to draw
    const FrameChange tick = next(500ms);
    CHECK_FALSE(tick.everything);
    REQUIRE_FALSE(tick.none());
    CHECK(tick.areas.size() <= 4);         // the total, the question's time in the list and above it
    CHECK(tick.area() < 1500 * 1000 / 200); // under half a percent of the window
    CHECK(next(0ms).none());

    f.press(keys::right); // the next question: much more changes
    const FrameChange moved = next(0ms);
    CHECK((moved.everything || moved.area() > 20 * tick.area()));
}

TEST_CASE("the interview shows the question as it was planned, not as the bank was edited since") {
    AppFixture f;
    const auto id = f.open_interview();
    auto q = *f.ctx().questions.find("t/q1");
    q.answer = "EDITED-ANSWER written after the plan.";
    q.rubric.five = "EDITED-RUBRIC";
    q.follow_ups = {"EDITED-FOLLOWUP?"};
    f.ctx().questions.upsert(q);
    f.ctx().interview_id = 0; // away, and back: the screen reads the interview again
    f.frame();
    f.ctx().interview_id = id;
    f.frame();
    f.press(keys::home);
    f.press(keys::space); // reveal
    const auto text = f.frame();
    CHECK(contains(text, "ANSWER-1 is the private model answer."));
    CHECK(contains(text, "RUBRIC-1-FIVE"));
    CHECK(contains(text, "FOLLOWUP-1-A?"));
    CHECK_FALSE(contains(text, "EDITED"));
}
