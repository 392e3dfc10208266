// Small builders for test data in the persistence suite.
#pragma once
#include "domain/question.hpp"

namespace panelist::test {

inline Question question(const std::string& id, const std::string& topic, const std::string& prompt,
                         Level level = Level::both, Difficulty difficulty = Difficulty::medium) {
    Question q;
    q.id = id;
    q.topic = topic;
    q.tags = {topic, "core"};
    q.level = level;
    q.difficulty = difficulty;
    q.minutes = 5;
    q.prompt = prompt;
    q.answer = "A model answer about " + prompt;
    q.follow_ups = {"Why?", "What would change at ten times the traffic?"};
    q.rubric = {"Guesses.", "Knows the basics.", "Knows the trade-offs."};
    q.samples = {{2, "I would guess, honestly.", "Guesses: between 1 and 3."},
                 {5, "It depends on the traffic; at ten times it I would pick the cheaper path, because...", "Weighs the trade-off."}};
    return q;
}

} // namespace panelist::test
