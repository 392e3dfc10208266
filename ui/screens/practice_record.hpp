// An interviewer's practice record as the Practice screen shows it: accuracy in words and
// figures, the trend across sessions, and the answers missed by two points or more.
#pragma once
#include "domain/practice_accuracy.hpp"
#include "persistence/store/practice_repository.hpp"

#include <string>
#include <vector>

namespace panelist::ui {

// "12 answers: off by 0.58 on average, 92% within one point, 0.25 lenient".
std::string accuracy_line(const PracticeAccuracy&);
// The accuracy, with Cronbach's components when the session allows them.
void draw_accuracy(const PracticeAccuracy&);
// Mean absolute error per session, oldest first, as a line.
void draw_trend(const std::vector<PracticeSession>&);
// The scores two or more points from the reference, with the reason for the reference.
void draw_missed(const std::vector<PracticeScoreRecord>&);

} // namespace panelist::ui
