// "/" then type: a search of the bank whose results Up / Down pick and Enter takes. Plan adds the
// choice to an interview, the set panel to a set; each says which results it cannot take, and why.
#pragma once
#include "persistence/store/question_repository.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace panelist {

class AppContext;

class QuestionPicker {
public:
    // Why a result cannot be taken ("already asked", "retired", "in the set"), or nothing if it can.
    using Refusal = std::function<std::optional<std::string>(const QuestionSummary&)>;

    // The search field takes the keyboard on the next draw.
    void focus() { focus_ = true; }
    bool has_keyboard() const { return active_; }
    // Draws the field and its results; returns the question taken this frame (Enter or its button).
    std::optional<QuestionSummary> draw(AppContext&, const char* hint, const Refusal& refuse);

private:
    bool focus_ = false;
    bool active_ = false;
    int choice_ = 0; // the result Enter takes
    std::string query_;
    std::string searched_;
    std::vector<QuestionSummary> results_;
};

} // namespace panelist
