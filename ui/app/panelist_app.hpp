// The whole window's content: the screens in one list, the bar that switches between them,
// the status line and the shortcut overlay. Knows nothing of GLFW: tests drive it headless.
#pragma once
#include <functional>
#include "ui/context/app_context.hpp"
#include "ui/app/ui_settings.hpp"
#include "ui/screens/candidates_screen.hpp"
#include "ui/screens/compare_screen.hpp"
#include "ui/screens/practice_screen.hpp"
#include "ui/screens/interview_screen.hpp"
#include "ui/screens/library_screen.hpp"
#include "ui/screens/plan_screen.hpp"
#include "ui/screens/report_screen.hpp"

#include <array>

namespace panelist {

class PanelistApp {
public:
    // `wake`: makes the window draw a frame (from another thread: the team folder's).
    PanelistApp(Database&, const Clock&, UiSettings, std::function<void()> wake = {});

    // One frame of the main window, between ImGui::NewFrame and ImGui::Render.
    void frame();
    void show(ScreenId);
    // Saves every draft (notes, time) now: before exit and when leaving a screen.
    void flush();

    ScreenId current() const { return current_; }
    // Compact mode (F2): the Interview screen alone, in a small window kept above the video call.
    bool compact() const { return settings_.compact; }
    void toggle_compact();
    // The window's size and place now (the shell tells, each frame), and what the app wants of
    // it: taken once, then empty until the next change.
    void set_window_place(const WindowPlace& place) { window_place_ = place; }
    std::optional<WindowRequest> take_window_request() { return std::exchange(window_request_, std::nullopt); }
    // The settings to keep for next time, with the current window's size and place in them.
    UiSettings settings_to_keep() const;
    bool wants_clock() const;
    std::optional<TimePoint> wake_at() const;
    bool shortcuts_open() const { return shortcuts_open_; }
    // Keys that work on every screen; each screen lists its own (Screen::shortcuts).
    static std::span<const Shortcut> global_shortcuts();
    const std::array<Screen*, 7>& screens() const { return screens_; }
    // The shortcut overlay (F1) for the current screen, as a window of its own.
    void draw_shortcuts();
    AppContext& context() { return ctx_; }
    // The settings, "You" included (ctx_.me holds it while the app runs).
    UiSettings& settings() {
        if (settings_.interviewer != ctx_.me) settings_.interviewer = ctx_.me;
        return settings_;
    }
    LibraryScreen& library() { return library_; }
    PlanScreen& plan() { return plan_; }
    InterviewScreen& interview() { return interview_; }
    ReportScreen& report() { return report_; }
    CandidatesScreen& candidates() { return candidates_; }
    CompareScreen& compare() { return compare_; }
    PracticeScreen& practice() { return practice_; }

private:
    Screen& screen(ScreenId id) { return *screens_[static_cast<std::size_t>(id)]; }
    // Starts where work is: the interview in progress (else the latest), its candidate and loop.
    void choose_starting_selection();
    void draw_frame();
    void draw_bar();
    void draw_bar_menu();
    void draw_status();
    void handle_global_keys();
    // What the team folder's last sync brought, said once in the status bar.
    void tell_team_news();

    AppContext ctx_;
    std::uint64_t team_seen_ = 0; // the team sync last told
    UiSettings settings_;
    LibraryScreen library_;
    CandidatesScreen candidates_;
    PlanScreen plan_;
    InterviewScreen interview_;
    ReportScreen report_;
    CompareScreen compare_;
    PracticeScreen practice_;
    // The screens, in ScreenId order: the one list that registers them.
    std::array<Screen*, 7> screens_{&library_, &candidates_, &plan_, &interview_, &report_, &compare_, &practice_};
    ScreenId current_ = ScreenId::library;
    bool shortcuts_open_ = false;
    bool focus_me_ = false; // Ctrl+Y: type your name in the top bar
    WindowPlace window_place_;
    // The top bar's widths, measured again only when the text size or the presenter's label
    // changes: the bar is drawn every frame.
    struct BarWidths {
        float font_size = 0;
        bool presenter_open = false;
        float full = 0, short_labels = 0, tail = 0, you = 0;
    };
    BarWidths bar_widths_;
    std::optional<WindowRequest> window_request_;
};

// How long a status line stays: long enough to read, short enough not to describe the past.
inline constexpr std::chrono::seconds status_lasts{6};
inline constexpr std::chrono::seconds warning_lasts{20};

} // namespace panelist
