// What a practice session asks: the sample answers of the chosen questions, each question's
// answers together (a weak and a strong answer to the same question teach the most side by
// side) but in an order that does not give their scores away.
#pragma once
#include "domain/question.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace panelist {

struct PracticeItem {
    std::string question_id;
    int sample = 0; // the place of the sample answer in the question's list
    bool operator==(const PracticeItem&) const = default;
};

// Every sample answer of `questions` that have them, question by question in the order given,
// shuffled within each question by `seed`; whole questions only, as many as fit in `limit`
// items (at least one question when any has samples).
std::vector<PracticeItem> practice_items(const std::vector<Question>& questions, std::size_t limit,
                                         std::uint64_t seed);

} // namespace panelist
