// [SECTIONS] keys and actions | clock and autosave | drawing: header, list, question, scoring,
// notes, wrap-up, submit.
#include "ui/screens/interview_screen.hpp"

#include "persistence/backups/backup.hpp"
#include "ui/context/app_context.hpp"
#include "ui/context/keys.hpp"
#include "ui/widgets/font_roles.hpp"
#include "ui/widgets/layout_probe.hpp"
#include "ui/widgets/shown_text.hpp"
#include "ui/widgets/widgets.hpp"

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <ctime>
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
    {"1 - 5", "score the current answer"},
    {"0", "clear the score"},
    {"Shift+1 - 4", "mark a follow-up as asked"},
    {"N or Enter", "type notes for this question, after what is there (Esc leaves the notes)"},
    {"O", "type overall notes"},
    {"Up / Down", "scroll the question, follow-ups, model answer and rubric"},
    {"T", "pause or resume the clock"},
    {"S", "start the interview clock"},
    {"Ctrl+Enter", "submit: choose a recommendation 1-4, Enter confirms"},
    {"Ctrl+R", "reopen a submitted interview (asks for a reason)"},
};
constexpr auto time_save_interval = 10s;

// Shown under a notes field that was typed or pasted past its limit.
const std::string& notes_full_message() {
    static const std::string message = "Notes hold at most " + grouped(PeopleTextLimits::notes) +
                                       " characters (about 15,000 words): what went past that was not kept.";
    return message;
}

// The width a row of text would take, to decide whether it still fits on the current line.
float text_width(std::string_view text) { return ImGui::CalcTextSize(text.data(), text.data() + text.size()).x; }

// Places the next item at the right edge if `width` fits beside what is on the line already,
// else leaves it for the next line. Returns whether it went on the same line.
bool same_line_at_right(float width) {
    ImGui::SameLine();
    const float left = ImGui::GetCursorPosX();
    const float right = ImGui::GetContentRegionMax().x - width;
    if (right >= left + ui::em(1)) {
        ImGui::SetCursorPosX(right);
        return true;
    }
    ImGui::NewLine();
    return false;
}
} // namespace

std::span<const Shortcut> InterviewScreen::shortcuts() const { return interview_keys; }

// --- [SECTION] keys and actions -------------------------------------------------------------

