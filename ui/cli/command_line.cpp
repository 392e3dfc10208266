#include "ui/cli/command_line.hpp"
#include "ui/cli/terminal.hpp"

#include "domain/text.hpp"
#include "persistence/store/database.hpp"
#include "persistence/files/paths.hpp"
#include "persistence/formats/question_file.hpp"
#include "ui/app/gui.hpp"
#include "ui/cli/commands.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <sstream>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace panelist {
namespace {

// The query as typed, from the words the shell left: an exclusion it unquoted (`-"feature
// store"` arrives as `-feature store`) is quoted again, so it stays one excluded phrase. Other
// words are joined as they are: `"topic:monitoring drift"` given as one argument is a filter and
// a word, as it always was.
std::string join_words(const std::vector<std::string>& words) {
    std::vector<std::string> typed;
    for (const auto& w : words) {
        if (w.size() > 1 && w[0] == '-' && w.find_first_of(" \t") != std::string::npos && w.find('"') == std::string::npos &&
            w.find(':') == std::string::npos)
            typed.push_back("-\"" + w.substr(1) + '"');
        else
            typed.push_back(w);
    }
    return fmt::format("{}", fmt::join(typed, " "));
}

// `panelist questions drift -"feature store"`: a search excludes words with a leading dash,
// which a command-line parser takes for options. When the command is `questions` (the first
// word that is not a top-level option or its value), everything after it is the query, except
// the options that still make sense there (--db PATH, --help); an explicit `--` is kept.
std::vector<std::string> query_after_dashes(std::vector<std::string> args) {
    static const std::vector<std::string> with_value = {"--db", "--screenshot", "--size", "--text-size", "--view"};
    std::size_t at = 1;
    while (at < args.size()) {
        const std::string& a = args[at];
        if (std::find(with_value.begin(), with_value.end(), a) != with_value.end()) {
            at += 2; // the option and its value
        } else if (a.rfind("--", 0) == 0 || (a.size() > 1 && a[0] == '-')) {
            at += 1; // --db=PATH, --help, --version, ...
        } else {
            break;
        }
    }
    if (at >= args.size() || args[at] != "questions") return args;
    if (std::find(args.begin() + static_cast<std::ptrdiff_t>(at), args.end(), std::string("--")) != args.end())
        return args;
    std::vector<std::string> out(args.begin(), args.begin() + static_cast<std::ptrdiff_t>(at) + 1), query;
    for (std::size_t i = at + 1; i < args.size(); ++i) {
        if (args[i] == "--db" && i + 1 < args.size()) {
            out.push_back(args[i]);
            out.push_back(args[++i]);
        } else if (args[i].rfind("--db=", 0) == 0 || args[i] == "--help" || args[i] == "-h") {
            out.push_back(args[i]);
        } else {
            query.push_back(args[i]);
        }
    }
    if (!query.empty()) out.push_back("--");
    out.insert(out.end(), query.begin(), query.end());
    return out;
}

} // namespace

