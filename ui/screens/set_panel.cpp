#include "ui/screens/set_panel.hpp"

#include "persistence/files/files.hpp"
#include "persistence/formats/question_import.hpp"
#include "persistence/store/curation_repository.hpp"
#include "persistence/store/question_draft_repository.hpp"
#include "ui/context/app_context.hpp"
#include "ui/context/keys.hpp"
#include "ui/screens/ordered_list_keys.hpp"
#include "ui/widgets/shown_text.hpp"
#include "ui/widgets/widgets.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <imgui_stdlib.h>
#include <utility>

namespace panelist {
namespace {
const char* levels[] = {"junior", "senior", "both"};
}

void SetPanel::load(AppContext& ctx, const std::string& name) {
    draft_ = ctx.sets.find(name);
    original_name_ = name;
    confirm_delete_ = false;
    selected_ = 0;
}

void SetPanel::save(AppContext& ctx) {
    try {
        if (original_name_ != draft_->name && !original_name_.empty()) ctx.sets.rename(original_name_, draft_->name);
        ctx.sets.upsert(*draft_);
        *draft_ = normalised(std::move(*draft_));
        original_name_ = draft_->name;
        ctx.tell("Saved the set " + draft_->name + ".");
    } catch (const std::exception& e) {
        ctx.warn(e.what());
    }
}

void SetPanel::create(AppContext& ctx) {
    QuestionSet s;
    s.name = new_name_;
    s = normalised(std::move(s)); // the name as the store keeps it: " Junior screen" is "Junior screen"
    if (s.name.empty()) return;
    if (ctx.sets.find(s.name)) {
        ctx.warn("A set named '" + s.name + "' exists already: pick it in the list, or choose another name.");
        return;
    }
    try {
        ctx.sets.upsert(s);
        load(ctx, s.name);
        new_name_.clear();
        ctx.tell("Created the set " + s.name + ": press / to add questions.");
    } catch (const std::exception& e) {
        ctx.warn(e.what());
    }
}

void SetPanel::draw(AppContext& ctx, const std::string& library_selection) {
    ImGui::BeginChild("sets-list", {ui::em(22), 0}, true);
    draw_list(ctx);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("set-detail");
    if (draft_) draw_set(ctx, library_selection);
    else ui::muted("Pick a set on the left (Up / Down), or name a new one (Ctrl+N).");
    ImGui::EndChild();
}

void SetPanel::draw_list(AppContext& ctx) {
    if (!confirm_delete_ && keys::ctrl() && !keys::alt() && keys::pressed(keys::letter('N'))) focus_new_ = true;
    ImGui::SetNextItemWidth(-1);
    if (std::exchange(focus_new_, false)) ImGui::SetKeyboardFocusHere();
    if (ui::input_text_with_hint("##new-set", "name of a new set (Ctrl+N)", &new_name_,
                                 ImGuiInputTextFlags_EnterReturnsTrue))
        create(ctx);
    if (ImGui::Button("Create set (Enter)")) create(ctx);
    ImGui::Separator();
    const auto sets = sets_.get(ctx.db, 0, [&] { return ctx.sets.all(); }); // a copy: load() may reread
    // Up and Down walk the sets when no text field has the keyboard.
    const bool walk = !keys::typing() && !keys::ctrl() && !keys::alt() && !confirm_delete_ && !sets.empty();
    if (walk && (keys::pressed_repeat(keys::down) || keys::pressed_repeat(keys::up))) {
        int at = -1;
        for (std::size_t i = 0; i < sets.size(); ++i)
            if (draft_ && sets[i].name == original_name_) at = static_cast<int>(i);
        at = keys::pressed_repeat(keys::down) ? std::min(at + 1, static_cast<int>(sets.size()) - 1) : std::max(at - 1, 0);
        load(ctx, sets[static_cast<std::size_t>(at)].name);
    }
    for (const auto& s : sets) {
        const bool current = draft_ && original_name_ == s.name;
        if (ImGui::Selectable(ui::shown(s.name).c_str(), current)) load(ctx, s.name);
        const auto n = s.question_ids.size();
        ui::muted(fmt::format("   {} question{}, {} min, {}", n, n == 1 ? "" : "s", s.minutes, name(s.level)));
    }
}

bool SetPanel::handle_keys() {
    if (keys::typing() || keys::ctrl()) {
        if (!keys::typing() && keys::ctrl() && !keys::alt() && keys::pressed(keys::letter('E'))) focus_export_ = true;
        return false;
    }
    auto& s = *draft_;
    auto& ids = s.question_ids;
    bool changed = false;
    if (!keys::alt() && keys::shift() && keys::pressed(keys::delete_key)) {
        confirm_delete_ = true; // Y deletes, N or Esc keeps it
        return false;
    }
    if (!keys::alt() && !keys::shift()) {
        // Left / Right: the level the set is for, in the order the combo lists them.
        int level = static_cast<int>(s.level);
        if (keys::pressed(keys::left) && level > 0) --level;
        if (keys::pressed(keys::right) && level < 2) ++level;
        if (level != static_cast<int>(s.level)) s.level = static_cast<Level>(level), changed = true;
        if (keys::pressed(keys::slash)) picker_.focus();
        if (keys::pressed(keys::enter) || keys::pressed(keys::keypad_enter)) focus_name_ = true;
    }
    changed |= ordered_list_keys(ids, selected_, scroll_to_selected_);
    return changed;
}

void SetPanel::draw_set(AppContext& ctx, const std::string& library_selection) {
    if (confirm_delete_) {
        draw_delete_confirmation(ctx);
        return;
    }
    QuestionSet& s = *draft_;
    bool changed = handle_keys();
    ImGui::PushItemWidth(ui::em(30));
    // Text fields save when the user leaves them, not on every keystroke.
    if (std::exchange(focus_name_, false)) ImGui::SetKeyboardFocusHere();
    ui::input_text("Name (Enter)", &s.name);
    changed |= ImGui::IsItemDeactivatedAfterEdit();
    ui::input_text("Role", &s.role);
    changed |= ImGui::IsItemDeactivatedAfterEdit();
    int level = static_cast<int>(s.level);
    if (ImGui::Combo("Level (Left / Right)", &level, levels, 3)) {
        s.level = static_cast<Level>(level);
        changed = true;
    }
    ImGui::InputInt("Budget (min)", &s.minutes);
    changed |= ImGui::IsItemDeactivatedAfterEdit();
    ui::input_text_multiline("Description", &s.description, {ui::em(30), ui::em(3)});
    changed |= ImGui::IsItemDeactivatedAfterEdit();
    ImGui::PopItemWidth();

    const auto& retired = retired_.get(ctx.db, true, [&] { return CurationRepository(ctx.db).retired(); });
    const auto& drafts = drafts_.get(ctx.db, true, [&] { return QuestionDraftRepository(ctx.db).ids(); });
    const SetCoverage& c =
        coverage_.get(ctx.db, s, [&] { return CurationRepository(ctx.db).coverage(s, ctx.clock.today()); });
    changed |= draw_questions(ctx, c);

    auto& ids = s.question_ids;
    const auto refuse = [&](const QuestionSummary& r) -> std::optional<std::string> {
        if (std::find(ids.begin(), ids.end(), r.id) != ids.end()) return "in the set";
        if (retired.contains(r.id)) return "retired";
        if (drafts.contains(r.id)) return "a draft (complete it first)";
        return std::nullopt;
    };
    if (const auto taken = picker_.draw(ctx, "Add a question: search the bank (/)", refuse)) {
        ids.push_back(taken->id);
        selected_ = static_cast<int>(ids.size()) - 1;
        scroll_to_selected_ = true;
        changed = true;
    }
    // The question selected on the Questions tab, for adding with the mouse.
    QuestionSummary selection;
    selection.id = library_selection;
    const bool can_add = !library_selection.empty() && !refuse(selection);
    if (!can_add) ImGui::BeginDisabled();
    if (ImGui::Button(fmt::format("Add '{}'", library_selection.empty() ? "(select a question)" : library_selection).c_str())) {
        ids.push_back(library_selection);
        changed = true;
    }
    if (!can_add) ImGui::EndDisabled();
    if (changed) save(ctx);
    draw_coverage(c);
    draw_export(ctx);
}

// The set's questions in order; the keyboard's row has a band behind it. True when a button
// changed the list.
bool SetPanel::draw_questions(AppContext& ctx, const SetCoverage& c) {
    auto& ids = draft_->question_ids;
    const auto questions = questions_.get(ctx.db, ids, [&] {
        std::vector<std::optional<Question>> found;
        for (const auto& id : ids) found.push_back(ctx.questions.find(id));
        return found;
    });
    const bool over = c.planned_minutes > c.slot_minutes;
    ImGui::PushStyleColor(ImGuiCol_Text, over ? ui::warning_color() : ui::muted_text_color());
    ImGui::Text("%zu questions, %d of %d minutes planned%s", ids.size(), c.planned_minutes, c.slot_minutes,
                over ? " - over budget" : "");
    ImGui::PopStyleColor();
    ui::muted("PgUp / PgDn select, Alt+Up / Alt+Down move, Delete drops");
    selected_ = std::clamp(selected_, 0, std::max(static_cast<int>(ids.size()) - 1, 0));
    std::optional<std::size_t> move_up, move_down, drop;
    for (std::size_t i = 0; i < ids.size() && i < questions.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (static_cast<int>(i) == selected_) {
            ui::selection_band();
            if (std::exchange(scroll_to_selected_, false)) ImGui::SetScrollHereY();
        }
        if (ImGui::ArrowButton("up", ImGuiDir_Up)) move_up = i;
        ImGui::SameLine();
        if (ImGui::ArrowButton("down", ImGuiDir_Down)) move_down = i;
        ImGui::SameLine();
        if (ImGui::SmallButton("drop")) drop = i;
        ImGui::SameLine();
        const auto& q = questions[i];
        const bool retired = std::find(c.retired.begin(), c.retired.end(), ids[i]) != c.retired.end();
        ImGui::Text("%zu.", i + 1);
        ImGui::SameLine();
        ImGui::TextUnformatted(q ? ui::one_line(q->prompt, ImGui::GetContentRegionAvail().x - ui::em(7)).c_str()
                                 : ids[i].c_str());
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ui::em(6));
        if (retired) ui::badge("retired", ui::warning_color());
        else ui::muted(q ? fmt::format("{} min", q->minutes) : "missing");
        ImGui::PopID();
    }
    if (move_up && *move_up > 0) std::swap(ids[*move_up], ids[*move_up - 1]);
    if (move_down && *move_down + 1 < ids.size()) std::swap(ids[*move_down], ids[*move_down + 1]);
    if (drop) ids.erase(ids.begin() + static_cast<long>(*drop));
    return move_up || move_down || drop;
}

