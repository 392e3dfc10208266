#include "domain/question_set.hpp"

#include "domain/text.hpp"

#include <fmt/format.h>
#include <set>

namespace panelist {

QuestionSet normalised(QuestionSet s) {
    s.name = trim(s.name);
    s.role = trim(s.role);
    s.description = normalise_text(s.description);
    for (auto& id : s.question_ids) id = trim(id);
    return s;
}

Problems validate(const QuestionSet& s) {
    Problems problems;
    if (trim(s.name).empty()) problems.push_back({"name", "the set has no name"});
    if (s.minutes < 1 || s.minutes > max_set_minutes)
        problems.push_back(
            {"minutes", fmt::format("{} is not between 1 and {}", s.minutes, max_set_minutes)});
    check_length(problems, "name", s.name, QuestionSetLimits::name);
    check_length(problems, "role", s.role, QuestionSetLimits::role);
    check_length(problems, "description", s.description, QuestionSetLimits::description);
    check_count(problems, "questions", s.question_ids.size(), QuestionSetLimits::questions, "questions");
    std::set<std::string> seen;
    for (const auto& id : s.question_ids)
        if (!seen.insert(id).second)
            problems.push_back({"questions", fmt::format("'{}' is listed twice", excerpt(id))});
    return problems;
}

} // namespace panelist