int run_command_line(int argc, char** argv) {
    CLI::App app{"Panelist: plan, run and score technical interviews, offline.\n"
                 "With no command it opens the window."};
    app.set_version_flag("--version", PANELIST_VERSION);
    std::optional<std::filesystem::path> db_path;
    app.add_option("--db", db_path, "Database file (default: $XDG_DATA_HOME/panelist/panelist.db)");
    GuiOptions gui;
    app.add_option("--screenshot", gui.screenshot, "Render the window once to this PNG and exit");
    std::string size;
    app.add_option("--size", size, "Window size in screen units, e.g. 960x640 (half a laptop screen)")
        ->check([](const std::string& text) {
            int w = 0, h = 0;
            char x = 0;
            return std::sscanf(text.c_str(), "%d%c%d", &w, &x, &h) == 3 && x == 'x' && w >= 320 && h >= 240 &&
                           w <= 16384 && h <= 16384
                       ? std::string()
                       : "--size wants WIDTHxHEIGHT, e.g. 960x640 (at least 320x240)";
        });
    app.add_option("--text-size", gui.text_size, "Text size as a multiple of the default, e.g. 1.5")
        ->check(CLI::Range(0.6, 3.0));
    app.add_option("--view", gui.view, "Screen to show first")
        ->check(CLI::IsMember({"library", "candidates", "plan", "interview", "report", "compare", "practice", "presenter"}));
    app.require_subcommand(0, 1);
    app.fallthrough(); // `panelist demo --db PATH` as well as `panelist --db PATH demo`

    auto* import = app.add_subcommand("import", "Import question files (TOML, CSV from a spreadsheet, or a Markdown or text page of questions as drafts), all or nothing");
    std::vector<std::filesystem::path> import_files;
    bool import_preview = false;
    import->add_option("files", import_files, "Question files (.toml, .csv, or .md/.markdown/.txt pages)")->required();
    import->add_flag("--preview", import_preview, "Say what would be added, changed or left, and write nothing");

    auto* export_cmd = app.add_subcommand("export", "Export a question set, or everything, to TOML");
    std::optional<std::string> set_name;
    bool export_all = false;
    std::filesystem::path out;
    auto* set_opt = export_cmd->add_option("--set", set_name, "Name of the set to export");
    auto* all_opt = export_cmd->add_flag("--all", export_all, "Export every question and set");
    set_opt->excludes(all_opt);
    export_cmd->add_option("--out", out, "File to write")->required();

    auto* questions = app.add_subcommand("questions", "List the bank, or search it: "
                                                      "questions topic:monitoring level:senior drift");
    std::vector<std::string> query_words;
    questions->add_option("query", query_words, "Search query");
    auto* similar = app.add_subcommand("similar", "The questions closest to a question or a text: "
                                                  "similar monitoring/psi, or similar \"How do you detect drift?\"");
    std::string similar_what;
    int similar_limit = 10;
    similar->add_option("question", similar_what, "A question's id, or the text of a question")->required();
    similar->add_option("--limit", similar_limit, "How many to list (default 10)")->check(CLI::Range(1, 1000));
    auto* duplicates = app.add_subcommand("duplicates", "Pairs of questions that ask much the same, closest first");
    std::optional<std::string> duplicates_set;
    int duplicates_min = 25;
    duplicates->add_option("--set", duplicates_set, "Only pairs with a question of this set");
    duplicates->add_option("--min", duplicates_min, "Least closeness in percent (default 25)")
        ->check(CLI::Range(1, 100));
    auto* coverage = app.add_subcommand("coverage", "What a question set covers, and whether it fits its slot");
    std::string coverage_set;
    coverage->add_option("set", coverage_set, "The set's name")->required();
    auto* retire = app.add_subcommand("retire", "Never plan these questions again; past interviews keep them");
    std::vector<std::string> retire_ids;
    retire->add_option("questions", retire_ids, "Question ids")->required();
    auto* unretire = app.add_subcommand("unretire", "Plan retired questions again");
    std::vector<std::string> unretire_ids;
    unretire->add_option("questions", unretire_ids, "Question ids")->required();
    auto* merge = app.add_subcommand("merge", "Fold a duplicate into the question kept: merge KEEP DROP");
    std::string merge_keep, merge_drop;
    merge->add_option("keep", merge_keep, "The question that stays")->required();
    merge->add_option("drop", merge_drop, "The question folded into it and removed")->required();
    auto* keep_apart = app.add_subcommand("keep-apart", "Two questions that are different on purpose: "
                                                         "never listed as duplicates again");
    std::string apart_first, apart_second;
    keep_apart->add_option("first", apart_first, "A question id")->required();
    keep_apart->add_option("second", apart_second, "The other question id")->required();

    auto* report = app.add_subcommand("report", "Export a candidate's report: md, html, pdf or json");
    std::string report_candidate, report_loop, report_format = "md", report_viewer;
    std::filesystem::path report_out;
    report->add_option("candidate", report_candidate, "The candidate's name (or uuid)")->required();
    report->add_option("--format", report_format, "md, html, pdf or json")->required();
    report->add_option("--out", report_out, "File to write")->required();
    report->add_option("--loop", report_loop, "The loop, when several candidates share the name");
    report->add_option("--as", report_viewer, "Report as this interviewer sees it (sealed until they submit)");

    auto* compare = app.add_subcommand("compare", "Compare a loop's candidates: csv, md, html or json");
    std::string compare_loop_name, compare_format, compare_viewer;
    bool compare_blind = false;
    std::filesystem::path compare_out;
    compare->add_option("loop", compare_loop_name, "The loop's name")->required();
    compare->add_option("--format", compare_format, "csv, md, html or json")->required();
    compare->add_option("--out", compare_out, "File to write")->required();
    compare->add_flag("--blind", compare_blind, "Letters instead of names, in a shuffled order");
    compare->add_option("--as", compare_viewer, "Compare as this interviewer sees it (sealed until they submit)");

    auto* practice = app.add_subcommand("practice", "An interviewer's calibration practice record: json or csv "
                                                    "(docs/agreement.md)");
    std::string practice_as, practice_set, practice_format;
    std::filesystem::path practice_out;
    practice->add_option("--as", practice_as, "The interviewer, as they typed their name")->required();
    practice->add_option("--set", practice_set, "Only the scores of this question set's questions");
    practice->add_option("--format", practice_format, "json or csv")->required();
    practice->add_option("--out", practice_out, "File to write")->required();

    BundleOptions bundle_options;
    auto* bundle = add_bundle_command(app, bundle_options);
    TeamOptions team_options;
    auto* team = add_team_command(app, team_options);

    auto* demo = app.add_subcommand("demo", "Fill the database with a sample loop, candidates and interviews");

    auto* agreement = app.add_subcommand("agreement", "How far interviewers agree: ICC, Krippendorff's alpha "
                                                      "and leniency from a ratings CSV (docs/agreement.md)");
    std::filesystem::path ratings_file;
    agreement->add_option("file", ratings_file, "CSV: a row per candidate, a column per interviewer")->required();

    auto* backups = app.add_subcommand("backups", "List the database's backups, newest first");
    auto* restore = app.add_subcommand("restore", "Put a backup back in place of the database (the current "
                                                  "one is kept as a backup first)");
    std::filesystem::path restore_from;
    restore->add_option("backup", restore_from, "The backup file (see `panelist backups`)")->required();
    auto* erase = app.add_subcommand("erase", "Erase a candidate and every trace of them, backups too "
                                              "(an erasure request); needs --yes");
    std::string erase_candidate_name, erase_loop;
    bool erase_yes = false;
    erase->add_option("candidate", erase_candidate_name, "The candidate's name (or uuid)")->required();
    erase->add_option("--loop", erase_loop, "The loop, when several candidates share the name");
    erase->add_flag("--yes", erase_yes, "Really erase; without it, only say what would be erased");
    // Hidden from --help (empty group): a test tool, documented in docs/reliability.md.
    auto* drill = app.add_subcommand("drill", "Crash drill: write scores and notes until killed")->group("");
    std::uint64_t drill_seed = 1;
    drill->add_option("--seed", drill_seed, "Seed for what the drill types and scores");

    std::vector<std::string> args(argv, argv + argc);
    args = query_after_dashes(std::move(args));
    std::vector<char*> arg_pointers;
    for (auto& a : args) arg_pointers.push_back(a.data());
    try {
        app.parse(static_cast<int>(arg_pointers.size()), arg_pointers.data());
        if (export_cmd->parsed() && !set_name && !export_all)
            throw CLI::RequiredError("export needs --set NAME or --all");
        if (drill->parsed() && !db_path)
            throw CLI::RequiredError("drill needs --db PATH: it writes test data until killed, never into your "
                                     "real database",
                                     CLI::ExitCodes::RequiredError);
    } catch (const CLI::ParseError& e) {
        // CLI11 quotes the arguments it did not expect: through say, like everything else.
        std::ostringstream said, complained;
        const int code = app.exit(e, said, complained);
        say_to(stdout, said.str());
        say_to(stderr, complained.str());
        // A file whose name starts with a dash reads as an option: say how to name it.
        std::error_code no_such_file; // a name too long to be a path is no file either
        if (code != 0)
            for (std::size_t i = 1; i < args.size(); ++i)
                if (args[i].size() > 1 && args[i][0] == '-' && args[i] != "--" &&
                    std::filesystem::is_regular_file(args[i], no_such_file)) {
                    say_err("'{0}' is a file here but reads as an option: name it ./{0}, or put -- before it.\n",
                            args[i]);
                    break;
                }
        return code == 0 ? exit_ok : exit_usage;
    }

    if (agreement->parsed()) return agreement_command(ratings_file); // a file in, no database

    if (backups->parsed()) return backups_command(db_path); // no open: works on a damaged database
    if (restore->parsed()) return restore_command(db_path, restore_from);

    const auto path = db_path.value_or(default_database_path());
    try {
        // The window opens the database on another thread while it makes itself, and without
        // the start-up backup, which it takes in the background; errors come back here all
        // the same (ui/app/gui.hpp).
        gui.database = path;
        if (!size.empty()) std::sscanf(size.c_str(), "%dx%d", &gui.width, &gui.height);
        if (app.get_subcommands().empty())
            return run_gui([&](OpeningProgress& progress) { return open_database(db_path, false, &progress); },
                           gui);
        // Reading commands also work on a database this process may not write.
        const bool only_reads = (import->parsed() && import_preview) || questions->parsed() || report->parsed() || compare->parsed() || similar->parsed() ||
                                duplicates->parsed() || coverage->parsed() || export_cmd->parsed() || bundle_options.export_cmd->parsed() ||
                                practice->parsed();
        // The one slow open worth a word: rebuilding the search index after an update.
        OpeningProgress progress;
        progress.on_stage = [&](const OpeningProgress& p) {
            if (p.stage == OpeningProgress::Stage::indexing && p.to_index > 0) // not a new one
                say_err("{}: updating its search index for this version of Panelist "
                                   "({} questions; once)...\n",
                           path.string(), grouped(p.to_index));
        };
        // No start-up backup before an erase: the erase would only delete it again.
        Database db = only_reads && std::filesystem::exists(path) && read_only_reason(path)
                          ? Database::open(path, Access::read_only)
                          : open_database(db_path, !erase->parsed(), &progress);
        if (import->parsed()) return import_command(db, import_files, import_preview);
        if (export_cmd->parsed()) return export_command(db, set_name, export_all, out);
        if (questions->parsed()) return questions_command(db, join_words(query_words));
        if (similar->parsed()) return similar_command(db, similar_what, similar_limit);
        if (duplicates->parsed()) return duplicates_command(db, duplicates_set, duplicates_min);
        if (coverage->parsed()) return coverage_command(db, coverage_set);
        if (retire->parsed()) return retire_command(db, retire_ids, true);
        if (unretire->parsed()) return retire_command(db, unretire_ids, false);
        if (merge->parsed()) return merge_command(db, merge_keep, merge_drop);
        if (keep_apart->parsed()) return keep_apart_command(db, apart_first, apart_second);
        if (demo->parsed()) return demo_command(db);
        if (practice->parsed()) return practice_command(db, practice_as, practice_set, practice_format, practice_out);
        if (drill->parsed()) return drill_command(db, drill_seed);
        if (erase->parsed()) return erase_command(db, erase_candidate_name, erase_loop, erase_yes);
        if (bundle->parsed()) return bundle_command(db, bundle_options);
        if (team->parsed()) return team_command(db, team_options);
        if (compare->parsed())
            return compare_command(db, compare_loop_name, compare_format, compare_blind, compare_viewer, compare_out);
        if (report->parsed())
            return report_command(db, report_candidate, report_loop, report_format, report_viewer, report_out);
        return exit_usage; // not reached: every subcommand is dispatched above
    } catch (const DatabaseError& e) {
        say_err("{}\n", e.what());
        return exit_user_error;
    } catch (const FileError& e) {
        say_err("{}\n", e.what());
        return exit_user_error;
    } catch (const SQLite::Exception& e) { // busy or read-only under a command's write
        say_err("{}\n", database_error(path, e).what());
        return exit_user_error;
    } catch (const std::filesystem::filesystem_error& e) {
        // e.g. a path longer than the system allows: say which, never abort.
        say_err("{}: {}\n", e.path1().string().substr(0, 200), e.code().message());
        return exit_user_error;
    } catch (const std::exception& e) {
        say_err("panelist: {}\n", e.what());
        return exit_user_error;
    }
}

} // namespace panelist
