#include "domain/text.hpp"
#include "tests/ui/headless_imgui.hpp"
#include "ui/widgets/shown_text.hpp"
#include "ui/widgets/widgets.hpp"

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

TEST_CASE("an emoji typed after other text in the same frame lands after it, within the field's length limit") {
    test::HeadlessImGui imgui;
    std::string name;
    bool focus = true;
    const auto draw = [&] {
        ImGui::Begin("w");
        if (std::exchange(focus, false)) ImGui::SetKeyboardFocusHere();
        ui::input_text_limited("##name", nullptr, &name, 4);
        ImGui::End();
    };
    imgui.frame(draw);
    imgui.frame(draw);
    ImGui::GetIO().AddInputCharactersUTF8("ok"); // the runner hands "ok" and 👍 to the same frame
    ui::type_beyond_bmp(U'👍');
    imgui.frame(draw);
    CHECK(name == "ok👍");
    ui::type_beyond_bmp(U'🚀');
    imgui.frame(draw);
    ui::type_beyond_bmp(U'🎉'); // past the limit of 4 characters: clipped, as typed letters are
    imgui.frame(draw);
    CHECK(name == "ok👍🚀");
}

TEST_CASE("an emoji typed over a selection replaces it; a read-only field takes none") {
    test::HeadlessImGui imgui;
    std::string text = "old";
    std::string fixed = "fixed";
    bool focus = true;
    const auto draw = [&] {
        ImGui::Begin("w");
        ui::input_text("##fixed", &fixed, ImGuiInputTextFlags_ReadOnly);
        if (std::exchange(focus, false)) ImGui::SetKeyboardFocusHere();
        ui::input_text("##text", &text);
        ImGui::End();
    };
    imgui.frame(draw);
    imgui.frame(draw); // focused: everything selected
    ui::type_beyond_bmp(U'🎉');
    imgui.frame(draw);
    CHECK(text == "🎉");
    CHECK(fixed == "fixed");
}

TEST_CASE("an emoji pasted into a field is kept, and copied out it is the emoji, not its stand-in") {
    test::HeadlessImGui imgui;
    static std::string system_clipboard; // what the desktop's clipboard holds
    ImGuiIO& io = ImGui::GetIO();
    io.GetClipboardTextFn = [](void*) { return system_clipboard.c_str(); };
    io.SetClipboardTextFn = [](void*, const char* text) { system_clipboard = text; };
    ui::route_clipboard_through_stand_ins();
    std::string text = "Ana ";
    bool focus = true;
    const auto draw = [&] {
        ImGui::Begin("w");
        if (std::exchange(focus, false)) ImGui::SetKeyboardFocusHere();
        ui::input_text("##text", &text);
        ImGui::End();
    };
    imgui.frame(draw);
    imgui.frame(draw);
    imgui.press(draw, 269); // End
    system_clipboard = "Zoë 🚀";
    imgui.press(draw, 'V', true); // Ctrl+V
    imgui.frame(draw);
    CHECK(text == "Ana Zoë 🚀");
    imgui.press(draw, 'A', true); // Ctrl+A, Ctrl+C
    imgui.press(draw, 'C', true);
    CHECK(system_clipboard.find("Ana Zoë 🚀") != std::string::npos);
    CHECK(system_clipboard.find('\xEE') == std::string::npos); // no stand-in (U+E000 on) went out
}

TEST_CASE("a field that is only drawn leaves its text as it was, private use characters and all") {
    test::HeadlessImGui imgui;
    std::string text = "\uE000 and 👍"; // a private use character the user typed, and an emoji
    const std::string before = text;
    const auto draw = [&] {
        ImGui::Begin("w");
        ui::input_text("##text", &text);
        ImGui::End();
    };
    imgui.frame(draw);
    imgui.frame(draw);
    CHECK(text == before);
}
