// The form that creates or edits one question of the bank.
#pragma once
#include "domain/question.hpp"
#include "domain/question_draft.hpp"
#include "persistence/search/similar_questions.hpp"
#include "ui/context/clock.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace panelist {

class AppContext;

class QuestionEditor {
public:
    // Starts editing `q`; `original_id` empty means a new question.
    void open(const Question& q, std::string original_id);
    // Starts completing a draft (domain/question_draft.hpp): the form says what it still lacks,
    // and saving it with a level and a full rubric makes it an ordinary question.
    void open_draft(const Question& q, DraftState state);
    bool is_open() const { return open_; }
    void close() { open_ = false; }
    // Draws the form. Returns the saved question's id when the user saved successfully.
    std::optional<std::string> draw(AppContext&);

    // The closest questions the bank already has, as last looked up (for tests).
    const std::vector<SimilarQuestion>& close_questions() const { return close_; }
    static constexpr int close_shown = 3;
    // When the window must draw again to look up the text typed since the last lookup.
    std::optional<TimePoint> wake_at() const { return pending_; }

private:
    bool save(AppContext&);
    // Looks up the questions closest to the prompt and answer being written, at most every
    // 150 ms while they change, and draws them: Alt+1..3 shows one's prompt and answer below.
    void draw_close_questions(AppContext&);
    bool open_ = false;
    std::string original_id_;
    Question draft_;
    std::string tags_;       // comma-separated while editing
    std::string follow_ups_; // one per line while editing
    int level_ = 0;
    std::optional<DraftState> draft_state_; // when completing a draft
    bool level_given_ = true;               // a draft's level is "not given" until picked
    int difficulty_ = 0;
    std::string error_;
    std::unique_ptr<SimilarQuestions> similar_; // one per editing session
    std::vector<SimilarQuestion> close_;
    std::string looked_prompt_, looked_answer_;
    std::optional<TimePoint> looked_at_, pending_;
    std::optional<Question> shown_; // the close question shown in full, read once when chosen
    bool focus_first_ = false; // the keyboard starts in the first field
};

} // namespace panelist
