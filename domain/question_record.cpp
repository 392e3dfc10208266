#include "domain/question_record.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>

namespace panelist {
namespace {

// Days since 1970-01-01 of a YYYY-MM-DD date, or nullopt when it is not one.
std::optional<long> day_number(std::string_view date) {
    if (date.size() < 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
    const auto number = [&](std::size_t at, std::size_t length) {
        int n = 0;
        for (std::size_t i = at; i < at + length; ++i) {
            if (date[i] < '0' || date[i] > '9') return -1;
            n = n * 10 + (date[i] - '0');
        }
        return n;
    };
    const std::chrono::year_month_day ymd{std::chrono::year(number(0, 4)),
                                          std::chrono::month(static_cast<unsigned>(number(5, 2))),
                                          std::chrono::day(static_cast<unsigned>(number(8, 2)))};
    if (!ymd.ok()) return std::nullopt;
    return std::chrono::sys_days(ymd).time_since_epoch().count();
}

double mean_of(const std::vector<int>& v) {
    double sum = 0;
    for (int x : v) sum += x;
    return sum / static_cast<double>(v.size());
}

bool compare(int value, Comparison c, int number) {
    switch (c) {
    case Comparison::equal: return value == number;
    case Comparison::less: return value < number;
    case Comparison::less_or_equal: return value <= number;
    case Comparison::greater: return value > number;
    case Comparison::greater_or_equal: return value >= number;
    }
    return false;
}

} // namespace

std::map<std::string, QuestionRecord> question_records(const std::vector<AskedAnswer>& answers, std::string_view today) {
    // Each candidate's overall score in their loop: the mean of their scored answers weighted by
    // planned minutes, as the report computes it.
    struct Weighted {
        double sum = 0, minutes = 0;
    };
    std::map<std::pair<std::int64_t, std::int64_t>, Weighted> overall; // (loop, candidate)
    for (const auto& a : answers)
        if (a.score) {
            auto& w = overall[{a.loop, a.candidate}];
            const double minutes = std::max(a.planned_minutes, 1);
            w.sum += *a.score * minutes;
            w.minutes += minutes;
        }
    // Each loop's median overall (the upper middle, as Compare splits): at or above it is the top half.
    std::map<std::int64_t, std::vector<double>> by_loop;
    for (const auto& [key, w] : overall) by_loop[key.first].push_back(w.sum / w.minutes);
    std::map<std::int64_t, double> median;
    for (auto& [loop, values] : by_loop) {
        std::sort(values.begin(), values.end());
        median[loop] = values[values.size() / 2];
    }

    struct Tally {
        QuestionRecord record;
        std::vector<int> scores, top, bottom;
        std::map<std::pair<std::int64_t, std::int64_t>, std::vector<int>> by_candidate;
    };
    std::map<std::string, Tally> tallies;
    const auto now = day_number(today);
    for (const auto& a : answers) {
        auto& t = tallies[a.question_id];
        ++t.record.asked;
        if (const auto day = day_number(a.date); day && now && *day <= *now && *now - *day < 365)
            ++t.record.asked_last_year;
        t.record.last_asked = std::max(t.record.last_asked, a.date);
        if (!a.score) continue;
        t.scores.push_back(*a.score);
        const auto key = std::pair(a.loop, a.candidate);
        t.by_candidate[key].push_back(*a.score);
        const auto& w = overall[key];
        (w.sum / w.minutes >= median[a.loop] ? t.top : t.bottom).push_back(*a.score);
    }
    std::map<std::string, QuestionRecord> out;
    for (auto& [id, t] : tallies) {
        auto& r = t.record;
        r.scored = static_cast<int>(t.scores.size());
        if (!t.scores.empty()) {
            r.mean = mean_of(t.scores);
            const auto [lo, hi] = std::minmax_element(t.scores.begin(), t.scores.end());
            r.lowest = *lo;
            r.highest = *hi;
        }
        r.top_answers = static_cast<int>(t.top.size());
        r.bottom_answers = static_cast<int>(t.bottom.size());
        if (!t.top.empty() && !t.bottom.empty()) r.separation = mean_of(t.top) - mean_of(t.bottom);
        double differences = 0;
        for (const auto& [candidate, scores] : t.by_candidate)
            for (std::size_t i = 0; i < scores.size(); ++i)
                for (std::size_t j = i + 1; j < scores.size(); ++j) {
                    differences += std::abs(scores[i] - scores[j]);
                    ++r.disagreement_pairs;
                }
        if (r.disagreement_pairs > 0) r.disagreement = differences / r.disagreement_pairs;
        out.emplace(id, r);
    }
    return out;
}

bool passes(const QuestionRecord* r, const RecordFilter& f) {
    bool holds = false;
    if (f.key == RecordKey::asked) {
        holds = compare(r ? r->asked : 0, f.comparison, f.number);
    } else if (f.word == "low") {
        holds = r && r->low_quality();
    } else if (f.word == "ok") {
        holds = r && r->measured() && !r->low_quality();
    } else { // unmeasured
        holds = !r || !r->measured();
    }
    return holds != f.negated;
}

void sort_by_record(std::vector<std::string>& ids, RecordSort sort, const std::map<std::string, QuestionRecord>& records) {
    if (sort == RecordSort::none) return;
    const auto find = [&](const std::string& id) -> const QuestionRecord* {
        const auto it = records.find(id);
        return it == records.end() ? nullptr : &it->second;
    };
    std::stable_sort(ids.begin(), ids.end(), [&](const std::string& a, const std::string& b) {
        const QuestionRecord *x = find(a), *y = find(b);
        switch (sort) {
        case RecordSort::asked: return (x ? x->asked : 0) > (y ? y->asked : 0);
        case RecordSort::last_asked: return (x ? x->last_asked : std::string()) > (y ? y->last_asked : std::string());
        case RecordSort::quality: {
            // Least telling first; unmeasured questions after every measured one.
            const bool mx = x && x->measured(), my = y && y->measured();
            if (mx != my) return mx;
            return mx && *x->separation < *y->separation;
        }
        case RecordSort::none: break;
        }
        return false;
    });
}

} // namespace panelist
