#include "domain/loop_comparison.hpp"
#include "domain/panel_quality.hpp"

#include <doctest/doctest.h>

using namespace panelist;

namespace {
// Each interviewer asks "q/easy" (everyone does well) and "q/hard" (only strong candidates do).
Interview by(const std::string& who, int easy, int hard) {
    Interview iv;
    iv.interviewer = who;
    iv.status = InterviewStatus::submitted;
    iv.recommendation = Recommendation::yes;
    InterviewQuestion e, h;
    e.question_id = "q/easy", e.topic = "t", e.planned_minutes = 5, e.response.score = Score::of(easy);
    h.question_id = "q/hard", h.topic = "t", h.planned_minutes = 5, h.response.score = Score::of(hard);
    iv.questions = {e, h};
    return iv;
}
CandidateInterviews candidate(const std::string& name, std::vector<Interview> ivs) {
    Candidate c;
    c.name = name;
    return {c, std::move(ivs)};
}
std::vector<CandidateInterviews> loop() {
    return {candidate("A", {by("Ana", 5, 5), by("Ben", 4, 5)}), candidate("B", {by("Ana", 5, 4), by("Ben", 4, 4)}),
            candidate("C", {by("Ana", 5, 2), by("Ben", 4, 1)}), candidate("D", {by("Ana", 4, 1), by("Ben", 4, 2)})};
}
} // namespace

TEST_CASE("a panel that ranks candidates alike has a high ICC; Ana is the kinder interviewer") {
    const auto a = panel_agreement(loop());
    REQUIRE(a.icc);
    REQUIRE(a.icc->icc3_1);
    CHECK(*a.icc->icc3_1 > 0.75);
    CHECK(a.icc->candidates_used == 4);
    REQUIRE(a.alpha_interval);
    REQUIRE(a.leniency.size() == 2);
    CHECK(a.leniency[0].interviewer == "Ana");
    CHECK(*a.leniency[0].mean_deviation > 0);
    CHECK(*a.leniency[1].mean_deviation < 0);
}

TEST_CASE("the hard question separates strong from weak candidates; the easy one does not") {
    Loop l;
    l.name = "L";
    const auto c = compare_loop(l, loop(), {});
    REQUIRE(c.questions.size() == 2);
    const auto& easy = c.questions[0].question_id == "q/easy" ? c.questions[0] : c.questions[1];
    const auto& hard = c.questions[0].question_id == "q/hard" ? c.questions[0] : c.questions[1];
    CHECK(easy.asked == 8);
    REQUIRE(easy.separation);
    REQUIRE(hard.separation);
    CHECK(*hard.separation > 2.0);
    CHECK(*easy.separation < 0.5);
    CHECK(hard.spread == 4);
}

TEST_CASE("with one interviewer there is no agreement to measure, and it says why") {
    const auto a = panel_agreement({candidate("A", {by("Ana", 5, 5)}), candidate("B", {by("Ana", 3, 3)})});
    CHECK_FALSE(a.icc);
    CHECK_FALSE(a.icc_problem.empty());
}
