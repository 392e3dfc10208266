// What a set covers (docs/curation.md), worked by hand on a small bank.
#include "domain/set_coverage.hpp"

#include <doctest/doctest.h>

using namespace panelist;

namespace {

Question q(const std::string& id, const std::string& topic, Level level, Difficulty difficulty, int minutes) {
    Question out;
    out.id = id;
    out.topic = topic;
    out.level = level;
    out.difficulty = difficulty;
    out.minutes = minutes;
    out.prompt = id + "?";
    return out;
}

} // namespace

TEST_CASE("a slot keeps a sixth for introductions, at least 5 minutes") {
    CHECK(reserved_minutes(60) == 10);
    CHECK(reserved_minutes(45) == 8);
    CHECK(reserved_minutes(30) == 5);
    CHECK(reserved_minutes(20) == 5);
    CHECK(reserved_minutes(90) == 15);
}

TEST_CASE("topics, levels, minutes, ladder, never asked and retired, worked by hand") {
    std::map<std::string, Question> bank;
    for (const auto& x : {q("m/a", "monitoring", Level::junior, Difficulty::easy, 10),
                          q("m/b", "monitoring", Level::senior, Difficulty::hard, 15),
                          q("s/c", "serving", Level::both, Difficulty::medium, 20),
                          q("s/d", "serving", Level::senior, Difficulty::hard, 12),
                          q("f/e", "features", Level::both, Difficulty::easy, 5)})
        bank.emplace(x.id, x);
    const QuestionSet set{"Senior onsite", "MLOps Engineer", Level::senior, 60, "",
                          {"m/b", "s/c", "m/a", "s/d", "x/gone"}};
    std::map<std::string, QuestionRecord> records;
    records["m/b"].asked = 3;
    const auto c = set_coverage(set, bank, records, {"s/d"}, {set, QuestionSet{"Junior", " mlops engineer ", Level::junior, 30, "", {"m/a", "f/e"}},
                                                              QuestionSet{"Other role", "Data Engineer", Level::both, 30, "", {"f/e"}}});
    // s/d is retired: the plan leaves it out, so its 12 minutes do not count; x/gone is not in the bank.
    CHECK(c.planned_minutes == 45); // 15 + 20 + 10
    CHECK(c.slack() == 15);
    CHECK(c.reserve == 10);
    CHECK(c.topics == std::map<std::string, int>{{"monitoring", 2}, {"serving", 1}});
    CHECK(c.levels == std::map<Level, int>{{Level::junior, 1}, {Level::senior, 1}, {Level::both, 1}});
    CHECK(c.level_misfits == std::vector<std::string>{"m/a"}); // a junior question in a senior set
    CHECK(c.ladder == std::vector<Difficulty>{Difficulty::hard, Difficulty::medium, Difficulty::easy});
    CHECK(c.ladder_drops == std::vector<int>{2, 3});
    CHECK(c.never_asked == std::vector<std::string>{"s/c", "m/a"});
    CHECK(c.retired == std::vector<std::string>{"s/d"});
    CHECK(c.missing == std::vector<std::string>{"x/gone"});
    // Beside the role's other set (role compared ignoring case and spaces); the other role is not.
    REQUIRE(c.siblings.size() == 1);
    CHECK(c.siblings[0].name == "Junior");
    CHECK(c.siblings[0].shared == 1); // m/a
    CHECK(c.siblings[0].topics_only_here == std::vector<std::string>{"serving"});
    CHECK(c.siblings[0].topics_only_there == std::vector<std::string>{"features"});

    const auto warnings = c.warnings();
    REQUIRE(warnings.size() == 5); // 15 minutes left of 60: enough for introductions
    CHECK(warnings[0] == "m/a is not meant for this set's level.");
    CHECK(warnings[1] == "Question 2 is easier than the one before it: the ladder should rise.");
    CHECK(warnings[3] == "s/d is retired: interviews from this set leave it out.");
    CHECK(warnings[4] == "x/gone is not in the bank.");
}

TEST_CASE("a set that fills its slot leaves no time for introductions, and says so") {
    std::map<std::string, Question> bank;
    bank.emplace("a/one", q("a/one", "a", Level::both, Difficulty::medium, 28));
    bank.emplace("a/two", q("a/two", "a", Level::both, Difficulty::hard, 28));
    const QuestionSet full{"Full", "", Level::senior, 60, "", {"a/one", "a/two"}};
    const auto c = set_coverage(full, bank, {}, {}, {});
    CHECK(c.warnings().at(0) ==
          "Leaves 4 of 60 minutes for introductions and the candidate's own questions; keep at least 10.");
    const QuestionSet over{"Over", "", Level::senior, 50, "", {"a/one", "a/two"}};
    CHECK(set_coverage(over, bank, {}, {}, {}).warnings().at(0) ==
          "Over the slot: 56 minutes of questions for 50 minutes, before introductions.");
    const QuestionSet roomy{"Roomy", "", Level::senior, 70, "", {"a/one", "a/two"}};
    CHECK(set_coverage(roomy, bank, {}, {}, {}).warnings().empty()); // 14 left, 12 kept
}
