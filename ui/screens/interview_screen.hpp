// Interview: the live call. One question at a time, large; follow-ups; the model answer and
// rubric hidden until revealed; scores from the number keys; notes that save themselves;
// a clock per question and in total against the plan; fully usable from the keyboard.
#pragma once
#include "domain/draft_timer.hpp"
#include "domain/interview.hpp"
#include "domain/interview_lifecycle.hpp"
#include "domain/question.hpp"
#include "domain/text.hpp"
#include "ui/screens/screen.hpp"
#include "ui/widgets/widgets.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>

namespace panelist {

class InterviewScreen final : public Screen {
public:
    std::string_view title() const override { return "Interview"; }
    void draw(AppContext&) override;
    bool wants_clock(const AppContext&) const override { return running_; }
    std::optional<TimePoint> wake_at() const override;
    void flush(AppContext&) override;
    std::span<const Shortcut> shortcuts() const override;

    // Notes are written once typing pauses this long, and at the latest this long after the
    // first keystroke not yet written, however steadily the interviewer types (DraftTimer): a
    // crash loses at most about half a second of typing (docs/reliability.md).
    static constexpr std::chrono::milliseconds autosave_delay = DraftTimer::pause;
    static constexpr std::chrono::milliseconds autosave_max_delay = DraftTimer::at_most;

    // What a test (or the shell) can read.
    int current() const { return current_; }
    bool revealed() const { return revealed_; }
    bool unsaved() const { return notes_timer_.dirty() || overall_timer_.dirty() || unsaved_seconds_ > 0; }
    bool running() const { return running_; }
    // Compact mode: the question, follow-ups, score and notes only, for a small window.
    void set_compact(bool on) { compact_ = on; }
    bool compact() const { return compact_; }
    // Set when the interview was left open by a window that stopped without closing it.
    const std::string& recovered() const { return recovered_; }
    const std::optional<Interview>& interview() const { return interview_; }
    // Reads the interview again at the next frame (a newer copy came from the team folder).
    void reload() { loaded_id_ = -1; }

private:
    void load(AppContext&);
    // Runs one write; on failure (database busy, read-only, disk full) says so and returns
    // false, so the caller keeps its draft and tries again later instead of losing it.
    bool write(AppContext&, const std::function<void()>& action);
    void go_to_question(AppContext&, int index);
    void handle_keys(AppContext&);
    void score(AppContext&, std::optional<int> value);
    void toggle_follow_up(AppContext&, int index);
    void tick(AppContext&);
    void save_time(AppContext&);
    void save_notes(AppContext&);
    void save_overall(AppContext&);
    void update_presenter(AppContext&);
    int seconds_on(int index) const;
    int total_seconds() const;

    void mark_open(AppContext&, bool open);
    // Whether scores, notes and follow-ups may change at the interview's stage (the domain says).
    bool editable() const { return interview_ && allows(*interview_, InterviewChange::response); }
    void draw_header(AppContext&);
    void draw_compact_header();
    void draw_question_strip(AppContext&);
    void draw_question_list(AppContext&);
    void draw_question(AppContext&);
    void draw_private(const Question&);
    void draw_scoring(AppContext&);
    void draw_notes(AppContext&);
    void draw_wrap_up(AppContext&);
    void draw_submit(AppContext&);

    std::int64_t loaded_id_ = 0;
    std::optional<Interview> interview_;
    std::string candidate_name_;
    std::map<std::string, Question> bank_; // answers, rubrics, follow-ups of the planned questions
    int current_ = 0;
    bool revealed_ = false;
    bool scroll_list_ = false;
    bool scroll_to_private_ = false; // the frame after a reveal: bring the rubric into view
    bool compact_ = false;
    bool marked_open_ = false;       // this window told the store it shows the interview
    std::string recovered_;          // what the screen says after a crash, until the next action
    float bottom_height_ = 0;        // score, notes and wrap-up, as tall as last frame

    bool running_ = false;
    TimePoint counted_until_{};
    int unsaved_seconds_ = 0; // counted on the current question, not yet written
    TimePoint last_time_save_{};

    std::string notes_;
    DraftTimer notes_timer_;
    bool focus_notes_ = false;
    ui::FieldLimit notes_limit_{PeopleTextLimits::notes};
    std::string overall_;
    DraftTimer overall_timer_;
    bool focus_overall_ = false;
    ui::FieldLimit overall_limit_{PeopleTextLimits::notes};

    bool submitting_ = false;
    int recommendation_choice_ = -1;
    int toggle_follow_up_from_click_ = -1; // a follow-up checkbox clicked this frame
    bool reopening_ = false;
    std::string reopen_reason_;
};

} // namespace panelist
