#include "ui/screens/set_panel.hpp"

#include "persistence/files/files.hpp"
#include "persistence/formats/question_import.hpp"
#include "ui/context/app_context.hpp"
#include "ui/widgets/widgets.hpp"

#include <algorithm>
#include <fmt/format.h>
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

} // namespace panelist
