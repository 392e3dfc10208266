// How the window looks, saved apart from the interview data: size, last screen, theme, text size.
#pragma once
#include "ui/app/window_place.hpp"

#include <filesystem>
#include <string>

namespace panelist {

struct UiSettings {
    int window_width = 0; // 0: pick from the font size
    int window_height = 0;
    int window_x = 0, window_y = 0;
    bool window_placed = false; // window_x and window_y are known
    // Compact mode (F2): the Interview screen alone in a small window on top of the video call.
    bool compact = false;
    WindowPlace compact_place; // its own size and place, kept apart from the full window's
    std::string last_screen = "library";
    bool dark = false;
    float text_size = 17.0f; // logical pixels before the monitor's content scale
    // Who uses this laptop: the default interviewer of new interviews, and whose unsubmitted
    // interviews seal other interviewers' scores on the Report and Compare screens.
    std::string interviewer;
};

// $XDG_CONFIG_HOME/panelist/ui.json, else ~/.config/panelist/ui.json.
std::filesystem::path default_ui_settings_path();
// Missing or unreadable settings give the defaults: looks are never worth an error.
UiSettings load_ui_settings(const std::filesystem::path&);
void save_ui_settings(const std::filesystem::path&, const UiSettings&);

} // namespace panelist