bool InterviewScreen::write(AppContext& ctx, const std::function<void()>& action) {
    try {
        action();
        return true;
    } catch (const DatabaseError& e) {
        ctx.warn(fmt::format("Not saved yet: {} What you typed stays on screen and is saved again in a moment.",
                             e.what()));
    } catch (const InterviewRefused& e) {
        ctx.warn(fmt::format("Not saved: {}.", e.what()));
    } catch (const InterviewNotFound& e) {
        ctx.warn(fmt::format("Not saved: {}.", e.what()));
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
    // What was asked is the version planned, not the bank as it is now (schema step 6): the
    // bank gives only what a version does not keep (tags, level, difficulty).
    for (const auto& [version, content] : ctx.interviews.asked({*interview_})) {
        if (content.answer.empty() && content.follow_ups.empty() && content.rubric.empty()) continue; // prompt only
        Question& shown = bank_[content.id];
        shown.id = content.id;
        shown.topic = content.topic;
        shown.prompt = content.prompt;
        shown.answer = content.answer;
        shown.follow_ups = content.follow_ups;
        shown.rubric = content.rubric;
    }
    const auto candidate = ctx.people.find_candidate(interview_->candidate_id);
    candidate_name_ = candidate ? candidate->name : "";
    recovered_.clear();
    const int count = static_cast<int>(interview_->questions.size());
    if (const auto place = ctx.interviews.place(interview_->id); place && count > 0) {
        // Back on the question the interviewer was on, wherever they left it.
        current_ = std::clamp(place->position, 0, count - 1);
        if (place->open && allows(*interview_, InterviewChange::response))
            recovered_ = fmt::format("Panelist stopped unexpectedly during this interview. Recovered everything "
                                     "saved until {}: scores, follow-ups and notes up to half a second before "
                                     "it stopped. You are back on question {}.",
                                     local_time_of(place->saved_at), current_ + 1);
    } else {
        // First time on screen: the first question without a score.
        for (int i = 0; i < count; ++i)
            if (!interview_->questions[static_cast<std::size_t>(i)].response.score.scored()) {
                current_ = i;
                break;
            }
    }
    notes_ = interview_->questions.empty() ? "" : interview_->questions[current_].response.notes;
    overall_ = interview_->overall_notes;
    notes_timer_ = overall_timer_ = DraftTimer{};
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
    recovered_.clear();
    write(ctx, [&] { ctx.interviews.set_place(interview_->id, current_); });
}

void InterviewScreen::mark_open(AppContext& ctx, bool open) {
    if (!interview_ || open == marked_open_) return;
    if (open && !allows(*interview_, InterviewChange::response)) return; // nothing to type, nothing to recover
    const bool done = write(ctx, [&] {
        if (open) ctx.interviews.mark_open(interview_->id, current_);
        else ctx.interviews.mark_closed(interview_->id);
    });
    if (done) marked_open_ = open;
}

void InterviewScreen::score(AppContext& ctx, std::optional<int> value) {
    if (!interview_ || !allows(*interview_, InterviewChange::response) || interview_->questions.empty()) return;
    auto& q = interview_->questions[current_];
    const Score s = value ? Score::of(*value) : Score::unscored();
    // Committed before we return; shown only once it is on disk.
    if (!write(ctx, [&] { ctx.interviews.set_score(interview_->id, q.question_id, s); })) return;
    q.response.score = s;
    recovered_.clear();
    if (stage_of(*interview_) == InterviewStage::planned) { // the first response starts the clock too
        respond(*interview_);
        running_ = true;
        counted_until_ = ctx.clock.now();
    }
}

void InterviewScreen::toggle_follow_up(AppContext& ctx, int index) {
    if (!interview_ || !allows(*interview_, InterviewChange::response) || interview_->questions.empty()) return;
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
    if (keys::ctrl() && keys::pressed(keys::enter) && allows(*interview_, InterviewChange::submit)) {
        save_notes(ctx);
        save_overall(ctx);
        submitting_ = true;
        recommendation_choice_ = interview_->recommendation ? static_cast<int>(*interview_->recommendation) : -1;
        return;
    }
    if (keys::ctrl() && keys::pressed(keys::letter('R')) && allows(*interview_, InterviewChange::reopen)) {
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
    if (keys::command(keys::space)) {
        revealed_ = !revealed_;
        scroll_to_private_ = revealed_;
    }
    if (keys::command(keys::letter('T')) && interview_->status == InterviewStatus::in_progress) {
        tick(ctx);
        running_ = !running_;
        counted_until_ = ctx.clock.now();
        if (!running_) save_time(ctx);
    }
    if (keys::command(keys::letter('S')) && stage_of(*interview_) == InterviewStage::planned &&
        write(ctx, [&] { ctx.interviews.start(interview_->id); })) {
        start(*interview_);
        running_ = true;
        counted_until_ = ctx.clock.now();
    }
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
    if (!running_ || !interview_ || !editable()) {
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
    if (unsaved_seconds_ <= 0 || !interview_ || interview_->questions.empty() || !editable()) return;
    auto& q = interview_->questions[current_];
    if (!write(ctx, [&] { ctx.interviews.add_seconds(interview_->id, q.question_id, unsaved_seconds_); })) return;
    q.response.seconds_spent += unsaved_seconds_;
    unsaved_seconds_ = 0;
}

// Notes are handed to the store's writer thread (ctx.drafts), which writes them at once; the
// frame never waits for the disk. A write that fails stays with the writer and is tried again.
void InterviewScreen::save_notes(AppContext& ctx) {
    if (!notes_timer_.dirty() || !interview_ || interview_->questions.empty() || !editable()) return;
    auto& q = interview_->questions[current_];
    ctx.drafts.post({interview_->id, q.question_id}, notes_);
    q.response.notes = notes_;
    notes_timer_.saved();
}

void InterviewScreen::save_overall(AppContext& ctx) {
    if (!overall_timer_.dirty() || !interview_ || !editable()) return;
    ctx.drafts.post({interview_->id, {}}, overall_);
    interview_->overall_notes = overall_;
    overall_timer_.saved();
}

std::optional<TimePoint> InterviewScreen::wake_at() const {
    std::optional<TimePoint> at;
    const auto sooner = [&at](TimePoint t) {
        if (!at || t < *at) at = t;
    };
    if (const auto due = notes_timer_.due_at()) sooner(*due);
    if (const auto due = overall_timer_.due_at()) sooner(*due);
    // The clocks show whole seconds counted from counted_until_: the next one turns exactly a
    // second after it, so the window wakes then and draws each second once, never late.
    if (running_ && interview_ && editable()) sooner(counted_until_ + std::chrono::seconds(1));
    return at;
}

void InterviewScreen::flush(AppContext& ctx) {
    save_notes(ctx);
    save_overall(ctx);
    ctx.drafts.wait(); // what comes next (another screen, the exit) reads the notes from the store
    tick(ctx);
    save_time(ctx);
    // Closed properly: the next start has nothing to recover.
    if (!unsaved() && !ctx.drafts.waiting()) mark_open(ctx, false);
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
// Layout: the header; the question list beside the question, or a strip of numbers above it
// when the window is narrow; then the question, follow-ups and (revealed) rubric and model
// answer in a scrolling area; below it, always in view, the score, the notes and the wrap-up.

void InterviewScreen::draw(AppContext& ctx) {
    if (ctx.interview_id != loaded_id_) {
        flush(ctx);
        mark_open(ctx, false);
        load(ctx);
    }
    if (!interview_) {
        ui::muted("No interview open. Pick a candidate's interview on the Candidates screen (Ctrl+2), or plan one.");
        return;
    }
    mark_open(ctx, true);
    handle_keys(ctx);
    tick(ctx);
    const TimePoint now = ctx.clock.now();
    if (notes_timer_.due(now)) save_notes(ctx);
    if (overall_timer_.due(now)) save_overall(ctx);
    update_presenter(ctx);

    if (compact_) draw_compact_header();
    else draw_header(ctx);
    if (interview_->questions.empty()) {
        ui::muted("This interview has no questions. Plan them on the Plan screen.");
        return;
    }
    const bool narrow = ImGui::GetContentRegionAvail().x < ui::em(62);
    if (compact_) {
        // No list: the question is all there is room for; arrows and J/K still move.
    } else if (narrow) {
        draw_question_strip(ctx);
    } else {
        ImGui::BeginChild("question-list", {ui::em(15), 0}, true);
        draw_question_list(ctx);
        ImGui::EndChild();
        ImGui::SameLine();
    }
    ImGui::BeginGroup();
    // The score, notes and wrap-up keep their height at the bottom; the question takes the rest
    // and scrolls (Up / Down) when it does not fit, so nothing the interviewer types into is
    // ever below the fold.
    if (bottom_height_ <= 0) bottom_height_ = ui::em(12);
    const float question_height = std::max(ImGui::GetContentRegionAvail().y - bottom_height_, ui::em(3));
    ImGui::BeginChild("current-question", {0, question_height}, false);
    draw_question(ctx);
    ImGui::EndChild();
    const float bottom_top = ImGui::GetCursorPosY();
    if (submitting_) draw_submit(ctx);
    draw_scoring(ctx);
    draw_notes(ctx);
    if (!compact_ || !editable()) draw_wrap_up(ctx);
    bottom_height_ = ImGui::GetCursorPosY() - bottom_top;
    ImGui::EndGroup();
}

void InterviewScreen::draw_header(AppContext& ctx) {
    const auto& iv = *interview_;
    const bool bold = ui::push_font(ui::font_roles().bold);
    ImGui::TextUnformatted(ui::shown(candidate_name_).c_str());
    ui::laid_out("interview header", "candidate");
    ui::pop_font(bold);
    const std::string who = fmt::format("with {} on {}  -  {}", iv.interviewer, iv.date, label(stage_of(iv)));
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < text_width(who)) ImGui::NewLine();
    ui::muted(who);
    ui::laid_out("interview header", "who and when");

    const int planned = iv.planned_minutes() * 60;
    const int total = total_seconds();
    int due_by_now = 0; // the plan's time for the questions before the current one
    for (int i = 0; i < current_; ++i) due_by_now += iv.questions[static_cast<std::size_t>(i)].planned_minutes * 60;
    const int current_planned = iv.questions.empty() ? 0 : iv.questions[current_].planned_minutes * 60;
    const int behind = total - due_by_now - (iv.questions.empty() ? 0 : std::min(seconds_on(current_), current_planned));
    const std::string totals = fmt::format("Total {} / {}", format_duration(total), format_duration(planned));
    std::string pace;
    ImVec4 pace_color = ui::good_color();
    if (behind > 60) {
        pace = fmt::format("behind by {}", format_duration(behind));
        pace_color = ui::warning_color();
    } else if (iv.status == InterviewStatus::in_progress) {
        pace = running_ ? "on time" : "paused (T)";
    } else if (iv.status == InterviewStatus::planned) {
        pace = "press S to start";
        pace_color = ui::muted_text_color();
    }
    same_line_at_right(text_width(totals) + text_width(pace) + ImGui::GetStyle().ItemSpacing.x);
    ImGui::TextUnformatted(totals.c_str());
    ui::laid_out("interview header", "total clock");
    if (!pace.empty()) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, pace_color);
        ImGui::TextUnformatted(pace.c_str());
        ImGui::PopStyleColor();
        ui::laid_out("interview header", "pace");
    }
    if (!recovered_.empty()) ui::warning(recovered_);
    if (stage_of(iv) == InterviewStage::submitted) {
        ui::outcome(fmt::format("Submitted: {}. Locked; Ctrl+R reopens it (the reason is recorded).",
                                iv.recommendation ? label(*iv.recommendation) : "?"),
                    false);
        if (reopening_) {
            ImGui::SetNextItemWidth(std::min(ui::em(30), ImGui::GetContentRegionAvail().x));
            if (!ImGui::IsAnyItemActive()) ImGui::SetKeyboardFocusHere();
            const bool enter = ui::input_text_with_hint("##reason", "why reopen? (Enter confirms, Esc cancels)",
                                                        &reopen_reason_, ImGuiInputTextFlags_EnterReturnsTrue);
            if (enter && !reopen_reason_.empty() && write(ctx, [&] { ctx.interviews.reopen(iv.id, reopen_reason_); })) {
                reopen(*interview_, reopen_reason_);
                reopening_ = false;
                reopen_reason_.clear();
                ctx.tell("Interview reopened.");
            }
            if (ImGui::IsKeyPressed(keys::escape)) reopening_ = false;
        }
    }
    ImGui::Separator();
}

// One line for compact mode: who, the total clock, and the way back to the full window.
void InterviewScreen::draw_compact_header() {
    const bool bold = ui::push_font(ui::font_roles().bold);
    ImGui::TextUnformatted(ui::shown(candidate_name_).c_str());
    ui::pop_font(bold);
    const std::string totals = fmt::format("Total {} / {}  -  F2 full window", format_duration(total_seconds()),
                                           format_duration(interview_->planned_minutes() * 60));
    same_line_at_right(text_width(totals));
    ui::muted(totals);
    if (!recovered_.empty()) ui::warning(recovered_);
    if (!editable()) ui::outcome("Submitted and locked.", false);
    ImGui::Separator();
}

void InterviewScreen::draw_question_list(AppContext& ctx) {
    ui::muted("Questions");
    for (int i = 0; i < static_cast<int>(interview_->questions.size()); ++i) {
        const auto& q = interview_->questions[static_cast<std::size_t>(i)];
        ImGui::PushID(i);
        const std::string time = format_duration(seconds_on(i));
        const float right = ui::em(1.2f) + text_width(time) + ImGui::GetStyle().ItemSpacing.x * 2;
        const std::string line =
            ui::one_line(fmt::format("{:>2}. {}", i + 1, q.topic), ImGui::GetContentRegionAvail().x - right);
        if (ImGui::Selectable(line.c_str(), i == current_)) go_to_question(ctx, i);
        if (i == current_ && scroll_list_) {
            ImGui::SetScrollHereY();
            scroll_list_ = false;
        }
        ImGui::SameLine(ImGui::GetContentRegionMax().x - right + ImGui::GetStyle().ItemSpacing.x);
        if (q.response.score.scored()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ui::score_color(q.response.score.value()));
            ImGui::Text("%d", q.response.score.value());
            ImGui::PopStyleColor();
        } else {
            ui::muted("-");
        }
        ImGui::SameLine();
        ui::muted(time);
        ImGui::PopID();
    }
}

