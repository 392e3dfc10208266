// A candidate's scorecard across the interviews of their loop: per question, per topic,
// overall, and each interviewer's verdict. Built from domain values only; formats live in
// persistence/report_*.
#pragma once
#include "domain/interview.hpp"
#include "domain/people.hpp"
#include "domain/question.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace panelist {

struct ReportAnswer {
    std::string interviewer;
    std::string date;
    std::string question_id;
    std::string topic;
    std::string prompt;
    std::optional<int> score;
    std::string rubric_words; // the rubric's words for the score, when there is one
    std::string notes;
    int seconds = 0;
    int planned_minutes = 0;
};

struct TopicSummary {
    std::string topic;
    double mean = 0; // of the scored answers
    int n = 0;       // scored answers
    int spread = 0;  // highest minus lowest score
};

struct InterviewerVerdict {
    std::string interviewer;
    std::string date;
    InterviewStatus status = InterviewStatus::planned;
    std::optional<Recommendation> recommendation;
    std::string overall_notes;
    int scored = 0;
    int planned = 0;
};

struct CandidateReport {
    std::string candidate;
    std::string role;
    Level level = Level::junior;
    std::string loop;
    std::vector<ReportAnswer> answers;    // interview by interview, in asked order
    std::vector<TopicSummary> topics;     // by topic name
    std::optional<double> overall;        // mean score weighted by planned minutes
    int scored = 0;
    int planned = 0;
    double coverage() const { return planned ? double(scored) / planned : 0.0; }
    std::vector<InterviewerVerdict> verdicts;
    // The panel's view: the median recommendation of submitted interviews (the lower one on a
    // tie, so a split panel leans to caution); empty until one is submitted.
    std::optional<Recommendation> panel;
    // Interviews hidden from this viewer because their own interview is not submitted yet.
    int sealed = 0;
};

// `asked` supplies rubric words: the questions as these interviews asked them, by version
// (InterviewQuestion::version), so a rubric edited since never changes a report. With a
// `viewer` who has an unsubmitted interview of this candidate, other interviewers' interviews
// are left out (sealed) so the viewer scores independently.
CandidateReport build_candidate_report(const Candidate&, const Loop&, const std::vector<Interview>&,
                                       const std::map<std::int64_t, Question>& asked,
                                       const std::string& viewer = "");

} // namespace panelist
