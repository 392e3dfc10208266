// bundle export and bundle import: scorecards carried between laptops as JSON files.
#include "persistence/formats/bundle.hpp"
#include "domain/text.hpp"
#include "ui/cli/terminal.hpp"
#include "persistence/files/files.hpp"
#include "ui/cli/commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace panelist {
namespace {

int export_bundle(Database& db, const BundleOptions& o) {
    const auto bundle =
        o.interview ? bundle_for_interview(db, *o.interview) : bundle_for_loop(db, *o.loop);
    if (!bundle) {
        if (o.interview)
            say_err("There is no interview '{}' (give its number or UUID).\n",
                       *o.interview);
        else
            say_err("There is no loop named '{}'.\n", *o.loop);
        return exit_user_error;
    }
    const std::string text = write_bundle(*bundle);
    try {
        // Scores and notes about people: readable by their owner only.
        write_file_atomically(o.out, text, 0600);
    } catch (const FileError& e) {
        say_err("{}\n", e.what());
        return exit_user_error;
    }
    say("Wrote {} of {} in '{}' to {}\n", plural(bundle->interviews.size(), "interview"),
        plural(bundle->candidates.size(), "candidate"), bundle->loop.name, o.out.string());
    if (const auto warning = bundle_too_large_to_import(text)) say_err("{}\n", *warning);
    return exit_ok;
}

int import_bundles(Database& db, const BundleOptions& o) {
    BundleImportReport report;
    try {
        report = import_bundle_files(db, o.files, o.merge_same_names ? SameNames::merge : SameNames::refuse);
    } catch (const FileError& e) {
        say_err("{}\nNothing was imported.\n", e.what());
        return exit_user_error;
    } catch (const SameNamesFound& e) {
        say_err("Nothing was imported.\n{}\n", e.what());
        return exit_user_error;
    }
    for (const auto& m : report.interviews)
        say("{}: {}\n", m.file, m.describe());
    std::string summary = fmt::format(
        "interviews: {} added, {} replaced, {} unchanged, {} skipped (older)",
        report.count(MergeOutcome::added), report.count(MergeOutcome::replaced),
        report.count(MergeOutcome::unchanged), report.count(MergeOutcome::skipped_older));
    if (const int conflicts = report.count(MergeOutcome::skipped_conflict))
        summary += fmt::format(", {} skipped (conflict)", conflicts);
    if (const int behind = report.count(MergeOutcome::skipped_behind))
        summary += fmt::format(", {} skipped (further along here)", behind);
    say("{}\nloops: {} added, {} taken as one here\ncandidates: {} added, {} taken as one here\n",
               summary, report.loops_added, report.loops_matched, report.candidates_added,
               report.candidates_matched);
    return exit_ok;
}

} // namespace

CLI::App* add_bundle_command(CLI::App& app, BundleOptions& o) {
    auto* bundle = app.add_subcommand(
        "bundle", "Carry scorecards between laptops: export or import JSON bundles");
    bundle->require_subcommand(1);
    o.export_cmd = bundle->add_subcommand(
        "export", "Write one interview, or every interview of a loop, to a bundle");
    auto* which = o.export_cmd->add_option_group("what", "Which interviews (one of)");
    which->add_option("--interview", o.interview, "The interview's number or UUID");
    which->add_option("--loop", o.loop, "The loop's name");
    which->require_option(1);
    o.export_cmd->add_option("--out", o.out, "File to write (JSON, owner-only)")->required();
    o.import_cmd =
        bundle->add_subcommand("import", "Merge bundles into the database, all or nothing");
    o.import_cmd->add_option("files", o.files, "Bundle files (JSON)")->required();
    o.import_cmd->add_flag("--merge-same-names", o.merge_same_names,
                           "A loop or candidate made on another laptop under the same name as one "
                           "here is that one (remembered for later files)");
    return bundle;
}

int bundle_command(Database& db, const BundleOptions& o) {
    if (o.export_cmd->parsed()) return export_bundle(db, o);
    return import_bundles(db, o);
}

} // namespace panelist