// The question list folded into a row of numbers, each in its score's colour, for narrow windows.
void InterviewScreen::draw_question_strip(AppContext& ctx) {
    const float right_edge = ImGui::GetContentRegionMax().x;
    for (int i = 0; i < static_cast<int>(interview_->questions.size()); ++i) {
        const auto& q = interview_->questions[static_cast<std::size_t>(i)];
        const std::string label = q.response.score.scored() ? fmt::format("{}:{}", i + 1, q.response.score.value())
                                                            : std::to_string(i + 1);
        const float width = text_width(label) + ImGui::GetStyle().FramePadding.x * 2;
        if (i > 0) {
            ImGui::SameLine();
            if (ImGui::GetCursorPosX() + width > right_edge) ImGui::NewLine();
        }
        ImGui::PushID(i);
        int colors = 0;
        if (i == current_) {
            ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
            ++colors;
        }
        if (q.response.score.scored()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ui::score_color(q.response.score.value()));
            ++colors;
        }
        if (ImGui::SmallButton(label.c_str())) go_to_question(ctx, i);
        ui::laid_out("question strip", label);
        ImGui::PopStyleColor(colors);
        ImGui::PopID();
    }
    ImGui::Separator();
}

void InterviewScreen::draw_question(AppContext&) {
    const auto& q = interview_->questions[current_];
    const int seconds = seconds_on(current_);
    ui::muted(fmt::format("Question {} / {}  -  {}", current_ + 1, interview_->questions.size(), q.topic));
    ui::laid_out("interview", "question number");
    const std::string clock = fmt::format("{} / {}:00", format_duration(seconds), q.planned_minutes);
    same_line_at_right(text_width(clock));
    ImGui::PushStyleColor(ImGuiCol_Text, seconds > q.planned_minutes * 60 ? ui::warning_color() : ui::muted_text_color());
    ImGui::TextUnformatted(clock.c_str());
    ImGui::PopStyleColor();
    ui::laid_out("interview", "question clock");

    // The prompt in large type, unless that would take more than half the space: long prompts
    // in a small window read better smaller than scrolled.
    ImFont* large_font = ui::font_roles().large;
    if (large_font) {
        const float width = ImGui::GetContentRegionAvail().x;
        const float scale = large_font->FontSize / ImGui::GetFontSize();
        const ImVec2 size = large_font->CalcTextSizeA(large_font->FontSize, FLT_MAX, width, q.prompt.c_str());
        if (size.y > ImGui::GetWindowHeight() * 0.5f && scale > 1.0f) large_font = ui::font_roles().bold;
    }
    const bool large = ui::push_font(large_font);
    ui::wrapped(q.prompt);
    ui::laid_out("interview", "question");
    ui::pop_font(large);

    if (!keys::typing() && !keys::ctrl() && !keys::alt()) {
        if (keys::pressed_repeat(keys::down)) ImGui::SetScrollY(ImGui::GetScrollY() + ui::em(3));
        if (keys::pressed_repeat(keys::up)) ImGui::SetScrollY(ImGui::GetScrollY() - ui::em(3));
    }

    const auto b = bank_.find(q.question_id);
    if (b == bank_.end()) {
        ui::muted("This question is no longer in the bank: only its prompt was kept.");
        return;
    }
    const Question& full = b->second;
    if (!full.follow_ups.empty()) {
        ui::heading("Follow-ups (Shift+1-4 marks one asked)");
        if (!editable()) ImGui::BeginDisabled();
        for (int i = 0; i < static_cast<int>(full.follow_ups.size()); ++i) {
            ImGui::PushID(i);
            const auto& asked = q.response.follow_ups_asked;
            bool on = std::find(asked.begin(), asked.end(), i) != asked.end();
            if (ImGui::Checkbox("##asked", &on)) toggle_follow_up_from_click_ = i;
            ImGui::SameLine();
            ui::wrapped(full.follow_ups[static_cast<std::size_t>(i)]);
            ImGui::PopID();
        }
        if (!editable()) ImGui::EndDisabled();
    }
    ImGui::Spacing();
    if (!revealed_) {
        if (ImGui::Button("Show rubric and model answer (Space)")) revealed_ = scroll_to_private_ = true;
        return;
    }
    if (ImGui::Button("Hide rubric and model answer (Space)")) revealed_ = false;
    draw_private(full);
}

