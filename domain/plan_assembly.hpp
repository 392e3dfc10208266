// Assembling an interview's question list: from a role set as-is, or from level, time budget,
// topic weights and a seed. Same inputs, same list, on every machine.
#pragma once
#include "domain/interview.hpp"
#include "domain/question.hpp"
#include "domain/question_set.hpp"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace panelist {

struct PlanRequest {
    Level level = Level::junior; // the candidate's level
    int budget_minutes = 45;
    // Relative weight per topic; empty means every topic counts the same. A topic that is
    // missing or weighted 0 gets no questions.
    std::map<std::string, double> topic_weights;
    std::uint64_t seed = 1;
    std::set<std::string> exclude; // questions this candidate already got or has planned
};

struct PlannedList {
    std::vector<InterviewQuestion> questions;
    std::vector<std::string> skipped; // set questions left out because the candidate had them
    int total_minutes() const;
};

// Difficulties allowed for a level: junior easy..medium, senior medium..hard.
bool difficulty_fits(Difficulty, Level candidate);

// Picks questions within the budget, spread over topics by weight, rising in difficulty.
PlannedList assemble_plan(const std::vector<Question>& bank, const PlanRequest&);
// The set's questions in the set's order, less any the candidate already had (skipped).
PlannedList plan_from_set(const QuestionSet&, const std::vector<Question>& bank,
                          const std::set<std::string>& exclude);

} // namespace panelist
