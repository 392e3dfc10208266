// How well a loop's panel worked: agreement between interviewers (ICC, Krippendorff's alpha),
// each interviewer's leniency, and which questions actually tell candidates apart.
#pragma once
#include "domain/agreement.hpp"
#include "domain/interview.hpp"
#include "domain/people.hpp"

#include <optional>
#include <string>
#include <vector>

namespace panelist {

// A candidate of a loop with their interviews: what the loop's statistics are computed from.
struct CandidateInterviews {
    Candidate candidate;
    std::vector<Interview> interviews;
};

struct PanelAgreement {
    // Each cell: one interviewer's mean score for one candidate.
    std::optional<IntraclassCorrelations> icc;
    std::string icc_problem; // why there is no ICC (too few candidates seen by everyone, ...)
    std::optional<KrippendorffAlpha> alpha_interval;
    std::optional<KrippendorffAlpha> alpha_ordinal;
    std::string alpha_problem;
    std::vector<Leniency> leniency; // calibration feedback: + means kinder than the others
};

struct QuestionQuality {
    std::string question_id;
    std::string topic;
    std::string prompt;
    int asked = 0;
    int scored = 0;
    std::optional<double> mean;
    int spread = 0;
    // Mean score of candidates the panel ranked in the top half minus that of the bottom half:
    // near 0 means the question does not separate strong from weak candidates.
    std::optional<double> separation;
};

PanelAgreement panel_agreement(const std::vector<CandidateInterviews>&);
// `ranking`: each candidate's overall score (same order as the candidates), empty if unscored.
std::vector<QuestionQuality> question_quality(const std::vector<CandidateInterviews>&,
                                              const std::vector<std::optional<double>>& ranking);

} // namespace panelist
