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
    for (auto& sample : q.samples) {
        sample.answer = normalise_text(sample.answer);
        sample.why = normalise_text(sample.why);
    }
    return q;
}

Problems validate(const Question& q) {
    Problems problems;
    if (!is_slug(q.id))
        problems.push_back({"id", fmt::format("'{}' is not a slug: use lower-case letters, digits, "
                                              "'-' and '_', with '/' between parts, e.g. "
                                              "'monitoring/psi'",
                                              excerpt(q.id))});
    if (!is_slug(q.topic) || q.topic.find('/') != std::string::npos)
        problems.push_back({"topic", fmt::format("'{}' is not a topic: use lower-case letters, "
                                                 "digits, '-' and '_', e.g. 'monitoring'",
                                                 excerpt(q.topic))});
    const auto hidden = [](const std::string& tag) {
        for (std::size_t i = 0; i < tag.size(); ++i)
            if (static_cast<unsigned char>(tag[i]) < 0x20 || tag[i] == 0x7f || hidden_control_at(tag, i).length > 0)
                return true;
        return false;
    };
    for (const auto& tag : q.tags)
        if (tag.empty() || tag.find_first_of(" \t\n\",") != std::string::npos || hidden(tag))
            problems.push_back({"tags", fmt::format("'{}' is not a tag: tags are single words "
                                                    "without spaces, quotes, commas or control characters",
                                                    excerpt(tag))});
    if (q.minutes < 1 || q.minutes > max_question_minutes)
        problems.push_back({"minutes", fmt::format("{} is not between 1 and {}", q.minutes,
                                                   max_question_minutes)});
    if (trim(q.prompt).empty()) problems.push_back({"prompt", "the prompt is empty"});
    using Limits = QuestionTextLimits;
    check_length(problems, "prompt", q.prompt, Limits::prompt);
    check_length(problems, "answer", q.answer, Limits::answer);
    check_count(problems, "follow_ups", q.follow_ups.size(), Limits::follow_ups, "follow-ups");
    for (const auto& f : q.follow_ups) check_length(problems, "follow_ups", f, Limits::follow_up);
    check_count(problems, "tags", q.tags.size(), Limits::tags, "tags");
    for (const auto& t : q.tags) check_length(problems, "tags", t, Limits::tag);
    check_length(problems, "rubric.1", q.rubric.one, Limits::rubric_anchor);
    check_length(problems, "rubric.3", q.rubric.three, Limits::rubric_anchor);
    check_length(problems, "rubric.5", q.rubric.five, Limits::rubric_anchor);
    check_count(problems, "sample", q.samples.size(), Limits::samples, "sample answers");
    for (const auto& sample : q.samples) {
        if (sample.score < 1 || sample.score > 5)
            problems.push_back({"sample", fmt::format("a sample answer's score {} is not between 1 and 5", sample.score)});
        if (trim(sample.answer).empty()) problems.push_back({"sample", "a sample answer is empty"});
        if (trim(sample.why).empty())
            problems.push_back({"sample", "a sample answer needs its one line of why (which rubric anchor it meets)"});
        check_length(problems, "sample", sample.answer, Limits::sample_answer);
        check_length(problems, "sample", sample.why, Limits::sample_why);
    }
    return problems;
}

} // namespace panelist
