// team: the team folder a sync engine keeps in step between laptops (docs/team-folder.md).
//   panelist team                       where the folder is, and when it last synced
//   panelist team folder PATH | --off   use that folder from now on, or none
//   panelist team share LOOP            write the loop's kit there at each sync (hiring manager)
//   panelist team sync                  read what the others wrote, write what is new here
#include "persistence/store/people_repository.hpp"
#include "ui/cli/terminal.hpp"
#include "persistence/team/team_folder.hpp"
#include "persistence/team/team_sync.hpp"
#include "ui/cli/commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace panelist {
namespace {

void print_report(const TeamSyncReport& r) {
    for (const auto& m : r.imported.interviews)
        if (m.outcome == MergeOutcome::added || m.outcome == MergeOutcome::replaced)
            say("{}: {}\n", m.file, m.describe());
    for (const auto& name : r.erased) say("erased {}: another laptop erased this candidate\n", name);
    for (const auto& c : r.conflicts) say_err("conflict: {}\n", c);
    for (const auto& p : r.problems) say_err("{}\n", p);
    for (const auto& m : r.waiting) say_err("waiting: {}\n", m.describe());
    if (!r.waiting.empty())
        say_err("Those files wait. If the loops and candidates are the same, run `panelist team sync "
                           "--merge-same-names` to take them as one; if not, rename one of them first.\n");
    say("{}\n", r.summary());
}

int sync(Database& db, bool merge_same_names) {
    const auto folder = team_folder_of(db);
    if (!folder) {
        say_err("No team folder is set. Set one with `panelist team folder PATH`.\n");
        return exit_user_error;
    }
    try {
        const auto report = sync_team_folder(db, *folder, merge_same_names ? SameNames::merge : SameNames::refuse);
        print_report(report);
        return report.waiting.empty() ? exit_ok : exit_user_error;
    } catch (const TeamFolderMissing& e) {
        say_err("{}.\n", e.what());
        return exit_user_error;
    }
}

} // namespace

CLI::App* add_team_command(CLI::App& app, TeamOptions& o) {
    auto* team = app.add_subcommand("team", "The team folder that git, Syncthing or a shared drive keeps in step "
                                            "between laptops: scorecards and loop kits (docs/team-folder.md)");
    o.folder_cmd = team->add_subcommand("folder", "Use this folder from now on (or --off for none)");
    o.folder_cmd->add_option("path", o.folder, "An existing folder");
    o.folder_cmd->add_flag("--off", o.off, "Stop using a team folder");
    o.share_cmd = team->add_subcommand("share", "Write this loop's kit (candidates, who interviews whom) to the "
                                                "folder at each sync");
    o.share_cmd->add_option("loop", o.loop, "The loop's name")->required();
    o.sync_cmd = team->add_subcommand("sync", "Read what the others wrote, write what is new here");
    o.sync_cmd->add_flag("--merge-same-names", o.merge_same_names,
                         "A loop or candidate made on another laptop under the same name as one here is that one");
    return team;
}

int team_command(Database& db, const TeamOptions& o) {
    try {
        if (o.folder_cmd->parsed()) {
            if (o.off == !o.folder.empty()) {
                say_err("{}\n", o.off ? "Give either a folder or --off, not both." : "Give the folder, or --off.");
                return exit_usage;
            }
            set_team_folder(db, o.off ? std::nullopt : std::optional(o.folder));
            if (o.off) {
                say("No team folder from now on.\n");
                return exit_ok;
            }
            say("Team folder: {}\n", team_folder_of(db)->string());
            return sync(db, false);
        }
        if (o.share_cmd->parsed()) {
            const auto loop = PeopleRepository(db).find_loop_by_name(o.loop);
            if (!loop) {
                say_err("There is no loop named '{}'.\n", o.loop);
                return exit_user_error;
            }
            share_loop_kit(db, loop->id);
            say("'{}' is shared as a loop kit from now on.\n", loop->name);
            return team_folder_of(db) ? sync(db, false) : exit_ok;
        }
        if (o.sync_cmd->parsed()) return sync(db, o.merge_same_names);
        const auto folder = team_folder_of(db);
        if (!folder) {
            say("No team folder. Set one with `panelist team folder PATH`.\n");
            return exit_ok;
        }
        const auto at = team_synced_at(db);
        say("Team folder: {}\nLast sync: {}\n", folder->string(), at.empty() ? "never" : at);
        return exit_ok;
    } catch (const TeamFolderMissing& e) {
        say_err("{}.\n", e.what());
        return exit_user_error;
    }
}

} // namespace panelist
