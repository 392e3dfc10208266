// One screen of the window. The shell owns Begin/End; a screen only draws its content.
#pragma once
#include "ui/context/clock.hpp"

#include <optional>
#include <span>
#include <string_view>

namespace panelist {

class AppContext;

struct Shortcut {
    const char* keys;
    const char* action;
};

class Screen {
public:
    virtual ~Screen() = default;
    virtual std::string_view title() const = 0;
    // Draws the screen's content into the current ImGui window and handles its keys.
    virtual void draw(AppContext&) = 0;
    // True while the screen shows a running clock (the loop then wakes once a second).
    virtual bool wants_clock(const AppContext&) const { return false; }
    // A moment the screen needs a frame at even without input (e.g. a pending autosave).
    virtual std::optional<TimePoint> wake_at() const { return std::nullopt; }
    // Called when the user leaves this screen and before the app exits: save drafts now.
    virtual void flush(AppContext&) {}
    // The screen's keys, for the shortcut overlay (F1).
    virtual std::span<const Shortcut> shortcuts() const { return {}; }
};

} // namespace panelist
