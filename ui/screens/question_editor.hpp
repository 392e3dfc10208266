// The form that creates or edits one question of the bank.
#pragma once
#include "domain/question.hpp"

#include <optional>
#include <string>

namespace panelist {

class AppContext;

class QuestionEditor {
public:
    // Starts editing `q`; `original_id` empty means a new question.
    void open(const Question& q, std::string original_id);
    bool is_open() const { return open_; }
    void close() { open_ = false; }
    // Draws the form. Returns the saved question's id when the user saved successfully.
    std::optional<std::string> draw(AppContext&);

private:
    bool save(AppContext&);
    bool open_ = false;
    std::string original_id_;
    Question draft_;
    std::string tags_;       // comma-separated while editing
    std::string follow_ups_; // one per line while editing
    int level_ = 0;
    int difficulty_ = 0;
    std::string error_;
};

} // namespace panelist
