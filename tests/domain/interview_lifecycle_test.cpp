#include "domain/interview_lifecycle.hpp"

#include <doctest/doctest.h>

using namespace panelist;

namespace {
Interview planned() {
    Interview iv;
    iv.candidate_id = 1;
    iv.interviewer = "Ana";
    iv.date = "2026-11-23";
    iv.questions.push_back({"t/a", 5, {}, "t", "Prompt?"});
    return iv;
}
constexpr InterviewChange all_changes[] = {InterviewChange::plan,          InterviewChange::details,
                                           InterviewChange::response,      InterviewChange::overall_notes,
                                           InterviewChange::start,         InterviewChange::submit,
                                           InterviewChange::reopen};
} // namespace

TEST_CASE("a planned interview allows everything but a reopen; a response or start moves it on") {
    Interview iv = planned();
    CHECK(stage_of(iv) == InterviewStage::planned);
    for (const auto change : all_changes) CHECK(allows(iv, change) == (change != InterviewChange::reopen));
    respond(iv);
    CHECK(stage_of(iv) == InterviewStage::in_progress);
    Interview other = planned();
    start(other);
    CHECK(stage_of(other) == InterviewStage::in_progress);
    start(other); // started once: nothing more
    CHECK(stage_of(other) == InterviewStage::in_progress);
    CHECK_THROWS_AS(reopen(other, "why"), InterviewRefused);
}

TEST_CASE("submitting records the recommendation and locks everything but a reopen") {
    Interview iv = planned();
    start(iv);
    submit(iv, Recommendation::yes);
    CHECK(stage_of(iv) == InterviewStage::submitted);
    CHECK(iv.recommendation == Recommendation::yes);
    CHECK(iv.locked());
    for (const auto change : all_changes) {
        CHECK(allows(iv, change) == (change == InterviewChange::reopen));
        if (change != InterviewChange::reopen) CHECK_THROWS_AS(require(iv, change), InterviewRefused);
    }
    CHECK(*refusal(iv, InterviewChange::response) == "this interview is submitted; reopen it to change it");
    CHECK_THROWS_AS(respond(iv), InterviewRefused);
    CHECK_THROWS_AS(submit(iv, Recommendation::no), InterviewRefused);
    CHECK(iv.recommendation == Recommendation::yes); // a refused change leaves it as it was
}

TEST_CASE("a reopen needs a reason, counts, and leads to a reopened stage that may be submitted again") {
    Interview iv = planned();
    submit(iv, Recommendation::no);
    CHECK_THROWS_AS(reopen(iv, "   "), InterviewRefused);
    CHECK(stage_of(iv) == InterviewStage::submitted);
    reopen(iv, "forgot a note");
    CHECK(stage_of(iv) == InterviewStage::reopened);
    CHECK(iv.reopen_count == 1);
    CHECK(label(stage_of(iv)) == "reopened");
    for (const auto change : all_changes) CHECK(allows(iv, change) == (change != InterviewChange::reopen));
    respond(iv);
    CHECK(stage_of(iv) == InterviewStage::reopened); // responding does not make it "in progress" again
    submit(iv, Recommendation::strong_no);
    CHECK(stage_of(iv) == InterviewStage::submitted);
    CHECK(iv.recommendation == Recommendation::strong_no);
}

TEST_CASE("a submission that does not validate is refused and changes nothing") {
    Interview iv = planned();
    iv.interviewer.clear(); // not valid: nobody interviewed
    CHECK_THROWS_AS(submit(iv, Recommendation::yes), ValidationError);
    CHECK(stage_of(iv) == InterviewStage::planned);
    CHECK_FALSE(iv.recommendation);
}
