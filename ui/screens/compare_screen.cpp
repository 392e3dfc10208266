#include "ui/screens/compare_screen.hpp"

#include "persistence/reports/comparison_formats.hpp"
#include "ui/context/app_context.hpp"
#include "ui/context/keys.hpp"
#include "ui/widgets/shown_text.hpp"
#include "ui/widgets/widgets.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <imgui_stdlib.h>
#include <random>

namespace panelist {
namespace {
constexpr Shortcut compare_keys[] = {
    {"B", "blind mode: letters instead of names, shuffled (B again shows names)"},
    {"R", "reload"},
    {"F", "choose the export format"},
    {"X", "export in that format to the folder shown"},
    {"Left / Right", "scroll the table's topic columns"},
    {"Up / Down, PgUp / PgDn", "scroll the screen"},
    {"click a header", "sort by that column"},
};

} // namespace

CompareScreen::CompareScreen() : blind_seed_(std::random_device{}()) {}

std::span<const Shortcut> CompareScreen::shortcuts() const { return compare_keys; }

void CompareScreen::load(AppContext& ctx) {
    const auto& fresh = cache_.get(ctx.db, {ctx.loop_id, ctx.me, blind_, reloads_}, [&]() -> std::optional<LoopComparison> {
        if (auto loop = ctx.people.find_loop(ctx.loop_id))
            return load_loop_comparison(ctx.db, loop->name, ctx.me, blind_, blind_seed_);
        return std::nullopt;
    });
    if (cache_.generation() == loaded_generation_) return;
    comparison_ = fresh; // the table sorts this copy as its headers say, every frame
    loaded_generation_ = cache_.generation();
}

void CompareScreen::draw(AppContext& ctx) {
    if (keys::command(keys::letter('B'))) set_blind(!blind_);
    if (keys::command(keys::letter('R'))) ++reloads_;
    load(ctx);
    if (!comparison_) {
        ui::muted("Pick a loop on the Candidates screen (Ctrl+2) to compare its candidates.");
        return;
    }
    const auto& c = *comparison_;
    ui::scroll_with_keys();
    ImGui::TextUnformatted(ui::shown(c.loop).c_str());
    ImGui::SameLine();
    bool blind = blind_;
    if (ImGui::Checkbox("Blind (B)", &blind)) set_blind(blind);
    ImGui::SameLine();
    ui::muted(fmt::format("{} candidate{}  -  ! marks a topic where interviewers differ by 2 or more", c.rows.size(),
                          c.rows.size() == 1 ? "" : "s"));
    if (!c.comparable) ui::warning(c.comparability);
    draw_table();
    ui::heading("Topic means by candidate");
    draw_chart();
    ui::heading("How far the interviewers agree");
    draw_agreement(ctx);
    ui::heading("Questions: do they tell candidates apart?");
    draw_questions();
    draw_export_bar(ctx);
}

void CompareScreen::draw_table() {
    auto& c = *comparison_;
    const int columns = 5 + static_cast<int>(c.topics.size());
    const auto flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                       ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit;
    const float row = ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().CellPadding.y;
    const float height = row * static_cast<float>(c.rows.size() + 1) + ImGui::GetStyle().ScrollbarSize + ui::em(0.4f);
    if (!ImGui::BeginTable("compare", columns, flags, {0, height})) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    if (!keys::typing() && !keys::ctrl() && !keys::alt()) { // the topics past the window's edge
        if (keys::pressed_repeat(keys::right)) ImGui::SetScrollX(ImGui::GetScrollX() + ui::em(8));
        if (keys::pressed_repeat(keys::left)) ImGui::SetScrollX(std::max(ImGui::GetScrollX() - ui::em(8), 0.0f));
    }
    ImGui::TableSetupColumn("Candidate", ImGuiTableColumnFlags_DefaultSort);
    ImGui::TableSetupColumn("Overall");
    ImGui::TableSetupColumn("Coverage");
    ImGui::TableSetupColumn("Panel");
    ImGui::TableSetupColumn("Spread");
    for (const auto& t : c.topics) ImGui::TableSetupColumn(t.c_str());
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0) {
        const auto& spec = specs->Specs[0];
        sort_comparison(c, spec.ColumnIndex, spec.SortDirection == ImGuiSortDirection_Ascending);
        specs->SpecsDirty = false;
    }
    for (const auto& r : c.rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(ui::shown(r.label).c_str());
        if (ImGui::IsItemHovered() && !r.interviewers.empty()) {
            ImGui::BeginTooltip();
            for (const auto& s : r.interviewers)
                ImGui::Text("%s: %s, %s", ui::shown(s.interviewer).c_str(), s.overall ? fmt::format("{:.1f}", *s.overall).c_str() : "-",
                            s.recommendation ? std::string(label(*s.recommendation)).c_str() : "not submitted");
            if (r.sealed) ImGui::Text("%d interview(s) sealed until you submit yours", r.sealed);
            ImGui::EndTooltip();
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.overall ? fmt::format("{:.2f}", *r.overall).c_str() : "-");
        ImGui::TableNextColumn();
        ImGui::Text("%.0f%%", 100 * r.coverage);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.panel ? std::string(label(*r.panel)).c_str() : "-");
        ImGui::TableNextColumn();
        ImGui::Text("%.1f", r.spread);
        for (const auto& t : c.topics) {
            ImGui::TableNextColumn();
            auto it = r.topics.find(t);
            if (it == r.topics.end()) {
                ui::muted("-");
                continue;
            }
            const bool flagged = std::find(r.disagreements.begin(), r.disagreements.end(), t) != r.disagreements.end();
            ImGui::PushStyleColor(ImGuiCol_Text, flagged ? ui::warning_color() : ImGui::GetStyleColorVec4(ImGuiCol_Text));
            ImGui::Text("%.1f%s", it->second.mean, flagged ? " !" : "");
            ImGui::PopStyleColor();
        }
    }
    ImGui::EndTable();
}

