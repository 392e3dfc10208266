#include "domain/interview.hpp"
#include "domain/people.hpp"

#include <doctest/doctest.h>
#include <stdexcept>

using namespace panelist;

TEST_CASE("a score is 1 to 5 or unscored") {
    CHECK_FALSE(Score{}.scored());
    CHECK(Score::of(1).value() == 1);
    CHECK(Score::of(5).value() == 5);
    CHECK_THROWS_AS(Score::of(0), std::invalid_argument);
    CHECK_THROWS_AS(Score::of(6), std::invalid_argument);
    CHECK(Score::unscored() == Score{});
}

TEST_CASE("dates are real calendar days written YYYY-MM-DD") {
    CHECK(is_iso_date("2026-11-23"));
    CHECK(is_iso_date("2024-02-29"));
    CHECK_FALSE(is_iso_date("2026-02-29"));
    CHECK_FALSE(is_iso_date("2026-13-01"));
    CHECK_FALSE(is_iso_date("2026-1-1"));
    CHECK_FALSE(is_iso_date("23/11/2026"));
    CHECK_FALSE(is_iso_date(""));
}

namespace {
Interview valid_interview() {
    Interview iv;
    iv.candidate_id = 1;
    iv.interviewer = "Ana";
    iv.date = "2026-11-23";
    iv.questions = {{"a/one", 5, {}, "", ""}, {"a/two", 10, {}, "", ""}};
    return iv;
}
} // namespace

TEST_CASE("an interview plans each question once and totals its minutes") {
    auto iv = valid_interview();
    CHECK(validate(iv).empty());
    CHECK(iv.planned_minutes() == 15);
    iv.questions.push_back({"a/one", 5, {}, "", ""});
    CHECK_FALSE(validate(iv).empty());
}

TEST_CASE("a submitted interview is locked and needs a recommendation") {
    auto iv = valid_interview();
    iv.status = InterviewStatus::submitted;
    CHECK(iv.locked());
    CHECK_FALSE(validate(iv).empty());
    iv.recommendation = Recommendation::yes;
    CHECK(validate(iv).empty());
}

TEST_CASE("scored_count counts only scored responses") {
    auto iv = valid_interview();
    iv.questions[1].response.score = Score::of(4);
    CHECK(iv.scored_count() == 1);
}

TEST_CASE("a candidate is junior or senior and belongs to a loop") {
    Candidate c;
    c.name = "Dana";
    c.loop_id = 3;
    c.level = Level::senior;
    CHECK(validate(c).empty());
    c.level = Level::both;
    CHECK_FALSE(validate(c).empty());
    c.level = Level::junior;
    c.loop_id = 0;
    CHECK_FALSE(validate(c).empty());
    Loop loop;
    CHECK_FALSE(validate(loop).empty());
    loop.name = "MLOps Engineer, Berlin, 2026-Q4";
    CHECK(validate(loop).empty());
}

TEST_CASE("recommendations and statuses read and print their tokens") {
    for (auto r : {Recommendation::strong_no, Recommendation::no, Recommendation::yes,
                   Recommendation::strong_yes})
        CHECK(parse_recommendation(name(r)) == r);
    CHECK(label(Recommendation::strong_yes) == "strong yes");
    CHECK(label(InterviewStatus::in_progress) == "in progress");
    CHECK(parse_interview_status("submitted") == InterviewStatus::submitted);
    CHECK_FALSE(parse_interview_status("done"));
}
