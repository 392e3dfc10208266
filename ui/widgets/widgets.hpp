// Small drawing helpers shared by screens: em-based sizes, badges, headings, wrapped text.
// Every helper that draws text draws it through shown() (shown_text.hpp): any script, any direction.
#pragma once
#include <cstddef>
#include <imgui.h>
#include <string>
#include <string_view>

namespace panelist::ui {

// A length in multiples of the current font size, so layouts scale with the text.
inline float em(float n) { return n * ImGui::GetFontSize(); }
inline ImVec2 em(float x, float y) { return {em(x), em(y)}; }

ImU32 accent_color();
ImVec4 muted_text_color();
ImVec4 warning_color();
ImVec4 good_color();

void heading(std::string_view text);
void muted(std::string_view text);
void wrapped(std::string_view text);
// Wrapped text in the warning colour (errors, over-budget, destructive confirmations).
void warning(std::string_view text);
// Wrapped text in the warning or the success colour.
void outcome(std::string_view text, bool is_error);
// A small rounded label, e.g. a level or difficulty; the cursor stays on the same line.
void badge(std::string_view text, ImVec4 color);
ImVec4 level_color(std::string_view level);
ImVec4 difficulty_color(std::string_view difficulty);
ImVec4 score_color(int score);
// Black or white, whichever reads better on `fill` (a chosen score's button).
ImVec4 text_color_on(ImVec4 fill);
// WCAG 2 relative luminance and contrast ratio (1 to 21), for colours chosen per theme.
float relative_luminance(ImVec4);
float contrast_ratio(ImVec4, ImVec4);
bool light_background();
// A block drawn on the frame background colour, as tall as what is drawn between the two
// calls (no fixed height, so nothing inside is hidden behind a scrollbar of its own).
void begin_panel();
void end_panel();
// Scrolls the current window from the keyboard when no text field has it: Up / Down a few
// lines, PgUp / PgDn a page, Home / End to either end. For screens that are read, not edited.
void scroll_with_keys();
// A text field's length limit, for ImGui's callback (text_limit_callback, with this as user data
// and text_limit_flags): typing or pasting past `max_characters` keeps the first ones and sets
// `clipped` until the next edit within the limit; `cursor_to_end`, when armed, puts the cursor
// after the text once (notes opened with N continue after what is there).
struct FieldLimit {
    std::size_t max_characters = 0;
    bool cursor_to_end = false;
    bool clipped = false;
};
int text_limit_callback(ImGuiInputTextCallbackData*);
constexpr ImGuiInputTextFlags text_limit_flags = ImGuiInputTextFlags_CallbackEdit | ImGuiInputTextFlags_CallbackAlways;
// A one-line field over a std::string that holds at most `max_characters` (names: what is past
// the limit is not taken, as a form's maxlength). `hint` may be null.
bool input_text_limited(const char* label, const char* hint, std::string* text, std::size_t max_characters,
                        ImGuiInputTextFlags flags = 0);
// The keyboard's row in a list: a band behind the line about to be drawn, as tall as a frame.
void selection_band();
// One rubric line: the score in its colour, then its words wrapped beside it.
void score_line(int score, std::string_view words);
// Text cut to one line of at most `width` pixels, with an ellipsis.
std::string one_line(std::string_view text, float width);

} // namespace panelist::ui
