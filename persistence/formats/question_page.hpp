// Pages of interview questions as teams keep them (a wiki page, a Markdown file, a text file),
// read into draft questions: the prompt and the answer below it, nothing else. The shapes
// public question pages use (docs/question-format.md):
//   ## 3. How would you detect drift?      a heading that asks, or is numbered
//   1. What is a feature store?            a numbered line ending in "?"
//   **How do you roll back a model?**      a bold line ending in "?"
//   Q: What is MLOps?  /  Q3. ...          a Q line; "A:" may start its answer
// The answer is everything below until the next question or a heading that is not one.
#pragma once
#include "persistence/formats/question_file.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace panelist {

// A page's questions, each a draft (QuestionFile::drafts): id "<page>/<first words>", topic the
// page's name, level both, medium, 5 minutes, no rubric. Problems name FILE:LINE: a page with
// no question in it, text that is not UTF-8, a prompt or answer over its limit.
QuestionFileReading read_question_page(std::string_view text, const std::string& file_name);

// True for a name ending in .md, .markdown or .txt (any case).
bool is_page_name(const std::filesystem::path&);

} // namespace panelist
