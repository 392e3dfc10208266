// [SECTIONS] keys and actions | clock and autosave | drawing: header, list, question, scoring,
// notes, wrap-up, submit.
#include "ui/screens/interview_screen.hpp"

#include "persistence/backup.hpp"
#include "ui/app/app_context.hpp"
#include "ui/app/keys.hpp"
#include "ui/widgets/font_roles.hpp"
#include "ui/widgets/widgets.hpp"

#include <SQLiteCpp/Exception.h>
#include <algorithm>
#include <fmt/format.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

namespace panelist {
namespace {
using namespace std::chrono_literals;

constexpr Shortcut interview_keys[] = {
    {"Right / J / PgDn", "next question"},
    {"Left / K / PgUp", "previous question"},
    {"Home / End", "first / last question"},
    {"Space", "reveal or hide the model answer and rubric"},
    {"1 - 5", "score the current answer; 0 clears the score"},
    {"Shift+1 - 4", "mark a follow-up as asked"},
    {"N or Enter", "type notes for this question (Esc leaves the notes)"},
    {"O", "type overall notes"},
    {"T", "pause or resume the clock"},
    {"S", "start the interview clock"},
    {"P", "open or close the presenter window"},
    {"Ctrl+Enter", "submit: choose a recommendation 1-4, Enter confirms"},
    {"Ctrl+R", "reopen a submitted interview (asks for a reason)"},
};
const char* recommendation_labels[] = {"strong no", "no", "yes", "strong yes"};
constexpr auto time_save_interval = 10s;
} // namespace

std::span<const Shortcut> InterviewScreen::shortcuts() const { return interview_keys; }

// --- [SECTION] keys and actions -------------------------------------------------------------

bool InterviewScreen::write(AppContext& ctx, const std::function<void()>& action) {
    try {
        action();
        return true;
    } catch (const SQLite::Exception& e) {
        ctx.warn(fmt::format("Not saved yet: {} What you typed stays on screen and is saved again in a moment.",
                             ctx.db.error(e).what()));
    } catch (const InterviewLocked& e) {
        ctx.warn(e.what());
    } catch (const std::exception& e) {
        ctx.warn(fmt::format("Not saved yet: {}. What you typed stays on screen and is saved again in a moment.",
                             e.what()));
    }
    return false;
}

void InterviewScreen::load(AppContext& ctx) {
    loaded_id_ = ctx.interview_id;
    interview_ = ctx.interviews.find(ctx.interview_id);
    bank_.clear();
    current_ = 0;
    revealed_ = false;
    submitting_ = reopening_ = false;
    running_ = false;
    unsaved_seconds_ = 0;
    if (!interview_) return;
    for (const auto& q : interview_->questions)
        if (auto found = ctx.questions.find(q.question_id)) bank_[q.question_id] = std::move(*found);
    const auto candidate = ctx.people.find_candidate(interview_->candidate_id);
    candidate_name_ = candidate ? candidate->name : "";
    // Pick up where the interviewer left off: the first question without a score.
    for (std::size_t i = 0; i < interview_->questions.size(); ++i)
        if (!interview_->questions[i].response.score.scored()) {
            current_ = static_cast<int>(i);
            break;
        }
    notes_ = interview_->questions.empty() ? "" : interview_->questions[current_].response.notes;
    overall_ = interview_->overall_notes;
    notes_dirty_ = overall_dirty_ = false;
    running_ = interview_->status == InterviewStatus::in_progress;
    counted_until_ = ctx.clock.now();
    last_time_save_ = counted_until_;
    scroll_list_ = true;
}

void InterviewScreen::go_to_question(AppContext& ctx, int index) {
    if (!interview_ || interview_->questions.empty()) return;
    index = std::clamp(index, 0, static_cast<int>(interview_->questions.size()) - 1);
    if (index == current_) return;
    save_notes(ctx);
    tick(ctx);
    save_time(ctx);
    current_ = index;
    revealed_ = false; // the answer is private per question: moving on hides it again
    notes_ = interview_->questions[current_].response.notes;
    scroll_list_ = true;
}

void InterviewScreen::score(AppContext& ctx, std::optional<int> value) {
    if (!interview_ || interview_->locked() || interview_->questions.empty()) return;
    auto& q = interview_->questions[current_];
    const Score s = value ? Score::of(*value) : Score::unscored();
    // Committed before we return; shown only once it is on disk.
    if (!write(ctx, [&] { ctx.interviews.set_score(interview_->id, q.question_id, s); })) return;
    q.response.score = s;
    if (interview_->status == InterviewStatus::planned) {
        interview_->status = InterviewStatus::in_progress;
        running_ = true;
        counted_until_ = ctx.clock.now();
    }
}

void InterviewScreen::toggle_follow_up(AppContext& ctx, int index) {
    if (!interview_ || interview_->locked() || interview_->questions.empty()) return;
    auto& q = interview_->questions[current_];
    const auto b = bank_.find(q.question_id);
    if (b == bank_.end() || index >= static_cast<int>(b->second.follow_ups.size())) return;
    auto asked = q.response.follow_ups_asked;
    if (auto it = std::find(asked.begin(), asked.end(), index); it != asked.end()) asked.erase(it);
    else asked.push_back(index), std::sort(asked.begin(), asked.end());
    if (write(ctx, [&] { ctx.interviews.set_follow_ups_asked(interview_->id, q.question_id, asked); }))
        q.response.follow_ups_asked = asked;
}

void InterviewScreen::handle_keys(AppContext& ctx) {
    if (!interview_) return;
    if (submitting_ || reopening_) return; // those panels own the keyboard
    if (keys::ctrl() && keys::pressed(keys::enter) && !interview_->locked()) {
        save_notes(ctx);
        save_overall(ctx);
        submitting_ = true;
        recommendation_choice_ = interview_->recommendation ? static_cast<int>(*interview_->recommendation) : -1;
        return;
    }
    if (keys::ctrl() && keys::pressed(keys::letter('R')) && interview_->locked()) {
        reopening_ = true;
        return;
    }
    if (keys::typing()) return;
    const int count = static_cast<int>(interview_->questions.size());
    if (keys::command(keys::right) || keys::command(keys::letter('J')) || keys::command(keys::page_down))
        go_to_question(ctx, current_ + 1);
    if (keys::command(keys::left) || keys::command(keys::letter('K')) || keys::command(keys::page_up))
        go_to_question(ctx, current_ - 1);
    if (keys::command(keys::home)) go_to_question(ctx, 0);
    if (keys::command(keys::end)) go_to_question(ctx, count - 1);
    if (keys::command(keys::space)) revealed_ = !revealed_;
    if (keys::command(keys::letter('T')) && interview_->status == InterviewStatus::in_progress) {
        tick(ctx);
        running_ = !running_;
        counted_until_ = ctx.clock.now();
        if (!running_) save_time(ctx);
    }
    if (keys::command(keys::letter('S')) && interview_->status == InterviewStatus::planned &&
        write(ctx, [&] { ctx.interviews.start(interview_->id); })) {
        interview_->status = InterviewStatus::in_progress;
        running_ = true;
        counted_until_ = ctx.clock.now();
    }
    if (keys::command(keys::letter('P'))) ctx.presenter_open = !ctx.presenter_open;
    if (keys::command(keys::letter('N')) || keys::command(keys::enter)) focus_notes_ = true;
    if (keys::command(keys::letter('O'))) focus_overall_ = true;
    if (!keys::alt() && !keys::ctrl()) {
        for (int d = 1; d <= 5; ++d)
            if (keys::digit_pressed(d)) {
                if (keys::shift()) toggle_follow_up(ctx, d - 1);
                else score(ctx, d);
            }
        if (keys::digit_pressed(0) && !keys::shift()) score(ctx, std::nullopt);
    }
}

// --- [SECTION] clock and autosave -----------------------------------------------------------

void InterviewScreen::tick(AppContext& ctx) {
    const TimePoint now = ctx.clock.now();
    if (!running_ || !interview_ || interview_->locked()) {
        counted_until_ = now;
        return;
    }
    const auto whole = std::chrono::duration_cast<std::chrono::seconds>(now - counted_until_);
    if (whole.count() <= 0) return;
    unsaved_seconds_ += static_cast<int>(whole.count());
    counted_until_ += whole;
    if (now - last_time_save_ >= time_save_interval) save_time(ctx);
}

void InterviewScreen::save_time(AppContext& ctx) {
    last_time_save_ = ctx.clock.now();
    if (unsaved_seconds_ <= 0 || !interview_ || interview_->questions.empty() || interview_->locked()) return;
    auto& q = interview_->questions[current_];
    if (!write(ctx, [&] { ctx.interviews.add_seconds(interview_->id, q.question_id, unsaved_seconds_); })) return;
    q.response.seconds_spent += unsaved_seconds_;
    unsaved_seconds_ = 0;
}

void InterviewScreen::save_notes(AppContext& ctx) {
    if (!notes_dirty_ || !interview_ || interview_->questions.empty() || interview_->locked()) return;
    auto& q = interview_->questions[current_];
    if (!write(ctx, [&] { ctx.interviews.set_notes(interview_->id, q.question_id, notes_); })) {
        notes_edited_ = ctx.clock.now(); // still dirty: try again after another autosave delay
        return;
    }
    q.response.notes = notes_;
    notes_dirty_ = false;
}

void InterviewScreen::save_overall(AppContext& ctx) {
    if (!overall_dirty_ || !interview_ || interview_->locked()) return;
    if (!write(ctx, [&] { ctx.interviews.set_overall_notes(interview_->id, overall_); })) {
        overall_edited_ = ctx.clock.now();
        return;
    }
    interview_->overall_notes = overall_;
    overall_dirty_ = false;
}

std::optional<TimePoint> InterviewScreen::wake_at() const {
    std::optional<TimePoint> at;
    const auto sooner = [&at](TimePoint t) {
        if (!at || t < *at) at = t;
    };
    if (notes_dirty_) sooner(notes_edited_ + autosave_delay);
    if (overall_dirty_) sooner(overall_edited_ + autosave_delay);
    // The clocks show whole seconds counted from counted_until_: the next one turns exactly a
    // second after it, so the window wakes then and draws each second once, never late.
    if (running_ && interview_ && !interview_->locked()) sooner(counted_until_ + std::chrono::seconds(1));
    return at;
}

void InterviewScreen::flush(AppContext& ctx) {
    save_notes(ctx);
    save_overall(ctx);
    tick(ctx);
    save_time(ctx);
}

int InterviewScreen::seconds_on(int index) const {
    const int saved = interview_->questions[static_cast<std::size_t>(index)].response.seconds_spent;
    return saved + (index == current_ ? unsaved_seconds_ : 0);
}

int InterviewScreen::total_seconds() const {
    int total = 0;
    for (int i = 0; i < static_cast<int>(interview_->questions.size()); ++i) total += seconds_on(i);
    return total;
}

void InterviewScreen::update_presenter(AppContext& ctx) {
    PresenterContent content;
    if (interview_ && !interview_->questions.empty()) {
        content.prompt = interview_->questions[current_].prompt;
        content.position = current_ + 1;
        content.count = static_cast<int>(interview_->questions.size());
    }
    ctx.presenter = content;
}

// --- [SECTION] drawing ----------------------------------------------------------------------

void InterviewScreen::draw(AppContext& ctx) {
    if (ctx.interview_id != loaded_id_) {
        flush(ctx);
        load(ctx);
    }
    if (!interview_) {
        ui::muted("No interview open. Pick a candidate's interview on the Candidates screen (Ctrl+2), or plan one.");
        return;
    }
    handle_keys(ctx);
    tick(ctx);
    const TimePoint now = ctx.clock.now();
    if (notes_dirty_ && now - notes_edited_ >= autosave_delay) save_notes(ctx);
    if (overall_dirty_ && now - overall_edited_ >= autosave_delay) save_overall(ctx);
    update_presenter(ctx);

    draw_header(ctx);
    if (interview_->questions.empty()) {
        ui::muted("This interview has no questions. Plan them on the Plan screen.");
        return;
    }
    ImGui::BeginChild("question-list", {ui::em(19), 0}, true);
    draw_question_list(ctx);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("current-question", {0, 0}, false);
    if (submitting_) draw_submit(ctx);
    draw_question(ctx);
    draw_scoring(ctx);
    draw_notes(ctx);
    draw_wrap_up(ctx);
    ImGui::EndChild();
}

void InterviewScreen::draw_header(AppContext& ctx) {
    const auto& iv = *interview_;
    const bool bold = ui::push_font(ui::font_roles().bold);
    ImGui::TextUnformatted(candidate_name_.c_str());
    ui::pop_font(bold);
    ImGui::SameLine();
    ui::muted(fmt::format("with {} on {}  -  {}", iv.interviewer, iv.date, label(iv.status)));

    const int planned = iv.planned_minutes() * 60;
    const int total = total_seconds();
    int due_by_now = 0; // the plan's time for the questions before the current one
    for (int i = 0; i < current_; ++i) due_by_now += iv.questions[static_cast<std::size_t>(i)].planned_minutes * 60;
    const int current_planned = iv.questions.empty() ? 0 : iv.questions[current_].planned_minutes * 60;
    const int behind = total - due_by_now - std::min(seconds_on(current_), current_planned);
    ImGui::SameLine(ImGui::GetContentRegionMax().x - ui::em(24));
    ImGui::Text("Total %s / %s", format_duration(total).c_str(), format_duration(planned).c_str());
    ImGui::SameLine();
    if (behind > 60) {
        ImGui::PushStyleColor(ImGuiCol_Text, ui::warning_color());
        ImGui::Text("behind by %s", format_duration(behind).c_str());
        ImGui::PopStyleColor();
    } else if (iv.status == InterviewStatus::in_progress) {
        ImGui::PushStyleColor(ImGuiCol_Text, ui::good_color());
        ImGui::TextUnformatted(running_ ? "on time" : "paused (T)");
        ImGui::PopStyleColor();
    } else if (iv.status == InterviewStatus::planned) {
        ui::muted("press S to start");
    }
    if (iv.locked()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ui::good_color());
        ImGui::TextUnformatted(fmt::format("Submitted: {}. Locked; Ctrl+R reopens it (the reason is recorded).",
                                           iv.recommendation ? label(*iv.recommendation) : "?")
                                   .c_str());
        ImGui::PopStyleColor();
        if (reopening_) {
            ImGui::SetNextItemWidth(ui::em(30));
            if (!ImGui::IsAnyItemActive()) ImGui::SetKeyboardFocusHere();
            const bool enter = ImGui::InputTextWithHint("##reason", "why reopen? (Enter confirms, Esc cancels)",
                                                        &reopen_reason_, ImGuiInputTextFlags_EnterReturnsTrue);
            if (enter && !reopen_reason_.empty() && write(ctx, [&] { ctx.interviews.reopen(iv.id, reopen_reason_); })) {
                interview_->status = InterviewStatus::in_progress;
                ++interview_->reopen_count;
                reopening_ = false;
                reopen_reason_.clear();
                ctx.tell("Interview reopened.");
            }
            if (ImGui::IsKeyPressed(keys::escape)) reopening_ = false;
        }
    }
    ImGui::Separator();
}

