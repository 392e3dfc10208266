#include "ui/widgets/font_roles.hpp"

namespace panelist::ui {

FontRoles& font_roles() {
    static FontRoles roles; // one atlas per process; not per-frame UI state
    return roles;
}

} // namespace panelist::ui
