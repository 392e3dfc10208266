// Calibration practice in the store and as a file: each score kept as it is given, sessions
// per interviewer, the questions they are about to ask, and the record's JSON and CSV.
#include "persistence/reports/practice_record_formats.hpp"
#include "persistence/store/interview_repository.hpp"
#include "persistence/store/people_repository.hpp"
#include "persistence/store/practice_repository.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace panelist;

namespace {
PracticeScoreRecord scored(const std::string& id, int sample, int given, int reference) {
    return {{id, sample, given, reference}, "Why " + id + " is " + std::to_string(reference) + ", \"quoted\""};
}
} // namespace

TEST_CASE("practice is kept per interviewer, score by score, sessions without a score left out") {
    auto db = Database::open(":memory:");
    PracticeRepository practice(db);
    CHECK_THROWS_AS(practice.start("  ", "Level: junior"), ValidationError);
    const auto first = practice.start("Ana", "Level: junior");
    practice.record(first, scored("m/a", 0, 3, 1));
    practice.record(first, scored("m/a", 2, 4, 4));
    const auto second = practice.start("Ben", "Set: Screen");
    practice.record(second, scored("s/b", 1, 2, 5));
    practice.start("Ana", "Topic: gpu"); // opened, nothing scored
    const auto ana = practice.sessions("Ana");
    REQUIRE(ana.size() == 1);
    CHECK(ana[0].practised == "Level: junior");
    REQUIRE(ana[0].scores.size() == 2);
    CHECK(ana[0].scores[0].score == PracticeItemScore{"m/a", 0, 3, 1});
    CHECK(ana[0].scores[1].score == PracticeItemScore{"m/a", 2, 4, 4});
    CHECK(practice.sessions().size() == 2);
    CHECK(practice.interviewers() == std::vector<std::string>{"Ana", "Ben"});
}

TEST_CASE("the questions an interviewer is about to ask: their planned interviews, soonest first") {
    auto db = Database::open(":memory:");
    PeopleRepository people(db);
    Loop loop;
    loop.name = "Loop";
    people.save(loop);
    InterviewRepository interviews(db);
    const auto plan = [&](const std::string& who, const std::string& name, const std::string& date,
                          std::vector<std::string> ids) {
        Candidate c;
        c.name = name;
        c.loop_id = loop.id;
        people.save(c);
        Interview iv;
        iv.candidate_id = c.id;
        iv.interviewer = who;
        iv.date = date;
        for (auto& id : ids) {
            InterviewQuestion q;
            q.question_id = id;
            q.topic = "t";
            q.prompt = "P " + id;
            iv.questions.push_back(q);
        }
        return interviews.create(iv);
    };
    plan("Ana", "Dana", "2026-12-10", {"a/1", "a/2"});
    plan("Ana", "Eli", "2026-12-08", {"b/1"});
    plan("Ben", "Fay", "2026-12-07", {"c/1"});
    const auto upcoming = PracticeRepository(db).upcoming("Ana");
    REQUIRE(upcoming.size() == 2);
    CHECK(upcoming[0].label == "Planned: Eli, 2026-12-08");
    CHECK(upcoming[1].question_ids == std::vector<std::string>{"a/1", "a/2"});
    CHECK(PracticeRepository(db).upcoming("Nobody").empty());
}

TEST_CASE("the practice record as JSON and CSV: every score, the accuracy over them, texts escaped") {
    auto db = Database::open(":memory:");
    PracticeRepository practice(db);
    const auto s = practice.start("Ana \"A\", B", "Level: junior");
    for (const auto& r : {scored("m/a", 0, 2, 1), scored("m/a", 1, 3, 3), scored("m/b", 0, 5, 2),
                          scored("m/b", 1, 2, 4)})
        practice.record(s, r);
    const auto sessions = practice.sessions();
    const auto j = nlohmann::json::parse(practice_record_json("Ana \"A\", B", sessions));
    CHECK(j["interviewer"] == "Ana \"A\", B");
    CHECK(j["accuracy"]["items"] == 4);
    // |2-1| + 0 + |5-2| + |2-4| = 6 over 4 items; bias (1 + 0 + 3 - 2) / 4.
    CHECK(j["accuracy"]["mean_absolute_error"].get<double>() == doctest::Approx(1.5));
    CHECK(j["accuracy"]["bias"].get<double>() == doctest::Approx(0.5));
    CHECK(j["accuracy"]["within_one"].get<double>() == doctest::Approx(0.5));
    CHECK(j["accuracy"]["components"]["questions"] == 2);
    CHECK(j["sessions"][0]["scores"][2]["sample"] == 1); // counted from 1 in files
    CHECK(j["sessions"][0]["scores"][2]["given"] == 5);

    const auto csv = practice_record_csv(sessions);
    CHECK(csv.rfind("interviewer,session,started_at,practised,question_id,sample,given,reference,difference,why\r\n", 0) == 0);
    CHECK(csv.find("\"Ana \"\"A\"\", B\",1,") != std::string::npos);
    CHECK(csv.find(",\"m/b\",1,5,2,+3,\"Why m/b is 2, \"\"quoted\"\"\"\r\n") != std::string::npos);
}
