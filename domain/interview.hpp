// One interviewer with one candidate on one date: planned questions, responses, verdict.
#pragma once
#include "domain/enums.hpp"
#include "domain/problem.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace panelist {

// A score of 1-5, or unscored. The only way to build a scored value checks the range.
class Score {
public:
    Score() = default;
    static Score of(int value); // throws std::invalid_argument outside 1-5
    static Score unscored() { return {}; }
    bool scored() const { return value_.has_value(); }
    int value() const { return value_.value(); }
    std::optional<int> optional() const { return value_; }
    bool operator==(const Score&) const = default;

private:
    std::optional<int> value_;
};

struct Response {
    Score score;
    std::string notes;
    int seconds_spent = 0;
    std::vector<int> follow_ups_asked; // indexes into the question's follow-ups
    bool operator==(const Response&) const = default;
};

// A question planned for an interview, with what happened when it was asked.
struct InterviewQuestion {
    std::string question_id;
    int planned_minutes = 0;
    Response response;
    // What was asked, copied from the bank when planned: reports stay true after edits.
    std::string topic;
    std::string prompt;
    // The stored version of the question as planned (its model answer, rubric and follow-ups
    // too; persistence/store/question_versions.hpp); 0 until stored.
    std::int64_t version = 0;
    bool operator==(const InterviewQuestion&) const = default;
};

struct Interview {
    std::int64_t id = 0;
    std::string uuid;
    std::int64_t candidate_id = 0;
    std::string interviewer;
    std::string date; // YYYY-MM-DD
    InterviewStatus status = InterviewStatus::planned;
    std::vector<InterviewQuestion> questions; // in the order they are asked
    std::string overall_notes;
    std::optional<Recommendation> recommendation;
    int reopen_count = 0; // how many times a submitted interview was reopened

    bool operator==(const Interview&) const = default;

    bool locked() const { return status == InterviewStatus::submitted; }
    int planned_minutes() const;
    int scored_count() const;
};

Problems validate(const Interview&);
// True for a real calendar date written YYYY-MM-DD.
bool is_iso_date(const std::string&);

} // namespace panelist
