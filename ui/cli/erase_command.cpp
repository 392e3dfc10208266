// erase: a candidate and every trace of them, for an erasure request; asks for --yes first.
#include "persistence/backups/erase.hpp"
#include "ui/cli/terminal.hpp"
#include "persistence/team/team_sync.hpp"
#include "ui/cli/commands.hpp"

#include <fmt/format.h>

namespace panelist {
namespace {

std::string in_loop(const std::string& loop) {
    return loop.empty() ? "" : fmt::format(" (loop '{}')", loop);
}

} // namespace

int erase_command(Database& db, const std::string& candidate, const std::string& loop, bool yes) {
    const auto found = candidates_named(db, candidate, loop);
    if (found.empty()) {
        say_err("There is no candidate named '{}'{}. Nothing was erased.\n", candidate,
                   loop.empty() ? "" : " in loop '" + loop + "'");
        return exit_user_error;
    }
    if (found.size() > 1) {
        say_err(
            "{} candidates are named '{}'; say which loop with --loop NAME. Nothing was erased.\n",
            found.size(), candidate);
        return exit_user_error;
    }
    try {
        if (!yes) {
            const ErasePlan plan = plan_erase(db, found.front().id);
            say_err(
                "This would erase {}{} for good: the candidate, {} with their scores, notes and "
                "history, and the {} taken before now (a new one is taken after the erase).\n"
                "It cannot be undone. Nothing was erased; run again with --yes to erase.\n",
                plan.candidate.name, in_loop(plan.loop),
                plural(static_cast<std::size_t>(plan.interviews), "interview"),
                plural(plan.backups.size(), "backup"));
            return exit_usage;
        }
        // With a team folder, a tombstone makes every laptop of the team erase them too.
        const Erased erased = erase_candidate_for_team(db, found.front().id);
        say("Erased {}{}: the candidate and {} with their scores, notes and history.\n",
                   erased.candidate, in_loop(erased.loop),
                   plural(static_cast<std::size_t>(erased.interviews), "interview"));
        say("The database file was rewritten, so none of their data is left in it.\n");
        say("Deleted the {} taken before the erase, which still held them.\n",
                   plural(erased.backups_deleted.size(), "backup"));
        if (erased.fresh_backup)
            say("A new backup without them: {}\n", erased.fresh_backup->string());
        if (const auto folder = team_folder_of(db))
            say("The team folder {} has a tombstone for them, so every laptop of the team erases them "
                       "too, and their scorecards are out of it.\n", folder->string());
        for (const auto& file : erased.left_behind)
            say_err(
                       "warning: {} is a copy of the database that erase does not delete "
                       "(docs/reliability.md) and may still hold them; delete it by hand.\n",
                       file.string());
        return exit_ok;
    } catch (const EraseError& e) {
        say_err("{}\n", e.what());
        return exit_user_error;
    }
}

} // namespace panelist
