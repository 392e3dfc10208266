// Practice accuracy (docs/agreement.md, "Practice accuracy"), every value worked by hand.
//
// The components are computed on d = given - reference, arranged as a matrix of questions
// (rows) by sample ranks (columns, weakest reference first). With d.. the grand mean, d_i. a
// row's mean and d_.j a column's mean:
//   E² = d..²,  DE² = mean_i (d_i. - d..)²,  SA² = mean_j (d_.j - d..)²,
//   DA² = mean_ij (d_ij - d_i. - d_.j + d..)²,  and E² + DE² + SA² + DA² = mean_ij d_ij².
#include "domain/practice_accuracy.hpp"

#include <array>
#include <cmath>
#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace panelist;

namespace {

PracticeItemScore scored(std::string question, int sample, int given, int reference) {
    return {std::move(question), sample, given, reference};
}

// Two questions of three samples. q1's references by sample are 1, 2, 4; q2's are 4, 2, 3, so
// q2's ranks (weakest first) are samples 1, 2, 0. The references t by rank:
//   q1: 1 2 4
//   q2: 2 3 4
// `q1` and `q2` are the interviewer's scores by sample (not by rank).
std::vector<PracticeItemScore> two_questions(std::array<int, 3> q1, std::array<int, 3> q2) {
    return {scored("q1", 0, q1[0], 1), scored("q1", 1, q1[1], 2), scored("q1", 2, q1[2], 4),
            scored("q2", 0, q2[0], 4), scored("q2", 1, q2[1], 2), scored("q2", 2, q2[2], 3)};
}

// Three questions of three samples, listed out of order, with a tie in b's references.
//   a: samples 0, 1, 2 have references 1, 3, 4; scored 2, 3, 3.
//   b: references 3, 3, 2; ranks are samples 2, 0, 1 (the tie by sample index); scored 5, 2, 2.
//   c: references 4, 1, 2; ranks are samples 1, 2, 0; scored 2, 3, 2.
// d by rank:
//   a:  1  0 -1    row mean 0
//   b:  0  2 -1    row mean 1/3
//   c:  2  0 -2    row mean 0
//   column means 1, 2/3, -4/3;  grand mean d.. = 1/9
std::vector<PracticeItemScore> messy() {
    return {scored("c", 2, 2, 2), scored("a", 0, 2, 1), scored("b", 1, 2, 3),
            scored("a", 1, 3, 3), scored("c", 0, 2, 4), scored("b", 0, 5, 3),
            scored("a", 2, 3, 4), scored("b", 2, 2, 2), scored("c", 1, 3, 1)};
}

double squares(const AccuracyComponents& c) {
    return c.elevation * c.elevation + c.differential_elevation * c.differential_elevation +
           c.stereotype_accuracy * c.stereotype_accuracy +
           c.differential_accuracy * c.differential_accuracy;
}

} // namespace

TEST_CASE("a perfect rater has no error of any kind") {
    const auto a = practice_accuracy(two_questions({1, 2, 4}, {4, 2, 3}));
    CHECK(a.items == 6);
    CHECK(a.mean_absolute_error == doctest::Approx(0.0));
    CHECK(a.within_one == doctest::Approx(1.0));
    CHECK(a.bias == doctest::Approx(0.0));
    REQUIRE(a.components);
    CHECK(a.components->elevation == doctest::Approx(0.0));
    CHECK(a.components->differential_elevation == doctest::Approx(0.0));
    CHECK(a.components->stereotype_accuracy == doctest::Approx(0.0));
    CHECK(a.components->differential_accuracy == doctest::Approx(0.0));
    CHECK(a.components->questions == 2);
    CHECK(a.components->ranks == 3);
    CHECK(missed_by_two(two_questions({1, 2, 4}, {4, 2, 3})).empty());
}

