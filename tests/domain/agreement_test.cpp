// Agreement statistics checked against the published worked examples they come from.
#include "domain/agreement.hpp"

#include <cmath>
#include <limits>
#include <doctest/doctest.h>
#include <stdexcept>
#include <string>

using namespace panelist;

namespace {

constexpr Rating none = std::nullopt;

double rounded(double x, int places) {
    const double scale = std::pow(10.0, places);
    return std::round(x * scale) / scale;
}

// Shrout & Fleiss (1979), Table 1: 6 targets rated by 4 judges.
RatingsMatrix shrout_fleiss() {
    return RatingsMatrix(
        {{9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7}});
}

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the example with missing
// data: observers A-D (columns) by units 1-12 (rows); unit 12 has one value and is not pairable.
RatingsMatrix krippendorff_2011() {
    return RatingsMatrix({{1, 1, none, 1},
                          {2, 2, 3, 2},
                          {3, 3, 3, 3},
                          {3, 3, 3, 3},
                          {2, 2, 2, 2},
                          {1, 2, 3, 4},
                          {4, 4, 4, 4},
                          {1, 1, 2, 1},
                          {2, 2, 2, 2},
                          {none, 5, 5, 5},
                          {none, none, 1, 1},
                          {none, 3, none, none}},
                         {}, {"A", "B", "C", "D"});
}

} // namespace

TEST_CASE("the ICCs of Shrout & Fleiss's worked example match the published values") {
    const auto icc = intraclass_correlations(shrout_fleiss());
    REQUIRE(icc.icc1_1);
    REQUIRE(icc.icc2_1);
    REQUIRE(icc.icc3_1);
    REQUIRE(icc.icc1_k);
    REQUIRE(icc.icc2_k);
    REQUIRE(icc.icc3_k);
    CHECK(rounded(*icc.icc1_1, 2) == doctest::Approx(0.17));
    CHECK(rounded(*icc.icc2_1, 2) == doctest::Approx(0.29));
    CHECK(rounded(*icc.icc3_1, 2) == doctest::Approx(0.71));
    CHECK(rounded(*icc.icc1_k, 2) == doctest::Approx(0.44));
    CHECK(rounded(*icc.icc2_k, 2) == doctest::Approx(0.62));
    CHECK(rounded(*icc.icc3_k, 2) == doctest::Approx(0.91));
    // Their Table 2: the mean squares the coefficients are built from.
    CHECK(rounded(icc.ms_candidates, 2) == doctest::Approx(11.24));
    CHECK(rounded(icc.ms_within, 2) == doctest::Approx(6.26));
    CHECK(rounded(icc.ms_interviewers, 2) == doctest::Approx(32.49));
    CHECK(rounded(icc.ms_error, 2) == doctest::Approx(1.02));
    CHECK(icc.candidates_used == 6);
    CHECK(icc.candidates_skipped == 0);
    CHECK(icc.interviewers == 4);
}

TEST_CASE("ICC uses only the candidates every interviewer scored, and says how many") {
    RatingsMatrix m({{9, 2, 5, 8},
                     {6, 1, 3, 2},
                     {8, 4, 6, 8},
                     {3, none, 1, 1},
                     {7, 1, 2, 6},
                     {10, 5, 6, 9},
                     {6, 2, 4, 7},
                     {none, none, none, 4}});
    const auto icc = intraclass_correlations(m);
    const auto full = intraclass_correlations(shrout_fleiss());
    CHECK(icc.candidates_used == 6);
    CHECK(icc.candidates_skipped == 2);
    CHECK(*icc.icc2_1 == doctest::Approx(*full.icc2_1));
    CHECK(*icc.icc3_k == doctest::Approx(*full.icc3_k));
}

TEST_CASE("ICC refuses, in words, when fewer than 2 candidates or 2 interviewers remain") {
    RatingsMatrix one_complete({{1, 2, 3}, {4, none, 5}, {none, 2, 2}});
    CHECK_THROWS_WITH_AS(intraclass_correlations(one_complete),
                         "ICC needs at least 2 candidates scored by all 3 interviewers; 1 of 3 is",
                         AgreementError);
    RatingsMatrix one_interviewer(std::vector<std::vector<Rating>>{{1}, {2}, {3}});
    CHECK_THROWS_WITH_AS(intraclass_correlations(one_interviewer),
                         "ICC needs at least 2 interviewers; the ratings have 1", AgreementError);
    CHECK_THROWS_AS(intraclass_correlations(
                        RatingsMatrix(std::vector<std::vector<Rating>>{}, {}, {"Ana", "Ben"})),
                    AgreementError);
}

