#include "ui/widgets/widgets.hpp"

#include "ui/widgets/shown_text.hpp"

#include "domain/text.hpp"

#include <algorithm>
#include <cmath>
#include <imgui_stdlib.h>
#include <string_view>

namespace panelist::ui {

ImU32 accent_color() { return ImGui::GetColorU32(ImGuiCol_ButtonActive); }
ImVec4 muted_text_color() { return ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled); }
ImVec4 warning_color() { return light_background() ? ImVec4{0.70f, 0.30f, 0.05f, 1} : ImVec4{0.96f, 0.58f, 0.33f, 1}; }
ImVec4 good_color() { return light_background() ? ImVec4{0.05f, 0.45f, 0.35f, 1} : ImVec4{0.40f, 0.82f, 0.68f, 1}; }

void heading(std::string_view logical) {
    const std::string text = shown(logical);
    ImGui::Spacing();
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::Separator();
}

void muted(std::string_view logical) {
    const std::string text = shown(logical);
    ImGui::PushStyleColor(ImGuiCol_Text, muted_text_color());
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopStyleColor();
}

void wrapped(std::string_view logical) {
    const std::string text = shown(logical);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
}

void warning(std::string_view text) { outcome(text, true); }

void outcome(std::string_view text, bool is_error) {
    ImGui::PushStyleColor(ImGuiCol_Text, is_error ? warning_color() : good_color());
    wrapped(text);
    ImGui::PopStyleColor();
}

void badge(std::string_view text, ImVec4 color) {
    const char* begin = text.data();
    const char* end = begin + text.size();
    const ImVec2 size = ImGui::CalcTextSize(begin, end);
    const ImVec2 pad = {em(0.35f), em(0.05f)};
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImVec4 fill = color;
    fill.w = 0.18f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(pos, {pos.x + size.x + 2 * pad.x, pos.y + size.y + 2 * pad.y}, ImGui::GetColorU32(fill),
                        em(0.3f));
    draw->AddText({pos.x + pad.x, pos.y + pad.y}, ImGui::GetColorU32(color), begin, end);
    ImGui::Dummy({size.x + 2 * pad.x, size.y + 2 * pad.y});
    ImGui::SameLine(0, em(0.3f));
}

ImVec4 level_color(std::string_view level) {
    if (level == "junior") return {0.20f, 0.55f, 0.80f, 1.0f};
    if (level == "senior") return {0.55f, 0.35f, 0.80f, 1.0f};
    return {0.40f, 0.55f, 0.60f, 1.0f};
}

ImVec4 difficulty_color(std::string_view difficulty) {
    if (difficulty == "easy") return good_color();
    if (difficulty == "hard") return {0.80f, 0.30f, 0.30f, 1.0f};
    return {0.80f, 0.60f, 0.15f, 1.0f};
}

// Light or dark theme, from the background: a cheap weighted sum is enough to tell them apart,
// and this is asked for every coloured label of every frame.
bool light_background() {
    const ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    return 0.2126f * bg.x + 0.7152f * bg.y + 0.0722f * bg.z > 0.5f;
}

// Score colours readable as text on the theme's background (WCAG contrast of at least 4.5:1,
// checked in tests/ui/theme_test.cpp): darker on the light theme, lighter on the dark one.
ImVec4 score_color(int score) {
    static const ImVec4 on_light[] = {{0.75f, 0.15f, 0.15f, 1}, {0.66f, 0.30f, 0.00f, 1}, {0.50f, 0.40f, 0.00f, 1},
                                   {0.25f, 0.47f, 0.10f, 1}, {0.05f, 0.45f, 0.35f, 1}};
    static const ImVec4 on_dark[] = {{0.95f, 0.47f, 0.47f, 1}, {0.96f, 0.62f, 0.35f, 1}, {0.92f, 0.80f, 0.35f, 1},
                                  {0.60f, 0.82f, 0.45f, 1}, {0.40f, 0.82f, 0.68f, 1}};
    if (score < 1 || score > 5) return muted_text_color();
    return (light_background() ? on_light : on_dark)[score - 1];
}

ImVec4 text_color_on(ImVec4 fill) {
    return relative_luminance(fill) > 0.3f ? ImVec4{0.08f, 0.09f, 0.11f, 1} : ImVec4{1, 1, 1, 1};
}

float relative_luminance(ImVec4 c) {
    const auto channel = [](float v) {
        return v <= 0.03928f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f);
    };
    return 0.2126f * channel(c.x) + 0.7152f * channel(c.y) + 0.0722f * channel(c.z);
}