// The rubric first (what the score is given against, three short lines), then the model answer.
void InterviewScreen::draw_private(const Question& full) {
    ui::begin_panel();
    ui::muted("Rubric (private)");
    for (int s : {1, 3, 5}) {
        ui::score_line(s, full.rubric.words_for(s));
        ui::laid_out("rubric", fmt::format("rubric {}", s));
    }
    if (std::exchange(scroll_to_private_, false))
        ImGui::SetScrollHereY(1.0f); // scrolled only as far as needed to show the rubric's last line
    ImGui::Spacing();
    ui::muted("Model answer (private)");
    ui::wrapped(full.answer);
    ui::end_panel();
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
    ui::laid_out("interview", "Score");
    ImGui::SameLine();
    if (!editable()) ImGui::BeginDisabled();
    for (int s = 1; s <= 5; ++s) {
        const bool chosen = q.response.score.scored() && q.response.score.value() == s;
        if (chosen) {
            ImGui::PushStyleColor(ImGuiCol_Button, ui::score_color(s));
            ImGui::PushStyleColor(ImGuiCol_Text, ui::text_color_on(ui::score_color(s)));
        }
        if (ImGui::Button(std::to_string(s).c_str(), ui::em(2.2f, 0))) score(ctx, s);
        ui::laid_out("interview", fmt::format("score {}", s));
        if (chosen) ImGui::PopStyleColor(2);
        ImGui::SameLine();
    }
    if (ImGui::Button("clear (0)")) score(ctx, std::nullopt);
    ui::laid_out("interview", "clear score");
    if (!editable()) ImGui::EndDisabled();
    const auto b = bank_.find(q.question_id);
    // The score's rubric words beside the keys, or on the next line when the keys take the width.
    const auto beside = [] {
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < ui::em(6)) ImGui::NewLine();
    };
    if (q.response.score.scored()) {
        const std::string words = b == bank_.end() ? "" : b->second.rubric.words_for(q.response.score.value());
        const std::string line = fmt::format("{}{}{}", q.response.score.value(), words.empty() ? "" : ": ", words);
        beside();
        ImGui::PushStyleColor(ImGuiCol_Text, ui::score_color(q.response.score.value()));
        ImGui::TextUnformatted(ui::one_line(line, ImGui::GetContentRegionAvail().x).c_str());
        ImGui::PopStyleColor();
        ui::laid_out("interview", "score words");
    } else {
        beside();
        ui::muted(ui::one_line(
            fmt::format("unscored  -  {} of {} scored", interview_->scored_count(), interview_->questions.size()),
            ImGui::GetContentRegionAvail().x));
        ui::laid_out("interview", "score words");
    }
}