TEST_CASE("a rater one point lenient everywhere shows it all in elevation") {
    // d = +1 in every cell: d.. = 1, every row and column mean is 1, every residual 0.
    const auto a = practice_accuracy(two_questions({2, 3, 5}, {5, 3, 4}));
    CHECK(a.mean_absolute_error == doctest::Approx(1.0));
    CHECK(a.within_one == doctest::Approx(1.0));
    CHECK(a.bias == doctest::Approx(1.0));
    REQUIRE(a.components);
    CHECK(a.components->elevation == doctest::Approx(1.0));
    CHECK(a.components->differential_elevation == doctest::Approx(0.0));
    CHECK(a.components->stereotype_accuracy == doctest::Approx(0.0));
    CHECK(a.components->differential_accuracy == doctest::Approx(0.0));
}

TEST_CASE("a rater who scores everything 3 loses most in stereotype accuracy") {
    // x = 3 everywhere; d = 3 - t by rank:
    //   q1:  2  1 -1    row mean 2/3
    //   q2:  1  0 -1    row mean 0
    //   column means 3/2, 1/2, -1;  d.. = 2/6 = 1/3  (= x.. - t.. = 3 - 16/6)
    // E²  = (1/3)² = 1/9
    // DE² = ((2/3 - 1/3)² + (0 - 1/3)²) / 2 = (1/9 + 1/9) / 2 = 1/9
    // SA² = ((3/2 - 1/3)² + (1/2 - 1/3)² + (-1 - 1/3)²) / 3 = (49/36 + 1/36 + 64/36) / 3 = 19/18
    // residuals d_ij - d_i. - d_.j + d..:  q1: 1/6 1/6 -1/3   q2: -1/6 -1/6 1/3
    // DA² = (1/36 + 1/36 + 4/36) · 2 / 6 = 1/18
    // MSE = (4 + 1 + 1 + 1 + 0 + 1) / 6 = 4/3 = 2/18 + 2/18 + 19/18 + 1/18
    const auto a = practice_accuracy(two_questions({3, 3, 3}, {3, 3, 3}));
    CHECK(a.mean_absolute_error == doctest::Approx(1.0)); // (2+1+1+1+0+1)/6
    CHECK(a.within_one == doctest::Approx(5.0 / 6));      // only q1's weakest is 2 off
    CHECK(a.bias == doctest::Approx(1.0 / 3));
    REQUIRE(a.components);
    CHECK(a.components->elevation == doctest::Approx(1.0 / 3));
    CHECK(a.components->differential_elevation == doctest::Approx(1.0 / 3));
    CHECK(a.components->stereotype_accuracy == doctest::Approx(std::sqrt(19.0 / 18)));  // 1.027
    CHECK(a.components->differential_accuracy == doctest::Approx(std::sqrt(1.0 / 18))); // 0.236
    CHECK(squares(*a.components) == doctest::Approx(4.0 / 3));
}

TEST_CASE("a rater harsh on one question only shows it in differential elevation") {
    // q1 perfect, q2 one point low on every sample. d:  q1: 0 0 0   q2: -1 -1 -1
    // d.. = -1/2;  row means 0, -1;  column means -1/2 each;  residuals 0.
    // E² = 1/4;  DE² = ((0 + 1/2)² + (-1 + 1/2)²) / 2 = 1/4;  MSE = 3/6 = 1/2 = 1/4 + 1/4
    const auto a = practice_accuracy(two_questions({1, 2, 4}, {3, 1, 2}));
    CHECK(a.mean_absolute_error == doctest::Approx(0.5));
    CHECK(a.within_one == doctest::Approx(1.0));
    CHECK(a.bias == doctest::Approx(-0.5));
    REQUIRE(a.components);
    CHECK(a.components->elevation == doctest::Approx(0.5));
    CHECK(a.components->differential_elevation == doctest::Approx(0.5));
    CHECK(a.components->stereotype_accuracy == doctest::Approx(0.0));
    CHECK(a.components->differential_accuracy == doctest::Approx(0.0));
}

