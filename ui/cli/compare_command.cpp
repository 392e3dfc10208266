// compare: a loop's candidates side by side, as CSV, Markdown, HTML or JSON.
#include "persistence/reports/comparison_formats.hpp"
#include "ui/cli/terminal.hpp"
#include "persistence/files/files.hpp"
#include "persistence/formats/question_file.hpp"
#include "ui/cli/commands.hpp"

#include <fmt/format.h>
#include <random>

namespace panelist {

int compare_command(Database& db, const std::string& loop, const std::string& format, bool blind,
                    const std::string& viewer, const std::filesystem::path& out) {
    std::optional<ComparisonFormat> f;
    if (format == "csv") f = ComparisonFormat::csv;
    if (format == "md" || format == "markdown") f = ComparisonFormat::markdown;
    if (format == "html") f = ComparisonFormat::html;
    if (format == "json") f = ComparisonFormat::json;
    if (!f) {
        say_err("'{}' is not a comparison format; use csv, md, html or json.\n", format);
        return exit_usage;
    }
    // A new shuffle each run: a blind file reveals nothing through its order.
    const auto comparison = load_loop_comparison(db, loop, viewer, blind, std::random_device{}());
    if (!comparison) {
        say_err("There is no loop named '{}'.\n", loop);
        return exit_user_error;
    }
    try {
        write_file_atomically(out, render_comparison(*comparison, *f), 0600);
    } catch (const FileError& e) {
        say_err("{}\n", e.what());
        return exit_user_error;
    }
    say("Wrote the comparison of {} candidates in {} to {}\n", comparison->rows.size(), loop, out.string());
    if (!comparison->comparable) say_err("Note: {}\n", comparison->comparability);
    return exit_ok;
}

} // namespace panelist
