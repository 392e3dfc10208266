// The fonts screens ask for by role. Set by the window once the atlas is built; in headless
// tests they stay null and ImGui's default font is used.
#pragma once
#include <imgui.h>

namespace panelist::ui {

struct FontRoles {
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;
    ImFont* large = nullptr; // the interview prompt and the presenter window
};

FontRoles& font_roles();

// Pushes the font for a role if it is loaded; pop with pop_font(pushed).
inline bool push_font(ImFont* font) {
    if (font) ImGui::PushFont(font);
    return font != nullptr;
}
inline void pop_font(bool pushed) {
    if (pushed) ImGui::PopFont();
}

} // namespace panelist::ui
