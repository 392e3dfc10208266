// A named, ordered, role-specific list of questions with a time budget.
#pragma once
#include "domain/enums.hpp"
#include "domain/problem.hpp"

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

QuestionSet normalised(QuestionSet);
Problems validate(const QuestionSet&);

} // namespace panelist