// What the set covers, whether it fits its slot, and how it differs from the role's other sets.
void SetPanel::draw_coverage(const SetCoverage& c) {
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
        ui::wrapped(fmt::format("Beside '{}' ({}, {} min, {} question{}): {} shared; only here: {}; only there: {}.",
                                s.name, name(s.level), s.minutes, s.questions, s.questions == 1 ? "" : "s", s.shared,
                                s.topics_only_here.empty() ? "-" : fmt::format("{}", fmt::join(s.topics_only_here, ", ")),
                                s.topics_only_there.empty() ? "-" : fmt::format("{}", fmt::join(s.topics_only_there, ", "))));
}

void SetPanel::draw_export(AppContext& ctx) {
    ImGui::Separator();
    ImGui::SetNextItemWidth(ui::em(26));
    if (std::exchange(focus_export_, false)) ImGui::SetKeyboardFocusHere();
    const bool enter = ui::input_text_with_hint("##set-export", "path/to/set.toml (Ctrl+E, Enter writes)", &export_path_,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button("Export set") || enter) && !export_path_.empty()) {
        try {
            const auto file = collect_set_for_export(ctx.db, original_name_);
            if (!file) throw std::runtime_error("The set '" + original_name_ + "' is no longer in the database.");
            write_file_atomically(export_path_, write_questions(export_path_, *file), 0644);
            ctx.tell("Wrote " + export_path_);
        } catch (const std::exception& e) {
            ctx.warn(e.what());
        }
    }
    ImGui::SameLine();
    if (ImGui::Button("Delete set... (Shift+Delete)")) confirm_delete_ = true;
}

void SetPanel::draw_delete_confirmation(AppContext& ctx) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui::warning_color());
    ui::wrapped(fmt::format("Delete the set '{}'? Its questions stay in the bank, and interviews planned from it "
                            "keep their questions. Press Y to delete, N or Esc to keep it.",
                            original_name_));
    ImGui::PopStyleColor();
    if (ImGui::Button("Delete (Y)") || keys::command(keys::letter('Y'))) {
        try {
            ctx.sets.remove(original_name_);
            ctx.tell("Deleted the set " + original_name_ + ".");
            draft_.reset();
        } catch (const std::exception& e) {
            ctx.warn(e.what());
        }
        confirm_delete_ = false;
        return;
    }
    ImGui::SameLine();
    if (ImGui::Button("Keep (Esc)") || keys::command(keys::escape) || keys::command(keys::letter('N')))
        confirm_delete_ = false;
}

} // namespace panelist
