// Agreement statistics; formulas and their meaning for a panel are in docs/agreement.md.
//
// [SECTION] RatingsMatrix
// [SECTION] Intraclass correlations (Shrout & Fleiss 1979)
// [SECTION] Krippendorff's alpha (coincidence matrix, Krippendorff 2011)
// [SECTION] Readings
// [SECTION] Leniency
#include "domain/agreement.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <fmt/format.h>
#include <numeric>
#include <set>

namespace panelist {
namespace {

std::vector<std::string> names_or_default(std::vector<std::string> names, std::size_t count,
                                          std::string_view word) {
    if (names.empty()) names.resize(count);
    if (names.size() != count)
        throw std::invalid_argument(
            fmt::format("{} {} names given for {} {}s", names.size(), word, count, word));
    std::set<std::string> seen;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i].empty()) names[i] = fmt::format("{} {}", word, i + 1);
        if (!seen.insert(names[i]).second)
            throw std::invalid_argument(fmt::format("{} '{}' is named twice", word, names[i]));
    }
    return names;
}

} // namespace

// [SECTION] RatingsMatrix

RatingsMatrix::RatingsMatrix(std::vector<std::vector<Rating>> rows,
                             std::vector<std::string> candidate_names,
                             std::vector<std::string> interviewer_names)
    : rows_(std::move(rows)) {
    const std::size_t width = rows_.empty() ? interviewer_names.size() : rows_.front().size();
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (rows_[i].size() != width)
            throw std::invalid_argument(fmt::format(
                "candidate row {} has {} scores; the first has {}", i + 1, rows_[i].size(), width));
        for (const Rating& r : rows_[i])
            if (r && !std::isfinite(*r))
                throw std::invalid_argument(
                    fmt::format("candidate row {} has a score that is not a number", i + 1));
    }
    candidates_ = names_or_default(std::move(candidate_names), rows_.size(), "candidate");
    interviewers_ = names_or_default(std::move(interviewer_names), width, "interviewer");
}

// [SECTION] Intraclass correlations (Shrout & Fleiss 1979)

namespace {

// num/den at the scale of the data: nothing for 0/0 (and its rounding noise), an infinity for
// x/0, which is no correlation at all ("out of range", docs/agreement.md). Scores too large to
// square (1e308) give infinities and NaN on the way: undefined.
std::optional<double> ratio(double num, double den, double scale) {
    if (!std::isfinite(num) || !std::isfinite(den) || !std::isfinite(scale)) return std::nullopt;
    const double zero = 1e-12 * scale;
    if (std::abs(den) <= zero) {
        if (std::abs(num) <= zero) return std::nullopt;
        return std::copysign(std::numeric_limits<double>::infinity(), num) * (std::signbit(den) ? -1.0 : 1.0);
    }
    return num / den;
}

} // namespace

