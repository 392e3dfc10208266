#include "tests/support/temp_dir.hpp"
#include "ui/app/ui_settings.hpp"

#include <doctest/doctest.h>

using namespace panelist;

TEST_CASE("window settings round-trip, apart from the database") {
    test::TempDir dir;
    const auto path = dir / "config" / "ui.json";
    UiSettings s;
    s.window_width = 1280;
    s.window_height = 800;
    s.last_screen = "interview";
    s.dark = true;
    s.text_size = 21.0f;
    save_ui_settings(path, s);
    const auto back = load_ui_settings(path);
    CHECK(back.window_width == 1280);
    CHECK(back.last_screen == "interview");
    CHECK(back.dark);
    CHECK(back.text_size == doctest::Approx(21.0f));
}

TEST_CASE("missing, broken or absurd settings fall back to defaults without an error") {
    test::TempDir dir;
    CHECK(load_ui_settings(dir / "none.json").last_screen == "library");
    test::write_file(dir / "broken.json", "{ not json");
    CHECK_FALSE(load_ui_settings(dir / "broken.json").dark);
    test::write_file(dir / "absurd.json", R"({"text_size": 9000, "window_width": -5})");
    const auto s = load_ui_settings(dir / "absurd.json");
    CHECK(s.text_size == doctest::Approx(40.0f));
    CHECK(s.window_width == 0);
}

TEST_CASE("the settings file lives under XDG_CONFIG_HOME") {
    ::setenv("XDG_CONFIG_HOME", "/cfg", 1);
    CHECK(default_ui_settings_path() == "/cfg/panelist/ui.json");
    ::unsetenv("XDG_CONFIG_HOME");
}

TEST_CASE("compact mode and both windows' size and place are remembered apart") {
    test::TempDir dir;
    const auto path = dir / "ui.json";
    UiSettings s;
    s.window_width = 1400;
    s.window_height = 900;
    s.window_x = 40;
    s.window_y = 30;
    s.window_placed = true;
    s.compact = true;
    s.compact_place = {1100, 60, 480, 600, true};
    save_ui_settings(path, s);
    const auto back = load_ui_settings(path);
    CHECK(back.compact);
    CHECK(back.window_placed);
    CHECK(back.window_x == 40);
    CHECK(back.window_y == 30);
    CHECK(back.compact_place.known());
    CHECK(back.compact_place.has_position);
    CHECK(back.compact_place.x == 1100);
    CHECK(back.compact_place.width == 480);
    CHECK(back.compact_place.height == 600);

    UiSettings fresh; // never placed: the window manager places it
    save_ui_settings(path, fresh);
    CHECK_FALSE(load_ui_settings(path).window_placed);
    CHECK_FALSE(load_ui_settings(path).compact_place.known());
}
