#include "domain/plan_assembly.hpp"

#include "domain/seeded_random.hpp"

#include <algorithm>
#include <numeric>

namespace panelist {
namespace {

int difficulty_rank(Difficulty d) { return static_cast<int>(d); }

InterviewQuestion planned(const Question& q) {
    InterviewQuestion item;
    item.question_id = q.id;
    item.planned_minutes = q.minutes;
    item.topic = q.topic;
    item.prompt = q.prompt;
    return item;
}

} // namespace

int PlannedList::total_minutes() const {
    int total = 0;
    for (const auto& q : questions) total += q.planned_minutes;
    return total;
}

bool difficulty_fits(Difficulty d, Level candidate) {
    switch (candidate) {
    case Level::junior: return d != Difficulty::hard;
    case Level::senior: return d != Difficulty::easy;
    case Level::both: return true;
    }
    return true;
}

PlannedList assemble_plan(const std::vector<Question>& bank, const PlanRequest& request) {
    // Candidates per topic, in a seeded order; topics visited in name order for determinism.
    std::map<std::string, std::vector<const Question*>> by_topic;
    for (const auto& q : bank) {
        if (!fits(q.level, request.level) || !difficulty_fits(q.difficulty, request.level)) continue;
        if (request.exclude.count(q.id)) continue;
        if (!request.topic_weights.empty()) {
            auto w = request.topic_weights.find(q.topic);
            if (w == request.topic_weights.end() || w->second <= 0) continue;
        }
        by_topic[q.topic].push_back(&q);
    }
    SeededRandom random(request.seed);
    for (auto& [topic, questions] : by_topic) {
        std::sort(questions.begin(), questions.end(),
                  [](const Question* a, const Question* b) { return a->id < b->id; });
        random.shuffle(questions);
    }

    double weight_sum = 0;
    std::map<std::string, double> target; // minutes each topic should get
    for (const auto& [topic, questions] : by_topic) {
        const double w = request.topic_weights.empty() ? 1.0 : request.topic_weights.at(topic);
        target[topic] = w;
        weight_sum += w;
    }
    for (auto& [topic, t] : target) t = t / weight_sum * request.budget_minutes;

    std::map<std::string, int> used;
    std::map<std::string, std::size_t> next;
    std::vector<const Question*> chosen;
    int remaining = request.budget_minutes;
    while (true) {
        // The topic furthest below its share, among those with a question that still fits.
        const Question* pick = nullptr;
        std::string pick_topic;
        double best_deficit = 0;
        for (auto& [topic, questions] : by_topic) {
            auto& i = next[topic];
            while (i < questions.size() && questions[i]->minutes > remaining) ++i;
            if (i >= questions.size()) continue;
            const double deficit = (target[topic] - used[topic]) / std::max(target[topic], 1e-9);
            if (!pick || deficit > best_deficit) {
                pick = questions[i];
                pick_topic = topic;
                best_deficit = deficit;
            }
        }
        if (!pick) break;
        ++next[pick_topic];
        chosen.push_back(pick);
        used[pick_topic] += pick->minutes;
        remaining -= pick->minutes;
    }

    // Difficulty rises through the interview; the pick order is kept within a difficulty,
    // which alternates topics instead of asking one topic's questions back to back.
    std::stable_sort(chosen.begin(), chosen.end(), [](const Question* a, const Question* b) {
        return difficulty_rank(a->difficulty) < difficulty_rank(b->difficulty);
    });
    PlannedList list;
    for (const auto* q : chosen) list.questions.push_back(planned(*q));
    return list;
}

PlannedList plan_from_set(const QuestionSet& set, const std::vector<Question>& bank,
                          const std::set<std::string>& exclude) {
    PlannedList list;
    for (const auto& id : set.question_ids) {
        auto q = std::find_if(bank.begin(), bank.end(), [&](const Question& b) { return b.id == id; });
        if (q == bank.end()) continue;
        if (exclude.count(id)) list.skipped.push_back(id);
        else list.questions.push_back(planned(*q));
    }
    return list;
}

} // namespace panelist
