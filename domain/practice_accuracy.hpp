// How accurately an interviewer scores, measured in calibration practice: they score sample
// answers whose reference score the bank gives (docs/agreement.md, "Practice accuracy").
#pragma once
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace panelist {

// One practised sample answer: the score the interviewer gave and the bank's reference score.
struct PracticeItemScore {
    std::string question_id;
    int sample = 0;    // which of the question's sample answers (its place in the question's list)
    int given = 0;     // 1-5, the interviewer's score
    int reference = 0; // 1-5, the bank's
    bool operator==(const PracticeItemScore&) const = default;
};

// Cronbach's (1955) accuracy components, each the root of its mean squared part (0 is perfect;
// their squares add up to the mean squared error over the items they were computed on).
// Targets are questions, dimensions are the questions' samples in order of reference score
// (the weakest first); only questions whose every sample was scored take part.
struct AccuracyComponents {
    double elevation = 0;              // the overall mean: lenient or harsh on everything
    double differential_elevation = 0; // each question's mean: harsh on some questions, lenient on others
    double stereotype_accuracy = 0;    // each sample rank's mean: weak and strong answers told apart
    double differential_accuracy = 0;  // what is left: each answer placed within its question
    int questions = 0;                 // targets used
    int ranks = 0;                     // dimensions: samples per question
};

struct PracticeAccuracy {
    int items = 0;
    double mean_absolute_error = 0;
    double within_one = 0; // share of items scored within one point of the reference, 0..1
    double bias = 0;       // mean of given - reference: above 0 lenient, below harsh
    // Present when at least two questions had all their samples scored, each with the same
    // number of samples (at least two).
    std::optional<AccuracyComponents> components;
};

// The measures over `items` (no items: items == 0 and every measure 0). Every item counts in the
// error, within-one and bias; the components take a sample scored twice at its last score.
PracticeAccuracy practice_accuracy(std::span<const PracticeItemScore> items);

// Items scored two or more points from the reference, worst first (ties in the given order).
std::vector<PracticeItemScore> missed_by_two(std::span<const PracticeItemScore> items);

} // namespace panelist