void InterviewScreen::draw_notes(AppContext& ctx) {
    ui::muted(ui::one_line("Notes on this answer (N; saved as you type)", ImGui::GetContentRegionAvail().x));
    ui::laid_out("interview", "notes label");
    ImGui::PushID(current_); // each question's notes are their own field, with their own cursor
    const ImGuiID notes_id = ImGui::GetID("##notes");
    // Esc in an ImGui text field reverts it to where editing began; for notes that would lose
    // what was typed, so we end the edit ourselves before the field sees the key.
    if (ImGui::GetActiveID() == notes_id && ImGui::IsKeyPressed(keys::escape)) ImGui::ClearActiveID();
    if (focus_notes_) {
        ImGui::SetKeyboardFocusHere();
        focus_notes_ = false;
        notes_limit_.cursor_to_end = true;
    }
    const auto flags = (!editable() ? ImGuiInputTextFlags_ReadOnly : ImGuiInputTextFlags_None) | ui::text_limit_flags;
    const float window = ImGui::GetWindowHeight();
    const float lines = window > ui::em(44) ? 6.0f : window > ui::em(30) ? 4.5f : window > ui::em(18) ? 3.2f : 2.2f;
    if (ui::input_text_multiline("##notes", &notes_, {-1, ui::em(lines)}, flags, ui::text_limit_callback,
                                  &notes_limit_)) {
        notes_timer_.edited(ctx.clock.now());
        recovered_.clear();
    }
    if (notes_limit_.clipped) ui::warning(notes_full_message());
    ui::laid_out("interview", "notes");
    ImGui::PopID();
}