TEST_CASE("identical scores everywhere leave every coefficient undefined, not a number") {
    RatingsMatrix same({{3, 3, 3}, {3, 3, 3}, {3, 3, 3}, {3, 3, none}});
    const auto icc = intraclass_correlations(same);
    CHECK(icc.candidates_used == 3);
    CHECK_FALSE(icc.icc1_1);
    CHECK_FALSE(icc.icc2_1);
    CHECK_FALSE(icc.icc3_1);
    CHECK_FALSE(icc.icc1_k);
    CHECK_FALSE(icc.icc2_k);
    CHECK_FALSE(icc.icc3_k);
    for (auto level :
         {LevelOfMeasurement::nominal, LevelOfMeasurement::ordinal, LevelOfMeasurement::interval}) {
        const auto a = krippendorff_alpha(same, level);
        CHECK_FALSE(a.value);
        CHECK(a.pairable_scores == 11);
    }
    // Not all the same, yet no difference between candidates: ICC(1,k) = (0 - WMS) / 0 is minus
    // infinity (no agreement at all: out of range), ICC(3,1) = 0/0 undefined.
    RatingsMatrix same_order({{1, 2, 3}, {1, 2, 3}, {1, 2, 3}});
    const auto flat = intraclass_correlations(same_order);
    REQUIRE(flat.icc1_k);
    CHECK(std::isinf(*flat.icc1_k));
    CHECK(*flat.icc1_k < 0);
    CHECK(koo_li_reading(*flat.icc1_k) == Reading::out_of_range);
    CHECK_FALSE(flat.icc3_1);
    REQUIRE(flat.icc2_1);
    CHECK(*flat.icc2_1 == doctest::Approx(0.0));
    REQUIRE(flat.icc1_1);
    CHECK(*flat.icc1_1 == doctest::Approx(-0.5)); // -1/(k-1), its lowest possible value
}

TEST_CASE(
    "Krippendorff's alpha on his worked example with missing data matches the published values") {
    const auto m = krippendorff_2011();
    const auto nominal = krippendorff_alpha(m, LevelOfMeasurement::nominal);
    const auto ordinal = krippendorff_alpha(m, LevelOfMeasurement::ordinal);
    const auto interval = krippendorff_alpha(m, LevelOfMeasurement::interval);
    REQUIRE(nominal.value);
    REQUIRE(ordinal.value);
    REQUIRE(interval.value);
    CHECK(rounded(*nominal.value, 3) == doctest::Approx(0.743));
    CHECK(rounded(*ordinal.value, 3) == doctest::Approx(0.815));
    CHECK(rounded(*interval.value, 3) == doctest::Approx(0.849));
    CHECK(nominal.pairable_candidates == 11); // unit 12 has a single value
    CHECK(nominal.pairable_scores == 40);
}

TEST_CASE("the coincidence matrix of the worked example has the published marginals") {
    const auto c = coincidences(krippendorff_2011());
    CHECK(c.values == std::vector<double>{1, 2, 3, 4, 5});
    CHECK(c.n_c == std::vector<double>{9, 13, 10, 5, 3});
    CHECK(c.n == 40);
    // Unit 6 (1, 2, 3, 4) spreads 1/(4-1) over each ordered pair of different values.
    CHECK(c.o.at({0, 3}) == doctest::Approx(1.0 / 3));
    CHECK(c.o.at({3, 0}) == doctest::Approx(1.0 / 3));
    // Value 5 is only ever paired with itself (unit 10): 3 values, 6 ordered pairs of weight 1/2.
    CHECK(c.o.at({4, 4}) == doctest::Approx(3.0));
    CHECK_FALSE(c.o.contains({4, 0}));
    double row_sum = 0;
    for (const auto& [ck, o] : c.o)
        if (ck.first == 1) row_sum += o;
    CHECK(row_sum == doctest::Approx(c.n_c[1]));
}

