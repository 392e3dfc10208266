#include "ui/widgets/widgets.hpp"

namespace panelist::ui {

ImU32 accent_color() { return ImGui::GetColorU32(ImGuiCol_ButtonActive); }
ImVec4 muted_text_color() { return ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled); }
ImVec4 warning_color() { return {0.86f, 0.42f, 0.16f, 1.0f}; }
ImVec4 good_color() { return {0.23f, 0.63f, 0.49f, 1.0f}; }

void heading(std::string_view text) {
    ImGui::Spacing();
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::Separator();
}

void muted(std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, muted_text_color());
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopStyleColor();
}

void wrapped(std::string_view text) {
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

ImVec4 score_color(int score) {
    switch (score) {
    case 1: return {0.80f, 0.28f, 0.28f, 1.0f};
    case 2: return {0.86f, 0.50f, 0.20f, 1.0f};
    case 3: return {0.80f, 0.66f, 0.15f, 1.0f};
    case 4: return {0.45f, 0.65f, 0.30f, 1.0f};
    case 5: return {0.23f, 0.63f, 0.49f, 1.0f};
    default: return muted_text_color();
    }
}

std::string one_line(std::string_view text, float width) {
    std::string line(text.substr(0, std::min<std::size_t>(text.size(), 400)));
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

} // namespace panelist::ui
