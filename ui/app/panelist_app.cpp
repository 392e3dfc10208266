#include "ui/app/panelist_app.hpp"

#include "ui/context/keys.hpp"
#include "ui/widgets/font_roles.hpp"
#include "ui/widgets/shown_text.hpp"
#include "ui/widgets/layout_probe.hpp"
#include "domain/text.hpp"
#include "ui/widgets/widgets.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

namespace panelist {
namespace {
constexpr const char* screen_names[] = {"library", "candidates", "plan", "interview", "report", "compare", "practice"};
constexpr Shortcut global_keys[] = {
    {"Ctrl+1 .. Ctrl+7", "Library, Candidates, Plan, Interview, Report, Compare, Practice"},
    {"F1 or ?", "show or hide this list"},
    {"Ctrl+= / Ctrl+-", "larger / smaller text"},
    {"Ctrl+0", "default text size"},
    {"Ctrl+T", "light or dark theme"},
    {"P", "open or close the presenter window (it shows only the current question's prompt)"},
    {"Ctrl+Y", "type your name (the default interviewer; Enter or Esc leaves it)"},
    {"F2", "compact mode: the interview alone in a small window above the video call (F2 again: back)"},
};
} // namespace

std::span<const Shortcut> PanelistApp::global_shortcuts() { return global_keys; }

PanelistApp::PanelistApp(Database& db, const Clock& clock, UiSettings settings, std::function<void()> wake)
    : ctx_(db, clock, std::move(wake)), settings_(std::move(settings)) {
    ctx_.me = settings_.interviewer;
    plan_.set_interviewer(settings_.interviewer);
    for (std::size_t i = 0; i < screens_.size(); ++i)
        if (settings_.last_screen == screen_names[i]) current_ = static_cast<ScreenId>(i);
    choose_starting_selection();
    if (settings_.compact) {
        current_ = ScreenId::interview;
        interview_.set_compact(true);
    }
}

void PanelistApp::choose_starting_selection() {
    // An interview a window still had open when Panelist stopped: straight back into it.
    for (const auto id : ctx_.interviews.left_open())
        if (const auto iv = ctx_.interviews.find(id)) {
            if (const auto candidate = ctx_.people.find_candidate(iv->candidate_id)) ctx_.loop_id = candidate->loop_id;
            ctx_.candidate_id = iv->candidate_id;
            ctx_.interview_id = iv->id;
            current_ = ScreenId::interview;
            return;
        }
    for (const auto& loop : ctx_.people.loops()) {
        for (const auto& candidate : ctx_.people.candidates(loop.id)) {
            for (const auto& iv : ctx_.interviews.for_candidate(candidate.id)) {
                const bool better = ctx_.interview_id == 0 || iv.status == InterviewStatus::in_progress;
                if (!better) continue;
                ctx_.loop_id = loop.id;
                ctx_.candidate_id = candidate.id;
                ctx_.interview_id = iv.id;
                if (iv.status == InterviewStatus::in_progress) return;
            }
        }
    }
}

void PanelistApp::show(ScreenId id) {
    if (settings_.compact && id != ScreenId::interview) toggle_compact(); // other screens need the full window
    if (id == current_) return;
    screen(current_).flush(ctx_); // leaving a screen never loses a draft
    if (ImGui::GetCurrentContext()) ImGui::ClearActiveID(); // and ends any edit in progress there
    // From Plan to Practice: the questions about to be asked are offered first.
    if (id == ScreenId::practice && current_ == ScreenId::plan && !plan_.plan().empty())
        ctx_.practice_request = plan_.practice_source();
    current_ = id;
    settings_.last_screen = screen_names[static_cast<std::size_t>(id)];
}

void PanelistApp::flush() {
    for (auto* s : screens_) s->flush(ctx_);
}

bool PanelistApp::wants_clock() const { return screens_[static_cast<std::size_t>(current_)]->wants_clock(ctx_); }

std::optional<TimePoint> PanelistApp::wake_at() const {
    auto at = screens_[static_cast<std::size_t>(current_)]->wake_at();
    if (const auto& status = ctx_.status(); !status.text.empty()) {
        const TimePoint gone = status.shown_at + (status.error ? warning_lasts : status_lasts);
        if (!at || gone < *at) at = gone;
    }
    // Notes with the writer: look again soon, to say so if writing them fails.
    if (ctx_.drafts.waiting()) {
        const TimePoint soon = ctx_.clock.now() + std::chrono::milliseconds(100);
        if (!at || soon < *at) at = soon;
    }
    return at;
}

void PanelistApp::handle_global_keys() {
    if (keys::ctrl())
        for (int i = 0; i < static_cast<int>(screens_.size()); ++i)
            if (keys::pressed(keys::digit(i + 1))) show(static_cast<ScreenId>(i));
    if (keys::pressed(keys::f1) || (!keys::typing() && keys::shift() && keys::pressed(keys::slash)))
        shortcuts_open_ = !shortcuts_open_;
    if (shortcuts_open_ && keys::pressed(keys::escape)) shortcuts_open_ = false;
    if (keys::ctrl() && keys::pressed(keys::letter('T'))) settings_.dark = !settings_.dark;
    if (keys::ctrl() && keys::pressed(keys::letter('Y'))) focus_me_ = true;
    if (keys::command(keys::letter('P'))) ctx_.presenter_open = !ctx_.presenter_open;
    if (keys::pressed(keys::f2)) toggle_compact();
}

void PanelistApp::toggle_compact() {
    const auto remember = [this](WindowPlace& into) {
        if (window_place_.known()) into = window_place_;
    };
    if (!settings_.compact) {
        WindowPlace full{settings_.window_x, settings_.window_y, settings_.window_width, settings_.window_height,
                         settings_.window_placed};
        remember(full);
        settings_.window_x = full.x;
        settings_.window_y = full.y;
        settings_.window_width = full.width;
        settings_.window_height = full.height;
        settings_.window_placed = full.has_position;
        WindowPlace small = settings_.compact_place;
        if (!small.known()) { // first time: narrow and tall enough for question, score and notes
            small.width = static_cast<int>(ui::em(30));
            small.height = static_cast<int>(ui::em(36));
        }
        window_request_ = WindowRequest{small, true};
        show(ScreenId::interview);
    } else {
        remember(settings_.compact_place);
        window_request_ = WindowRequest{{settings_.window_x, settings_.window_y, settings_.window_width,
                                         settings_.window_height, settings_.window_placed},
                                        false};
    }
    settings_.compact = !settings_.compact;
    interview_.set_compact(settings_.compact);
}

UiSettings PanelistApp::settings_to_keep() const {
    UiSettings out = settings_;
    out.interviewer = ctx_.me; // "You", also when first typed on the Plan screen
    if (!window_place_.known()) return out;
    if (settings_.compact) {
        out.compact_place = window_place_;
    } else {
        out.window_width = window_place_.width;
        out.window_height = window_place_.height;
        out.window_x = window_place_.x;
        out.window_y = window_place_.y;
        out.window_placed = window_place_.has_position;
    }
    return out;
}

void PanelistApp::frame() {
    try {
        draw_frame();
    } catch (const std::exception& e) {
        // A screen that let an error escape mid-frame: close what it left open, keep running,
        // and say what happened. Drafts stay in the screens and are saved on the next try.
        ImGui::ErrorCheckEndFrameRecover(nullptr);
        ctx_.warn(std::string("Something went wrong: ") + e.what());
    }
}

void PanelistApp::tell_team_news() {
    const auto generation = ctx_.team.generation();
    if (generation == team_seen_) return;
    team_seen_ = generation;
    const TeamState team = ctx_.team.state();
    if (!team.problem.empty()) {
        ctx_.warn("Team folder: " + team.problem + ".");
        return;
    }
    if (!team.last) return;
    const auto& r = *team.last;
    // What is on screen may have been erased or replaced by what arrived (looked up only then).
    const int replaced = r.imported.count(MergeOutcome::replaced);
    if (ctx_.candidate_id && !r.erased.empty() && !ctx_.people.find_candidate(ctx_.candidate_id)) ctx_.candidate_id = 0;
    if (ctx_.interview_id && (replaced > 0 || !r.erased.empty())) {
        if (const auto shown = ctx_.interviews.find(ctx_.interview_id); !shown)
            ctx_.interview_id = 0;
        else
            for (const auto& m : r.imported.interviews)
                if (m.uuid == shown->uuid && m.outcome == MergeOutcome::replaced) interview_.reload();
    }
    const int arrived = r.imported.count(MergeOutcome::added) + replaced;
    if (arrived > 0) ctx_.text_arrived();
    if (!r.waiting.empty())
        ctx_.warn("Team folder: a loop or candidate named like one here waits for your answer (Candidates, Ctrl+2).");
    else if (!r.conflicts.empty() || !r.problems.empty())
        ctx_.warn(fmt::format("Team folder: {}. Details on the Candidates screen (Ctrl+2).", r.summary()));
    else if (arrived > 0 || !r.erased.empty()) {
        std::string news = "Team folder:";
        if (arrived > 0) news += fmt::format(" {} scorecard{} arrived.", arrived, arrived == 1 ? "" : "s");
        if (!r.erased.empty())
            news += fmt::format(" {} erased, as another laptop asked.", fmt::join(r.erased, ", "));
        ctx_.tell(news);
    }
}

void PanelistApp::draw_frame() {
    ctx_.drafts.poll();
    for (auto& problem : ctx_.drafts.take_problems()) ctx_.warn(std::move(problem));
    tell_team_news();
    handle_global_keys();
    if (const auto& status = ctx_.status();
        !status.text.empty() && ctx_.clock.now() - status.shown_at >= (status.error ? warning_lasts : status_lasts))
        ctx_.clear_status();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin("Panelist", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    if (!settings_.compact) draw_bar();
    ImGui::BeginChild("screen", {0, -ImGui::GetFrameHeightWithSpacing()});
    screen(current_).draw(ctx_);
    ImGui::EndChild();
    draw_status();
    ImGui::End();
    if (shortcuts_open_) draw_shortcuts();
    if (auto next = ctx_.take_navigation()) show(*next);
}

// The bar folds as the window narrows or the text grows: first the screen buttons lose their
// "Ctrl+N", then they fold into one menu button; whatever still does not fit goes on a new line.
void PanelistApp::draw_bar() {
    const ImGuiStyle& style = ImGui::GetStyle();
    const auto button_width = [&](std::string_view label) {
        return ImGui::CalcTextSize(label.data(), label.data() + label.size()).x + style.FramePadding.x * 2 +
               style.ItemSpacing.x;
    };
    const char* presenter_label = ctx_.presenter_open ? "Close presenter (P)" : "Presenter (P)";
    if (bar_widths_.font_size != ImGui::GetFontSize() || bar_widths_.presenter_open != ctx_.presenter_open) {
        BarWidths w{ImGui::GetFontSize(), ctx_.presenter_open};
        w.you = ImGui::CalcTextSize("You").x + style.ItemSpacing.x + ui::em(8) + style.ItemSpacing.x;
        w.tail = w.you + button_width(presenter_label) + button_width("Keys (F1)");
        const float head = ImGui::CalcTextSize("Panelist").x + ui::em(1.5f);
        w.full = w.short_labels = head + w.tail;
        for (std::size_t i = 0; i < screens_.size(); ++i) {
            w.full += button_width(fmt::format("{}  Ctrl+{}", screens_[i]->title(), i + 1));
            w.short_labels += button_width(screens_[i]->title());
        }
        bar_widths_ = w;
    }
    const float you_width = bar_widths_.you, tail = bar_widths_.tail;
    const float available = ImGui::GetContentRegionAvail().x;
    const int fold = bar_widths_.full <= available ? 0 : bar_widths_.short_labels <= available ? 1 : 2;
    // Places the next item on this line if it fits, else on the next.
    const auto next_item = [&](float width) {
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < width - style.ItemSpacing.x) ImGui::NewLine();
    };

    const bool bold = ui::push_font(ui::font_roles().bold);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Panelist");
    ui::laid_out("top bar", "Panelist");
    ui::pop_font(bold);
    ImGui::SameLine(0, ui::em(1.5f));
    if (fold < 2) {
        for (std::size_t i = 0; i < screens_.size(); ++i) {
            const bool active = static_cast<std::size_t>(current_) == i;
            const std::string label = fold == 0 ? fmt::format("{}  Ctrl+{}", screens_[i]->title(), i + 1)
                                                : std::string(screens_[i]->title());
            if (i > 0) next_item(button_width(label));
            if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
            if (ImGui::Button(label.c_str())) show(static_cast<ScreenId>(i));
            ui::laid_out("top bar", label);
            if (active) ImGui::PopStyleColor();
        }
    } else {
        draw_bar_menu();
    }
    ImGui::SameLine();
    const float right = ImGui::GetContentRegionMax().x - tail + style.ItemSpacing.x * 0.5f;
    if (right >= ImGui::GetCursorPosX()) ImGui::SetCursorPosX(right); // at the right edge
    else if (ImGui::GetContentRegionAvail().x < you_width) ImGui::NewLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("You");
    ui::laid_out("top bar", "You");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ui::em(8));
    const ImGuiID me_id = ImGui::GetID("##me");
    if (ImGui::GetActiveID() == me_id && ImGui::IsKeyPressed(keys::escape)) ImGui::ClearActiveID();
    if (std::exchange(focus_me_, false)) ImGui::SetKeyboardFocusHere();
    if (ui::input_text_limited("##me", "your name (Ctrl+Y)", &ctx_.me, PeopleTextLimits::name))
        plan_.set_interviewer(ctx_.me);
    ui::laid_out("top bar", "your name");
    next_item(button_width(presenter_label));
    if (ImGui::Button(presenter_label)) ctx_.presenter_open = !ctx_.presenter_open;
    ui::laid_out("top bar", "presenter");
    next_item(button_width("Keys (F1)"));
    if (ImGui::Button("Keys (F1)")) shortcuts_open_ = !shortcuts_open_;
    ui::laid_out("top bar", "keys");
    ImGui::Separator();
}

