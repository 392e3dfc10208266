#include "ui/app/ui_settings.hpp"

#include "persistence/files.hpp"

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
    } catch (const std::exception&) {
        return UiSettings{};
    }
    return s;
}

void save_ui_settings(const std::filesystem::path& path, const UiSettings& s) {
    nlohmann::json j{{"window_width", s.window_width}, {"window_height", s.window_height},
                     {"last_screen", s.last_screen}, {"dark", s.dark}, {"text_size", s.text_size},
                     {"interviewer", s.interviewer}};
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    try {
        write_file_atomically(path, j.dump(2) + "\n", 0600);
    } catch (const std::exception&) {
        // Losing a window size is not worth interrupting the user.
    }
}

} // namespace panelist
