// How far interviewers agree on the candidates they all scored: ICC, Krippendorff's alpha,
// leniency.
#pragma once
#include <cstddef>
#include <map>
#include <cmath>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace panelist {

// A score one interviewer gave one candidate, or nothing when they did not score them.
using Rating = std::optional<double>;

// Rows are candidates (subjects), columns are interviewers (raters).
class RatingsMatrix {
  public:
    // Unnamed candidates become "candidate 1".., unnamed interviewers "interviewer 1"..
    // Throws std::invalid_argument for ragged rows, a score that is not finite, a wrong
    // number of names, or a name given twice.
    explicit RatingsMatrix(std::vector<std::vector<Rating>> rows,
                           std::vector<std::string> candidate_names = {},
                           std::vector<std::string> interviewer_names = {});

    std::size_t candidate_count() const { return rows_.size(); }
    std::size_t interviewer_count() const { return interviewers_.size(); }
    const Rating& at(std::size_t candidate, std::size_t interviewer) const {
        return rows_[candidate][interviewer];
    }
    const std::vector<Rating>& row(std::size_t candidate) const { return rows_[candidate]; }
    const std::string& candidate(std::size_t i) const { return candidates_[i]; }
    const std::string& interviewer(std::size_t j) const { return interviewers_[j]; }

  private:
    std::vector<std::vector<Rating>> rows_;
    std::vector<std::string> candidates_;
    std::vector<std::string> interviewers_;
};

// The ratings cannot answer the question asked of them (too few candidates or interviewers).
class AgreementError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Shrout & Fleiss (1979) intraclass correlations. (1,*): each candidate seen by different
// interviewers; (2,*): interviewers a random sample, absolute agreement; (3,*): these
// interviewers only, consistency. (*,1): one interviewer's score; (*,k): the mean of k.
// A value is empty when it is 0/0, e.g. every candidate got the same scores.
struct IntraclassCorrelations {
    std::optional<double> icc1_1, icc2_1, icc3_1;
    std::optional<double> icc1_k, icc2_k, icc3_k;
    std::size_t candidates_used = 0;    // candidates with a score from every interviewer
    std::size_t candidates_skipped = 0; // candidates with a missing score
    std::size_t interviewers = 0;       // k
    // The two-way ANOVA mean squares they come from: between candidates, between
    // interviewers, residual, and within candidates (one-way).
    double ms_candidates = 0, ms_interviewers = 0, ms_error = 0, ms_within = 0;
};

// Uses only the candidates scored by every interviewer. Throws AgreementError when fewer
// than 2 interviewers, or fewer than 2 such candidates, remain.
IntraclassCorrelations intraclass_correlations(const RatingsMatrix&);

enum class LevelOfMeasurement { nominal, ordinal, interval };
std::string_view to_string(LevelOfMeasurement);

// Krippendorff's coincidences: how often value c was paired with value k by two different
// interviewers on the same candidate, each candidate's m scores weighted 1/(m-1).
struct Coincidences {
    std::vector<double> values;                              // distinct scores, ascending
    std::map<std::pair<std::size_t, std::size_t>, double> o; // (c, k) -> o_ck, zeros left out
    std::vector<double> n_c;             // marginals: how often each value was pairable
    double n = 0;                        // pairable scores in all
    std::size_t pairable_candidates = 0; // candidates with 2 or more scores
};
// Candidates with fewer than 2 scores are not pairable and are left out.
Coincidences coincidences(const RatingsMatrix&);

struct KrippendorffAlpha {
    std::optional<double> value; // empty when every pairable score is the same (0/0)
    std::size_t pairable_candidates = 0;
    std::size_t pairable_scores = 0;
};
// Throws AgreementError when no candidate was scored by two interviewers.
KrippendorffAlpha krippendorff_alpha(const RatingsMatrix&, LevelOfMeasurement);

// Koo & Li (2016), written for ICCs: below .50 poor, .50 to .75 moderate, .75 to .90 good,
// above .90 excellent (a boundary value takes the higher word, except .90 which is good).
// A coefficient outside -1..1 (possible in the formulas when the data fit their model badly,
// e.g. ICC(2,k) with interviewers who disagree about everything) or not finite gets no
// reading: "out of range", never a verdict (docs/agreement.md).
bool in_coefficient_range(double coefficient);
enum class Reading { poor, moderate, good, excellent, out_of_range };
Reading koo_li_reading(double coefficient);
std::string_view to_string(Reading);

// Krippendorff's own convention for alpha: rely on data with alpha >= .800, draw only
// tentative conclusions from .667 <= alpha < .800, and do not rely on data below .667.
enum class AlphaReading { not_reliable, tentative, reliable, out_of_range };
AlphaReading krippendorff_reading(double alpha);
std::string_view to_string(AlphaReading);

// One score as it comes out of a loop: who scored whom, and how much.
struct CandidateScore {
    std::string candidate;
    std::string interviewer;
    double score = 0;
};
// Every present cell of the matrix, row by row.
std::vector<CandidateScore> candidate_scores(const RatingsMatrix&);

// How much harder or softer one interviewer scores than the others on the same candidates.
struct Leniency {
    std::string interviewer;
    // Mean over shared candidates of (this interviewer's score - the other interviewers'
    // mean score); positive is lenient, negative is strict. Empty when no shared candidate.
    std::optional<double> mean_deviation;
    std::size_t candidates = 0; // n: candidates this interviewer shares with at least one other
};
// One entry per interviewer, in order of first appearance. Throws AgreementError when an
// interviewer scored the same candidate twice, std::invalid_argument for a non-finite score.
std::vector<Leniency> interviewer_leniency(const std::vector<CandidateScore>&);
// The same from a matrix, without a list of every score: linear in its cells (10,000 candidates
// by 200 interviewers took 300 MB and seconds through the list).
std::vector<Leniency> interviewer_leniency(const RatingsMatrix&);
// A value rounded as it is shown, to `decimals` places: one that rounds to zero is 0.000, never
// -0.000, which would read as a (tiny) negative.
inline double shown_rounded(double v, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return std::isfinite(v) ? std::round(v * scale) / scale + 0.0 : v;
}
inline double shown_deviation(double d) { return shown_rounded(d, 2); }

} // namespace panelist
