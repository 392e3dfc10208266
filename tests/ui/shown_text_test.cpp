#include "domain/text.hpp"
#include "tests/ui/headless_imgui.hpp"
#include "ui/widgets/shown_text.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

using namespace panelist;

TEST_CASE("Hebrew is drawn in the order it is read, English around it in its own") {
    CHECK(ui::shown("כהן") == "ןהכ");
    CHECK(ui::shown("New interview for כהן (senior)") == "New interview for ןהכ (senior)");
}

TEST_CASE("Arabic letters are joined as inside a word, and drawn right to left") {
    // م ر ي م: initial meem, final reh, initial yeh, final meem; seen from the left, the last first.
    CHECK(code_points(ui::shown("مريم")) == std::vector<char32_t>{0xFEE2, 0xFEF3, 0xFEAE, 0xFEE3});
}

TEST_CASE("text in left-to-right scripts is drawn as it is") {
    for (const char* text : {"Grace Hopper", "王小明", "김민준", "प्रिया", "Zoë — “quoted”"})
        CHECK(ui::shown(text) == text);
}

TEST_CASE("characters beyond U+FFFF get stand-ins ImGui can hold, and come back from them") {
    const std::string text = "Zoë 🚀 and 👍, 🚀 again";
    const std::string held = ui::with_stand_ins(text);
    CHECK(held.find('\xF0') == std::string::npos); // no four-byte character left
    CHECK(character_count(held) == character_count(text));
    CHECK(ui::without_stand_ins(held) == text);
    CHECK(ui::stand_in(U'🚀') == ui::stand_in(U'🚀'));
    CHECK(ui::stand_in(U'🚀') != ui::stand_in(U'👍'));
    CHECK(ui::stand_in(U'é') == U'é');
    CHECK(ui::shown(text) == held);
}

TEST_CASE("a field keeps the emoji it holds and the ones typed into it") {
    test::HeadlessImGui imgui;
    std::string name = "Zoë 🚀";
    bool focus = true;
    const auto draw = [&] {
        ImGui::Begin("w");
        if (std::exchange(focus, false)) ImGui::SetKeyboardFocusHere();
        ui::input_text("##name", &name);
        ImGui::End();
    };
    imgui.frame(draw);
    imgui.frame(draw);
    imgui.press(draw, 269); // End: after what the field holds
    // As the window's keyboard hands them over (ui/app/runner.cpp): 👍 on its own, in its frame.
    imgui.type(draw, " ");
    ui::type_beyond_bmp(U'👍');
    imgui.frame(draw);
    imgui.type(draw, " ok");
    CHECK(name == "Zoë 🚀 👍 ok");
}
