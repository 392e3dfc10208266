#include "domain/candidate_report.hpp"

#include <algorithm>

namespace panelist {
namespace {

bool sealed_for(const std::vector<Interview>& interviews, const std::string& viewer) {
    if (viewer.empty()) return false;
    return std::any_of(interviews.begin(), interviews.end(),
                       [&](const Interview& iv) { return iv.interviewer == viewer && !iv.locked(); });
}

std::optional<Recommendation> median(std::vector<Recommendation> all) {
    if (all.empty()) return std::nullopt;
    std::sort(all.begin(), all.end());
    return all[(all.size() - 1) / 2]; // lower median
}

} // namespace

CandidateReport build_candidate_report(const Candidate& candidate, const Loop& loop,
                                       const std::vector<Interview>& interviews,
                                       const std::map<std::int64_t, Question>& asked, const std::string& viewer) {
    CandidateReport r;
    r.candidate = candidate.name;
    r.role = candidate.role;
    r.level = candidate.level;
    r.loop = loop.name;
    const bool sealed = sealed_for(interviews, viewer);

    std::map<std::string, std::vector<int>> by_topic;
    double weighted = 0, weight = 0;
    std::vector<Recommendation> submitted;
    for (const auto& iv : interviews) {
        if (sealed && iv.interviewer != viewer) {
            ++r.sealed;
            continue;
        }
        InterviewerVerdict v{iv.interviewer, iv.date, iv.status, iv.recommendation, iv.overall_notes,
                             iv.scored_count(), static_cast<int>(iv.questions.size())};
        r.verdicts.push_back(v);
        if (iv.locked() && iv.recommendation) submitted.push_back(*iv.recommendation);
        for (const auto& q : iv.questions) {
            ReportAnswer a;
            a.interviewer = iv.interviewer;
            a.date = iv.date;
            a.question_id = q.question_id;
            a.topic = q.topic;
            a.prompt = q.prompt;
            a.score = q.response.score.optional();
            a.notes = q.response.notes;
            a.seconds = q.response.seconds_spent;
            a.planned_minutes = q.planned_minutes;
            if (a.score) {
                if (auto b = asked.find(q.version); b != asked.end()) a.rubric_words = b->second.rubric.words_for(*a.score);
                by_topic[q.topic].push_back(*a.score);
                const double w = std::max(q.planned_minutes, 1);
                weighted += w * *a.score;
                weight += w;
                ++r.scored;
            }
            ++r.planned;
            r.answers.push_back(std::move(a));
        }
    }
    for (const auto& [topic, scores] : by_topic) {
        TopicSummary t;
        t.topic = topic;
        t.n = static_cast<int>(scores.size());
        double sum = 0;
        for (int s : scores) sum += s;
        t.mean = sum / t.n;
        const auto [lo, hi] = std::minmax_element(scores.begin(), scores.end());
        t.spread = *hi - *lo;
        r.topics.push_back(t);
    }
    if (weight > 0) r.overall = weighted / weight;
    r.panel = median(submitted);
    return r;
}

} // namespace panelist
