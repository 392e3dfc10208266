// The window at the sizes interviewers use it (a full screen, a small laptop, half a laptop
// screen beside the video call, and smaller), at three text sizes: nothing of the top bar or the
// Interview screen is drawn over anything else, and the question, the score keys and the notes
// are in view without scrolling.
#include "tests/ui/app_fixture.hpp"
#include "ui/widgets/layout_probe.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace panelist;
using namespace panelist::test;

namespace {
struct Size {
    float width, height;
};
constexpr Size sizes[] = {{1600, 1000}, {1366, 768}, {960, 640}, {720, 560}};
constexpr float text_sizes[] = {1.0f, 1.5f, 2.0f};
// The headless font is 13 px; the window's is 17 px at text size 1.
constexpr float window_font_ratio = 17.0f / 13.0f;

bool overlap(const ui::LaidOutItem& a, const ui::LaidOutItem& b) {
    constexpr float touch = 0.5f; // sharing an edge is not overlapping
    return a.min.x < b.max.x - touch && b.min.x < a.max.x - touch && a.min.y < b.max.y - touch &&
           b.min.y < a.max.y - touch;
}

bool in_view(const ui::LaidOutItem& item, Size display) {
    const float left = std::max(item.clip_min.x, 0.0f), top = std::max(item.clip_min.y, 0.0f);
    const float right = std::min(item.clip_max.x, display.width), bottom = std::min(item.clip_max.y, display.height);
    return item.min.x >= left - 0.5f && item.min.y >= top - 0.5f && item.max.x <= right + 0.5f &&
           item.max.y <= bottom + 0.5f;
}

std::string describe(const ui::LaidOutItem& i) {
    return fmt::format("{} '{}' at ({:.0f},{:.0f})-({:.0f},{:.0f})", i.group, i.name, i.min.x, i.min.y, i.max.x,
                       i.max.y);
}

// Draws the Interview screen at one size and text size, a few frames so layouts settle.
std::vector<ui::LaidOutItem> lay_out(AppFixture& f, Size size, float text) {
    ImGui::GetIO().DisplaySize = {size.width, size.height};
    ImGui::GetIO().FontGlobalScale = text * window_font_ratio;
    std::vector<ui::LaidOutItem> items;
    for (int i = 0; i < 3; ++i) {
        items.clear();
        ui::record_layout(&items);
        f.frame();
        ui::record_layout(nullptr);
    }
    return items;
}

// What the interviewer needs in view: the question, the score keys and the notes; once the
// rubric is revealed, its three lines take the question's place (the question was read aloud)
// where the window has room for them (at least 560 px of height per text size); in less, the
// score keys and notes keep their place and the rubric scrolls (Up / Down).
std::vector<std::string> needed(bool revealed, bool room) {
    if (revealed && room) return {"rubric 1", "rubric 3", "rubric 5", "score 1", "score 5", "notes"};
    if (revealed) return {"score 1", "score 5", "notes"};
    return {"question", "score 1", "score 5", "notes"};
}

void check_layout(const std::vector<ui::LaidOutItem>& items, Size size, bool revealed, float text, bool compact = false) {
    for (std::size_t i = 0; i < items.size(); ++i)
        for (std::size_t j = i + 1; j < items.size(); ++j)
            if (items[i].group == items[j].group && overlap(items[i], items[j]))
                FAIL_CHECK(describe(items[i]) << " overlaps " << describe(items[j]));
    for (const auto& item : items) {
        INFO(describe(item));
        CHECK(item.min.x >= -0.5f);
        CHECK(item.max.x <= size.width + 0.5f); // nothing runs off the window's right edge
    }
    // What the interviewer needs during the call is in view, not behind a scrollbar.
    // Below half a laptop screen at twice the text, things may scroll (compact mode is for that);
    // they still must not overlap.
    if (size.width < 960 && text > 1.5f && !compact) return;
    for (const std::string& name : needed(revealed, size.height >= 560 * text)) {
        const auto it = std::find_if(items.begin(), items.end(), [&](auto& i) { return i.name == name; });
        REQUIRE_MESSAGE(it != items.end(), name << " was not drawn");
        INFO(describe(*it));
        CHECK(in_view(*it, size));
    }
}
} // namespace

TEST_CASE("the Interview screen fits every window size and text size, nothing drawn over anything") {
    AppFixture f;
    f.open_interview();
    f.press(keys::digit(3));
    for (const Size size : sizes)
        for (const float text : text_sizes) {
            INFO(fmt::format("{}x{} at text size {}", size.width, size.height, text));
            check_layout(lay_out(f, size, text), size, false, text);
            f.press(keys::space); // revealed: the rubric must not push the score and notes away
            check_layout(lay_out(f, size, text), size, true, text);
            f.press(keys::space);
        }
}

TEST_CASE("at the largest text size (3x) on a full screen nothing overlaps, and the score and notes stay in view") {
    AppFixture f;
    f.open_interview();
    for (const Size size : {Size{1600, 1000}, Size{1366, 768}}) {
        INFO(fmt::format("{}x{} at text size 3", size.width, size.height));
        const auto items = lay_out(f, size, 3.0f);
        check_layout(items, size, true, 3.0f, true); // as revealed: score keys and notes must show
    }
}

TEST_CASE("compact mode fits the smallest window at every text size") {
    AppFixture f;
    f.open_interview();
    f.press(keys::f2);
    REQUIRE(f.app->compact());
    const auto request = f.app->take_window_request();
    REQUIRE(request);
    CHECK(request->floating);
    for (const float text : text_sizes) {
        const Size size{720, 560};
        INFO(fmt::format("compact at text size {}", text));
        const auto items = lay_out(f, size, text);
        check_layout(items, size, false, text, true);
        f.press(keys::space);
        check_layout(lay_out(f, size, text), size, true, text, true);
        f.press(keys::space);
        CHECK(std::none_of(items.begin(), items.end(), [](auto& i) { return i.group == "top bar"; }));
    }
    f.press(keys::f2);
    CHECK_FALSE(f.app->compact());
    CHECK_FALSE(f.app->take_window_request()->floating);
}

TEST_CASE("compact mode keeps the full window's size and place, and its own, across switches") {
    AppFixture f;
    f.open_interview();
    f.app->set_window_place({100, 80, 1400, 900, true});
    f.press(keys::f2);
    auto request = f.app->take_window_request();
    REQUIRE(request);
    CHECK(request->floating);
    f.app->set_window_place({1200, 50, 500, 620, true}); // the user moved the small window
    f.press(keys::digit(2), true); // another screen needs the full window: back, where it was
    CHECK_FALSE(f.app->compact());
    CHECK(f.app->current() == ScreenId::candidates);
    request = f.app->take_window_request();
    REQUIRE(request);
    CHECK_FALSE(request->floating);
    CHECK(request->place.x == 100);
    CHECK(request->place.width == 1400);
    f.app->set_window_place({100, 80, 1400, 900, true});
    f.press(keys::f2); // and compact again where the user had put it
    request = f.app->take_window_request();
    REQUIRE(request);
    CHECK(request->place.x == 1200);
    CHECK(request->place.height == 620);
    CHECK(f.app->current() == ScreenId::interview);
    CHECK(f.app->settings_to_keep().compact);
}