// The screens as one menu button, for a window too narrow for a button each.
void PanelistApp::draw_bar_menu() {
    const std::string label = fmt::format("{}  (Ctrl+1-7)", screen(current_).title());
    if (ImGui::Button(label.c_str())) ImGui::OpenPopup("screens");
    ui::laid_out("top bar", "screens menu");
    if (!ImGui::BeginPopup("screens")) return;
    for (std::size_t i = 0; i < screens_.size(); ++i) {
        const std::string item = std::string(screens_[i]->title());
        const std::string keys = fmt::format("Ctrl+{}", i + 1);
        if (ImGui::MenuItem(item.c_str(), keys.c_str(), static_cast<std::size_t>(current_) == i))
            show(static_cast<ScreenId>(i));
    }
    ImGui::EndPopup();
}

void PanelistApp::draw_status() {
    const auto& status = ctx_.status();
    ImGui::Separator();
    if (status.text.empty()) {
        ui::muted(fmt::format("{}  -  F1 lists every key", ctx_.db.path().string()));
        return;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, status.error ? ui::warning_color() : ui::good_color());
    ImGui::TextUnformatted(ui::shown(status.text).c_str());
    ImGui::PopStyleColor();
}

void PanelistApp::draw_shortcuts() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos({viewport->Pos.x + viewport->Size.x * 0.5f, viewport->Pos.y + viewport->Size.y * 0.5f},
                            ImGuiCond_Always, {0.5f, 0.5f});
    ImGui::SetNextWindowSize({ui::em(36), 0});
    ImGui::Begin("Keyboard shortcuts", &shortcuts_open_,
                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoResize);
    auto table = [](const char* id, std::span<const Shortcut> list) {
        if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_SizingStretchProp)) return;
        for (const auto& s : list) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(s.keys);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(s.action);
        }
        ImGui::EndTable();
    };
    ui::heading("Everywhere");
    table("global", global_keys);
    ui::heading(std::string(screen(current_).title()));
    table("screen", screen(current_).shortcuts());
    ImGui::Spacing();
    ui::muted("Esc or F1 closes this list.");
    ImGui::End();
}

} // namespace panelist
