#include "ui/screens/candidates_screen.hpp"

#include "domain/text.hpp"
#include "persistence/backups/erase.hpp"
#include "persistence/team/team_sync.hpp"
#include "ui/context/app_context.hpp"
#include "ui/context/keys.hpp"
#include "ui/widgets/shown_text.hpp"
#include "ui/widgets/widgets.hpp"

#include <fmt/format.h>
#include <imgui_stdlib.h>

namespace panelist {
namespace {

constexpr std::size_t name_limit = PeopleTextLimits::name;
constexpr Shortcut candidate_keys[] = {
    {"L", "type a new loop's name; Enter creates it"},
    {"C", "type a new candidate's name; Enter adds them to the loop"},
    {"Left / Right", "the new candidate is junior / senior"},
    {"Up / Down", "previous / next candidate of the loop"},
    {"Ctrl+3", "plan a new interview for the selected candidate"},
    {"Enter", "open the candidate's latest interview"},
};
const char* candidate_levels[] = {"junior", "senior"};
} // namespace

std::span<const Shortcut> CandidatesScreen::shortcuts() const { return candidate_keys; }

bool CandidatesScreen::erase_selected(AppContext& ctx, const std::string& typed_name) {
    const auto candidate = ctx.people.find_candidate(ctx.candidate_id);
    if (!candidate) return false;
    if (typed_name != candidate->name) {
        ctx.warn(fmt::format("Nothing was erased: type {} exactly to confirm.", candidate->name));
        return false;
    }
    bool had_open_interview = false;
    for (const auto& iv : ctx.interviews.for_candidate(candidate->id)) had_open_interview |= iv.id == ctx.interview_id;
    try {
        // With a team folder, a tombstone makes every laptop of the team erase them too.
        const Erased erased = erase_candidate_for_team(ctx.db, candidate->id);
        ctx.team.request();
        ctx.candidate_id = 0;
        if (had_open_interview) ctx.interview_id = 0;
        editing_ = {};
        confirming_erase_ = false;
        erase_typed_.clear();
        ctx.tell(fmt::format("Erased {} and {} interview{}. Deleted {} older backup{} that held them{}.",
                             erased.candidate, erased.interviews, erased.interviews == 1 ? "" : "s",
                             erased.backups_deleted.size(), erased.backups_deleted.size() == 1 ? "" : "s",
                             erased.fresh_backup ? "; a new backup was taken" : ""));
        return true;
    } catch (const std::exception& e) {
        ctx.warn(e.what());
        return false;
    }
}

void CandidatesScreen::draw(AppContext& ctx) {
    share_asking_ = share_.asking(); // as the frame began: Enter that answers it opens nothing else
    const float column = ImGui::GetContentRegionAvail().x / 3.0f - ui::em(0.4f);
    ImGui::BeginChild("loops", {column, 0}, true);
    draw_loops(ctx);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("candidates", {column, 0}, true);
    draw_candidates(ctx);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("candidate", {0, 0}, true);
    draw_candidate(ctx);
    ImGui::EndChild();
}

void CandidatesScreen::draw_loops(AppContext& ctx) {
    ui::heading("Loops");
    ImGui::Checkbox("Show archived", &show_archived_);
    const auto& loops = loops_.get(ctx.db, show_archived_, [&] {
        std::vector<LoopRow> rows;
        for (auto& loop : ctx.people.loops(show_archived_))
            rows.push_back({loop, ctx.people.candidates(loop.id, show_archived_).size()});
        return rows;
    });
    if (ctx.loop_id == 0 && !loops.empty()) ctx.loop_id = loops.front().loop.id;
    std::optional<Loop> selected;
    for (const auto& [loop, count] : loops) {
        if (loop.id == ctx.loop_id) selected = loop;
        ImGui::PushID(static_cast<int>(loop.id));
        if (ImGui::Selectable(ui::shown(loop.name).c_str(), loop.id == ctx.loop_id)) {
            ctx.loop_id = loop.id;
            ctx.candidate_id = 0;
        }
        ui::muted(fmt::format("   {}{} candidate{}", loop.archived ? "archived, " : "", count, count == 1 ? "" : "s"));
        ImGui::PopID();
    }
    ImGui::Spacing();
    ui::heading("New loop");
    if (keys::command(keys::letter('L'))) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-1);
    const bool loop_enter = ui::input_text_limited("##loop-name", "MLOps Engineer, Berlin, 2026-Q4 (L)",
                                                   &new_loop_.name, name_limit, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SetNextItemWidth(-1);
    ui::input_text_limited("##loop-role", "role", &new_loop_.role, name_limit);
    if (ImGui::Button("Create loop") || loop_enter) {
        try {
            ctx.people.save(new_loop_);
            ctx.loop_id = new_loop_.id;
            ctx.tell("Created loop " + new_loop_.name);
            new_loop_ = {};
        } catch (const std::exception& e) {
            ctx.warn(e.what());
        }
    }
    if (selected) {
        ImGui::SameLine();
        if (ImGui::Button(selected->archived ? "Restore loop" : "Archive loop")) {
            selected->archived = !selected->archived;
            ctx.people.save(*selected);
        }
    }
    ImGui::Spacing();
    share_.draw(ctx);
    ImGui::Spacing();
    team_.draw(ctx);
}

void CandidatesScreen::draw_candidates(AppContext& ctx) {
    const auto& view = loop_view_.get(ctx.db, std::pair{ctx.loop_id, show_archived_}, [&] {
        LoopView v;
        v.loop = ctx.people.find_loop(ctx.loop_id);
        if (!v.loop) return v;
        for (auto& c : ctx.people.candidates(v.loop->id, show_archived_)) {
            const auto interviews = ctx.interviews.for_candidate(c.id);
            int submitted = 0;
            for (const auto& iv : interviews) submitted += iv.locked() ? 1 : 0;
            v.rows.push_back({c, submitted, interviews.size()});
        }
        return v;
    });
    const auto& loop = view.loop;
    ui::heading(loop ? loop->name : "Candidates");
    if (!loop) {
        ui::muted("Create or pick a loop first.");
        return;
    }
    const auto& candidates = view.rows;
    int index = -1;
    for (std::size_t i = 0; i < candidates.size(); ++i)
        if (candidates[i].candidate.id == ctx.candidate_id) index = static_cast<int>(i);
    if (!keys::typing() && !keys::ctrl() && !candidates.empty()) {
        if (keys::pressed_repeat(keys::down)) index = std::min(index + 1, static_cast<int>(candidates.size()) - 1);
        if (keys::pressed_repeat(keys::up)) index = std::max(index - 1, 0);
        if (index >= 0) ctx.candidate_id = candidates[static_cast<std::size_t>(index)].candidate.id;
    }
    for (const auto& [c, submitted, interview_count] : candidates) {
        ImGui::PushID(static_cast<int>(c.id));
        if (ImGui::Selectable(ui::shown(c.name).c_str(), c.id == ctx.candidate_id)) ctx.candidate_id = c.id;
        ui::muted(fmt::format("   {}{}, {} of {} interviews submitted", c.archived ? "archived, " : "", name(c.level),
                              submitted, interview_count));
        ImGui::PopID();
    }
    ImGui::Spacing();
    ui::heading("New candidate");
    if (keys::command(keys::left)) new_candidate_level_ = 0;
    if (keys::command(keys::right)) new_candidate_level_ = 1;
    if (keys::command(keys::letter('C'))) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-1);
    const bool candidate_enter = ui::input_text_limited("##cand-name", "full name (C)", &new_candidate_.name,
                                                        name_limit, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SetNextItemWidth(-1);
    ui::input_text_limited("##cand-role", loop->role.empty() ? "role" : loop->role.c_str(), &new_candidate_.role,
                           name_limit);
    ImGui::RadioButton("junior (Left)", &new_candidate_level_, 0);
    ImGui::SameLine();
    ImGui::RadioButton("senior (Right)", &new_candidate_level_, 1);
    if (ImGui::Button("Add candidate") || candidate_enter) {
        new_candidate_.loop_id = loop->id;
        new_candidate_.level = new_candidate_level_ == 0 ? Level::junior : Level::senior;
        if (new_candidate_.role.empty()) new_candidate_.role = loop->role;
        try {
            ctx.people.save(new_candidate_);
            ctx.candidate_id = new_candidate_.id;
            ctx.tell("Added " + new_candidate_.name);
            new_candidate_ = {};
        } catch (const std::exception& e) {
            ctx.warn(e.what());
        }
    }
}

void CandidatesScreen::draw_candidate(AppContext& ctx) {
    const auto& view = candidate_view_.get(ctx.db, ctx.candidate_id, [&] {
        CandidateView v;
        v.candidate = ctx.people.find_candidate(ctx.candidate_id);
        if (v.candidate) v.interviews = ctx.interviews.for_candidate(v.candidate->id);
        return v;
    });
    const auto candidate = view.candidate;
    if (!candidate) {
        ui::muted("Pick a candidate.");
        return;
    }
    if (editing_.id != candidate->id) editing_ = *candidate;
    ui::heading(candidate->name);
    ImGui::PushItemWidth(-ui::em(5));
    ui::input_text_limited("Name", nullptr, &editing_.name, name_limit);
    bool changed = ImGui::IsItemDeactivatedAfterEdit();
    ui::input_text_limited("Role", nullptr, &editing_.role, name_limit);
    changed |= ImGui::IsItemDeactivatedAfterEdit();
    int level = editing_.level == Level::senior ? 1 : 0;
    if (ImGui::Combo("Level", &level, candidate_levels, 2)) {
        editing_.level = level == 0 ? Level::junior : Level::senior;
        changed = true;
    }
    ui::input_text_multiline("Notes", &editing_.notes, {-ui::em(5), ui::em(4)}, ui::text_limit_flags,
                              ui::text_limit_callback, &notes_limit_);
    changed |= ImGui::IsItemDeactivatedAfterEdit();
    if (notes_limit_.clipped)
        ui::warning("Notes hold at most " + grouped(PeopleTextLimits::notes) + " characters: what went past that was not kept.");
    ImGui::PopItemWidth();
    if (ImGui::Button(editing_.archived ? "Restore candidate" : "Archive candidate")) {
        editing_.archived = !editing_.archived;
        changed = true;
    }
    ImGui::SameLine();
    if (ImGui::Button("Erase candidate...")) {
        confirming_erase_ = true;
        erase_typed_.clear();
    }
    if (confirming_erase_) {
        // Typing the name, not a click, confirms: an erase cannot be undone.
        ImGui::TextWrapped("Erase %s for good, with their interviews, scores and notes, and every backup "
                           "taken before now? Type their name to confirm.", ui::shown(candidate->name).c_str());
        ImGui::SetNextItemWidth(-ui::em(5));
        ui::input_text_with_hint("##erase-name", ui::with_stand_ins(candidate->name).c_str(), &erase_typed_);
        ImGui::BeginDisabled(erase_typed_ != candidate->name);
        const bool erase = ImGui::Button("Erase for good");
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) confirming_erase_ = false;
        if (erase && erase_selected(ctx, erase_typed_)) return;
    }
    if (changed) {
        try {
            ctx.people.save(editing_);
        } catch (const std::exception& e) {
            ctx.warn(e.what());
            editing_ = *candidate;
        }
    }

