// One pass over a question file's text, before toml++ builds anything, that refuses text whose
// parse would take too much memory.
//
// toml++ gives every value, key and table a node of its own with its source position: a 61 MB
// question file took 787 MB to parse. A question of the shipped bank needs about 17 values, so a
// file past the limit is not one anyone wrote or exported (docs/question-format.md, "Limits").
#pragma once
#include "persistence/files/file_problem.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace panelist {

// Enough for an export of 20,000 questions; parsing that many values stays under 200 MB.
constexpr std::size_t max_question_file_values = 500'000;

// Counts what can start a value or a table outside strings and comments ('=', ',', '[', '{' and
// the dots of dotted keys), an upper bound on the nodes toml++ makes. A problem at the place
// the limit was passed, or nothing when the text is within it.
std::optional<FileProblem> question_file_over_limits(std::string_view text, const std::string& file_name);

// For an export: a sentence saying the text is more than one import reads (32 MiB or the value
// limit) and what to do instead, or nothing when it imports whole.
std::optional<std::string> too_large_to_import(std::string_view exported_text);

} // namespace panelist
