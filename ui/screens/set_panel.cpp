#include "ui/screens/set_panel.hpp"

#include "persistence/files/files.hpp"
#include "persistence/formats/question_import.hpp"
#include "persistence/store/curation_repository.hpp"
#include "ui/context/app_context.hpp"
#include "ui/context/keys.hpp"
#include "ui/widgets/widgets.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <imgui_stdlib.h>

namespace panelist {
namespace {
const char* levels[] = {"junior", "senior", "both"};
}

void SetPanel::load(AppContext& ctx, const std::string& name) {
    draft_ = ctx.sets.find(name);
    original_name_ = name;
    confirm_delete_ = false;
}

void SetPanel::save(AppContext& ctx) {
    try {
        if (original_name_ != draft_->name && !original_name_.empty()) ctx.sets.rename(original_name_, draft_->name);
        ctx.sets.upsert(*draft_);
        original_name_ = draft_->name;
        ctx.tell("Saved the set " + draft_->name + ".");
    } catch (const std::exception& e) {
        ctx.warn(e.what());
    }
}

void SetPanel::draw(AppContext& ctx, const std::string& library_selection) {
    ImGui::BeginChild("sets-list", {ui::em(22), 0}, true);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##new-set", "name of a new set", &new_name_);
    if (ImGui::Button("Create set") && !new_name_.empty()) {
        QuestionSet s;
        s.name = new_name_;
        try {
            ctx.sets.upsert(s);
            load(ctx, s.name);
            new_name_.clear();
        } catch (const std::exception& e) {
            ctx.warn(e.what());
        }
    }
    ImGui::Separator();
    const auto sets = sets_.get(ctx.db, 0, [&] { return ctx.sets.all(); }); // a copy: load() may reread
    // Up and Down walk the sets when no text field has the keyboard.
    if (!keys::typing() && !sets.empty() && (keys::pressed_repeat(keys::down) || keys::pressed_repeat(keys::up))) {
        int at = -1;
        for (std::size_t i = 0; i < sets.size(); ++i)
            if (draft_ && sets[i].name == original_name_) at = static_cast<int>(i);
        at = keys::pressed_repeat(keys::down) ? std::min(at + 1, static_cast<int>(sets.size()) - 1) : std::max(at - 1, 0);
        load(ctx, sets[static_cast<std::size_t>(at)].name);
    }
    for (const auto& s : sets) {
        const bool current = draft_ && original_name_ == s.name;
        if (ImGui::Selectable(s.name.c_str(), current)) load(ctx, s.name);
        ui::muted(fmt::format("   {} questions, {} min, {}", s.question_ids.size(), s.minutes, name(s.level)));
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("set-detail");
    if (draft_) draw_set(ctx, library_selection);
    else ui::muted("Pick a set on the left, or create one.");
    ImGui::EndChild();
}

void SetPanel::draw_set(AppContext& ctx, const std::string& library_selection) {
    QuestionSet& s = *draft_;
    bool changed = false;
    ImGui::PushItemWidth(ui::em(30));
    // Text fields save when the user leaves them, not on every keystroke.
    ImGui::InputText("Name", &s.name);
    changed |= ImGui::IsItemDeactivatedAfterEdit();
    ImGui::InputText("Role", &s.role);
    changed |= ImGui::IsItemDeactivatedAfterEdit();
    int level = static_cast<int>(s.level);
    if (ImGui::Combo("Level", &level, levels, 3)) {
        s.level = static_cast<Level>(level);
        changed = true;
    }
    ImGui::InputInt("Budget (min)", &s.minutes);
    changed |= ImGui::IsItemDeactivatedAfterEdit();
    ImGui::InputTextMultiline("Description", &s.description, {ui::em(30), ui::em(3)});
    changed |= ImGui::IsItemDeactivatedAfterEdit();
    ImGui::PopItemWidth();

    const auto questions = questions_.get(ctx.db, s.question_ids, [&] {
        std::vector<std::optional<Question>> found;
        for (const auto& id : s.question_ids) found.push_back(ctx.questions.find(id));
        return found;
    });
    int total = 0;
    for (const auto& q : questions) total += q ? q->minutes : 0;
    ImGui::PushStyleColor(ImGuiCol_Text, total > s.minutes ? ui::warning_color() : ui::muted_text_color());
    ImGui::Text("%zu questions, %d of %d minutes planned%s", s.question_ids.size(), total, s.minutes,
                total > s.minutes ? " - over budget" : "");
    ImGui::PopStyleColor();

    std::optional<std::size_t> move_up, move_down, drop;
    for (std::size_t i = 0; i < s.question_ids.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::ArrowButton("up", ImGuiDir_Up)) move_up = i;
        ImGui::SameLine();
        if (ImGui::ArrowButton("down", ImGuiDir_Down)) move_down = i;
        ImGui::SameLine();
        if (ImGui::SmallButton("drop")) drop = i;
        ImGui::SameLine();
        const auto& q = questions[i];
        ImGui::Text("%zu.", i + 1);
        ImGui::SameLine();
        ImGui::TextUnformatted(q ? ui::one_line(q->prompt, ImGui::GetContentRegionAvail().x - ui::em(4)).c_str()
                                 : s.question_ids[i].c_str());
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ui::em(3));
        ui::muted(q ? fmt::format("{} min", q->minutes) : "");
        ImGui::PopID();
    }
    auto& ids = s.question_ids;
    if (move_up && *move_up > 0) std::swap(ids[*move_up], ids[*move_up - 1]), changed = true;
    if (move_down && *move_down + 1 < ids.size()) std::swap(ids[*move_down], ids[*move_down + 1]), changed = true;
    if (drop) ids.erase(ids.begin() + static_cast<long>(*drop)), changed = true;

