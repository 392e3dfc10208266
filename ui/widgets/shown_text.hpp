// Text as Dear ImGui 1.86 can show it. ImGui draws characters left to right, one glyph each, and
// holds them in 16 bits. So before text is drawn or edited:
//  - right-to-left text (Hebrew, Arabic) is put in the order it is seen, and Arabic letters take
//    the joined forms they have inside a word (fribidi): מרים and مريم read as written;
//  - characters beyond U+FFFF (most emoji) are given stand-ins from the private use area while
//    on screen, and become themselves again when a field hands its text back: ImGui would
//    otherwise store "�" in their place, and a note typed with 👍 would lose it.
#pragma once
#include <imgui.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace panelist::ui {

// Text to draw: right-to-left runs in visual order and shaped, stand-ins for characters beyond
// U+FFFF. Text that needs neither comes back as it is. Not for fields: a field edits the
// logical text (edited_text below).
std::string shown(std::string_view text);

// The stand-in ImGui holds for a character beyond U+FFFF (the same one for the whole run of the
// program), or the character itself when it fits.
char32_t stand_in(char32_t code);
// Every character given a stand-in so far, with its stand-in: the atlas draws each under its
// stand-in (ui/app/stand_in_glyphs.hpp). A new one is news to glyph_needs().
std::vector<std::pair<char32_t, char32_t>> stand_in_pairs();
// Text with stand-ins for the characters beyond U+FFFF, and back.
std::string with_stand_ins(std::string_view text);
std::string without_stand_ins(std::string_view text);

// Runs an ImGui text field on `text` through stand-ins: `field` gets a string ImGui can hold
// whole, and what it changes comes back with the real characters. Returns what `field` returned.
template <class Field>
bool edited_text(std::string* text, Field&& field) {
    std::string held = with_stand_ins(*text);
    const std::string given = held;
    const bool result = field(&held);
    if (held != given) *text = without_stand_ins(held); // only what the field changed comes back
    return result;
}

// A character beyond U+FFFF typed this frame (the window's keyboard, ui/app/runner.cpp): the
// field with the keyboard puts it in at its cursor. It cannot be typed as its stand-in: ImGui
// 1.86 drops typed private-use characters. What no field took is forgotten at the frame's end.
void type_beyond_bmp(char32_t code);
void end_frame_typing();

// Copy and paste through stand-ins, for the current ImGui context: ImGui's paste would turn 👍
// into "�", and its copy would put the stand-in on the clipboard. Call once the platform
// backend has set the clipboard functions.
void route_clipboard_through_stand_ins();

// ImGui's std::string fields (imgui_stdlib.h), through edited_text() and taking what
// type_beyond_bmp() typed: every text field of the app goes through these.
bool input_text(const char* label, std::string* text, ImGuiInputTextFlags flags = 0,
                ImGuiInputTextCallback callback = nullptr, void* user_data = nullptr);
bool input_text_with_hint(const char* label, const char* hint, std::string* text, ImGuiInputTextFlags flags = 0,
                          ImGuiInputTextCallback callback = nullptr, void* user_data = nullptr);
bool input_text_multiline(const char* label, std::string* text, const ImVec2& size = {0, 0},
                          ImGuiInputTextFlags flags = 0, ImGuiInputTextCallback callback = nullptr,
                          void* user_data = nullptr);

} // namespace panelist::ui