void InterviewScreen::draw_wrap_up(AppContext& ctx) {
    ImGui::Spacing();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Overall");
    ImGui::SameLine();
    const ImGuiID overall_id = ImGui::GetID("##overall");
    if (ImGui::GetActiveID() == overall_id && ImGui::IsKeyPressed(keys::escape)) ImGui::ClearActiveID();
    if (focus_overall_) {
        ImGui::SetKeyboardFocusHere();
        focus_overall_ = false;
        overall_limit_.cursor_to_end = true;
    }
    const auto flags = (!editable() ? ImGuiInputTextFlags_ReadOnly : ImGuiInputTextFlags_None) | ui::text_limit_flags;
    const bool can_submit = allows(*interview_, InterviewChange::submit) && !submitting_;
    const char* submit_label = "Submit... (Ctrl+Enter)";
    const float submit_width = text_width(submit_label) + ImGui::GetStyle().FramePadding.x * 2;
    // The Submit button beside the field when both fit at a useful width, else below it.
    const bool submit_beside = can_submit && ImGui::GetContentRegionAvail().x - submit_width > ui::em(16);
    ImGui::SetNextItemWidth(submit_beside ? -(submit_width + ImGui::GetStyle().ItemSpacing.x) : -1.0f);
    if (ui::input_text_with_hint("##overall", "overall notes (O)", &overall_, flags, ui::text_limit_callback,
                                 &overall_limit_)) {
        overall_timer_.edited(ctx.clock.now());
    }
    if (overall_limit_.clipped) ui::warning(notes_full_message());
    ui::laid_out("interview", "overall notes");
    if (can_submit) {
        if (submit_beside) ImGui::SameLine();
        if (ImGui::Button(submit_label)) {
            save_notes(ctx);
            save_overall(ctx);
            submitting_ = true;
        }
        ui::laid_out("interview", "submit");
    }
    if (allows(*interview_, InterviewChange::reopen) && !reopening_ && ImGui::Button("Reopen... (Ctrl+R)")) reopening_ = true;
}

