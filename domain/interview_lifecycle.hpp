// An interview's lifecycle and what may change at each stage. The store asks it before every
// write and the screens ask it what to offer; nothing else decides.
//
//   planned --start, or the first response--> in progress --submit--> submitted
//   submitted --reopen (a reason is recorded)--> reopened --submit--> submitted
//
//   stage        plan, interviewer, date   responses, overall notes   submit   reopen
//   planned      yes                       yes (starts it)            yes      no
//   in progress  yes                       yes                        yes      no
//   submitted    no                        no                         no       yes
//   reopened     yes                       yes                        yes      no
//
// Submitting needs a recommendation and a valid interview (validate()).
#pragma once
#include "domain/interview.hpp"

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace panelist {

enum class InterviewStage { planned, in_progress, submitted, reopened };
InterviewStage stage_of(const Interview&);
std::string_view label(InterviewStage);

enum class InterviewChange { plan, details, response, overall_notes, start, submit, reopen };

// A change the interview's stage does not allow, saying why in the user's words.
class InterviewRefused : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Why `change` is refused at the interview's stage, or nothing when it is allowed.
std::optional<std::string> refusal(const Interview&, InterviewChange);
inline bool allows(const Interview& iv, InterviewChange change) { return !refusal(iv, change); }
// Throws InterviewRefused when refused.
void require(const Interview&, InterviewChange);

// The transitions. Each changes the interview in place or throws InterviewRefused (or
// ValidationError, for a submission that does not validate) and leaves it as it was.
void start(Interview&);   // planned -> in progress; nothing once started
void respond(Interview&); // a score, note or follow-up: a planned interview starts
void submit(Interview&, Recommendation);
void reopen(Interview&, const std::string& reason);

} // namespace panelist
