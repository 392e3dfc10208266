// What is wrong with a file a user gave us, and where: every reader reports through these, so
// every message names the file, the line and column, and the field.
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

namespace panelist {

struct SourcePosition {
    int line = 0; // 1-based; 0 when unknown
    int column = 0;
};

// What is wrong with a file, and where: "bank.toml:12:9: minutes: 0 is not between 1 and 120".
struct FileProblem {
    std::string file;
    SourcePosition at;
    std::string field;
    std::string message;
    std::string to_string() const;
};

// A reader keeps at most this many problems of one file: the first ones are what a person
// fixes, and a file of a million mistakes must not take a million lines or their memory.
constexpr std::size_t max_file_problems = 100;

class FileError : public std::runtime_error {
public:
    explicit FileError(std::vector<FileProblem> problems);
    const std::vector<FileProblem>& problems() const { return problems_; }

private:
    std::vector<FileProblem> problems_;
};

} // namespace panelist