TEST_CASE("alpha is 1 for perfect agreement and needs a candidate with two scores") {
    RatingsMatrix perfect({{1, 1, none}, {4, none, 4}, {2, 2, 2}, {5, 5, none}});
    for (auto level :
         {LevelOfMeasurement::nominal, LevelOfMeasurement::ordinal, LevelOfMeasurement::interval})
        CHECK(*krippendorff_alpha(perfect, level).value == doctest::Approx(1.0));
    RatingsMatrix unpaired({{1, none}, {none, 2}, {3, none}});
    CHECK_THROWS_WITH_AS(
        krippendorff_alpha(unpaired, LevelOfMeasurement::interval),
        "Krippendorff's alpha needs at least one candidate scored by 2 interviewers; none is",
        AgreementError);
}

TEST_CASE("alpha tells systematic disagreement apart from chance") {
    // Two interviewers who always pick opposite ends of the scale: worse than chance.
    RatingsMatrix opposite({{1, 5}, {5, 1}, {1, 5}, {5, 1}});
    CHECK(*krippendorff_alpha(opposite, LevelOfMeasurement::interval).value < 0);
    // Off by one every time still carries much of the interval information, none of the nominal.
    RatingsMatrix close({{1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 5}});
    const double interval = *krippendorff_alpha(close, LevelOfMeasurement::interval).value;
    const double nominal = *krippendorff_alpha(close, LevelOfMeasurement::nominal).value;
    CHECK(interval > 0.7);
    CHECK(nominal < 0.1);
}

TEST_CASE("coefficients are read in words: Koo & Li, and Krippendorff's own convention") {
    CHECK(koo_li_reading(-0.2) == Reading::poor);
    CHECK(koo_li_reading(0.49) == Reading::poor);
    CHECK(koo_li_reading(0.5) == Reading::moderate);
    CHECK(koo_li_reading(0.74) == Reading::moderate);
    CHECK(koo_li_reading(0.75) == Reading::good);
    CHECK(koo_li_reading(0.9) == Reading::good);
    CHECK(koo_li_reading(0.91) == Reading::excellent);
    CHECK(to_string(Reading::excellent) == "excellent");
    CHECK(krippendorff_reading(0.66) == AlphaReading::not_reliable);
    CHECK(krippendorff_reading(0.667) == AlphaReading::tentative);
    CHECK(krippendorff_reading(0.799) == AlphaReading::tentative);
    CHECK(krippendorff_reading(0.8) == AlphaReading::reliable);
    CHECK(to_string(AlphaReading::not_reliable) == "not reliable");
}

TEST_CASE("leniency compares each interviewer with the others on the same candidates") {
    const std::vector<CandidateScore> scores = {
        {"Alice", "Xu", 4}, {"Alice", "Yan", 2}, {"Alice", "Zoe", 3}, // Xu +1.5, Yan -1.5, Zoe 0
        {"Bob", "Xu", 5},   {"Bob", "Yan", 3},                        // Xu +2, Yan -2
        {"Cleo", "Zoe", 1}, // seen by Zoe alone: not compared
        {"Dan", "Wim", 2},  // Wim shares no candidate
    };
    const auto l = interviewer_leniency(scores);
    REQUIRE(l.size() == 4);
    CHECK(l[0].interviewer == "Xu");
    CHECK(*l[0].mean_deviation == doctest::Approx(1.75));
    CHECK(l[0].candidates == 2);
    CHECK(l[1].interviewer == "Yan");
    CHECK(*l[1].mean_deviation == doctest::Approx(-1.75));
    CHECK(l[2].interviewer == "Zoe");
    CHECK(*l[2].mean_deviation == doctest::Approx(0.0));
    CHECK(l[2].candidates == 1);
    CHECK(l[3].interviewer == "Wim");
    CHECK_FALSE(l[3].mean_deviation);
    CHECK(l[3].candidates == 0);
}

TEST_CASE("leniency on Shrout & Fleiss's judges finds judge 2 strictest and judge 1 most lenient") {
    const auto l = interviewer_leniency(candidate_scores(shrout_fleiss()));
    REQUIRE(l.size() == 4);
    // With every judge on every target: k/(k-1) * (judge's mean - grand mean).
    CHECK(*l[0].mean_deviation == doctest::Approx(4.0 / 3 * (46.0 / 6 - 127.0 / 24)));
    CHECK(*l[1].mean_deviation == doctest::Approx(4.0 / 3 * (15.0 / 6 - 127.0 / 24)));
    CHECK(l[0].candidates == 6);
    CHECK(l[1].interviewer == "interviewer 2");
}

