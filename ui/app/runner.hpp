// The window and its loop: settings plus callbacks in, a running window out. Knows nothing of
// interviews; the app supplies one frame of UI as `draw`.
#pragma once
#include "ui/app/theme.hpp"
#include "ui/app/window_place.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace panelist {

struct RunnerSettings {
    std::string title = "Panelist";
    float width_em = 90, height_em = 56;             // initial window size in font-size units
    int width = 0, height = 0;                       // or in screen units, when the user had one
    int x = 0, y = 0;                                // where it was, when `placed`
    bool placed = false;
    bool floating = false;                           // above other windows (compact mode)
    std::optional<std::filesystem::path> screenshot; // render a few frames, write PNG, exit
    float font_size = 17.0f;                         // logical px before content scale
    float font_scale = 1.0f;                         // the user's text size to start with
    Theme theme = Theme::light;
};

struct RunnerCallbacks {
    // Optional: called once, after the window (still hidden), its GL context and the fonts are
    // made and before the window is shown, so start-up work running on other threads meanwhile
    // can finish; also called when no window could be opened, before that is reported. False
    // closes the window unseen and run_window returns 1 saying nothing: the caller says why.
    std::function<bool()> ready;
    // Optional, both or neither: whether `ready` would return at once, and a frame of UI saying
    // what it waits for. A wait longer than a moment shows the window drawing that instead of
    // nothing (a start-up reading a big file through, or rebuilding an index).
    std::function<bool()> ready_now;
    std::function<void()> draw_waiting;
    std::function<void()> draw;        // one frame of UI, between NewFrame and Render
    std::function<bool()> wants_clock; // true while a clock is visible: wake at least once a second
    std::function<void()> on_exit;     // flush before the window goes away
    std::function<bool()> wants_close; // optional: ends the loop when it returns true
    // wants_close is asked after each frame (and while waiting for `ready`): if another thread
    // makes it true, request_redraw().
    // Optional: seconds until the app needs a frame without input (e.g. a pending autosave, or
    // the moment a visible clock shows the next second). Frames that look like the one on screen
    // are not drawn, and under software GL only what changed is (docs/performance.md).
    std::function<std::optional<double>()> seconds_until_wake;
    // Optional second window for the presenter: shown while presenter_open() is true; its
    // content comes from draw_presenter; presenter_closed() reports the user closing it.
    std::function<bool()> presenter_open;
    std::function<void()> draw_presenter;
    std::function<void()> presenter_closed;
    // Optional: asked after each frame; a request moves, resizes or floats the main window.
    std::function<std::optional<WindowRequest>()> window_request;
};

// How large the window draws text right now. Read it on the UI thread, e.g. in on_exit to keep
// the user's text size for next time.
struct TextScale {
    float font_scale = 1.0f;    // the user's choice: Ctrl+= / Ctrl+- change it, Ctrl+0 resets it
    float content_scale = 1.0f; // the monitor's (HiDPI), from the desktop settings
};
const TextScale& text_scale();

// Switches the theme from the next frame on and keeps it across text-size changes. Call on the
// UI thread, e.g. from draw.
void set_theme(Theme);

// Opens the window, runs until closed. Returns 0, or 1 with a message on stderr if no window
// could be opened (e.g. no display) or the screenshot could not be written, or 1 and no
// message if `ready` said no.
int run_window(const RunnerSettings&, const RunnerCallbacks&);

// The main window's size in screen units when it was last drawn (to restore it next time).
struct WindowSize {
    int width = 0;
    int height = 0;
};
WindowSize last_window_size();
// Its size and place on screen when it was last drawn.
WindowPlace last_window_place();

// Thread-safe: wakes the loop for one more frame (glfwPostEmptyEvent). Does nothing while no
// window is open.
void request_redraw();

} // namespace panelist
