// The window around PanelistApp: settings in, runner callbacks out, presenter alongside.
#include "ui/app/gui.hpp"

#include "persistence/backups/backup.hpp"
#include "persistence/store/database.hpp"
#include "persistence/store/text_characters.hpp"
#include "ui/app/fonts.hpp"
#include "ui/widgets/glyph_needs.hpp"
#include "ui/app/panelist_app.hpp"
#include "ui/app/runner.hpp"
#include "ui/app/stop_signals.hpp"
#include "ui/screens/opening_screen.hpp"
#include "ui/screens/presenter_view.hpp"
#include "ui/widgets/font_roles.hpp"
#include "ui/widgets/shown_text.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <future>
#include <optional>
#include <thread>
#include <utility>

namespace panelist {

namespace {

// Lists the characters the database's text uses for the window's atlas; the window goes on
// without them (drawing "?") if they cannot be read.
void scan_for_glyphs(SQLite::Database& db) {
    try {
        const auto characters = characters_beyond_ascii(db);
        for (const char32_t c : characters)
            if (c > 0xFFFF) ui::stand_in(c); // an emoji in a name: its glyph from the first frame
        glyph_needs().add(characters);
        request_redraw();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "warning: cannot list the characters to draw: %s\n", e.what());
    }
}

// Reads the database's characters on a connection and a thread of its own once the window is on
// screen (at 100k questions that takes seconds, which the start must not wait for: a name in
// Chinese shows as "?" for that long), then again each time text arrives from outside
// (AppContext::text_arrived): a bank imported in Japanese is drawn in Japanese.
class GlyphRescan {
  public:
    GlyphRescan() = default;
    ~GlyphRescan() {
        if (worker_.joinable()) worker_.join();
    }
    GlyphRescan(const GlyphRescan&) = delete;
    GlyphRescan& operator=(const GlyphRescan&) = delete;

    // The scan is done already (a screenshot scans before its frames): only later arrivals count.
    void seen(std::uint64_t arrivals) { seen_ = arrivals; }

    void follow(const Database& db, std::uint64_t arrivals) {
        if (arrivals == seen_ || (worker_.joinable() && !done_)) return; // a scan under way: the next frame asks again
        seen_ = arrivals;
        if (worker_.joinable()) worker_.join();
        done_ = false;
        try {
            worker_ = std::thread([this, connection = db.another_reader()]() mutable {
                scan_for_glyphs(connection.sql());
                done_ = true;
            });
        } catch (const std::exception& e) {
            std::fprintf(stderr, "warning: cannot list the characters to draw: %s\n", e.what());
        }
    }

  private:
    std::uint64_t seen_ = ~std::uint64_t{0}; // the first follow() scans: the database as opened
    std::atomic<bool> done_{false};
    std::thread worker_;
};

// The database, opened on its own thread while the main thread makes the window: the open may
// read the whole file to check it, or rebuild the search index (docs/performance.md). Nothing
// is written to the file before the check passes, whichever thread runs it.
class DatabaseOpening {
  public:
    explicit DatabaseOpening(const std::function<Database(OpeningProgress&)>& open)
        : worker_([this, &open] {
              try {
                  database_.emplace(open(progress_));
              } catch (...) {
                  failure_ = std::current_exception();
              }
              done_ = true;
              request_redraw(); // a window showing the wait learns at once
          }) {}
    ~DatabaseOpening() { finish(); }
    DatabaseOpening(const DatabaseOpening&) = delete;
    DatabaseOpening& operator=(const DatabaseOpening&) = delete;

    bool done() const { return done_; }
    const OpeningProgress& progress() const { return progress_; }
    // Waits for the open; nullptr when it failed (rethrow_failure says why).
    Database* wait() {
        finish();
        return database_ ? &*database_ : nullptr;
    }
    void rethrow_failure() {
        finish();
        if (failure_) std::rethrow_exception(failure_);
    }

  private:
    void finish() {
        if (worker_.joinable()) worker_.join();
    }
    std::optional<Database> database_;
    std::exception_ptr failure_;
    OpeningProgress progress_;
    std::atomic<bool> done_{false};
    std::thread worker_; // last: starts once the members it fills exist
};

// The start-up backup, copied on its own read-only connection (no second integrity check) once
// the first frame is on screen, or a second after the database opened if no second frame comes:
// at 100k questions the database is about a gigabyte and the copy takes seconds, and under
// software GL the first frame needs both cores.
class StartupBackup {
  public:
    StartupBackup() = default;
    ~StartupBackup() {
        first_frame_shown(); // closed early: copy now rather than wait out the second
        if (worker_.joinable()) worker_.join();
    }
    StartupBackup(const StartupBackup&) = delete;
    StartupBackup& operator=(const StartupBackup&) = delete;

    void start(const Database& db) {
        try {
            worker_ = std::thread(
                [connection = db.another_reader(), shown = shown_.get_future()]() mutable {
                    shown.wait_for(std::chrono::seconds(1));
                    try {
                        make_backup(connection);
                    } catch (const std::exception& e) {
                        warn(e);
                    }
                });
        } catch (const std::exception& e) {
            warn(e);
        }
    }
    void first_frame_shown() {
        if (std::exchange(shown_set_, true)) return;
        shown_.set_value();
    }

