#include "domain/panel_quality.hpp"


#include <algorithm>
#include <map>
#include <set>

namespace panelist {
namespace {

std::optional<double> mean_score(const Interview& iv) {
    double sum = 0;
    int n = 0;
    for (const auto& q : iv.questions)
        if (q.response.score.scored()) sum += q.response.score.value(), ++n;
    if (!n) return std::nullopt;
    return sum / n;
}

} // namespace

PanelAgreement panel_agreement(const std::vector<CandidateInterviews>& candidates) {
    PanelAgreement result;
    std::vector<std::string> interviewers;
    for (const auto& c : candidates)
        for (const auto& iv : c.interviews)
            if (std::find(interviewers.begin(), interviewers.end(), iv.interviewer) == interviewers.end())
                interviewers.push_back(iv.interviewer);
    std::vector<std::vector<Rating>> rows;
    std::vector<std::string> names;
    for (const auto& c : candidates) {
        std::vector<Rating> row(interviewers.size());
        for (const auto& iv : c.interviews) {
            const auto column = static_cast<std::size_t>(
                std::find(interviewers.begin(), interviewers.end(), iv.interviewer) - interviewers.begin());
            if (auto m = mean_score(iv)) row[column] = *m; // one interview per interviewer and candidate
        }
        rows.push_back(std::move(row));
        names.push_back(c.candidate.name + "#" + std::to_string(rows.size()));
    }
    if (rows.empty() || interviewers.empty()) {
        result.icc_problem = result.alpha_problem = "no scores yet";
        return result;
    }
    const RatingsMatrix matrix(rows, names, interviewers);
    try {
        result.icc = intraclass_correlations(matrix);
    } catch (const std::exception& e) {
        result.icc_problem = e.what();
    }
    try {
        result.alpha_interval = krippendorff_alpha(matrix, LevelOfMeasurement::interval);
        result.alpha_ordinal = krippendorff_alpha(matrix, LevelOfMeasurement::ordinal);
    } catch (const std::exception& e) {
        result.alpha_problem = e.what();
    }
    try {
        result.leniency = interviewer_leniency(matrix);
    } catch (const std::exception&) {
        // Leniency needs shared candidates; without them there is simply nothing to show.
    }
    return result;
}

std::vector<QuestionQuality> question_quality(const std::vector<CandidateInterviews>& candidates,
                                              const std::vector<std::optional<double>>& ranking) {
    // Median split of the ranked candidates into top and bottom halves.
    std::vector<double> ranked;
    for (const auto& r : ranking)
        if (r) ranked.push_back(*r);
    std::sort(ranked.begin(), ranked.end());
    const std::optional<double> median =
        ranked.empty() ? std::nullopt : std::optional<double>(ranked[ranked.size() / 2]);

    struct Tally {
        QuestionQuality q;
        std::vector<int> scores;
        std::vector<int> top, bottom;
    };
    std::map<std::string, Tally> by_id;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const auto rank = i < ranking.size() ? ranking[i] : std::nullopt;
        for (const auto& iv : candidates[i].interviews)
            for (const auto& asked : iv.questions) {
                auto& t = by_id[asked.question_id];
                t.q.question_id = asked.question_id;
                t.q.topic = asked.topic;
                t.q.prompt = asked.prompt;
                ++t.q.asked;
                if (!asked.response.score.scored()) continue;
                const int s = asked.response.score.value();
                t.scores.push_back(s);
                if (rank && median) (*rank >= *median ? t.top : t.bottom).push_back(s);
            }
    }
    auto average = [](const std::vector<int>& v) {
        double sum = 0;
        for (int x : v) sum += x;
        return sum / static_cast<double>(v.size());
    };
    std::vector<QuestionQuality> out;
    for (auto& [id, t] : by_id) {
        t.q.scored = static_cast<int>(t.scores.size());
        if (!t.scores.empty()) {
            t.q.mean = average(t.scores);
            const auto [lo, hi] = std::minmax_element(t.scores.begin(), t.scores.end());
            t.q.spread = *hi - *lo;
        }
        if (!t.top.empty() && !t.bottom.empty()) t.q.separation = average(t.top) - average(t.bottom);
        out.push_back(t.q);
    }
    std::sort(out.begin(), out.end(), [](const QuestionQuality& a, const QuestionQuality& b) {
        return a.asked != b.asked ? a.asked > b.asked : a.question_id < b.question_id;
    });
    return out;
}

} // namespace panelist
