// Draft questions: what a page of interview questions (Markdown or plain text) gives, a prompt
// and perhaps an answer, imported as it is. A draft is never planned into an interview until a
// curator has given it a level and a rubric with all three anchors (docs/curation.md).
#pragma once
#include "domain/question.hpp"

#include <string>
#include <vector>

namespace panelist {

struct DraftState {
    std::string source;       // where it came from: "questions.md:12"
    bool level_given = false; // a page says nothing about level: "both" stands in until a curator picks
    bool operator==(const DraftState&) const = default;
};

// What a draft still lacks before it may be planned, in words ("a level", "the rubric's 5
// anchor"); empty when it is complete.
std::vector<std::string> missing_before_planning(const Question&, const DraftState&);

} // namespace panelist