void InterviewScreen::draw_question_list(AppContext& ctx) {
    ui::muted("Questions");
    for (int i = 0; i < static_cast<int>(interview_->questions.size()); ++i) {
        const auto& q = interview_->questions[static_cast<std::size_t>(i)];
        ImGui::PushID(i);
        const std::string line = fmt::format("{:>2}. {}", i + 1, q.topic);
        if (ImGui::Selectable(line.c_str(), i == current_)) go_to_question(ctx, i);
        if (i == current_ && scroll_list_) {
            ImGui::SetScrollHereY();
            scroll_list_ = false;
        }
        ImGui::SameLine(ImGui::GetContentRegionMax().x - ui::em(4.5f));
        if (q.response.score.scored()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ui::score_color(q.response.score.value()));
            ImGui::Text("%d", q.response.score.value());
            ImGui::PopStyleColor();
        } else {
            ui::muted("-");
        }
        ImGui::SameLine();
        ui::muted(format_duration(seconds_on(i)));
        ImGui::PopID();
    }
}

void InterviewScreen::draw_question(AppContext&) {
    const auto& q = interview_->questions[current_];
    const int seconds = seconds_on(current_);
    ui::muted(fmt::format("Question {} / {}  -  {}", current_ + 1, interview_->questions.size(), q.topic));
    ImGui::SameLine(ImGui::GetContentRegionMax().x - ui::em(9));
    ImGui::PushStyleColor(ImGuiCol_Text, seconds > q.planned_minutes * 60 ? ui::warning_color() : ui::muted_text_color());
    ImGui::Text("%s / %d:00", format_duration(seconds).c_str(), q.planned_minutes);
    ImGui::PopStyleColor();

    const bool large = ui::push_font(ui::font_roles().large);
    ui::wrapped(q.prompt);
    ui::pop_font(large);

    const auto b = bank_.find(q.question_id);
    if (b == bank_.end()) {
        ui::muted("This question is no longer in the bank: only its prompt was kept.");
        return;
    }
    const Question& full = b->second;
    if (!full.follow_ups.empty()) {
        ui::heading("Follow-ups");
        for (int i = 0; i < static_cast<int>(full.follow_ups.size()); ++i) {
            ImGui::PushID(i);
            const auto& asked = q.response.follow_ups_asked;
            bool on = std::find(asked.begin(), asked.end(), i) != asked.end();
            if (ImGui::Checkbox("##asked", &on)) toggle_follow_up_from_click_ = i;
            ImGui::SameLine();
            ui::wrapped(full.follow_ups[static_cast<std::size_t>(i)]);
            ImGui::PopID();
        }
    }
    ImGui::Spacing();
    if (!revealed_) {
        if (ImGui::Button("Show model answer and rubric (Space)")) revealed_ = true;
        return;
    }
    if (ImGui::Button("Hide model answer and rubric (Space)")) revealed_ = false;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
    ImGui::BeginChild("private", {0, ui::em(13)}, true);
    ui::muted("Model answer (private)");
    ui::wrapped(full.answer);
    ImGui::Spacing();
    ui::muted("Rubric");
    for (int s : {1, 3, 5}) {
        ImGui::PushStyleColor(ImGuiCol_Text, ui::score_color(s));
        ImGui::Text("%d", s);
        ImGui::PopStyleColor();
        ImGui::SameLine(ui::em(1.5f));
        ui::wrapped(full.rubric.words_for(s));
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void InterviewScreen::draw_scoring(AppContext& ctx) {
    if (toggle_follow_up_from_click_ >= 0) {
        toggle_follow_up(ctx, toggle_follow_up_from_click_);
        toggle_follow_up_from_click_ = -1;
    }
    auto& q = interview_->questions[current_];
    ImGui::Spacing();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Score");
    ImGui::SameLine();
    if (interview_->locked()) ImGui::BeginDisabled();
    for (int s = 1; s <= 5; ++s) {
        const bool chosen = q.response.score.scored() && q.response.score.value() == s;
        if (chosen) ImGui::PushStyleColor(ImGuiCol_Button, ui::score_color(s));
        if (ImGui::Button(std::to_string(s).c_str(), ui::em(2.2f, 0))) score(ctx, s);
        if (chosen) ImGui::PopStyleColor();
        ImGui::SameLine();
    }
    if (ImGui::Button("clear (0)")) score(ctx, std::nullopt);
    if (interview_->locked()) ImGui::EndDisabled();
    ImGui::SameLine();
    const auto b = bank_.find(q.question_id);
    if (q.response.score.scored()) {
        const std::string words = b == bank_.end() ? "" : b->second.rubric.words_for(q.response.score.value());
        ImGui::PushStyleColor(ImGuiCol_Text, ui::score_color(q.response.score.value()));
        ui::wrapped(fmt::format("{}{}{}", q.response.score.value(), words.empty() ? "" : ": ", words));
        ImGui::PopStyleColor();
    } else {
        ui::muted("unscored");
    }
}

void InterviewScreen::draw_notes(AppContext& ctx) {
    ImGui::Spacing();
    ui::muted("Notes on this answer (saved as you type)");
    const ImGuiID notes_id = ImGui::GetID("##notes");
    // Esc in an ImGui text field reverts it to where editing began; for notes that would lose
    // what was typed, so we end the edit ourselves before the field sees the key.
    if (ImGui::GetActiveID() == notes_id && ImGui::IsKeyPressed(keys::escape)) ImGui::ClearActiveID();
    if (focus_notes_) {
        ImGui::SetKeyboardFocusHere();
        focus_notes_ = false;
    }
    const auto flags = interview_->locked() ? ImGuiInputTextFlags_ReadOnly : ImGuiInputTextFlags_None;
    if (ImGui::InputTextMultiline("##notes", &notes_, {-1, ui::em(5)}, flags)) {
        notes_dirty_ = true;
        notes_edited_ = ctx.clock.now();
    }
}

void InterviewScreen::draw_wrap_up(AppContext& ctx) {
    ImGui::Spacing();
    ui::heading("Overall");
    const ImGuiID overall_id = ImGui::GetID("##overall");
    if (ImGui::GetActiveID() == overall_id && ImGui::IsKeyPressed(keys::escape)) ImGui::ClearActiveID();
    if (focus_overall_) {
        ImGui::SetKeyboardFocusHere();
        focus_overall_ = false;
    }
    const auto flags = interview_->locked() ? ImGuiInputTextFlags_ReadOnly : ImGuiInputTextFlags_None;
    if (ImGui::InputTextWithHint("##overall", "overall notes (O)", &overall_, flags)) {
        overall_dirty_ = true;
        overall_edited_ = ctx.clock.now();
    }
    if (!interview_->locked() && !submitting_) {
        if (ImGui::Button("Submit... (Ctrl+Enter)")) {
            save_notes(ctx);
            save_overall(ctx);
            submitting_ = true;
        }
        ImGui::SameLine();
        ui::muted(fmt::format("{} of {} scored", interview_->scored_count(), interview_->questions.size()));
    }
    if (interview_->locked() && !reopening_ && ImGui::Button("Reopen... (Ctrl+R)")) reopening_ = true;
}

void InterviewScreen::draw_submit(AppContext& ctx) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
    ImGui::BeginChild("submit", {0, ui::em(7.5f)}, true);
    ImGui::TextUnformatted("Submit this interview: choose your recommendation (1-4), Enter to submit, Esc to go back.");
    const int unscored = static_cast<int>(interview_->questions.size()) - interview_->scored_count();
    if (unscored > 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, ui::warning_color());
        ImGui::Text("%d question%s unscored.", unscored, unscored == 1 ? " is" : "s are");
        ImGui::PopStyleColor();
    }
    for (int r = 0; r < 4; ++r) {
        if (keys::digit_pressed(r + 1)) recommendation_choice_ = r;
        if (ImGui::RadioButton(fmt::format("{} {}", r + 1, recommendation_labels[r]).c_str(), recommendation_choice_ == r))
            recommendation_choice_ = r;
        ImGui::SameLine();
    }
    ImGui::NewLine();
    const bool ready = recommendation_choice_ >= 0;
    if (!ready) ImGui::BeginDisabled();
    const bool confirm = ImGui::Button("Submit and lock") || (ready && keys::pressed(keys::enter) && !keys::ctrl());
    if (!ready) ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Back") || keys::pressed(keys::escape)) submitting_ = false;
    if (confirm && ready) {
        const auto r = static_cast<Recommendation>(recommendation_choice_);
        tick(ctx);
        save_time(ctx);
        const bool submitted = write(ctx, [&] {
            ctx.interviews.set_recommendation(interview_->id, r);
            ctx.interviews.submit(interview_->id);
        });
        if (!submitted) {
            ImGui::EndChild();
            ImGui::PopStyleColor();
            return; // the panel stays open: Enter tries again
        }
        backup_after_submit(ctx.db); // never throws: the submission is already on disk
        interview_->recommendation = r;
        interview_->status = InterviewStatus::submitted;
        running_ = false;
        submitting_ = false;
        ctx.tell("Interview submitted and locked.");
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

} // namespace panelist