IntraclassCorrelations intraclass_correlations(const RatingsMatrix& m) {
    const std::size_t k = m.interviewer_count();
    if (k < 2)
        throw AgreementError(
            fmt::format("ICC needs at least 2 interviewers; the ratings have {}", k));
    std::vector<const std::vector<Rating>*> complete;
    for (std::size_t i = 0; i < m.candidate_count(); ++i) {
        const auto& row = m.row(i);
        if (std::all_of(row.begin(), row.end(), [](const Rating& r) { return r.has_value(); }))
            complete.push_back(&row);
    }
    const std::size_t n = complete.size();
    if (n < 2)
        throw AgreementError(fmt::format(
            "ICC needs at least 2 candidates scored by all {} interviewers; {} of {} {}", k, n,
            m.candidate_count(), n == 1 ? "is" : "are"));

    const double nd = static_cast<double>(n);
    const double kd = static_cast<double>(k);
    double total = 0;
    double lowest = *complete.front()->front();
    double highest = lowest;
    for (const auto* row : complete)
        for (const Rating& r : *row) {
            total += *r;
            lowest = std::min(lowest, *r);
            highest = std::max(highest, *r);
        }
    const double grand = total / (nd * kd);
    std::vector<double> col_mean(k, 0.0);
    double ss_total = 0, ss_rows = 0;
    for (const auto* row : complete) {
        double row_sum = 0;
        for (std::size_t j = 0; j < k; ++j) {
            const double x = *(*row)[j];
            row_sum += x;
            col_mean[j] += x / nd;
            ss_total += (x - grand) * (x - grand);
        }
        const double d = row_sum / kd - grand;
        ss_rows += kd * d * d;
    }
    double ss_cols = 0;
    for (double c : col_mean)
        ss_cols += nd * (c - grand) * (c - grand);
    const double ss_error = std::max(0.0, ss_total - ss_rows - ss_cols);
    const double ss_within = std::max(0.0, ss_total - ss_rows);

    IntraclassCorrelations icc;
    icc.candidates_used = n;
    icc.candidates_skipped = m.candidate_count() - n;
    icc.interviewers = k;
    const double bms = icc.ms_candidates = ss_rows / (nd - 1);
    const double jms = icc.ms_interviewers = ss_cols / (kd - 1);
    const double ems = icc.ms_error = ss_error / ((nd - 1) * (kd - 1));
    const double wms = icc.ms_within = ss_within / (nd * (kd - 1));
    if (lowest == highest) return icc; // every score the same: nothing to agree or disagree on

    const double scale = ss_total / (nd * kd - 1);
    icc.icc1_1 = ratio(bms - wms, bms + (kd - 1) * wms, scale);
    icc.icc2_1 = ratio(bms - ems, bms + (kd - 1) * ems + kd * (jms - ems) / nd, scale);
    icc.icc3_1 = ratio(bms - ems, bms + (kd - 1) * ems, scale);
    icc.icc1_k = ratio(bms - wms, bms, scale);
    icc.icc2_k = ratio(bms - ems, bms + (jms - ems) / nd, scale);
    icc.icc3_k = ratio(bms - ems, bms, scale);
    return icc;
}

// [SECTION] Krippendorff's alpha (coincidence matrix, Krippendorff 2011)

std::string_view to_string(LevelOfMeasurement level) {
    switch (level) {
    case LevelOfMeasurement::nominal:
        return "nominal";
    case LevelOfMeasurement::ordinal:
        return "ordinal";
    case LevelOfMeasurement::interval:
        return "interval";
    }
    return "?";
}

Coincidences coincidences(const RatingsMatrix& m) {
    Coincidences c;
    std::set<double> distinct;
    for (std::size_t i = 0; i < m.candidate_count(); ++i) {
        const auto& row = m.row(i);
        if (std::count_if(row.begin(), row.end(), [](const Rating& r) { return r.has_value(); }) <
            2)
            continue;
        for (const Rating& r : row)
            if (r) distinct.insert(*r);
    }
    c.values.assign(distinct.begin(), distinct.end());
    c.n_c.assign(c.values.size(), 0.0);
    auto index_of = [&](double v) {
        return static_cast<std::size_t>(std::lower_bound(c.values.begin(), c.values.end(), v) -
                                        c.values.begin());
    };
    // Each candidate's scores as (value, how many gave it): a unit of m scores adds m(m-1) ordered
    // pairs, but only as many distinct cells of o as its distinct values squared, so a panel of 200
    // scoring 1-5 costs 25 additions per candidate, not 39,800.
    std::map<std::size_t, double> unit;
    for (std::size_t i = 0; i < m.candidate_count(); ++i) {
        unit.clear();
        double scores = 0;
        for (const Rating& r : m.row(i))
            if (r) unit[index_of(*r)] += 1, scores += 1;
        if (scores < 2) continue;
        ++c.pairable_candidates;
        const double weight = 1.0 / (scores - 1);
        for (const auto& [a, count_a] : unit)
            for (const auto& [b, count_b] : unit) {
                // Pairs of two different scorers: a score is never paired with itself.
                const double pairs = a == b ? count_a * (count_a - 1) : count_a * count_b;
                if (pairs > 0) c.o[{a, b}] += pairs * weight;
            }
        for (const auto& [v, count] : unit) c.n_c[v] += count;
        c.n += scores;
    }
    return c;
}

