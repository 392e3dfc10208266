// A named, ordered, role-specific list of questions with a time budget.
#pragma once
#include "domain/enums.hpp"
#include "domain/problem.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace panelist {

struct QuestionSet {
    std::string name; // the set's identity, e.g. "MLOps Engineer - Senior onsite, 60 min"
    std::string role;
    Level level = Level::both;
    int minutes = 60; // the time budget of an interview run from this set
    std::string description;
    std::vector<std::string> question_ids; // in interview order

    bool operator==(const QuestionSet&) const = default;
};

constexpr int max_set_minutes = 600;
// Longest name, role and description in characters, and most questions, a set may have: far past
// a 10-hour loop's needs (see QuestionTextLimits).
struct QuestionSetLimits {
    static constexpr std::size_t name = 200;
    static constexpr std::size_t role = 200;
    static constexpr std::size_t description = 4'000;
    static constexpr std::size_t questions = 500;
};

QuestionSet normalised(QuestionSet);
Problems validate(const QuestionSet&);

} // namespace panelist
