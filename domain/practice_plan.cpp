#include "domain/practice_plan.hpp"

#include "domain/seeded_random.hpp"

namespace panelist {

std::vector<PracticeItem> practice_items(const std::vector<Question>& questions, std::size_t limit,
                                         std::uint64_t seed) {
    SeededRandom random(seed);
    std::vector<PracticeItem> items;
    for (const auto& q : questions) {
        if (q.samples.empty()) continue;
        if (!items.empty() && items.size() + q.samples.size() > limit) break;
        std::vector<PracticeItem> mine;
        for (std::size_t i = 0; i < q.samples.size(); ++i) mine.push_back({q.id, static_cast<int>(i)});
        random.shuffle(mine);
        items.insert(items.end(), mine.begin(), mine.end());
    }
    return items;
}

} // namespace panelist
