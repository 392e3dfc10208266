#include "domain/plan_assembly.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <map>

using namespace panelist;

namespace {
// A bank of 8 topics x 3 difficulties x 3 levels, 2 each: 144 questions, 3-12 minutes.
std::vector<Question> bank() {
    std::vector<Question> out;
    const char* topics[] = {"monitoring", "serving", "features", "pipelines", "gpu", "cost", "security", "tracking"};
    int n = 0;
    for (const char* topic : topics)
        for (auto d : {Difficulty::easy, Difficulty::medium, Difficulty::hard})
            for (auto l : {Level::junior, Level::senior, Level::both})
                for (int k = 0; k < 2; ++k) {
                    Question q;
                    q.id = fmt::format("{}/q{}", topic, n);
                    q.topic = topic;
                    q.difficulty = d;
                    q.level = l;
                    q.minutes = 3 + (n * 7) % 10;
                    q.prompt = q.id;
                    out.push_back(q);
                    ++n;
                }
    return out;
}
const Question& find(const std::vector<Question>& b, const std::string& id) {
    for (const auto& q : b)
        if (q.id == id) return q;
    throw std::runtime_error(id);
}
} // namespace

TEST_CASE("an assembled plan stays within the budget and fills most of it") {
    const auto b = bank();
    for (int budget : {15, 30, 45, 60, 90}) {
        PlanRequest r;
        r.budget_minutes = budget;
        r.level = Level::senior;
        const auto plan = assemble_plan(b, r);
        CHECK(plan.total_minutes() <= budget);
        CHECK(plan.total_minutes() >= budget - 3); // questions as short as 3 minutes exist
    }
}

TEST_CASE("only questions that fit the candidate's level and difficulty range") {
    const auto b = bank();
    for (auto level : {Level::junior, Level::senior}) {
        PlanRequest r;
        r.level = level;
        r.budget_minutes = 120;
        for (const auto& item : assemble_plan(b, r).questions) {
            const auto& q = find(b, item.question_id);
            CHECK(fits(q.level, level));
            CHECK(difficulty_fits(q.difficulty, level));
        }
    }
    CHECK(difficulty_fits(Difficulty::easy, Level::junior));
    CHECK_FALSE(difficulty_fits(Difficulty::hard, Level::junior));
    CHECK_FALSE(difficulty_fits(Difficulty::easy, Level::senior));
}

TEST_CASE("difficulty rises through the interview") {
    const auto b = bank();
    PlanRequest r;
    r.level = Level::junior;
    r.budget_minutes = 60;
    const auto plan = assemble_plan(b, r);
    REQUIRE(plan.questions.size() > 3);
    for (std::size_t i = 1; i < plan.questions.size(); ++i)
        CHECK(find(b, plan.questions[i - 1].question_id).difficulty <= find(b, plan.questions[i].question_id).difficulty);
    CHECK(find(b, plan.questions.front().question_id).difficulty == Difficulty::easy);
}

TEST_CASE("same inputs, same list; another seed, another list") {
    const auto b = bank();
    PlanRequest r;
    r.budget_minutes = 45;
    r.seed = 42;
    const auto one = assemble_plan(b, r);
    CHECK(assemble_plan(b, r).questions == one.questions);
    r.seed = 43;
    CHECK(assemble_plan(b, r).questions != one.questions);
}

TEST_CASE("never a question the candidate already got or has planned") {
    const auto b = bank();
    PlanRequest r;
    r.budget_minutes = 60;
    const auto first = assemble_plan(b, r);
    for (const auto& q : first.questions) r.exclude.insert(q.question_id);
    for (const auto& q : assemble_plan(b, r).questions) CHECK_FALSE(r.exclude.count(q.question_id));
}

TEST_CASE("topics are covered according to their weights") {
    const auto b = bank();
    PlanRequest r;
    r.level = Level::senior;
    r.budget_minutes = 60;
    r.topic_weights = {{"monitoring", 3}, {"serving", 1}, {"gpu", 0}};
    std::map<std::string, int> minutes;
    for (const auto& q : assemble_plan(b, r).questions) minutes[q.topic] += q.planned_minutes;
    CHECK(minutes.count("gpu") == 0);
    CHECK(minutes.count("cost") == 0);
    CHECK(minutes["serving"] > 0);
    CHECK(minutes["monitoring"] > 2 * minutes["serving"]);

    r.topic_weights.clear(); // every topic the same: all eight appear in a long interview
    minutes.clear();
    r.budget_minutes = 120;
    for (const auto& q : assemble_plan(b, r).questions) minutes[q.topic] += q.planned_minutes;
    CHECK(minutes.size() == 8);
}

TEST_CASE("a role set is taken as-is, skipping what the candidate already had") {
    const auto b = bank();
    QuestionSet s;
    s.name = "Senior onsite";
    s.question_ids = {"gpu/q80", "monitoring/q1", "serving/q20", "not/in-bank"};
    auto plan = plan_from_set(s, b, {"monitoring/q1"});
    REQUIRE(plan.questions.size() == 2);
    CHECK(plan.questions[0].question_id == "gpu/q80");
    CHECK(plan.questions[1].question_id == "serving/q20");
    CHECK(plan.skipped == std::vector<std::string>{"monitoring/q1"});
    CHECK(plan.questions[0].prompt == "gpu/q80");
}

TEST_CASE("an empty bank or a tiny budget gives an empty plan, not an error") {
    PlanRequest r;
    r.budget_minutes = 2;
    CHECK(assemble_plan(bank(), r).questions.empty());
    CHECK(assemble_plan({}, PlanRequest{}).questions.empty());
}
