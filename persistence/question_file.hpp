// Question files: TOML text holding questions and/or question sets (docs/question-format.md).
#pragma once
#include "domain/question.hpp"
#include "domain/question_set.hpp"

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace panelist {

constexpr int question_file_format = 1;

struct SourcePosition {
    int line = 0; // 1-based; 0 when unknown
    int column = 0;
};

struct QuestionFile {
    std::vector<Question> questions;
    std::vector<QuestionSet> sets;
    // Where each question and set starts in the file it was read from (same order).
    std::vector<SourcePosition> question_positions;
    std::vector<SourcePosition> set_positions;
};

// What is wrong with a file, and where: "bank.toml:12:9: minutes: 0 is not between 1 and 120".
struct FileProblem {
    std::string file;
    SourcePosition at;
    std::string field;
    std::string message;
    std::string to_string() const;
};

class FileError : public std::runtime_error {
public:
    explicit FileError(std::vector<FileProblem> problems);
    const std::vector<FileProblem>& problems() const { return problems_; }

private:
    std::vector<FileProblem> problems_;
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
