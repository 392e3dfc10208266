// Questions as a spreadsheet keeps them (docs/question-format.md, "Spreadsheets (CSV)"): one
// row a question, columns found by their header names, multi-line cells for answers and
// follow-ups, the rubric and sample answers in columns of their own. Both ways, so a team can
// go on editing its sheet: export, edit, import again.
#pragma once
#include "persistence/formats/question_file.hpp"

#include <string>
#include <string_view>

namespace panelist {

constexpr std::size_t max_csv_questions = 100'000;

// Reads and checks a CSV text: problems name FILE:LINE:COLUMN and the column, as for TOML.
// Never throws for bad content.
QuestionFileReading read_question_csv(std::string_view text, const std::string& file_name);
// The questions (not sets or pairs kept apart: those stay in TOML) as CSV, every cell quoted,
// CRLF line ends; as many sample columns as the question with the most samples needs.
std::string write_question_csv(const QuestionFile&);

} // namespace panelist
