// Where a window is and how large, in screen units, and what the app asks of its window: the
// compact mode's small window that stays on top of the video call, or the full one back.
#pragma once

namespace panelist {

struct WindowPlace {
    int x = 0, y = 0;
    int width = 0, height = 0; // 0: not known
    bool has_position = false; // else the window manager places it
    bool known() const { return width > 0 && height > 0; }
};

struct WindowRequest {
    WindowPlace place;     // the size (and place, if known) to take
    bool floating = false; // stay above other windows (GLFW_FLOATING)
};

} // namespace panelist
