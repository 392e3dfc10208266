// Ratings matrices from plain CSV: one row per candidate, one column per interviewer.
#pragma once
#include "domain/agreement.hpp"

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace panelist {

// One loop's panel is far smaller; the limits keep a wrong file from taking minutes.
constexpr std::size_t max_ratings_candidates = 10000;
constexpr std::size_t max_ratings_interviewers = 200;
// Beyond any interview scale; past it the sums of squares lose all precision or overflow.
constexpr double max_rating_magnitude = 1e6;
// Finer than any scale's step: the squares of such scores' differences underflow to zero, and
// every coefficient would be 0/0 for scores that differ.
constexpr double min_rating_magnitude = 1e-6; // besides 0 itself

// The format (docs/agreement.md): UTF-8, comma-separated, "quoted" cells allowed; an empty
// cell is a missing score. A first row with a non-numeric cell is a header of interviewer
// names; a first column with a non-numeric cell holds candidate names.
// Throws FileError naming file:line:column for anything else, before building anything.
RatingsMatrix parse_ratings_csv(std::string_view text, const std::string& file_name);
// Reads the file (missing, folder or over max_input_file_bytes: FileError) and parses it.
RatingsMatrix read_ratings_csv(const std::filesystem::path&);

} // namespace panelist
