// Colours that carry meaning (scores, warnings, success) stay readable as text on both themes.
#include "tests/ui/headless_imgui.hpp"
#include "ui/app/theme.hpp"
#include "ui/widgets/widgets.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace panelist;

TEST_CASE("score, warning and success colours read at 4.5:1 or better on both themes") {
    test::HeadlessImGui imgui;
    for (const Theme theme : {Theme::light, Theme::dark}) {
        apply_theme(theme, 1.0f);
        const ImVec4 background = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
        CHECK(ui::light_background() == (theme == Theme::light));
        for (int s = 1; s <= 5; ++s) {
            INFO(fmt::format("{} theme, score {}", theme == Theme::light ? "light" : "dark", s));
            CHECK(ui::contrast_ratio(ui::score_color(s), background) >= 4.5f);
            // A chosen score's button: its number on the score's colour.
            CHECK(ui::contrast_ratio(ui::text_color_on(ui::score_color(s)), ui::score_color(s)) >= 4.5f);
        }
        CHECK(ui::contrast_ratio(ui::warning_color(), background) >= 4.5f);
        CHECK(ui::contrast_ratio(ui::good_color(), background) >= 4.5f);
        CHECK(ui::contrast_ratio(ui::muted_text_color(), background) >= 4.5f);
    }
}
