// Question files: TOML text holding questions and/or question sets (docs/question-format.md).
#pragma once
#include "domain/question.hpp"
#include "domain/question_set.hpp"
#include "persistence/files/file_problem.hpp"

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace panelist {

constexpr int question_file_format = 1;

struct QuestionFile {
    std::vector<Question> questions;
    std::vector<QuestionSet> sets;
    // Where each question and set starts in the file it was read from (same order).
    std::vector<SourcePosition> question_positions;
    std::vector<SourcePosition> set_positions;
    // The curator's decisions (docs/curation.md): questions retired (`retired = true`), and
    // pairs kept apart on purpose ([[kept_apart]] questions = ["a", "b"]), each in id order.
    std::vector<std::string> retired;
    std::vector<std::pair<std::string, std::string>> kept_apart;
    std::vector<SourcePosition> kept_apart_positions;
    // Fields the file has no place for (a spreadsheet without an answer or rubric column): an
    // import keeps what the database holds for them instead of emptying them.
    std::vector<std::string> absent_fields;
    // Questions read from a page (Markdown or plain text, question_page.hpp): imported as drafts,
    // never planned until a curator has given each a level and a rubric.
    std::vector<std::string> drafts;
};

struct QuestionFileReading {
    QuestionFile content;
    std::vector<FileProblem> problems; // empty when the file is good
};

// Reads and checks one file's text. Bad content gives problems, never an exception.
QuestionFileReading read_question_file(std::string_view text, const std::string& file_name);
// The canonical text of a file: export -> import -> export is byte-identical.
std::string write_question_file(const QuestionFile&);

} // namespace panelist
