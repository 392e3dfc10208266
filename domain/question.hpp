// A question of the bank: what is asked aloud, and what the interviewer sees privately.
#pragma once
#include "domain/enums.hpp"
#include "domain/problem.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace panelist {

// What an answer worth 1, 3 and 5 sounds like. Scores 2 and 4 sit between their neighbours.
struct Rubric {
    std::string one;
    std::string three;
    std::string five;
    bool empty() const { return one.empty() && three.empty() && five.empty(); }
    // The rubric's words for a score 1-5: 2 and 4 borrow "between" wording.
    std::string words_for(int score) const;
    bool operator==(const Rubric&) const = default;
};

// An answer as a candidate might say it aloud, the score the question's rubric gives it, and
// one line saying why: what interviewers calibrate on before scoring real candidates.
struct SampleAnswer {
    int score = 3; // 1-5
    std::string answer;
    std::string why;
    bool operator==(const SampleAnswer&) const = default;
};

struct Question {
    std::string id; // stable slug, e.g. "monitoring/psi"
    std::string topic;
    std::vector<std::string> tags;
    Level level = Level::both;
    Difficulty difficulty = Difficulty::medium;
    int minutes = 5;
    std::string prompt;
    std::string answer;
    std::vector<std::string> follow_ups;
    Rubric rubric;
    std::vector<SampleAnswer> samples; // in the order the file lists them

    bool operator==(const Question&) const = default;
};

constexpr int max_question_minutes = 120;

// How long each text may be, in characters. Far past any question read aloud in an interview
// (the bank's longest model answer is about 1,200 characters): a text past them is a pasted
// document or a broken file, and would cost every screen and search that shows it.
struct QuestionTextLimits {
    static constexpr std::size_t prompt = 4'000;
    static constexpr std::size_t answer = 20'000;
    static constexpr std::size_t follow_up = 2'000;
    static constexpr std::size_t follow_ups = 30;
    static constexpr std::size_t rubric_anchor = 4'000;
    static constexpr std::size_t tag = 50;
    static constexpr std::size_t tags = 30;
    static constexpr std::size_t sample_answer = 4'000;
    static constexpr std::size_t sample_why = 1'000;
    static constexpr std::size_t samples = 10;
};

// Trims texts, lower-cases and de-duplicates tags (keeping first-seen order).
Question normalised(Question);
// Every rule the question breaks; empty when it is valid.
Problems validate(const Question&);

} // namespace panelist
