#include "domain/question_draft.hpp"

#include "domain/text.hpp"

namespace panelist {

std::vector<std::string> missing_before_planning(const Question& q, const DraftState& draft) {
    std::vector<std::string> missing;
    if (!draft.level_given) missing.push_back("a level");
    if (trim(q.rubric.one).empty()) missing.push_back("the rubric's 1 anchor");
    if (trim(q.rubric.three).empty()) missing.push_back("the rubric's 3 anchor");
    if (trim(q.rubric.five).empty()) missing.push_back("the rubric's 5 anchor");
    return missing;
}

} // namespace panelist
