// A loop's candidates side by side: topic means, overall, coverage and recommendations, each
// interviewer's scores, the spread between interviewers, and where they disagree.
#pragma once
#include "domain/candidate_report.hpp"
#include "domain/panel_quality.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace panelist {

struct InterviewerScores {
    std::string interviewer;
    std::map<std::string, double> topic_means;
    std::optional<double> overall;
    std::optional<Recommendation> recommendation;
    bool submitted = false;
};

struct ComparisonRow {
    std::string label; // the candidate's name, or "Candidate A" in blind mode
    Level level = Level::junior;
    std::map<std::string, TopicSummary> topics;
    std::optional<double> overall;
    double coverage = 0;
    std::optional<Recommendation> panel;
    std::vector<InterviewerScores> interviewers;
    // Highest minus lowest interviewer overall mean: how far the panel is apart on this person.
    double spread = 0;
    // Topics where two interviewers' means for this candidate differ by 2 or more.
    std::vector<std::string> disagreements;
    int sealed = 0;
};

struct LoopComparison {
    std::string loop;
    std::vector<std::string> topics; // every topic asked in the loop, sorted
    std::vector<ComparisonRow> rows;
    bool blind = false;
    // False when candidates were asked different question lists; `comparability` says how.
    bool comparable = true;
    std::string comparability;
    PanelAgreement agreement;               // over the interviews this viewer may see
    std::vector<QuestionQuality> questions; // every question asked in the loop
};

constexpr double disagreement_threshold = 2.0;

// Columns of the comparison, in the order the Compare screen shows them; topic columns follow.
enum class ComparisonColumn { candidate, overall, coverage, panel, spread, first_topic };
// Sorts rows by a column (index as shown: 0 candidate ... 5+ topics). Missing values sort as
// lowest; ties keep their current order.
void sort_comparison(LoopComparison&, int column, bool ascending);

// `viewer` seals other interviewers' scores of candidates the viewer has not submitted yet.
// Blind mode replaces names by letters and shuffles the order with `blind_seed` (keep it fixed
// for a session so the order does not jump around).
LoopComparison compare_loop(const Loop&, const std::vector<CandidateInterviews>&,
                            const std::map<std::int64_t, Question>& asked, const std::string& viewer = "",
                            bool blind = false, std::uint64_t blind_seed = 1);

} // namespace panelist
