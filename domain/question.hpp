// A question of the bank: what is asked aloud, and what the interviewer sees privately.
#pragma once
#include "domain/enums.hpp"
#include "domain/problem.hpp"

#include <array>
#include <string>
#include <vector>

namespace panelist {

// What an answer worth 1, 3 and 5 sounds like. Scores 2 and 4 sit between their neighbours.
struct Rubric {
    std::string one;
    std::string three;
    std::string five;
    bool empty() const { return one.empty() && three.empty() && five.empty(); }
    // The rubric's words for a score 1-5: 2 and 4 borrow "between" wording.
    std::string words_for(int score) const;
    bool operator==(const Rubric&) const = default;
};

struct Question {
    std::string id; // stable slug, e.g. "monitoring/psi"
    std::string topic;
    std::vector<std::string> tags;
    Level level = Level::both;
    Difficulty difficulty = Difficulty::medium;
    int minutes = 5;
    std::string prompt;
    std::string answer;
    std::vector<std::string> follow_ups;
    Rubric rubric;

    bool operator==(const Question&) const = default;
};

constexpr int max_question_minutes = 120;

// Trims texts, lower-cases and de-duplicates tags (keeping first-seen order).
Question normalised(Question);
// Every rule the question breaks; empty when it is valid.
Problems validate(const Question&);

} // namespace panelist
