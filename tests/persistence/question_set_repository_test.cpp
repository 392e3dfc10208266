#include "persistence/store/question_set_repository.hpp"
#include "tests/persistence/fixtures.hpp"

#include <doctest/doctest.h>

using namespace panelist;

namespace {
QuestionSet onsite() {
    QuestionSet s;
    s.name = "MLOps Engineer - Senior onsite, 60 min";
    s.role = "MLOps Engineer";
    s.level = Level::senior;
    s.minutes = 60;
    s.description = "Design and judgement.";
    s.question_ids = {"b/two", "a/one"};
    return s;
}
struct Store {
    Database db = Database::open(":memory:");
    QuestionRepository questions{db};
    QuestionSetRepository sets{db};
    Store() {
        questions.upsert(test::question("a/one", "a", "One"));
        questions.upsert(test::question("b/two", "b", "Two"));
    }
};
} // namespace

TEST_CASE("a set keeps its order and fields") {
    Store s;
    CHECK(s.sets.upsert(onsite()) == UpsertOutcome::added);
    auto found = s.sets.find(onsite().name);
    REQUIRE(found);
    CHECK(*found == onsite());
    CHECK(s.sets.upsert(onsite()) == UpsertOutcome::unchanged);
    auto reordered = onsite();
    std::swap(reordered.question_ids[0], reordered.question_ids[1]);
    CHECK(s.sets.upsert(reordered) == UpsertOutcome::updated);
    CHECK(s.sets.find(onsite().name)->question_ids == std::vector<std::string>{"a/one", "b/two"});
}

TEST_CASE("a set naming a missing question is refused whole") {
    Store s;
    auto bad = onsite();
    bad.question_ids.push_back("c/missing");
    try {
        s.sets.upsert(bad);
        FAIL("expected an error");
    } catch (const ValidationError& e) {
        CHECK(std::string(e.what()).find("c/missing") != std::string::npos);
    }
    CHECK(s.sets.all().empty());
}

TEST_CASE("deleting a question drops it from the sets that used it") {
    Store s;
    s.sets.upsert(onsite());
    s.questions.remove("b/two");
    CHECK(s.sets.find(onsite().name)->question_ids == std::vector<std::string>{"a/one"});
}

TEST_CASE("rename and remove") {
    Store s;
    s.sets.upsert(onsite());
    auto other = onsite();
    other.name = "Junior screen";
    s.sets.upsert(other);
    CHECK_THROWS_AS(s.sets.rename("Junior screen", onsite().name), ValidationError);
    s.sets.rename("Junior screen", "Junior phone screen");
    CHECK(s.sets.find("Junior phone screen"));
    CHECK(s.sets.remove("Junior phone screen"));
    CHECK_FALSE(s.sets.remove("Junior phone screen"));
    CHECK(s.sets.all().size() == 1);
}
