#include "ui/app/ui_settings.hpp"

#include "persistence/files/files.hpp"

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>

namespace panelist {

std::filesystem::path default_ui_settings_path() {
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg && std::filesystem::path(xdg).is_absolute())
        return std::filesystem::path(xdg) / "panelist" / "ui.json";
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home && *home ? home : ".") / ".config" / "panelist" / "ui.json";
}

UiSettings load_ui_settings(const std::filesystem::path& path) {
    UiSettings s;
    try {
        const auto j = nlohmann::json::parse(read_text_file(path));
        s.window_width = std::clamp(j.value("window_width", 0), 0, 20000);
        s.window_height = std::clamp(j.value("window_height", 0), 0, 20000);
        s.last_screen = j.value("last_screen", s.last_screen);
        s.dark = j.value("dark", false);
        s.text_size = std::clamp(j.value("text_size", s.text_size), 10.0f, 40.0f);
        s.interviewer = j.value("interviewer", std::string());
        s.window_placed = j.contains("window_x") && j.contains("window_y");
        s.window_x = std::clamp(j.value("window_x", 0), -20000, 20000);
        s.window_y = std::clamp(j.value("window_y", 0), -20000, 20000);
        s.compact = j.value("compact", false);
        if (j.contains("compact_window")) {
            const auto& c = j.at("compact_window");
            s.compact_place.width = std::clamp(c.value("width", 0), 0, 20000);
            s.compact_place.height = std::clamp(c.value("height", 0), 0, 20000);
            s.compact_place.has_position = c.contains("x") && c.contains("y");
            s.compact_place.x = std::clamp(c.value("x", 0), -20000, 20000);
            s.compact_place.y = std::clamp(c.value("y", 0), -20000, 20000);
        }
    } catch (const std::exception&) {
        return UiSettings{};
    }
    return s;
}

void save_ui_settings(const std::filesystem::path& path, const UiSettings& s) {
    nlohmann::json j{{"window_width", s.window_width}, {"window_height", s.window_height},
                     {"last_screen", s.last_screen}, {"dark", s.dark}, {"text_size", s.text_size},
                     {"interviewer", s.interviewer}, {"compact", s.compact}};
    if (s.window_placed) {
        j["window_x"] = s.window_x;
        j["window_y"] = s.window_y;
    }
    if (s.compact_place.known()) {
        j["compact_window"] = {{"width", s.compact_place.width}, {"height", s.compact_place.height}};
        if (s.compact_place.has_position) {
            j["compact_window"]["x"] = s.compact_place.x;
            j["compact_window"]["y"] = s.compact_place.y;
        }
    }
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    try {
        write_file_atomically(path, j.dump(2) + "\n", 0600);
    } catch (const std::exception&) {
        // Losing a window size is not worth interrupting the user.
    }
}

} // namespace panelist
