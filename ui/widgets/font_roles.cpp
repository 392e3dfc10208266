#include "ui/widgets/font_roles.hpp"

namespace panelist::ui {

const FontRoles& font_roles() {
    static const FontRoles none; // a constant: what a context without roles reads
    const void* roles = ImGui::GetIO().UserData;
    return roles ? *static_cast<const FontRoles*>(roles) : none;
}

void set_font_roles(const FontRoles* roles) { ImGui::GetIO().UserData = const_cast<FontRoles*>(roles); }

} // namespace panelist::ui