TEST_CASE("a rater who swaps two samples of one question shows it in differential accuracy") {
    // q1's middle answer (reference 2) scored 4 and its strongest (reference 4) scored 2; q2
    // perfect. d:  q1: 0 2 -2   q2: 0 0 0
    // d.. = 0;  row means 0, 0;  column means 0, 1, -1.
    // SA² = (0 + 1 + 1) / 3 = 2/3
    // residuals:  q1: 0 1 -1   q2: 0 -1 1;  DA² = 4/6 = 2/3;  MSE = 8/6 = 2/3 + 2/3
    // With only two questions the swap also moves the rank means, so SA takes half of it; the
    // mean-based measures (E, DE, bias) cannot see it at all.
    const auto a = practice_accuracy(two_questions({1, 4, 2}, {4, 2, 3}));
    CHECK(a.mean_absolute_error == doctest::Approx(4.0 / 6));
    CHECK(a.within_one == doctest::Approx(4.0 / 6));
    CHECK(a.bias == doctest::Approx(0.0));
    REQUIRE(a.components);
    CHECK(a.components->elevation == doctest::Approx(0.0));
    CHECK(a.components->differential_elevation == doctest::Approx(0.0));
    CHECK(a.components->stereotype_accuracy == doctest::Approx(std::sqrt(2.0 / 3)));
    CHECK(a.components->differential_accuracy == doctest::Approx(std::sqrt(2.0 / 3))); // 0.816
}

TEST_CASE("the squared components add up to the mean squared error") {
    // messy(): d.. = 1/9
    // E²  = 1/81
    // DE² = ((0 - 1/9)² + (1/3 - 1/9)² + (0 - 1/9)²) / 3 = (1 + 4 + 1) / 81 / 3 = 2/81
    // SA² = ((8/9)² + (5/9)² + (-13/9)²) / 3 = (64 + 25 + 169) / 81 / 3 = 86/81
    // residuals, in ninths:  a: 1 -5 4   b: -11 10 1   c: 10 -5 -5
    // DA² = (1 + 25 + 16 + 121 + 100 + 1 + 100 + 25 + 25) / 81 / 9 = 414/729 = 46/81
    // MSE = (1 + 0 + 1 + 0 + 4 + 1 + 4 + 0 + 4) / 9 = 15/9 = 135/81 = (1 + 2 + 86 + 46) / 81
    const auto a = practice_accuracy(messy());
    CHECK(a.items == 9);
    CHECK(a.mean_absolute_error == doctest::Approx(1.0)); // (1+0+1 + 0+2+1 + 2+0+2) / 9
    CHECK(a.within_one == doctest::Approx(6.0 / 9));
    CHECK(a.bias == doctest::Approx(1.0 / 9));
    REQUIRE(a.components);
    CHECK(a.components->questions == 3);
    CHECK(a.components->ranks == 3);
    CHECK(a.components->elevation == doctest::Approx(1.0 / 9));
    CHECK(a.components->differential_elevation == doctest::Approx(std::sqrt(2.0) / 9));
    CHECK(a.components->stereotype_accuracy == doctest::Approx(std::sqrt(86.0) / 9));
    CHECK(a.components->differential_accuracy == doctest::Approx(std::sqrt(46.0) / 9));
    CHECK(squares(*a.components) == doctest::Approx(15.0 / 9));
}

TEST_CASE("questions practised in part are left out of the components, not the other measures") {
    // messy()'s three complete questions, plus d with two of three samples (both 4 off) and e
    // with one: the most common count is 3, so d and e take no part.
    auto items = messy();
    items.push_back(scored("d", 0, 5, 1));
    items.push_back(scored("d", 1, 1, 5));
    items.push_back(scored("e", 0, 5, 1));
    const auto a = practice_accuracy(items);
    CHECK(a.items == 12);
    CHECK(a.mean_absolute_error == doctest::Approx(21.0 / 12)); // (9 + 4 + 4 + 4) / 12
    REQUIRE(a.components);
    CHECK(a.components->questions == 3);
    CHECK(a.components->ranks == 3);
    CHECK(a.components->elevation == doctest::Approx(1.0 / 9));
    CHECK(a.components->differential_accuracy == doctest::Approx(std::sqrt(46.0) / 9));

    // Two questions with 2 samples, two with 3: a tie, the larger count wins. Three questions
    // with one sample do not outvote two with two: one sample has no rank to tell apart.
    auto tie = two_questions({1, 2, 4}, {4, 2, 3});
    for (const char* q : {"p", "r"})
        tie.push_back(scored(q, 0, 1, 1)), tie.push_back(scored(q, 1, 2, 2));
    REQUIRE(practice_accuracy(tie).components);
    CHECK(practice_accuracy(tie).components->ranks == 3);
    CHECK(practice_accuracy(tie).components->questions == 2);
    std::vector<PracticeItemScore> pairs{
        scored("p", 0, 1, 1), scored("p", 1, 2, 2), scored("r", 0, 1, 1), scored("r", 1, 2, 2),
        scored("s", 0, 3, 3), scored("t", 0, 3, 3), scored("u", 0, 3, 3)};
    REQUIRE(practice_accuracy(pairs).components);
    CHECK(practice_accuracy(pairs).components->ranks == 2);
    CHECK(practice_accuracy(pairs).components->questions == 2);
}

