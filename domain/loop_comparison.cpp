#include "domain/loop_comparison.hpp"

#include "domain/seeded_random.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>

namespace panelist {
namespace {

InterviewerScores scores_of(const Interview& iv) {
    InterviewerScores s;
    s.interviewer = iv.interviewer;
    s.recommendation = iv.recommendation;
    s.submitted = iv.locked();
    std::map<std::string, std::pair<double, int>> sums;
    double total = 0;
    int n = 0;
    for (const auto& q : iv.questions) {
        if (!q.response.score.scored()) continue;
        auto& [sum, count] = sums[q.topic];
        sum += q.response.score.value();
        ++count;
        total += q.response.score.value();
        ++n;
    }
    for (const auto& [topic, sc] : sums) s.topic_means[topic] = sc.first / sc.second;
    if (n) s.overall = total / n;
    return s;
}

std::vector<std::string> disagreements_of(const std::vector<InterviewerScores>& panel) {
    std::set<std::string> flagged;
    for (std::size_t i = 0; i < panel.size(); ++i)
        for (std::size_t j = i + 1; j < panel.size(); ++j)
            for (const auto& [topic, mean] : panel[i].topic_means)
                if (auto other = panel[j].topic_means.find(topic); other != panel[j].topic_means.end())
                    if (std::abs(mean - other->second) >= disagreement_threshold) flagged.insert(topic);
    return {flagged.begin(), flagged.end()};
}

std::string blind_label(std::size_t i) {
    std::string letters;
    for (std::size_t n = i + 1; n > 0; n = (n - 1) / 26) letters.insert(letters.begin(), char('A' + (n - 1) % 26));
    return "Candidate " + letters;
}

// The value a column sorts by; missing values are -1 so they sort as lowest.
double sort_value(const ComparisonRow& r, int column, const std::vector<std::string>& topics) {
    switch (static_cast<ComparisonColumn>(std::min(column, static_cast<int>(ComparisonColumn::first_topic)))) {
    case ComparisonColumn::overall: return r.overall.value_or(-1);
    case ComparisonColumn::coverage: return r.coverage;
    case ComparisonColumn::panel: return r.panel ? static_cast<double>(*r.panel) : -1;
    case ComparisonColumn::spread: return r.spread;
    case ComparisonColumn::candidate: return 0;
    case ComparisonColumn::first_topic: break;
    }
    const auto index = static_cast<std::size_t>(column - static_cast<int>(ComparisonColumn::first_topic));
    if (index >= topics.size()) return -1;
    auto it = r.topics.find(topics[index]);
    return it == r.topics.end() ? -1 : it->second.mean;
}

} // namespace

void sort_comparison(LoopComparison& c, int column, bool ascending) {
    std::stable_sort(c.rows.begin(), c.rows.end(), [&](const ComparisonRow& a, const ComparisonRow& b) {
        if (column == static_cast<int>(ComparisonColumn::candidate)) return ascending ? a.label < b.label : a.label > b.label;
        const double x = sort_value(a, column, c.topics), y = sort_value(b, column, c.topics);
        return ascending ? x < y : x > y;
    });
}

LoopComparison compare_loop(const Loop& loop, const std::vector<CandidateInterviews>& candidates,
                            const std::map<std::int64_t, Question>& as_asked, const std::string& viewer, bool blind,
                            std::uint64_t blind_seed) {
    LoopComparison c;
    c.loop = loop.name;
    c.blind = blind;
    std::set<std::string> topics;
    std::set<std::set<std::string>> question_lists;
    std::vector<CandidateInterviews> visible; // what this viewer may see, for the panel's figures
    std::vector<std::optional<double>> ranking;
    for (const auto& ci : candidates) {
        const auto report = build_candidate_report(ci.candidate, loop, ci.interviews, as_asked, viewer);
        ComparisonRow row;
        row.label = ci.candidate.name;
        row.level = ci.candidate.level;
        for (const auto& t : report.topics) {
            row.topics[t.topic] = t;
            topics.insert(t.topic);
        }
        row.overall = report.overall;
        row.coverage = report.coverage();
        row.panel = report.panel;
        row.sealed = report.sealed;
        std::set<std::string> asked;
        for (const auto& iv : ci.interviews) {
            if (report.sealed && iv.interviewer != viewer) continue;
            row.interviewers.push_back(scores_of(iv));
            for (const auto& q : iv.questions) asked.insert(q.question_id);
        }
        question_lists.insert(asked);
        CandidateInterviews shown{ci.candidate, {}};
        for (const auto& iv : ci.interviews)
            if (!report.sealed || iv.interviewer == viewer) shown.interviews.push_back(iv);
        visible.push_back(std::move(shown));
        ranking.push_back(report.overall);
        std::vector<double> overalls;
        for (const auto& s : row.interviewers)
            if (s.overall) overalls.push_back(*s.overall);
        if (overalls.size() > 1)
            row.spread = *std::max_element(overalls.begin(), overalls.end()) - *std::min_element(overalls.begin(), overalls.end());
        row.disagreements = disagreements_of(row.interviewers);
        c.rows.push_back(std::move(row));
    }
    c.topics = {topics.begin(), topics.end()};
    c.agreement = panel_agreement(visible);
    c.questions = question_quality(visible, ranking);
    if (question_lists.size() > 1) {
        c.comparable = false;
        c.comparability = fmt::format("The {} candidates were asked {} different question lists: compare topic "
                                      "scores with care, and plan from a role set as-is next time.",
                                      candidates.size(), question_lists.size());
    }
    if (blind) {
        // A fixed shuffle so the order reveals nothing and stays put while blind mode is on.
        SeededRandom(blind_seed).shuffle(c.rows);
        for (std::size_t i = 0; i < c.rows.size(); ++i) c.rows[i].label = blind_label(i);
    }
    return c;
}

} // namespace panelist
