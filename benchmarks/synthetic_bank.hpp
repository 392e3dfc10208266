// A deterministic generator of large question banks and interviews for benchmarks: the same
// size gives the same data on every machine, and nothing large is kept in git.
#pragma once
#include "domain/interview.hpp"
#include "domain/question.hpp"
#include "persistence/store/database.hpp"

#include <cstdint>
#include <vector>

namespace panelist::bench {

// Question `index` of a synthetic bank: realistic lengths (40-word prompts, 150-word answers,
// three follow-ups, a rubric) drawn from an MLOps vocabulary.
Question synthetic_question(std::uint64_t index);
// Stores `count` synthetic questions in one transaction.
void fill_bank(Database&, int count);
// A loop with `count` submitted interviews of `questions_each` questions each, with notes.
void fill_interviews(Database&, int count, int questions_each);

} // namespace panelist::bench