// One row of small bars per candidate, one bar per topic, on a shared 0-5 scale: easier to
// scan for a candidate's weak topics than the table.
void CompareScreen::draw_chart() {
    const auto& c = *comparison_;
    if (c.topics.empty()) return;
    const float label_width = ui::em(9);
    const float bar = std::max(ui::em(0.9f), (ImGui::GetContentRegionAvail().x - label_width) / static_cast<float>(c.topics.size()) - ui::em(0.3f));
    const float height = ui::em(2.2f);
    auto* draw = ImGui::GetWindowDrawList();
    for (const auto& r : c.rows) {
        ImGui::TextUnformatted(ui::shown(r.label).c_str());
        ImGui::SameLine(label_width);
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        for (std::size_t i = 0; i < c.topics.size(); ++i) {
            const float x = origin.x + static_cast<float>(i) * (bar + ui::em(0.3f));
            draw->AddRectFilled({x, origin.y}, {x + bar, origin.y + height}, ImGui::GetColorU32(ImGuiCol_FrameBg));
            auto it = r.topics.find(c.topics[i]);
            if (it == r.topics.end()) continue;
            const float filled = height * static_cast<float>(it->second.mean / 5.0);
            draw->AddRectFilled({x, origin.y + height - filled}, {x + bar, origin.y + height},
                                ImGui::GetColorU32(ui::score_color(static_cast<int>(it->second.mean + 0.5))));
        }
        ImGui::Dummy({static_cast<float>(c.topics.size()) * (bar + ui::em(0.3f)), height + ui::em(0.3f)});
    }
    ImGui::SameLine(0, 0);
    ImGui::NewLine();
    ImGui::Dummy({label_width - ImGui::GetStyle().ItemSpacing.x, 0});
    for (std::size_t i = 0; i < c.topics.size(); ++i) {
        ImGui::SameLine(label_width + static_cast<float>(i) * (bar + ui::em(0.3f)));
        ImGui::TextUnformatted(ui::one_line(c.topics[i], bar).c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", c.topics[i].c_str());
    }
}

void CompareScreen::draw_agreement(AppContext& ctx) {
    const auto& a = comparison_->agreement;
    auto coefficient = [](const char* name, const std::optional<double>& v, std::string_view reading, const char* what) {
        if (!v) return;
        ImGui::Text("%s  %.2f  %s", name, shown_rounded(*v, 2), std::string(reading).c_str());
        ImGui::SameLine();
        ui::muted(what);
    };
    if (a.icc) {
        const auto& icc = *a.icc;
        coefficient("ICC(2,1)", icc.icc2_1, icc.icc2_1 ? to_string(koo_li_reading(*icc.icc2_1)) : "",
                    "one interviewer's score, as a measure of the candidate");
        coefficient("ICC(2,k)", icc.icc2_k, icc.icc2_k ? to_string(koo_li_reading(*icc.icc2_k)) : "",
                    "the panel's mean score");
        coefficient("ICC(3,1)", icc.icc3_1, icc.icc3_1 ? to_string(koo_li_reading(*icc.icc3_1)) : "",
                    "consistency, ignoring that some interviewers are kinder");
        ui::muted(fmt::format("over {} candidates seen by all {} interviewers ({} left out)", icc.candidates_used,
                              icc.interviewers, icc.candidates_skipped));
    } else {
        ui::muted("ICC: " + a.icc_problem);
    }
    if (a.alpha_interval && a.alpha_interval->value)
        coefficient("Krippendorff's alpha (interval)", a.alpha_interval->value,
                    to_string(krippendorff_reading(*a.alpha_interval->value)), "uses every score, missing ones allowed");
    else if (!a.alpha_problem.empty())
        ui::muted("Krippendorff's alpha: " + a.alpha_problem);
    if (!a.leniency.empty()) {
        // Practice scores are only read here, beside the loop's figures: they never enter them.
        const auto& practised = practice_.get(ctx.db, 0, [&] {
            std::map<std::string, std::vector<PracticeItemScore>> by_interviewer;
            for (const auto& session : PracticeRepository(ctx.db).sessions())
                for (const auto& r : session.scores) by_interviewer[session.interviewer].push_back(r.score);
            std::map<std::string, PracticeAccuracy> out;
            for (const auto& [who, items] : by_interviewer) out[who] = practice_accuracy(items);
            return out;
        });
        ImGui::Spacing();
        ui::muted("Calibration: each interviewer's mean difference from the others on the same candidates");
        for (const auto& l : a.leniency) {
            if (!l.mean_deviation) continue;
            const double d = shown_deviation(*l.mean_deviation);
            ImGui::Text("%-18s %+.2f  %s", ui::shown(l.interviewer).c_str(), d,
                        d > 0.5 ? "kinder than the panel" : d < -0.5 ? "harsher than the panel" : "in line");
            ImGui::SameLine();
            ui::muted(fmt::format("({} shared candidates)", l.candidates));
            ImGui::SameLine();
            const auto p = practised.find(l.interviewer);
            ui::muted(p == practised.end()
                          ? std::string("- no calibration practice yet (Practice, Ctrl+7)")
                          : fmt::format("- practice: {} answers, off by {:.2f}, {:+.2f} against the reference",
                                        p->second.items, p->second.mean_absolute_error, p->second.bias));
        }
    }
}

void CompareScreen::draw_questions() {
    const auto& questions = comparison_->questions;
    if (questions.empty()) return;
    const auto flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("questions", 6, flags, {0, ui::em(12)})) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Question", ImGuiTableColumnFlags_WidthStretch, 6);
    ImGui::TableSetupColumn("Topic", ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn("Asked", ImGuiTableColumnFlags_WidthStretch, 0.7f);
    ImGui::TableSetupColumn("Mean", ImGuiTableColumnFlags_WidthStretch, 0.7f);
    ImGui::TableSetupColumn("Spread", ImGuiTableColumnFlags_WidthStretch, 0.7f);
    ImGui::TableSetupColumn("Separates", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(questions.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto& q = questions[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(ui::one_line(q.prompt, ImGui::GetContentRegionAvail().x).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(q.topic.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%d", q.asked);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(q.mean ? fmt::format("{:.1f}", *q.mean).c_str() : "-");
            ImGui::TableNextColumn();
            ImGui::Text("%d", q.spread);
            ImGui::TableNextColumn();
            if (q.separation)
                ImGui::Text("%+.1f %s", *q.separation, *q.separation >= 1.0 ? "well" : *q.separation > 0.3 ? "a little" : "no");
            else
                ui::muted("-");
        }
    ImGui::EndTable();
}

void CompareScreen::draw_export_bar(AppContext& ctx) {
    ui::heading("Export");
    export_.draw(ctx, [&](int format) {
        constexpr ComparisonFormat formats[] = {ComparisonFormat::csv, ComparisonFormat::markdown, ComparisonFormat::html,
                                                ComparisonFormat::json};
        std::string stem;
        for (const char c : comparison_->loop) stem += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
        return std::pair{stem + "-comparison", render_comparison(*comparison_, formats[format])};
    });
}

} // namespace panelist
