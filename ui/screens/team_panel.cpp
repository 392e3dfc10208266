#include "ui/screens/team_panel.hpp"

#include "persistence/team/team_folder.hpp"
#include "persistence/team/team_sync.hpp"
#include "ui/context/app_context.hpp"
#include "ui/widgets/shown_text.hpp"
#include "ui/widgets/widgets.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <imgui_stdlib.h>

#include <map>
#include <set>

namespace panelist {

void TeamPanel::use_folder(AppContext& ctx, const std::string& path) {
    if (path.empty()) {
        ctx.warn("Type the team folder's path first: a folder git, Syncthing or a shared drive keeps in step.");
        return;
    }
    try {
        ctx.team.set_folder(std::filesystem::path(path));
        ctx.tell(fmt::format("Team folder: {}. Scorecards you submit go there; the others' come in by themselves.",
                             ctx.team.state().folder.string()));
    } catch (const TeamFolderMissing& e) {
        ctx.warn(e.what());
    } catch (const std::exception& e) {
        ctx.warn(fmt::format("The team folder was not changed: {}", e.what()));
    }
}

void TeamPanel::stop_using(AppContext& ctx) {
    ctx.team.set_folder(std::nullopt);
    path_.clear();
    ctx.tell("No team folder from now on. Nothing in the folder or here was deleted.");
}

void TeamPanel::share_selected_loop(AppContext& ctx) {
    if (!ctx.loop_id) return;
    share_loop_kit(ctx.db, ctx.loop_id);
    ctx.team.request();
    ctx.tell("This loop is shared as a loop kit: its candidates and who interviews whom go to the team folder.");
}

void TeamPanel::take_as_one(AppContext& ctx) { ctx.team.request(SameNames::merge); }

void TeamPanel::draw(AppContext& ctx) {
    ui::heading("Team folder");
    // Copied only when a sync changed it: the last report may list thousands of interviews.
    if (const auto generation = ctx.team.generation(); !state_ || generation != state_->generation)
        state_ = ctx.team.state();
    const TeamState& team = *state_;
    if (!path_loaded_) {
        path_ = team.folder.string();
        path_loaded_ = true;
    }
    ImGui::SetNextItemWidth(-1);
    const bool enter = ui::input_text_with_hint("##team-folder", "a folder git, Syncthing or a shared drive keeps in step",
                                                &path_, ImGuiInputTextFlags_EnterReturnsTrue);
    if (ImGui::Button("Use this folder") || enter) use_folder(ctx, path_);
    if (!team.folder.empty()) {
        ImGui::SameLine();
        if (ImGui::Button("Sync now")) ctx.team.request();
        ImGui::SameLine();
        if (ImGui::Button("Stop using it")) stop_using(ctx);
    }
    if (team.folder.empty()) {
        ui::muted("No team folder: scorecards travel only as bundles (above).");
        return;
    }
    if (!team.problem.empty()) ui::outcome(team.problem, true);
    ui::muted(team.synced_at.empty() ? std::string("Not synced yet.")
                                     : fmt::format("Synced at {}.", local_time_of(team.synced_at)));
    if (team.last) {
        const auto& r = *team.last;
        ui::wrapped(r.summary());
        for (const auto& c : r.conflicts) ui::outcome("Conflict: " + c, true);
        for (const auto& p : r.problems) ui::outcome(p, true);
        if (!r.waiting.empty()) {
            // One line per loop, however many files name it.
            std::map<std::string, std::set<std::string>> people;
            std::set<std::string> files;
            for (const auto& m : r.waiting) {
                auto& names = people[m.loop];
                if (!m.candidate.empty()) names.insert(m.candidate);
                files.insert(m.file);
            }
            for (const auto& [loop, names] : people)
                ui::outcome(fmt::format("\"{}\"{} {} here already, made separately on this laptop.", loop,
                                        names.empty() ? "" : fmt::format(" and {}", fmt::join(names, ", ")),
                                        names.empty() ? "is" : "are"),
                            true);
            ui::warning(fmt::format("{} file{} from the team wait. Are they the same loop and people? If not, "
                                    "rename yours first.", files.size(), files.size() == 1 ? "" : "s"));
            if (ImGui::Button("Take them as one")) take_as_one(ctx);
        }
    }
    if (ctx.loop_id) {
        if (shared_.get(ctx.db, ctx.loop_id, [&] { return shares_loop_kit(ctx.db, ctx.loop_id); }))
            ui::muted("This loop is shared as a loop kit.");
        else if (ImGui::Button("Share this loop as a kit"))
            share_selected_loop(ctx);
    }
}

} // namespace panelist
