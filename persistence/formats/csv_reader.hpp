// CSV as people's spreadsheets save it (RFC 4180): UTF-8, comma-separated, "quoted" cells
// that may hold commas, doubled quotes and line breaks; every cell with where it starts, for
// messages naming FILE:LINE:COLUMN. Shared by the ratings and the question readers.
#pragma once
#include "persistence/files/file_problem.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace panelist {

struct CsvCell {
    std::string text; // trimmed unless quoted
    SourcePosition at;
    bool quoted = false;
};

struct CsvRecord {
    std::vector<CsvCell> cells;
    SourcePosition end; // just past the last character, for "too few cells"
};

// How much one file may hold, and the words for what its rows and columns are.
struct CsvLimits {
    std::size_t rows;    // past this (besides a header row) the file is refused
    std::size_t columns;
    std::string too_many_rows;    // the message, e.g. "more than 10000 candidates; ..."
    std::string too_many_columns;
};

// Refuses, at its line and column, the first byte that is not UTF-8 or is a control character
// (tabs and line ends allowed). Throws FileError.
void check_csv_text(std::string_view text, const std::string& file);
// The records of valid UTF-8 text; blank lines are skipped. Throws FileError at the first
// malformed cell or past the limits.
std::vector<CsvRecord> split_csv(std::string_view text, const std::string& file, const CsvLimits&);

} // namespace panelist