KrippendorffAlpha krippendorff_alpha(const RatingsMatrix& m, LevelOfMeasurement level) {
    const Coincidences c = coincidences(m);
    if (c.pairable_candidates == 0)
        throw AgreementError("Krippendorff's alpha needs at least one candidate scored by 2 "
                             "interviewers; none is");
    KrippendorffAlpha result;
    result.pairable_candidates = c.pairable_candidates;
    result.pairable_scores = static_cast<std::size_t>(c.n);
    if (c.values.size() < 2) return result; // one value only: expected disagreement is 0

    // Interval and ordinal differences are both squared distances between positions on a
    // line: the value itself, or for ordinal its mid-rank among the pairable scores, since
    // (sum of n_g for g from c to k - (n_c + n_k)/2) = pos(k) - pos(c).
    std::vector<double> pos(c.values.size());
    if (level == LevelOfMeasurement::ordinal) {
        double below = 0;
        for (std::size_t v = 0; v < pos.size(); ++v) {
            pos[v] = below + c.n_c[v] / 2;
            below += c.n_c[v];
        }
    } else {
        pos = c.values;
    }
    auto delta2 = [&](std::size_t a, std::size_t b) {
        if (level == LevelOfMeasurement::nominal) return a == b ? 0.0 : 1.0;
        return (pos[a] - pos[b]) * (pos[a] - pos[b]);
    };

    double observed = 0; // sum over c,k of o_ck * delta2(c,k)
    for (const auto& [ck, o] : c.o)
        observed += o * delta2(ck.first, ck.second);
    // sum over c,k of n_c * n_k * delta2(c,k), in closed form so many distinct values stay cheap
    double expected = 0;
    if (level == LevelOfMeasurement::nominal) {
        expected = c.n * c.n;
        for (double nc : c.n_c)
            expected -= nc * nc;
    } else {
        double mean = 0;
        for (std::size_t v = 0; v < pos.size(); ++v)
            mean += c.n_c[v] * pos[v] / c.n;
        for (std::size_t v = 0; v < pos.size(); ++v)
            expected += 2 * c.n * c.n_c[v] * (pos[v] - mean) * (pos[v] - mean);
    }
    // alpha = 1 - Do/De with Do = observed/n and De = expected/(n(n-1))
    const double alpha = 1.0 - (c.n - 1) * observed / expected;
    if (std::isfinite(alpha)) result.value = alpha; // else undefined, as for 0/0
    return result;
}

// [SECTION] Readings

bool in_coefficient_range(double coefficient) {
    // A little past +-1 is rounding in the sums of squares, not a value the data can have.
    return std::isfinite(coefficient) && coefficient >= -1.0 - 1e-9 && coefficient <= 1.0 + 1e-9;
}

Reading koo_li_reading(double coefficient) {
    if (!in_coefficient_range(coefficient)) return Reading::out_of_range;
    if (coefficient < 0.5) return Reading::poor;
    if (coefficient < 0.75) return Reading::moderate;
    if (coefficient <= 0.9) return Reading::good;
    return Reading::excellent;
}

std::string_view to_string(Reading r) {
    switch (r) {
    case Reading::poor:
        return "poor";
    case Reading::moderate:
        return "moderate";
    case Reading::good:
        return "good";
    case Reading::excellent:
        return "excellent";
    case Reading::out_of_range:
        return "out of range";
    }
    return "?";
}

AlphaReading krippendorff_reading(double alpha) {
    if (!in_coefficient_range(alpha)) return AlphaReading::out_of_range;
    if (alpha >= 0.8) return AlphaReading::reliable;
    if (alpha >= 0.667) return AlphaReading::tentative;
    return AlphaReading::not_reliable;
}