void InterviewScreen::draw_submit(AppContext& ctx) {
    ui::begin_panel();
    ui::wrapped("Submit this interview: choose your recommendation (1-4), Enter to submit, Esc to go back.");
    const int unscored = static_cast<int>(interview_->questions.size()) - interview_->scored_count();
    if (unscored > 0)
        ui::warning(fmt::format("{} question{} unscored.", unscored, unscored == 1 ? " is" : "s are"));
    for (int r = 0; r < 4; ++r) {
        if (keys::digit_pressed(r + 1)) recommendation_choice_ = r;
        const std::string label = fmt::format("{} {}", r + 1, panelist::label(static_cast<Recommendation>(r)));
        if (r > 0) {
            ImGui::SameLine();
            if (ImGui::GetContentRegionAvail().x < text_width(label) + ui::em(2)) ImGui::NewLine();
        }
        if (ImGui::RadioButton(label.c_str(), recommendation_choice_ == r)) recommendation_choice_ = r;
    }
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
        ctx.drafts.wait(); // the notes are in before the interview locks
        const bool submitted = !ctx.drafts.waiting() &&
                               write(ctx, [&] { ctx.interviews.submit(interview_->id, r); });
        if (!submitted) {
            ui::end_panel();
            return; // the panel stays open: Enter tries again
        }
        backup_after_submit(ctx.db); // never throws: the submission is already on disk
        ctx.team.request();          // the scorecard goes to the team folder, if there is one
        submit(*interview_, r);
        running_ = false;
        submitting_ = false;
        mark_open(ctx, false);
        ctx.tell("Interview submitted and locked.");
    }
    ui::end_panel();
}

} // namespace panelist