    ui::heading("Interviews");
    const auto& interviews = view.interviews;
    if (interviews.empty()) ui::muted("None yet.");
    if (ImGui::BeginTable("interviews", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Interviewer");
        ImGui::TableSetupColumn("Date");
        ImGui::TableSetupColumn("Status");
        ImGui::TableSetupColumn("Scored");
        ImGui::TableSetupColumn("");
        if (!interviews.empty()) ImGui::TableHeadersRow();
        for (const auto& iv : interviews) {
            ImGui::PushID(static_cast<int>(iv.id));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(ui::shown(iv.interviewer).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(iv.date.c_str());
            ImGui::TableNextColumn();
            std::string status(label(iv.status));
            if (iv.recommendation) status += fmt::format(" ({})", label(*iv.recommendation));
            ImGui::TextUnformatted(status.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%d / %zu", iv.scored_count(), iv.questions.size());
            ImGui::TableNextColumn();
            if (ImGui::SmallButton("Open")) {
                ctx.interview_id = iv.id;
                ctx.go_to(ScreenId::interview);
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (!keys::typing() && keys::pressed(keys::enter) && !interviews.empty() && !share_asking_) {
        ctx.interview_id = interviews.back().id;
        ctx.go_to(ScreenId::interview);
    }
    ImGui::Spacing();
    if (ImGui::Button("Plan a new interview (Ctrl+3)")) {
        ctx.interview_id = 0;
        ctx.go_to(ScreenId::plan);
    }
}

} // namespace panelist
