#include "tests/ui/app_fixture.hpp"
#include "ui/app/frame_damage.hpp"
#include "ui/screens/presenter_view.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

using namespace panelist;
using namespace panelist::test;

TEST_CASE("the presenter shows the current prompt and nothing private") {
    AppFixture f;
    f.open_interview("Dana Candidate");
    f.press(keys::letter('N'));
    f.type("NOTE-TEXT");
    f.press(keys::escape);
    f.press(keys::digit(4));
    f.press(keys::space); // the interviewer has the answer revealed on their own screen

    HeadlessImGui presenter_window; // the presenter has its own context, as its own OS window
    const auto shown = presenter_window.frame([&] { draw_presenter(f.ctx().presenter); });
    CHECK(contains(shown, "PROMPT-1"));
    CHECK(contains(shown, "Question 1 of 4"));
    for (std::string secret : {"ANSWER-1", "RUBRIC-1", "FOLLOWUP-1", "NOTE-TEXT", "Dana", "Ana", "Score", "unscored"})
        CHECK_MESSAGE(!contains(shown, secret), secret);
}

TEST_CASE("the presenter follows the interviewer to the next question") {
    AppFixture f;
    f.open_interview();
    f.press(keys::right);
    CHECK(f.ctx().presenter.prompt.find("PROMPT-2") == 0);
    CHECK(f.ctx().presenter.position == 2);
    f.press(keys::letter('P'));
    CHECK(f.ctx().presenter_open);
    f.press(keys::letter('P'));
    CHECK_FALSE(f.ctx().presenter_open);
}

TEST_CASE("the presenter's picture stays the same while the clock runs, so its window is not redrawn") {
    using namespace std::chrono_literals;
    AppFixture f;
    f.open_interview();
    f.press(keys::letter('S'));
    HeadlessImGui presenter_window;
    FrameDamage shown; // as PresenterWindow::render decides whether to draw
    const auto present = [&] {
        presenter_window.frame([&] { draw_presenter(f.ctx().presenter); });
        return shown.compare(*ImGui::GetDrawData(), ImVec4{1, 1, 1, 1});
    };
    CHECK(present().everything);
    for (int second = 0; second < 3; ++second) {
        f.clock.advance(1s);
        CHECK(contains(f.frame(), "Total 0:0" + std::to_string(second + 1)));
        CHECK(present().none());
    }
    f.press(keys::right);
    CHECK_FALSE(present().none()); // the next question shows at once
}