float contrast_ratio(ImVec4 a, ImVec4 b) {
    const float la = relative_luminance(a), lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

void selection_band() {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(
        at, {at.x + ImGui::GetContentRegionAvail().x, at.y + ImGui::GetFrameHeight()}, ImGui::GetColorU32(ImGuiCol_Header));
}

void score_line(int score, std::string_view words) {
    ImGui::PushStyleColor(ImGuiCol_Text, score_color(score));
    ImGui::Text("%d", score);
    ImGui::PopStyleColor();
    ImGui::SameLine(em(1.5f));
    wrapped(words);
}

void begin_panel() {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1); // the content above the background drawn once its size is known
    ImGui::BeginGroup();
    ImGui::Dummy({0, em(0.2f)});
    ImGui::Indent(em(0.5f));
    ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - em(0.5f));
}

void end_panel() {
    ImGui::PopTextWrapPos();
    ImGui::Unindent(em(0.5f));
    ImGui::Dummy({0, em(0.2f)});
    ImGui::EndGroup();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSetCurrent(0);
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = {ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x, ImGui::GetItemRectMax().y};
    draw->AddRectFilled(min, max, ImGui::GetColorU32(ImGuiCol_FrameBg), em(0.3f));
    draw->ChannelsMerge();
}

void scroll_with_keys() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || io.KeyCtrl || io.KeyAlt) return;
    const float line = em(3), page = ImGui::GetWindowHeight() * 0.9f;
    float y = ImGui::GetScrollY();
    if (ImGui::IsKeyPressed(264)) y += line;  // Down (GLFW key codes, as in ui/app/keys.hpp)
    if (ImGui::IsKeyPressed(265)) y -= line;  // Up
    if (ImGui::IsKeyPressed(267)) y += page;  // PgDn
    if (ImGui::IsKeyPressed(266)) y -= page;  // PgUp
    if (ImGui::IsKeyPressed(268, false)) y = 0; // Home
    if (ImGui::IsKeyPressed(269, false)) y = ImGui::GetScrollMaxY(); // End
    if (y != ImGui::GetScrollY()) ImGui::SetScrollY(std::clamp(y, 0.0f, ImGui::GetScrollMaxY()));
}

std::string one_line(std::string_view text, float width) {
    std::string line = shown(text.substr(0, prefix_bytes(text, 400)));
    for (char& c : line)
        if (c == '\n') c = ' ';
    if (ImGui::CalcTextSize(line.c_str()).x <= width) return line;
    const float ellipsis = ImGui::CalcTextSize("...").x;
    std::size_t lo = 0, hi = line.size();
    while (lo < hi) { // longest prefix that fits, by bisection
        const std::size_t mid = (lo + hi + 1) / 2;
        if (ImGui::CalcTextSize(line.c_str(), line.c_str() + mid).x + ellipsis <= width) lo = mid;
        else hi = mid - 1;
    }
    while (lo > 0 && (static_cast<unsigned char>(line[lo]) & 0xC0) == 0x80) --lo; // UTF-8 boundary
    return line.substr(0, lo) + "...";
}

int text_limit_callback(ImGuiInputTextCallbackData* data) {
    auto& limit = *static_cast<FieldLimit*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackAlways && limit.cursor_to_end) {
        data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
        limit.cursor_to_end = false;
    }
    if (data->EventFlag != ImGuiInputTextFlags_CallbackEdit) return 0;
    limit.clipped = false;
    // Fewer bytes than the limit's characters: within it, without counting.
    if (static_cast<std::size_t>(data->BufTextLen) <= limit.max_characters) return 0;
    const auto cut = static_cast<int>(prefix_bytes({data->Buf, static_cast<std::size_t>(data->BufTextLen)},
                                                   limit.max_characters));
    if (cut < data->BufTextLen) {
        data->DeleteChars(cut, data->BufTextLen - cut);
        limit.clipped = true;
    }
    return 0;
}

bool input_text_limited(const char* label, const char* hint, std::string* text, std::size_t max_characters,
                        ImGuiInputTextFlags flags) {
    FieldLimit limit{max_characters};
    return hint ? input_text_with_hint(label, hint, text, flags | text_limit_flags, text_limit_callback, &limit)
                : input_text(label, text, flags | text_limit_flags, text_limit_callback, &limit);
}

} // namespace panelist::ui