TEST_CASE("a sample scored twice counts its last score in the components, both in the others") {
    // Two questions of two samples, references 2 and 4; p's first sample is scored 5, then 2.
    std::vector<PracticeItemScore> items{scored("p", 0, 5, 2), scored("p", 1, 4, 4),
                                         scored("r", 0, 2, 2), scored("r", 1, 4, 4),
                                         scored("p", 0, 2, 2)};
    const auto a = practice_accuracy(items);
    CHECK(a.items == 5);
    CHECK(a.mean_absolute_error == doctest::Approx(3.0 / 5));
    CHECK(a.within_one == doctest::Approx(4.0 / 5));
    REQUIRE(a.components);
    CHECK(squares(*a.components) == doctest::Approx(0.0));
    // The other way round the 3-point miss is the one that counts: d = p: 3 0, r: 0 0, MSE 9/4.
    std::swap(items.front(), items.back());
    const auto b = practice_accuracy(items);
    REQUIRE(b.components);
    CHECK(squares(*b.components) == doctest::Approx(9.0 / 4));
    CHECK(b.components->elevation == doctest::Approx(3.0 / 4));
}

TEST_CASE("fewer than two complete questions give no components") {
    const std::vector<PracticeItemScore> one{scored("q", 0, 1, 1), scored("q", 1, 3, 4),
                                             scored("q", 2, 5, 5)};
    const auto a = practice_accuracy(one);
    CHECK_FALSE(a.components);
    CHECK(a.mean_absolute_error == doctest::Approx(1.0 / 3)); // the other measures still count
    // Three samples and two: a tie, so 3 samples it is, and only one question has them.
    auto three_and_two = one;
    three_and_two.push_back(scored("r", 0, 2, 2));
    three_and_two.push_back(scored("r", 1, 4, 4));
    CHECK_FALSE(practice_accuracy(three_and_two).components);
    // Many questions of one sample each: nothing to rank.
    const std::vector<PracticeItemScore> singles{scored("q", 0, 1, 1), scored("r", 0, 2, 2),
                                                 scored("s", 0, 3, 3)};
    CHECK_FALSE(practice_accuracy(singles).components);
}

TEST_CASE("no items: every measure 0, no components, nothing missed") {
    const auto a = practice_accuracy({});
    CHECK(a.items == 0);
    CHECK(a.mean_absolute_error == 0);
    CHECK(a.within_one == 0);
    CHECK(a.bias == 0);
    CHECK_FALSE(a.components);
    CHECK(missed_by_two({}).empty());
}

TEST_CASE("missed by two: the worst first, ties in the given order") {
    const std::vector<PracticeItemScore> items{
        scored("q", 0, 3, 1), // 2
        scored("q", 1, 2, 5), // 3
        scored("q", 2, 3, 4), // 1: not missed
        scored("r", 0, 1, 3), // 2, after q/0
        scored("r", 1, 5, 1), // 4
        scored("r", 2, 4, 4), // 0
    };
    CHECK(missed_by_two(items) ==
          std::vector<PracticeItemScore>{items[4], items[1], items[0], items[3]});
}
