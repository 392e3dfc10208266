// Every earlier schema, kept as a fixture in tests/fixtures, migrates to the current one with
// every field intact.
#include "persistence/store/interview_repository.hpp"
#include "persistence/store/migrations/migration.hpp"
#include "persistence/store/people_repository.hpp"
#include "persistence/store/question_repository.hpp"
#include "persistence/store/question_set_repository.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>

using namespace panelist;

namespace {
std::filesystem::path database_from(const std::string& fixture, const test::TempDir& dir) {
    const auto path = dir / "old.db";
    SQLite::Database old(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    old.exec("PRAGMA journal_mode = WAL");
    old.exec(test::read_file(std::filesystem::path(PANELIST_FIXTURES_DIR) / fixture));
    return path;
}
} // namespace

TEST_CASE("schema step 1 (Panelist 0.1) migrates with every field intact") {
    test::TempDir dir;
    const auto path = database_from("schema-v1.sql", dir);
    {
        SQLite::Database check(path.string(), SQLite::OPEN_READONLY);
        REQUIRE(check.execAndGet("PRAGMA user_version").getInt() == 1);
    }
    auto db = Database::open(path);
    CHECK(db.schema_version() == latest_schema_version());
    CHECK(db.sql().execAndGet("PRAGMA integrity_check").getString() == "ok");

    QuestionRepository questions(db);
    const auto canary = questions.find("deployment/canary");
    REQUIRE(canary);
    CHECK(canary->topic == "deployment");
    CHECK(canary->level == Level::senior);
    CHECK(canary->difficulty == Difficulty::hard);
    CHECK(canary->minutes == 8);
    CHECK(canary->tags == std::vector<std::string>{"canary", "rollout"});
    CHECK(canary->follow_ups == std::vector<std::string>{"Which metrics gate it?", "How long does it run?"});
    CHECK(canary->rubric.five == "Adds automatic rollback and guardrails.");
    const auto psi = questions.find("monitoring/psi");
    REQUIRE(psi);
    CHECK(psi->prompt == "What does PSI measure? Say \"why\" it helps.");
    CHECK(psi->rubric.one.empty());
    CHECK(questions.search(parse_search_query("canary rollback")).front().id == "deployment/canary");
    CHECK(questions.search(parse_search_query("tag:drift")).front().id == "monitoring/psi");

    const auto set = QuestionSetRepository(db).find("Senior onsite");
    REQUIRE(set);
    CHECK(set->question_ids == std::vector<std::string>{"monitoring/psi", "deployment/canary"});
    CHECK(set->minutes == 60);
    CHECK(set->level == Level::senior);

    PeopleRepository people(db);
    const auto loop = people.find_loop_by_name("MLOps Engineer, Berlin, 2026-Q4");
    REQUIRE(loop);
    CHECK(loop->uuid == "6f1c2f0e-8a51-4c59-9a55-0d0c1f1e2a01");
    const auto dana = people.find_candidate_by_name("Dana Müller");
    REQUIRE(dana);
    CHECK(dana->notes == "Referred; \"strong\" on infra.");
    CHECK(dana->level == Level::senior);

    InterviewRepository interviews(db);
    const auto iv = interviews.for_candidate(dana->id);
    REQUIRE(iv.size() == 1);
    CHECK(iv[0].uuid == "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c03");
    CHECK(iv[0].status == InterviewStatus::submitted);
    CHECK(iv[0].recommendation == Recommendation::yes);
    CHECK(iv[0].reopen_count == 1);
    CHECK(iv[0].overall_notes == "Clear thinker.\nWould hire.");
    REQUIRE(iv[0].questions.size() == 2);
    CHECK(iv[0].questions[0].response.score == Score::of(4));
    CHECK(iv[0].questions[0].response.notes == "Knew the formula; | pipes, *stars*");
    CHECK(iv[0].questions[0].response.seconds_spent == 410);
    CHECK(iv[0].questions[0].response.follow_ups_asked == std::vector<int>{0});
    CHECK_FALSE(iv[0].questions[1].response.score.scored());
    const auto events = interviews.events(iv[0].id);
    REQUIRE(events.size() == 3);
    CHECK(events[1].detail == "Forgot a note");

    // Step 6: each question as asked keeps the prompt the interview copied, with the bank's
    // answer, rubric and follow-ups of the day of the migration.
    const auto asked = interviews.asked(iv);
    REQUIRE(asked.size() == 2);
    for (const auto& q : iv[0].questions) {
        REQUIRE(asked.count(q.version));
        CHECK(asked.at(q.version).prompt == q.prompt);
        CHECK(asked.at(q.version).id == q.question_id);
    }
    const auto& canary_asked = asked.at(iv[0].questions[1].question_id == "deployment/canary" ? iv[0].questions[1].version
                                                                                              : iv[0].questions[0].version);
    CHECK(canary_asked.rubric.five == "Adds automatic rollback and guardrails.");
    CHECK(canary_asked.follow_ups == std::vector<std::string>{"Which metrics gate it?", "How long does it run?"});

    // Step 2: a database that had questions counts its bank as loaded.
    CHECK(db.sql().execAndGet("SELECT count(*) FROM meta WHERE key = 'bank_seeded'").getInt() == 1);
}