std::string_view to_string(AlphaReading r) {
    switch (r) {
    case AlphaReading::not_reliable:
        return "not reliable";
    case AlphaReading::tentative:
        return "tentative";
    case AlphaReading::reliable:
        return "reliable";
    case AlphaReading::out_of_range:
        return "out of range";
    }
    return "?";
}

// [SECTION] Leniency

std::vector<CandidateScore> candidate_scores(const RatingsMatrix& m) {
    std::vector<CandidateScore> scores;
    for (std::size_t i = 0; i < m.candidate_count(); ++i)
        for (std::size_t j = 0; j < m.interviewer_count(); ++j)
            if (const Rating& r = m.at(i, j))
                scores.push_back({m.candidate(i), m.interviewer(j), *r});
    return scores;
}

std::vector<Leniency> interviewer_leniency(const std::vector<CandidateScore>& scores) {
    std::vector<Leniency> result;
    std::map<std::string, std::size_t> interviewer_index;
    // candidate -> (interviewer index, score), candidates in a stable order
    std::map<std::string, std::vector<std::pair<std::size_t, double>>> by_candidate;
    for (const auto& s : scores) {
        if (!std::isfinite(s.score))
            throw std::invalid_argument(
                fmt::format("interviewer '{}' gave candidate '{}' a score that is not a number",
                            s.interviewer, s.candidate));
        auto [it, added] = interviewer_index.try_emplace(s.interviewer, result.size());
        if (added) result.push_back({s.interviewer, std::nullopt, 0});
        auto& seen = by_candidate[s.candidate];
        for (const auto& [who, score] : seen)
            if (who == it->second)
                throw AgreementError(fmt::format("interviewer '{}' scored candidate '{}' twice",
                                                 s.interviewer, s.candidate));
        seen.emplace_back(it->second, s.score);
    }
    std::vector<double> deviation_sum(result.size(), 0.0);
    for (const auto& [candidate, seen] : by_candidate) {
        if (seen.size() < 2) continue;
        double sum = 0;
        for (const auto& entry : seen)
            sum += entry.second;
        const double others = static_cast<double>(seen.size() - 1);
        for (const auto& [who, score] : seen) {
            deviation_sum[who] += score - (sum - score) / others;
            ++result[who].candidates;
        }
    }
    for (std::size_t i = 0; i < result.size(); ++i)
        if (result[i].candidates > 0)
            result[i].mean_deviation = deviation_sum[i] / static_cast<double>(result[i].candidates);
    return result;
}

std::vector<Leniency> interviewer_leniency(const RatingsMatrix& m) {
    // Interviewers in order of first appearance, row by row, as the list form gives them.
    std::vector<std::size_t> order;
    std::vector<bool> seen(m.interviewer_count(), false);
    std::vector<double> deviation_sum(m.interviewer_count(), 0.0);
    std::vector<std::size_t> shared(m.interviewer_count(), 0);
    for (std::size_t i = 0; i < m.candidate_count(); ++i) {
        double sum = 0;
        std::size_t count = 0;
        for (std::size_t j = 0; j < m.interviewer_count(); ++j) {
            const Rating& r = m.at(i, j);
            if (!r) continue;
            if (!std::isfinite(*r))
                throw std::invalid_argument(
                    fmt::format("interviewer '{}' gave candidate '{}' a score that is not a number",
                                m.interviewer(j), m.candidate(i)));
            if (!seen[j]) seen[j] = true, order.push_back(j);
            sum += *r, ++count;
        }
        if (count < 2) continue;
        const double others = static_cast<double>(count - 1);
        for (std::size_t j = 0; j < m.interviewer_count(); ++j)
            if (const Rating& r = m.at(i, j)) {
                deviation_sum[j] += *r - (sum - *r) / others;
                ++shared[j];
            }
    }
    std::vector<Leniency> result;
    for (const std::size_t j : order) {
        Leniency l{m.interviewer(j), std::nullopt, shared[j]};
        if (shared[j] > 0) l.mean_deviation = deviation_sum[j] / static_cast<double>(shared[j]);
        result.push_back(std::move(l));
    }
    return result;
}

} // namespace panelist
