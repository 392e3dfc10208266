#include "domain/question.hpp"

#include "domain/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace panelist {

std::string Rubric::words_for(int score) const {
    switch (score) {
    case 1: return one;
    case 2: return one.empty() && three.empty() ? "" : "Between 1 and 3.";
    case 3: return three;
    case 4: return three.empty() && five.empty() ? "" : "Between 3 and 5.";
    case 5: return five;
    default: return "";
    }
}

Question normalised(Question q) {
    q.id = trim(q.id);
    q.topic = trim(q.topic);
    q.prompt = normalise_text(q.prompt);
    q.answer = normalise_text(q.answer);
    q.rubric.one = normalise_text(q.rubric.one);
    q.rubric.three = normalise_text(q.rubric.three);
    q.rubric.five = normalise_text(q.rubric.five);
    std::vector<std::string> tags;
    for (const auto& t : q.tags) {
        auto tag = to_lower_ascii(trim(t));
        if (!tag.empty() && std::find(tags.begin(), tags.end(), tag) == tags.end())
            tags.push_back(std::move(tag));
    }
    q.tags = std::move(tags);
    std::vector<std::string> follow_ups;
    for (const auto& f : q.follow_ups) {
        auto text = normalise_text(f);
        if (!text.empty()) follow_ups.push_back(std::move(text));
    }
    q.follow_ups = std::move(follow_ups);
    return q;
}

Problems validate(const Question& q) {
    Problems problems;
    if (!is_slug(q.id))
        problems.push_back({"id", fmt::format("'{}' is not a slug: use lower-case letters, digits, "
                                              "'-' and '_', with '/' between parts, e.g. "
                                              "'monitoring/psi'",
                                              q.id)});
    if (!is_slug(q.topic) || q.topic.find('/') != std::string::npos)
        problems.push_back({"topic", fmt::format("'{}' is not a topic: use lower-case letters, "
                                                 "digits, '-' and '_', e.g. 'monitoring'",
                                                 q.topic)});
    for (const auto& tag : q.tags)
        if (tag.empty() || tag.find_first_of(" \t\n\",") != std::string::npos)
            problems.push_back({"tags", fmt::format("'{}' is not a tag: tags are single words "
                                                    "without spaces, quotes or commas",
                                                    tag)});
    if (q.minutes < 1 || q.minutes > max_question_minutes)
        problems.push_back({"minutes", fmt::format("{} is not between 1 and {}", q.minutes,
                                                   max_question_minutes)});
    if (trim(q.prompt).empty()) problems.push_back({"prompt", "the prompt is empty"});
    return problems;
}

} // namespace panelist
