// report: one candidate's scorecard as Markdown, HTML, PDF or JSON.
#include "persistence/files.hpp"
#include "persistence/people_repository.hpp"
#include "persistence/report_formats.hpp"
#include "persistence/question_file.hpp"
#include "persistence/report_source.hpp"
#include "ui/cli/commands.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace panelist {
namespace {

// Candidates whose name (or uuid) is `who`; a name shared across loops needs --loop.
std::vector<std::int64_t> find_candidates(Database& db, const std::string& who, const std::string& loop) {
    SQLite::Statement s(db.sql(), "SELECT c.id FROM candidate c JOIN loop l ON l.id = c.loop_id "
                                  "WHERE (c.name = ? OR c.uuid = ?) AND (? = '' OR l.name = ?) ORDER BY c.id");
    s.bind(1, who);
    s.bind(2, who);
    s.bind(3, loop);
    s.bind(4, loop);
    std::vector<std::int64_t> ids;
    while (s.executeStep()) ids.push_back(s.getColumn(0).getInt64());
    return ids;
}

} // namespace

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
        fmt::print(stderr, "'{}' is not a report format; use md, html, pdf or json.\n", format);
        return exit_usage;
    }
    const auto ids = find_candidates(db, candidate, loop);
    if (ids.empty()) {
        fmt::print(stderr, "There is no candidate named '{}'{}.\n", candidate, loop.empty() ? "" : " in loop '" + loop + "'");
        return exit_user_error;
    }
    if (ids.size() > 1) {
        fmt::print(stderr, "{} candidates are named '{}'; say which loop with --loop NAME.\n", ids.size(), candidate);
        return exit_user_error;
    }
    const auto report = load_candidate_report(db, ids.front(), viewer);
    try {
        write_file_atomically(out, render_report(*report, *parsed), 0600);
    } catch (const FileError& e) {
        fmt::print(stderr, "{}\n", e.what());
        return exit_user_error;
    }
    fmt::print("Wrote the report on {} to {}\n", report->candidate, out.string());
    return exit_ok;
}

} // namespace panelist
