#include "ui/app/panelist_app.hpp"

#include "ui/app/keys.hpp"
#include "ui/widgets/font_roles.hpp"
#include "ui/widgets/widgets.hpp"

#include <fmt/format.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

namespace panelist {
namespace {
constexpr const char* screen_names[] = {"library", "candidates", "plan", "interview", "report", "compare"};
constexpr Shortcut global_keys[] = {
    {"Ctrl+1 .. Ctrl+6", "Library, Candidates, Plan, Interview, Report, Compare"},
    {"F1 or ?", "show or hide this list"},
    {"Ctrl+= / Ctrl+-", "larger / smaller text"},
    {"Ctrl+0", "default text size"},
    {"Ctrl+T", "light or dark theme"},
};
} // namespace

PanelistApp::PanelistApp(Database& db, const Clock& clock, UiSettings settings)
    : ctx_(db, clock), settings_(std::move(settings)) {
    ctx_.me = settings_.interviewer;
    plan_.set_interviewer(settings_.interviewer);
    for (std::size_t i = 0; i < screens_.size(); ++i)
        if (settings_.last_screen == screen_names[i]) current_ = static_cast<ScreenId>(i);
    choose_starting_selection();
}

void PanelistApp::choose_starting_selection() {
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
    if (id == current_) return;
    screen(current_).flush(ctx_); // leaving a screen never loses a draft
    if (ImGui::GetCurrentContext()) ImGui::ClearActiveID(); // and ends any edit in progress there
    current_ = id;
    settings_.last_screen = screen_names[static_cast<std::size_t>(id)];
}

void PanelistApp::flush() {
    for (auto* s : screens_) s->flush(ctx_);
}

bool PanelistApp::wants_clock() const { return screens_[static_cast<std::size_t>(current_)]->wants_clock(ctx_); }

std::optional<TimePoint> PanelistApp::wake_at() const {
    return screens_[static_cast<std::size_t>(current_)]->wake_at();
}

void PanelistApp::handle_global_keys() {
    if (keys::ctrl())
        for (int i = 0; i < static_cast<int>(screens_.size()); ++i)
            if (keys::pressed(keys::digit(i + 1))) show(static_cast<ScreenId>(i));
    if (keys::pressed(keys::f1) || (!keys::typing() && keys::shift() && keys::pressed(keys::slash)))
        shortcuts_open_ = !shortcuts_open_;
    if (shortcuts_open_ && keys::pressed(keys::escape)) shortcuts_open_ = false;
    if (keys::ctrl() && keys::pressed(keys::letter('T'))) settings_.dark = !settings_.dark;
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

void PanelistApp::draw_frame() {
    handle_global_keys();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin("Panelist", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    draw_bar();
    ImGui::BeginChild("screen", {0, -ImGui::GetFrameHeightWithSpacing()});
    screen(current_).draw(ctx_);
    ImGui::EndChild();
    draw_status();
    ImGui::End();
    if (shortcuts_open_) draw_shortcuts();
    if (auto next = ctx_.take_navigation()) show(*next);
}

void PanelistApp::draw_bar() {
    const bool bold = ui::push_font(ui::font_roles().bold);
    ImGui::TextUnformatted("Panelist");
    ui::pop_font(bold);
    ImGui::SameLine(0, ui::em(1.5f));
    for (std::size_t i = 0; i < screens_.size(); ++i) {
        const bool active = static_cast<std::size_t>(current_) == i;
        if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        const std::string label = fmt::format("{}  Ctrl+{}", screens_[i]->title(), i + 1);
        if (ImGui::Button(label.c_str())) show(static_cast<ScreenId>(i));
        if (active) ImGui::PopStyleColor();
        ImGui::SameLine();
    }
    ImGui::SameLine(ImGui::GetContentRegionMax().x - ui::em(22));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("You");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ui::em(8));
    if (ImGui::InputTextWithHint("##me", "your name", &settings_.interviewer)) {
        ctx_.me = settings_.interviewer;
        plan_.set_interviewer(settings_.interviewer);
    }
    ImGui::SameLine();
    if (ImGui::Button(ctx_.presenter_open ? "Close presenter" : "Presenter")) ctx_.presenter_open = !ctx_.presenter_open;
    ImGui::SameLine();
    if (ImGui::Button("Keys (F1)")) shortcuts_open_ = !shortcuts_open_;
    ImGui::Separator();
}

void PanelistApp::draw_status() {
    const auto& status = ctx_.status();
    ImGui::Separator();
    if (status.text.empty()) {
        ui::muted(fmt::format("{}  -  F1 lists every key", ctx_.db.path().string()));
        return;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, status.error ? ui::warning_color() : ui::good_color());
    ImGui::TextUnformatted(status.text.c_str());
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
