// The keys of a list the user puts in order (a plan, a question set), outside text fields:
// PgUp / PgDn select, Alt+Up / Alt+Down move the selected item, Delete drops it.
#pragma once
#include "ui/context/keys.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace panelist {

// Acts on `items` and `selected` (kept in range, `scroll_to` set when it moves); true when the
// list itself changed. The caller checks first that no text field has the keyboard.
template <typename T>
bool ordered_list_keys(std::vector<T>& items, int& selected, bool& scroll_to) {
    const int last = static_cast<int>(items.size()) - 1;
    if (last < 0) return false;
    const auto select = [&](int index) {
        selected = std::clamp(index, 0, last);
        scroll_to = true;
    };
    if (keys::pressed_repeat(keys::page_down)) select(selected + 1);
    if (keys::pressed_repeat(keys::page_up)) select(selected - 1);
    const auto i = static_cast<std::size_t>(selected);
    if (keys::alt() && keys::pressed_repeat(keys::down) && selected < last) {
        std::swap(items[i], items[i + 1]);
        select(selected + 1);
        return true;
    }
    if (keys::alt() && keys::pressed_repeat(keys::up) && selected > 0) {
        std::swap(items[i], items[i - 1]);
        select(selected - 1);
        return true;
    }
    if (!keys::alt() && keys::pressed(keys::delete_key)) {
        items.erase(items.begin() + selected);
        select(selected);
        return true;
    }
    return false;
}

} // namespace panelist
