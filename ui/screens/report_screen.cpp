#include "ui/screens/report_screen.hpp"

#include "persistence/reports/report_formats.hpp"
#include "persistence/reports/report_source.hpp"
#include "ui/context/app_context.hpp"
#include "ui/context/keys.hpp"
#include "ui/widgets/font_roles.hpp"
#include "ui/widgets/shown_text.hpp"
#include "ui/widgets/widgets.hpp"

#include <cstdlib>
#include <fmt/format.h>
#include <imgui_stdlib.h>

namespace panelist {
namespace {
constexpr Shortcut report_keys[] = {
    {"F", "choose the export format"},
    {"X", "export in that format to the folder shown"},
    {"R", "reload"},
    {"Up / Down, PgUp / PgDn", "scroll the report"},
};

std::string file_stem(const std::string& name) {
    std::string out;
    for (char c : name) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-') ? c : '-';
    return out.empty() ? "candidate" : out;
}
} // namespace

std::span<const Shortcut> ReportScreen::shortcuts() const { return report_keys; }

void ReportScreen::draw(AppContext& ctx) {
    if (keys::command(keys::letter('R'))) ++reloads_;
    shown_ = &cache_.get(ctx.db, {ctx.candidate_id, ctx.me, reloads_},
                         [&] { return load_candidate_report(ctx.db, ctx.candidate_id, ctx.me); });
    const auto& shown = *shown_;
    if (!shown) {
        ui::muted("Pick a candidate on the Candidates screen (Ctrl+2) to see their report.");
        return;
    }
    export_.draw(ctx, [&](int format) {
        constexpr ReportFormat formats[] = {ReportFormat::markdown, ReportFormat::html, ReportFormat::pdf,
                                            ReportFormat::json};
        return std::pair{file_stem(shown->candidate) + "-report", render_report(*shown, formats[format])};
    });
    ImGui::Separator();
    ImGui::BeginChild("report-preview");
    ui::scroll_with_keys();
    draw_preview();
    ImGui::EndChild();
}

void ReportScreen::draw_preview() {
    const auto& r = *report();
    const bool large = ui::push_font(ui::font_roles().large);
    ImGui::TextUnformatted(ui::shown(r.candidate).c_str());
    ui::pop_font(large);
    ui::muted(fmt::format("{} ({})  -  loop: {}", r.role.empty() ? "Candidate" : r.role, name(r.level), r.loop));
    ImGui::Text("Overall %s    Coverage %d of %d (%.0f%%)    Panel %s",
                r.overall ? fmt::format("{:.2f} / 5", *r.overall).c_str() : "not scored", r.scored, r.planned,
                100 * r.coverage(), r.panel ? std::string(label(*r.panel)).c_str() : "none yet");
    if (r.sealed > 0)
        ui::warning(fmt::format("{} interview(s) by other interviewers are sealed until you submit yours.", r.sealed));

    ui::heading("Interviewers");
    for (const auto& v : r.verdicts) {
        ImGui::Text("%s, %s: %s, %d of %d scored, recommends %s", ui::shown(v.interviewer).c_str(), v.date.c_str(),
                    std::string(label(v.status)).c_str(), v.scored, v.planned,
                    v.recommendation ? std::string(label(*v.recommendation)).c_str() : "nothing yet");
        if (!v.overall_notes.empty()) {
            ImGui::Indent();
            ui::wrapped(v.overall_notes);
            ImGui::Unindent();
        }
    }
    ui::heading("Topics");
    const float bar_width = ui::em(16);
    for (const auto& t : r.topics) {
        ImGui::TextUnformatted(t.topic.c_str());
        ImGui::SameLine(ui::em(12));
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        auto* draw = ImGui::GetWindowDrawList();
        draw->AddRectFilled(pos, {pos.x + bar_width, pos.y + h}, ImGui::GetColorU32(ImGuiCol_FrameBg), ui::em(0.2f));
        draw->AddRectFilled(pos, {pos.x + bar_width * static_cast<float>(t.mean / 5.0), pos.y + h},
                            ImGui::GetColorU32(ui::score_color(static_cast<int>(t.mean + 0.5))), ui::em(0.2f));
        ImGui::Dummy({bar_width, h});
        ImGui::SameLine();
        ImGui::Text("%.2f  (n=%d, spread %d)", t.mean, t.n, t.spread);
    }
    ui::heading("Answers");
    for (const auto& a : r.answers) {
        ImGui::PushStyleColor(ImGuiCol_Text, ui::score_color(a.score.value_or(0)));
        ImGui::TextUnformatted(a.score ? fmt::format("Score {}", *a.score).c_str() : "Unscored");
        ImGui::PopStyleColor();
        ImGui::SameLine();
        ui::muted(fmt::format("{}  -  {}  -  {}:{:02} of {}:00", a.topic, a.interviewer, a.seconds / 60, a.seconds % 60,
                              a.planned_minutes));
        ui::wrapped(a.prompt);
        ImGui::Indent();
        if (!a.rubric_words.empty()) ui::muted(a.rubric_words);
        if (!a.notes.empty()) ui::wrapped(a.notes);
        ImGui::Unindent();
        ImGui::Spacing();
    }
}

} // namespace panelist
