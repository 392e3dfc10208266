// Practice accuracy; formulas and their meaning for an interviewer are in docs/agreement.md,
// "Practice accuracy".
#include "domain/practice_accuracy.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <map>
#include <string>
#include <vector>

namespace panelist {
namespace {

int distance(const PracticeItemScore& item) {
    return std::abs(item.given - item.reference);
}

// given - reference, one row per question taking part, one column per sample rank (weakest
// reference first). Cronbach's terms are each the same contrast (a mean, or a mean minus the
// grand mean, ...) taken of x and of t and subtracted; contrasts are linear, so each equals that
// contrast of d = x - t, and the components can be computed from d alone.
using Differences = std::vector<std::vector<double>>;

// The bank gives no sample count here, only what was practised: a question whose samples were
// all scored is taken to be one with the most common count among questions (ties: the larger),
// so a question practised only in part (fewer samples) is left out. A question with one sample
// has no rank to tell apart and never counts.
Differences complete_questions(std::span<const PracticeItemScore> items) {
    std::map<std::string, std::map<int, const PracticeItemScore*>> by_question;
    for (const auto& item : items)
        by_question[item.question_id][item.sample] = &item; // the last wins
    std::map<std::size_t, int> questions_with; // samples scored -> questions with that many
    for (const auto& [id, samples] : by_question)
        if (samples.size() >= 2) ++questions_with[samples.size()];
    std::size_t k = 0;
    int most = 0;
    for (const auto& [count, questions] : questions_with) // ascending: >= keeps the larger on a tie
        if (questions >= most) k = count, most = questions;
    Differences rows;
    if (most < 2) return rows;
    for (const auto& [id, samples] : by_question) {
        if (samples.size() != k) continue;
        std::vector<const PracticeItemScore*> ranked;
        for (const auto& [sample, item] : samples)
            ranked.push_back(item); // by sample index
        std::stable_sort(ranked.begin(), ranked.end(), [](const auto* a, const auto* b) {
            return a->reference < b->reference; // stable: equal references keep sample order
        });
        auto& row = rows.emplace_back();
        for (const auto* item : ranked)
            row.push_back(item->given - item->reference);
    }
    return rows;
}

AccuracyComponents components_of(const Differences& d) {
    const std::size_t n = d.size(), k = d.front().size();
    const double nd = static_cast<double>(n), kd = static_cast<double>(k);
    std::vector<double> row_mean(n, 0.0), col_mean(k, 0.0);
    double grand = 0;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < k; ++j) {
            row_mean[i] += d[i][j] / kd;
            col_mean[j] += d[i][j] / nd;
            grand += d[i][j] / (nd * kd);
        }
    double de2 = 0, sa2 = 0, da2 = 0;
    for (const double m : row_mean)
        de2 += (m - grand) * (m - grand) / nd;
    for (const double m : col_mean)
        sa2 += (m - grand) * (m - grand) / kd;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < k; ++j) {
            const double rest = d[i][j] - row_mean[i] - col_mean[j] + grand;
            da2 += rest * rest / (nd * kd);
        }
    AccuracyComponents c;
    c.elevation = std::abs(grand);
    c.differential_elevation = std::sqrt(de2);
    c.stereotype_accuracy = std::sqrt(sa2);
    c.differential_accuracy = std::sqrt(da2);
    c.questions = static_cast<int>(n);
    c.ranks = static_cast<int>(k);
    return c;
}

} // namespace

PracticeAccuracy practice_accuracy(std::span<const PracticeItemScore> items) {
    PracticeAccuracy a;
    a.items = static_cast<int>(items.size());
    if (items.empty()) return a;
    int absolute = 0, signed_sum = 0, within = 0;
    for (const auto& item : items) {
        absolute += distance(item);
        signed_sum += item.given - item.reference;
        if (distance(item) <= 1) ++within;
    }
    const double count = static_cast<double>(items.size());
    a.mean_absolute_error = absolute / count;
    a.within_one = within / count;
    a.bias = signed_sum / count;
    if (const Differences d = complete_questions(items); !d.empty())
        a.components = components_of(d);
    return a;
}

std::vector<PracticeItemScore> missed_by_two(std::span<const PracticeItemScore> items) {
    std::vector<PracticeItemScore> out;
    std::copy_if(items.begin(), items.end(), std::back_inserter(out),
                 [](const PracticeItemScore& item) { return distance(item) >= 2; });
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return distance(a) > distance(b); });
    return out;
}

} // namespace panelist
