#include "domain/interview_lifecycle.hpp"

#include "domain/text.hpp"

namespace panelist {

InterviewStage stage_of(const Interview& iv) {
    switch (iv.status) {
    case InterviewStatus::planned: return InterviewStage::planned;
    case InterviewStatus::submitted: return InterviewStage::submitted;
    case InterviewStatus::in_progress: break;
    }
    return iv.reopen_count > 0 ? InterviewStage::reopened : InterviewStage::in_progress;
}

std::string_view label(InterviewStage stage) {
    switch (stage) {
    case InterviewStage::planned: return "planned";
    case InterviewStage::in_progress: return "in progress";
    case InterviewStage::submitted: return "submitted";
    case InterviewStage::reopened: return "reopened";
    }
    return "?";
}

std::optional<std::string> refusal(const Interview& iv, InterviewChange change) {
    const InterviewStage stage = stage_of(iv);
    if (change == InterviewChange::reopen)
        return stage == InterviewStage::submitted ? std::nullopt
                                                  : std::optional<std::string>("only a submitted interview can be reopened");
    if (stage == InterviewStage::submitted)
        return change == InterviewChange::submit ? "this interview is already submitted"
                                                 : "this interview is submitted; reopen it to change it";
    return std::nullopt;
}

void require(const Interview& iv, InterviewChange change) {
    if (auto why = refusal(iv, change)) throw InterviewRefused(*why);
}

void start(Interview& iv) {
    require(iv, InterviewChange::start);
    if (iv.status == InterviewStatus::planned) iv.status = InterviewStatus::in_progress;
}

void respond(Interview& iv) {
    require(iv, InterviewChange::response);
    if (iv.status == InterviewStatus::planned) iv.status = InterviewStatus::in_progress;
}

void submit(Interview& iv, Recommendation recommendation) {
    require(iv, InterviewChange::submit);
    Interview next = iv;
    next.recommendation = recommendation;
    next.status = InterviewStatus::submitted;
    throw_if_invalid("interview", validate(next));
    iv = std::move(next);
}

void reopen(Interview& iv, const std::string& reason) {
    require(iv, InterviewChange::reopen);
    if (trim(reason).empty()) throw InterviewRefused("say why the interview is reopened: the reason is recorded");
    iv.status = InterviewStatus::in_progress;
    ++iv.reopen_count;
}

} // namespace panelist