  private:
    static void warn(const std::exception& e) {
        std::fprintf(stderr, "warning: %s\nContinuing without a new backup.\n", e.what());
    }
    std::promise<void> shown_;
    bool shown_set_ = false;
    std::thread worker_;
};

} // namespace

int run_gui(const std::function<Database(OpeningProgress&)>& open_database, const GuiOptions& options) {
    const StopSignals stop; // first: the threads below inherit its blocked signals
    DatabaseOpening opening(open_database);
    SystemClock clock;
    const auto settings_path = default_ui_settings_path();
    UiSettings settings = load_ui_settings(settings_path);
    const bool presenter_view = options.view == "presenter";
    if (!options.view.empty() && !presenter_view) settings.last_screen = options.view;
    if (presenter_view) settings.last_screen = "interview";
    std::optional<PanelistApp> app; // made once the database is open
    StartupBackup backup;
    GlyphRescan glyph_rescan;
    int frames_drawn = 0;

    RunnerSettings window;
    window.screenshot = options.screenshot;
    window.theme = settings.dark ? Theme::dark : Theme::light;
    window.font_size = 17.0f;
    window.font_scale = settings.text_size / 17.0f;
    if (!options.screenshot) { // screenshots use the same size on every machine
        window.width = settings.window_width;
        window.height = settings.window_height;
    }
    if (!options.screenshot) {
        window.placed = settings.window_placed;
        window.x = settings.window_x;
        window.y = settings.window_y;
        if (settings.compact) { // compact mode comes back as it was left: small, on top
            window.floating = true;
            const WindowPlace& small = settings.compact_place;
            if (small.known()) {
                window.width = small.width;
                window.height = small.height;
            }
            window.placed = small.has_position;
            window.x = small.x;
            window.y = small.y;
        }
    }
    if (options.width > 0 && options.height > 0) {
        window.width = options.width;
        window.height = options.height;
    }
    if (options.text_size > 0) window.font_scale = options.text_size;
    bool dark = settings.dark;

    RunnerCallbacks callbacks;
    callbacks.ready = [&] {
        Database* db = opening.wait();
        if (!db) return false; // rethrown below, once the window is gone
        app.emplace(*db, clock, settings, [] { request_redraw(); }); // safe from any thread, any time
        if (!options.screenshot) backup.start(*db);
        if (options.screenshot) { // one picture, drawn with every glyph it needs
            scan_for_glyphs(db->sql());
            glyph_rescan.seen(app->context().text_arrivals());
        }
        return true;
    };
    callbacks.ready_now = [&] { return opening.done(); };
    // The atlas may have been rebuilt (Ctrl+=) since the last frame: read the roles afresh,
    // for the main window's ImGui context only (the presenter's has none: one large default).
    ui::FontRoles window_fonts;
    const auto use_window_fonts = [&window_fonts] {
        const auto& f = fonts();
        window_fonts = {f.regular, f.bold, f.large};
        ui::set_font_roles(&window_fonts);
    };
    callbacks.draw_waiting = [&] {
        use_window_fonts();
        draw_opening_screen(opening.progress(), options.database);
    };
    callbacks.draw = [&] {
        if (!app) return;
        if (++frames_drawn == 2) backup.first_frame_shown(); // the first one has been swapped
        use_window_fonts();
        if (app->settings().dark != dark) {
            dark = app->settings().dark;
            set_theme(dark ? Theme::dark : Theme::light);
        }
        if (presenter_view) {
            app->frame(); // keeps the interview state current; the presenter is drawn over it
            draw_presenter(app->context().presenter);
            return;
        }
        app->set_window_place(last_window_place());
        app->frame();
        if (frames_drawn >= 2) glyph_rescan.follow(app->context().db, app->context().text_arrivals());
    };
    callbacks.window_request = [&]() -> std::optional<WindowRequest> {
        return app ? app->take_window_request() : std::nullopt;
    };
    callbacks.wants_clock = [&] { return app && app->wants_clock(); };
    callbacks.wants_close = [&] { return stop.requested(); };
    callbacks.seconds_until_wake = [&]() -> std::optional<double> {
        const auto at = app ? app->wake_at() : std::nullopt;
        if (!at) return std::nullopt;
        return std::chrono::duration<double>(*at - clock.now()).count();
    };
    callbacks.presenter_open = [&] {
        return app && app->context().presenter_open && !options.screenshot;
    };
    callbacks.presenter_closed = [&] {
        if (app) app->context().presenter_open = false;
    };
    callbacks.draw_presenter = [&] {
        if (!app) return;
        draw_presenter(app->context().presenter); // its own context: no roles, a large default font
    };
    callbacks.on_exit = [&] {
        if (!app) return;
        app->flush();
        app->context().team.stop(); // before GLFW goes: its thread wakes the window
        app->set_window_place(last_window_place());
        UiSettings out = app->settings_to_keep();
        out.text_size = 17.0f * text_scale().font_scale;
        if (!options.screenshot) save_ui_settings(settings_path, out);
    };
    const int code = run_window(window, callbacks);
    opening.rethrow_failure(); // the database's error, as if it had been opened first
    return code;
}

} // namespace panelist
