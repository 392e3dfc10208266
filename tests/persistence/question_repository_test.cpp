#include "persistence/store/question_repository.hpp"
#include "tests/persistence/fixtures.hpp"

#include <doctest/doctest.h>

using namespace panelist;

TEST_CASE("a question round-trips through the store with every field") {
    auto db = Database::open(":memory:");
    QuestionRepository repo(db);
    const auto q = test::question("monitoring/psi", "monitoring", "What is PSI?");
    CHECK(repo.upsert(q) == UpsertOutcome::added);
    auto found = repo.find("monitoring/psi");
    REQUIRE(found);
    CHECK(*found == q);
    CHECK(repo.count() == 1);
    CHECK_FALSE(repo.find("monitoring/nothing"));
}

TEST_CASE("upsert reports added, updated and unchanged") {
    auto db = Database::open(":memory:");
    QuestionRepository repo(db);
    auto q = test::question("a/one", "a", "First prompt");
    CHECK(repo.upsert(q) == UpsertOutcome::added);
    CHECK(repo.upsert(q) == UpsertOutcome::unchanged);
    q.follow_ups.push_back("And then?");
    CHECK(repo.upsert(q) == UpsertOutcome::updated);
    CHECK(repo.find("a/one")->follow_ups.size() == 3);
    q.samples[0].score = 1; // a sample answer re-scored is an edit of the question
    CHECK(repo.upsert(q) == UpsertOutcome::updated);
    CHECK(repo.find("a/one")->samples[0].score == 1);
    q.tags = {"x"};
    CHECK(repo.upsert(q) == UpsertOutcome::updated);
    CHECK(repo.find("a/one")->tags == std::vector<std::string>{"x"});
}

TEST_CASE("an invalid question is refused and nothing is written") {
    auto db = Database::open(":memory:");
    QuestionRepository repo(db);
    auto q = test::question("a/one", "a", "Prompt");
    q.minutes = 0;
    CHECK_THROWS_AS(repo.upsert(q), ValidationError);
    CHECK(repo.count() == 0);
    CHECK(db.sql().execAndGet("SELECT count(*) FROM question_fts").getInt() == 0);
}

TEST_CASE("removing a question removes it from search and from sets") {
    auto db = Database::open(":memory:");
    QuestionRepository repo(db);
    repo.upsert(test::question("a/one", "a", "Explain canary releases"));
    CHECK(repo.search(parse_search_query("canary")).size() == 1);
    CHECK(repo.remove("a/one"));
    CHECK_FALSE(repo.remove("a/one"));
    CHECK(repo.search(parse_search_query("canary")).empty());
    CHECK(db.sql().execAndGet("SELECT count(*) FROM question_fts").getInt() == 0);
}

TEST_CASE("renaming a question keeps it searchable and refuses a taken id") {
    auto db = Database::open(":memory:");
    QuestionRepository repo(db);
    repo.upsert(test::question("a/one", "a", "Explain canary releases"));
    repo.upsert(test::question("a/two", "a", "Explain shadow traffic"));
    repo.rename("a/one", "a/canary");
    CHECK(repo.find("a/canary"));
    CHECK_FALSE(repo.find("a/one"));
    CHECK(repo.search(parse_search_query("canary"))[0].id == "a/canary");
    CHECK_THROWS_AS(repo.rename("a/canary", "a/two"), ValidationError);
    CHECK_THROWS_AS(repo.rename("a/canary", "Bad Id"), ValidationError);
}

TEST_CASE("topics are listed once each, sorted") {
    auto db = Database::open(":memory:");
    QuestionRepository repo(db);
    repo.upsert(test::question("z/1", "serving", "P1"));
    repo.upsert(test::question("z/2", "monitoring", "P2"));
    repo.upsert(test::question("z/3", "serving", "P3"));
    CHECK(repo.topics() == std::vector<std::string>{"monitoring", "serving"});
}