    ImGui::Spacing();
    const bool can_add = !library_selection.empty() &&
                         std::find(ids.begin(), ids.end(), library_selection) == ids.end();
    if (!can_add) ImGui::BeginDisabled();
    if (ImGui::Button(fmt::format("Add '{}'", library_selection.empty() ? "(select a question)" : library_selection).c_str())) {
        ids.push_back(library_selection);
        changed = true;
    }
    if (!can_add) ImGui::EndDisabled();
    if (changed) save(ctx);
    draw_coverage(ctx);

    ImGui::Separator();
    ImGui::SetNextItemWidth(ui::em(26));
    ImGui::InputTextWithHint("##set-export", "path/to/set.toml", &export_path_);
    ImGui::SameLine();
    if (ImGui::Button("Export set")) {
        try {
            write_file_atomically(export_path_, write_question_file(*collect_set_for_export(ctx.db, original_name_)), 0644);
            ctx.tell("Wrote " + export_path_);
        } catch (const std::exception& e) {
            ctx.warn(e.what());
        }
    }
    ImGui::SameLine();
    if (ImGui::Button("Delete set...")) confirm_delete_ = true;
    if (confirm_delete_) {
        ImGui::PushStyleColor(ImGuiCol_Text, ui::warning_color());
        ImGui::Text("Delete the set '%s'? Its questions stay in the bank.", original_name_.c_str());
        ImGui::PopStyleColor();
        if (ImGui::Button("Delete")) {
            ctx.sets.remove(original_name_);
            draft_.reset();
            confirm_delete_ = false;
            return;
        }
        ImGui::SameLine();
        if (ImGui::Button("Keep")) confirm_delete_ = false;
    }
}

// What the set covers, whether it fits its slot, and how it differs from the role's other sets.
void SetPanel::draw_coverage(AppContext& ctx) {
    const QuestionSet& set = *draft_;
    const SetCoverage& c =
        coverage_.get(ctx.db, set, [&] { return CurationRepository(ctx.db).coverage(set, ctx.clock.today()); });
    ui::heading("What the set covers");
    for (const auto& w : c.warnings()) ui::warning(w);
    ui::wrapped(fmt::format("{} of {} minutes planned: {} left for introductions and the candidate's questions "
                            "(keep {}).",
                            c.planned_minutes, c.slot_minutes, c.slack(), c.reserve));
    std::string topics;
    for (const auto& [topic, n] : c.topics) topics += fmt::format("{}{} {}", topics.empty() ? "" : ", ", topic, n);
    ui::wrapped("Topics: " + (topics.empty() ? std::string("none") : topics));
    std::string levels;
    for (const auto& [level, n] : c.levels) levels += fmt::format("{}{} {}", levels.empty() ? "" : ", ", name(level), n);
    ui::wrapped("Question levels: " + (levels.empty() ? std::string("none") : levels));
    std::string ladder;
    for (const auto d : c.ladder) ladder += (ladder.empty() ? "" : " > ") + std::string(name(d));
    ui::wrapped("Difficulty, in order: " + (ladder.empty() ? std::string("none") : ladder));
    if (!c.never_asked.empty())
        ui::wrapped(fmt::format("Never asked in a submitted interview: {}", fmt::join(c.never_asked, ", ")));
    for (const auto& s : c.siblings)
        ui::wrapped(fmt::format("Beside '{}' ({}, {} min, {} questions): {} shared; only here: {}; only there: {}.",
                                s.name, name(s.level), s.minutes, s.questions, s.shared,
                                s.topics_only_here.empty() ? "-" : fmt::format("{}", fmt::join(s.topics_only_here, ", ")),
                                s.topics_only_there.empty() ? "-" : fmt::format("{}", fmt::join(s.topics_only_there, ", "))));
}

} // namespace panelist
