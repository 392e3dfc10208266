// report: one candidate's scorecard as Markdown, HTML, PDF or JSON.
#include "persistence/files/files.hpp"
#include "ui/cli/terminal.hpp"
#include "persistence/store/people_repository.hpp"
#include "persistence/reports/report_formats.hpp"
#include "persistence/formats/question_file.hpp"
#include "persistence/reports/report_source.hpp"
#include "ui/cli/commands.hpp"

#include <fmt/format.h>

namespace panelist {

std::optional<ReportFormat> parse_report_format(const std::string& text) {
    if (text == "md" || text == "markdown") return ReportFormat::markdown;
    if (text == "html") return ReportFormat::html;
    if (text == "pdf") return ReportFormat::pdf;
    if (text == "json") return ReportFormat::json;
    return std::nullopt;
}

int report_command(Database& db, const std::string& candidate, const std::string& loop, const std::string& format,
                   const std::string& viewer, const std::filesystem::path& out) {
    const auto parsed = parse_report_format(format);
    if (!parsed) {
        say_err("'{}' is not a report format; use md, html, pdf or json.\n", format);
        return exit_usage;
    }
    const auto found = candidates_named(db, candidate, loop); // several: a name shared across loops
    if (found.empty()) {
        say_err("There is no candidate named '{}'{}.\n", candidate, loop.empty() ? "" : " in loop '" + loop + "'");
        return exit_user_error;
    }
    if (found.size() > 1) {
        say_err("{} candidates are named '{}'; say which loop with --loop NAME.\n", found.size(), candidate);
        return exit_user_error;
    }
    const auto report = load_candidate_report(db, found.front().id, viewer);
    try {
        write_file_atomically(out, render_report(*report, *parsed), 0600);
    } catch (const FileError& e) {
        say_err("{}\n", e.what());
        return exit_user_error;
    }
    say("Wrote the report on {} to {}\n", report->candidate, out.string());
    return exit_ok;
}

} // namespace panelist
