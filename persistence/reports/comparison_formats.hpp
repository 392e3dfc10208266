// A loop comparison as CSV (spreadsheets), Markdown, HTML (self-contained) and JSON.
#pragma once
#include "domain/loop_comparison.hpp"
#include "persistence/store/database.hpp"

#include <optional>
#include <string>

namespace panelist {

enum class ComparisonFormat { csv, markdown, html, json };

std::string render_comparison(const LoopComparison&, ComparisonFormat);
// One CSV field: quoted, and a cell a spreadsheet would run as a formula (=, +, -, @, tab,
// carriage return) is prefixed with ' so it shows as text.
std::string csv_field(std::string_view);

// The comparison of a loop found by name; nullopt when there is no such loop.
std::optional<LoopComparison> load_loop_comparison(Database&, const std::string& loop_name, const std::string& viewer,
                                                   bool blind, std::uint64_t blind_seed = 1);

} // namespace panelist
