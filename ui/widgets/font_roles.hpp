// The fonts screens ask for by role, kept with each ImGui context (each window has its own
// context and atlas). The window sets them once its atlas is built; in headless tests and in
// the presenter window none are set and ImGui's default font is used.
#pragma once
#include <imgui.h>

namespace panelist::ui {

struct FontRoles {
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;
    ImFont* large = nullptr; // the interview prompt and the presenter window
};

// The current ImGui context's roles, or empty roles where none were set.
const FontRoles& font_roles();
// Sets the current context's roles; the caller keeps `roles` alive as long as the context.
void set_font_roles(const FontRoles* roles);

// Pushes the font for a role if it is loaded; pop with pop_font(pushed).
inline bool push_font(ImFont* font) {
    if (font) ImGui::PushFont(font);
    return font != nullptr;
}
inline void pop_font(bool pushed) {
    if (pushed) ImGui::PopFont();
}

} // namespace panelist::ui
