// What real loops measured about each question of the bank (docs/curation.md, "What loops
// measured"): how often and how lately it was asked, how its scores spread, whether it still
// separates the candidates a panel rated high from those it rated low, and how far two
// interviewers who scored one candidate on it agreed. From submitted interviews only.
#pragma once
#include "domain/search_query.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace panelist {

// One answer of a submitted interview: what the figures are made of.
struct AskedAnswer {
    std::string question_id;
    std::int64_t loop = 0;
    std::int64_t candidate = 0;
    std::string interviewer;
    std::string date;         // YYYY-MM-DD, the interview's
    std::optional<int> score; // 1-5; none when the answer was not scored
    int planned_minutes = 0;
};

// The thresholds behind the flags; docs/curation.md explains each.
struct RecordThresholds {
    // Separation below this (in score points) means the question no longer tells strong
    // candidates from weak ones...
    static constexpr double low_separation = 0.5;
    // ...once at least this many scored answers sit on each side of the split.
    static constexpr int answers_each_side = 4;
    // Asked in more interviews than this over the last 365 days: candidates may know it.
    static constexpr int over_exposed_a_year = 20;
};

struct QuestionRecord {
    int asked = 0;           // submitted interviews that asked it
    int asked_last_year = 0; // of those, in the 365 days up to today
    std::string last_asked;  // the latest of their dates
    int scored = 0;
    std::optional<double> mean;
    int lowest = 0, highest = 0; // scores, when scored
    int spread() const { return highest - lowest; }
    // Mean score of the answers of candidates in the top half of their loop (by overall score,
    // split at the loop's median as Compare does) minus that of the bottom half.
    std::optional<double> separation;
    int top_answers = 0, bottom_answers = 0;
    // Mean absolute difference between two interviewers' scores of one candidate on it.
    std::optional<double> disagreement;
    int disagreement_pairs = 0;

    bool measured() const {
        return separation && top_answers >= RecordThresholds::answers_each_side &&
               bottom_answers >= RecordThresholds::answers_each_side;
    }
    bool low_quality() const { return measured() && *separation < RecordThresholds::low_separation; }
    bool over_exposed() const { return asked_last_year > RecordThresholds::over_exposed_a_year; }
    bool flagged() const { return low_quality() || over_exposed(); }
};

// Every question's record, by id; questions never asked in a submitted interview are absent.
// `today` is YYYY-MM-DD.
std::map<std::string, QuestionRecord> question_records(const std::vector<AskedAnswer>&, std::string_view today);

// Whether a question with this record (null: never asked) passes a filter such as asked:>20.
bool passes(const QuestionRecord*, const RecordFilter&);
// Orders ids by a record sort: most asked, least telling (unmeasured last), or last asked first;
// ties keep their order.
void sort_by_record(std::vector<std::string>& ids, RecordSort, const std::map<std::string, QuestionRecord>&);

} // namespace panelist