TEST_CASE("leniency from a matrix is the list's: same interviewers, order, deviations and counts") {
    const auto same = [](const RatingsMatrix& m) {
        const auto from_list = interviewer_leniency(candidate_scores(m));
        const auto from_matrix = interviewer_leniency(m);
        REQUIRE(from_matrix.size() == from_list.size());
        for (std::size_t i = 0; i < from_list.size(); ++i) {
            CHECK(from_matrix[i].interviewer == from_list[i].interviewer);
            CHECK(from_matrix[i].candidates == from_list[i].candidates);
            REQUIRE(from_matrix[i].mean_deviation.has_value() == from_list[i].mean_deviation.has_value());
            if (from_list[i].mean_deviation)
                CHECK(*from_matrix[i].mean_deviation == doctest::Approx(*from_list[i].mean_deviation));
        }
    };
    same(shrout_fleiss());
    same(krippendorff_2011());
    // The first row scored by the last interviewer only, and one interviewer with no score: the
    // order is of first appearance, and the silent one is left out, as in the list.
    same(RatingsMatrix({{none, none, 4}, {2, none, 5}, {3, none, none}}, {}, {"A", "B", "C"}));
}

TEST_CASE("leniency refuses a candidate scored twice by the same interviewer") {
    CHECK_THROWS_WITH_AS(
        interviewer_leniency({{"Alice", "Xu", 4}, {"Alice", "Yan", 2}, {"Alice", "Xu", 3}}),
        "interviewer 'Xu' scored candidate 'Alice' twice", AgreementError);
    CHECK_THROWS_AS(interviewer_leniency({{"Alice", "Xu", std::nan("")}}), std::invalid_argument);
}

TEST_CASE("a ratings matrix is rectangular, finite and names everyone once") {
    RatingsMatrix m({{1, none}, {2, 3}});
    CHECK(m.candidate(1) == "candidate 2");
    CHECK(m.interviewer(0) == "interviewer 1");
    CHECK_FALSE(m.at(0, 1));
    CHECK_THROWS_AS(RatingsMatrix({{1, 2}, {3}}), std::invalid_argument);
    CHECK_THROWS_AS(RatingsMatrix({{1, INFINITY}}), std::invalid_argument);
    CHECK_THROWS_AS(RatingsMatrix({{1, 2}}, {"Alice"}, {"Xu", "Xu"}), std::invalid_argument);
    CHECK_THROWS_AS(RatingsMatrix({{1, 2}}, {"Alice", "Bob"}), std::invalid_argument);
}

TEST_CASE("a coefficient outside -1..1 or not finite gets no reading, never a verdict") {
    // Two interviewers who disagree about every candidate: ICC(2,2) comes out at 4.
    RatingsMatrix opposite({{1, 5}, {5, 1}, {1, 5}, {5, 1}});
    const auto icc = intraclass_correlations(opposite);
    REQUIRE(icc.icc2_k);
    CHECK(*icc.icc2_k == doctest::Approx(4.0));
    CHECK(koo_li_reading(*icc.icc2_k) == Reading::out_of_range);
    CHECK(to_string(koo_li_reading(*icc.icc2_k)) == "out of range");
    REQUIRE(icc.icc2_1);
    CHECK(koo_li_reading(*icc.icc2_1) == Reading::out_of_range); // -2
    CHECK(koo_li_reading(-1.0) == Reading::poor);                // the edges are values
    CHECK(koo_li_reading(1.0) == Reading::excellent);
    const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
    for (double v : {nan, inf, -inf, 1.0001, -1.0001}) {
        CAPTURE(v);
        CHECK(koo_li_reading(v) == Reading::out_of_range);
        CHECK(krippendorff_reading(v) == AlphaReading::out_of_range);
        CHECK_FALSE(in_coefficient_range(v));
    }
    // Numbers too large to square never turn into NaN coefficients: undefined instead.
    RatingsMatrix huge({{1e308, 5}, {-1e308, 1}, {1, 5}});
    const auto h = intraclass_correlations(huge);
    for (const auto& v : {h.icc1_1, h.icc2_1, h.icc3_1, h.icc1_k, h.icc2_k, h.icc3_k})
        if (v) CHECK(std::isfinite(*v));
    const auto a = krippendorff_alpha(huge, LevelOfMeasurement::interval);
    if (a.value) CHECK(std::isfinite(*a.value));
}
