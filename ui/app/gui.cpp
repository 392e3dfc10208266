// The window around PanelistApp: settings in, runner callbacks out, presenter alongside.
#include "ui/app/gui.hpp"

#include "persistence/backup.hpp"
#include "ui/app/fonts.hpp"
#include "ui/app/panelist_app.hpp"
#include "ui/app/runner.hpp"
#include "ui/app/stop_signals.hpp"
#include "ui/screens/presenter_view.hpp"
#include "ui/widgets/font_roles.hpp"

#include <cstdio>
#include <thread>

namespace panelist {

namespace {

// The start-up backup, copied on its own connection while the window opens: at 100k questions
// the database is about a gigabyte and the copy takes seconds (docs/performance.md).
class StartupBackup {
public:
    explicit StartupBackup(const std::filesystem::path& path) {
        if (path == ":memory:") return;
        worker_ = std::thread([path] {
            try {
                auto connection = Database::open(path);
                make_backup(connection);
            } catch (const std::exception& e) {
                std::fprintf(stderr, "warning: %s\nContinuing without a new backup.\n", e.what());
            }
        });
    }
    ~StartupBackup() {
        if (worker_.joinable()) worker_.join();
    }
    StartupBackup(const StartupBackup&) = delete;
    StartupBackup& operator=(const StartupBackup&) = delete;

private:
    std::thread worker_;
};

} // namespace

int run_gui(Database& db, const GuiOptions& options) {
    const StopSignals stop;
    const StartupBackup backup(options.screenshot ? std::filesystem::path(":memory:") : db.path());
    SystemClock clock;
    const auto settings_path = default_ui_settings_path();
    UiSettings settings = load_ui_settings(settings_path);
    const bool presenter_view = options.view == "presenter";
    if (!options.view.empty() && !presenter_view) settings.last_screen = options.view;
    if (presenter_view) settings.last_screen = "interview";
    PanelistApp app(db, clock, settings);

    RunnerSettings window;
    window.screenshot = options.screenshot;
    window.theme = settings.dark ? Theme::dark : Theme::light;
    window.font_size = 17.0f;
    window.font_scale = settings.text_size / 17.0f;
    if (!options.screenshot) { // screenshots use the same size on every machine
        window.width = settings.window_width;
        window.height = settings.window_height;
    }
    bool dark = settings.dark;

    RunnerCallbacks callbacks;
    callbacks.draw = [&] {
        const auto& f = fonts(); // the atlas may have been rebuilt (Ctrl+=): read roles afresh
        ui::font_roles() = {f.regular, f.bold, f.large};
        if (app.settings().dark != dark) {
            dark = app.settings().dark;
            set_theme(dark ? Theme::dark : Theme::light);
        }
        if (presenter_view) {
            app.frame(); // keeps the interview state current; the presenter is drawn over it
            draw_presenter(app.context().presenter);
            return;
        }
        app.frame();
    };
    callbacks.wants_clock = [&] { return app.wants_clock(); };
    callbacks.wants_close = [&] { return stop.requested(); };
    callbacks.seconds_until_wake = [&]() -> std::optional<double> {
        const auto at = app.wake_at();
        if (!at) return std::nullopt;
        return std::chrono::duration<double>(*at - clock.now()).count();
    };
    callbacks.presenter_open = [&] { return app.context().presenter_open && !options.screenshot; };
    callbacks.presenter_closed = [&] { app.context().presenter_open = false; };
    callbacks.draw_presenter = [&] {
        ui::font_roles() = {}; // the presenter's own atlas: its default font is already large
        draw_presenter(app.context().presenter);
    };
    callbacks.on_exit = [&] {
        app.flush();
        UiSettings out = app.settings();
        out.text_size = 17.0f * text_scale().font_scale;
        out.window_width = last_window_size().width;
        out.window_height = last_window_size().height;
        if (!options.screenshot) save_ui_settings(settings_path, out);
    };
    return run_window(window, callbacks);
}

} // namespace panelist
