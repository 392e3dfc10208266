// import, export and questions: the bank from the command line.
#include "domain/search_query.hpp"
#include "domain/text.hpp"
#include "ui/cli/terminal.hpp"
#include "persistence/files/files.hpp"
#include "persistence/formats/question_import.hpp"
#include "persistence/formats/toml_shape.hpp"
#include "persistence/store/curation_repository.hpp"
#include "persistence/store/question_repository.hpp"
#include "ui/context/clock.hpp"
#include "ui/cli/commands.hpp"

#include <fmt/format.h>

namespace panelist {
namespace {

std::string counts(const ImportCounts& c, std::string_view what) {
    return fmt::format("{}: {} added, {} updated, {} unchanged", what, c.added, c.updated,
                       c.unchanged);
}

// One line of a terminal table: the prompt cut to fit, on a character boundary.
std::string shorten(const std::string& text, std::size_t max) {
    std::string one_line = text;
    for (char& c : one_line)
        if (c == '\n') c = ' ';
    if (one_line.size() <= max) return one_line;
    std::size_t cut = max - 3;
    while (cut > 0 && (static_cast<unsigned char>(one_line[cut]) & 0xC0) == 0x80) --cut;
    return one_line.substr(0, cut) + "...";
}

} // namespace

int import_command(Database& db, const std::vector<std::filesystem::path>& files, bool preview) {
    try {
        if (preview) {
            const ImportPreview what = preview_question_files(db, files);
            for (const auto& line : describe(what)) say("{}\n", line);
            say("Nothing was written (a preview); run the same without --preview to import.\n");
            return exit_ok;
        }
        const ImportReport report = import_question_files(db, files);
        say("{}\n{}\n", counts(report.questions, "questions"), counts(report.sets, "sets"));
        if (report.retired > 0) say("{} retired (never planned again)\n", plural(report.retired, "question"));
        if (report.kept_apart > 0) say("{} kept apart on purpose\n", plural(report.kept_apart, "pair"));
        if (report.drafts > 0)
            say("{} from pages: drafts, never planned until each has a level and a rubric (the Library, Ctrl+D)\n",
                plural(report.drafts, "question"));
        if (report.skipped > 0) say("{} on the pages the bank already has: skipped\n", plural(report.skipped, "question"));
        // Only `format = 1`, as an empty bank exports: accepted (it round-trips), but said.
        if (report.questions == ImportCounts{} && report.sets == ImportCounts{} && report.skipped == 0)
            say_err("The file{} held no questions or sets; nothing was imported.\n", files.size() == 1 ? "" : "s");
        return exit_ok;
    } catch (const FileError& e) {
        say_err("{}\nNothing was imported.\n", e.what());
        return exit_user_error;
    }
}

int export_command(Database& db, const std::optional<std::string>& set_name, bool all,
                   const std::filesystem::path& out) {
    std::optional<QuestionFile> file;
    if (all) {
        file = collect_all_for_export(db);
    } else {
        file = collect_set_for_export(db, *set_name);
        if (!file) {
            say_err("There is no question set named '{}'.\n", *set_name);
            return exit_user_error;
        }
    }
    const std::string text = write_questions(out, *file);
    try {
        write_file_atomically(out, text, 0644);
    } catch (const FileError& e) {
        say_err("{}\n", e.what());
        return exit_user_error;
    }
    if (is_csv_name(out))
        say("Wrote {} to {} (CSV holds questions; sets and pairs kept apart stay in TOML)\n",
            plural(file->questions.size(), "question"), out.string());
    else
        say("Wrote {} and {} to {}\n", plural(file->questions.size(), "question"), plural(file->sets.size(), "set"),
            out.string());
    if (const auto warning = is_csv_name(out) ? std::nullopt : too_large_to_import(text)) say_err("{}\n", *warning);
    return exit_ok;
}

int questions_command(Database& db, const std::string& text) {
    SearchQuery query;
    try {
        query = parse_search_query(text);
    } catch (const QueryError& e) {
        // The query is shown with its control characters as escapes: the caret counts the cells
        // of what is shown (a CJK character or an emoji takes two).
        const auto before = display_width(visible_controls(std::string_view(text).substr(0, e.byte())));
        say_err("Bad query: {}\n  {}\n  {}^\n", e.what(), text, std::string(before, ' '));
        return exit_user_error;
    }
    QuestionRepository questions(db);
    auto rows = questions.search(query, 100000);
    if (query.uses_records()) {
        // asked:, quality:, sort:: what submitted interviews measured (docs/curation.md).
        CurationRepository curation(db);
        const auto records = curation.records(SystemClock().today());
        rows = apply_records(std::move(rows), query, records);
        for (const auto& q : rows) {
            const auto it = records.find(q.id);
            const std::string measured =
                it == records.end() ? "never asked"
                                    : fmt::format("asked {}x, last {}{}", it->second.asked, it->second.last_asked,
                                                  it->second.separation
                                                      ? fmt::format(", separation {:+.2f}", *it->second.separation)
                                                      : std::string());
            say("{:<42} {:<6} {:<6} {:>3}m  {}  {}\n", q.id, name(q.level), name(q.difficulty), q.minutes,
                shorten(q.prompt, 50), measured);
        }
        say_err("{} question{}\n", rows.size(), rows.size() == 1 ? "" : "s");
        return exit_ok;
    }
    for (const auto& q : rows)
        say("{:<42} {:<6} {:<6} {:>3}m  {}\n", q.id, name(q.level), name(q.difficulty),
                   q.minutes, shorten(q.prompt, 90));
    say_err("{} question{}\n", rows.size(), rows.size() == 1 ? "" : "s");
    return exit_ok;
}

} // namespace panelist
