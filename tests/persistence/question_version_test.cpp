// Questions as asked: an interview keeps the prompt, model answer, rubric and follow-ups it was
// planned with, whatever happens to the question in the bank later; reports and bundles too.
#include "persistence/formats/bundle.hpp"
#include "persistence/reports/report_source.hpp"
#include "persistence/store/interview_repository.hpp"
#include "persistence/store/people_repository.hpp"
#include "persistence/store/question_repository.hpp"
#include "persistence/store/question_versions.hpp"
#include "tests/persistence/fixtures.hpp"

#include <doctest/doctest.h>

using namespace panelist;

namespace {
struct Planned {
    Database db = Database::open(":memory:");
    QuestionRepository questions{db};
    InterviewRepository interviews{db};
    Candidate dana;
    Planned() {
        auto q = test::question("m/drift", "monitoring", "How do you notice input drift?");
        q.rubric = {"OLD weak", "OLD fair", "OLD strong"};
        q.answer = "OLD answer: compare feature distributions (PSI).";
        q.follow_ups = {"OLD follow-up?"};
        questions.upsert(q);
        PeopleRepository people(db);
        Loop loop;
        loop.name = "Loop";
        people.save(loop);
        dana.name = "Dana Smith";
        dana.loop_id = loop.id;
        people.save(dana);
    }
    Interview plan(const std::string& who) {
        Interview iv;
        iv.candidate_id = dana.id;
        iv.interviewer = who;
        iv.date = "2026-12-03";
        iv.questions = {{"m/drift", 5, {}, "", ""}};
        interviews.create(iv);
        return iv;
    }
    void edit_in_bank() {
        auto q = *questions.find("m/drift");
        q.rubric = {"NEW weak", "NEW fair", "NEW strong"};
        q.answer = "NEW answer";
        q.follow_ups = {"NEW follow-up?"};
        questions.upsert(q);
    }
};
} // namespace

TEST_CASE("an interview keeps the question as it was planned when the bank's question changes") {
    Planned p;
    const auto ana = p.plan("Ana");
    p.edit_in_bank();
    const auto ben = p.plan("Ben"); // planned after the edit: the new version

    const auto stored_ana = *p.interviews.find(ana.id);
    const auto stored_ben = *p.interviews.find(ben.id);
    CHECK(stored_ana.questions[0].version != stored_ben.questions[0].version);
    const auto asked = p.interviews.asked({stored_ana, stored_ben});
    CHECK(asked.at(stored_ana.questions[0].version).answer == "OLD answer: compare feature distributions (PSI).");
    CHECK(asked.at(stored_ana.questions[0].version).rubric.five == "OLD strong");
    CHECK(asked.at(stored_ana.questions[0].version).follow_ups == std::vector<std::string>{"OLD follow-up?"});
    CHECK(asked.at(stored_ben.questions[0].version).rubric.five == "NEW strong");

    // Re-planning keeps the version of a question that stays in the plan.
    p.interviews.replace_plan(ana.id, stored_ana.questions);
    CHECK(p.interviews.find(ana.id)->questions[0].version == stored_ana.questions[0].version);

    // The report pairs each score with the rubric as it was asked.
    p.interviews.set_score(ana.id, "m/drift", Score::of(5));
    p.interviews.set_score(ben.id, "m/drift", Score::of(5));
    const auto report = *load_candidate_report(p.db, p.dana.id);
    std::vector<std::string> words;
    for (const auto& a : report.answers) words.push_back(a.interviewer + ": " + a.rubric_words);
    CHECK(std::find(words.begin(), words.end(), "Ana: OLD strong") != words.end());
    CHECK(std::find(words.begin(), words.end(), "Ben: NEW strong") != words.end());
}

TEST_CASE("the same content is one version, however many interviews ask it") {
    Planned p;
    for (const char* who : {"Ana", "Ben", "Cy"}) p.plan(who);
    CHECK(p.db.sql().execAndGet("SELECT count(*) FROM question_version").getInt() == 1);
    p.edit_in_bank();
    p.plan("Dee");
    CHECK(p.db.sql().execAndGet("SELECT count(*) FROM question_version").getInt() == 2);

    const auto versions = versions_of(p.db.sql(), "m/drift");
    REQUIRE(versions.size() == 2);
    CHECK_FALSE(versions[0].current);
    CHECK(versions[0].interviews.size() == 3);
    CHECK(versions[1].current);
    CHECK(versions[1].interviews == std::vector<std::string>{"Dee / Dana Smith / 2026-12-03"});
}

TEST_CASE("a bundle carries the questions as asked to a laptop whose bank says otherwise") {
    Planned lead;
    const auto ana = lead.plan("Ana");
    lead.interviews.set_score(ana.id, "m/drift", Score::of(1));
    lead.interviews.submit(ana.id, Recommendation::no);
    const std::string file = write_bundle(*bundle_for_interview(lead.db, ana.uuid));
    CHECK(file.find("\"asked\"") != std::string::npos);
    CHECK(file.find("OLD strong") != std::string::npos);

    Planned other; // made separately: same loop name, so taken as one
    other.edit_in_bank();
    import_bundle_texts(other.db, {{"ana.json", file}}, SameNames::merge);
    const auto imported = other.interviews.for_candidate(other.dana.id);
    REQUIRE(imported.size() == 1);
    const auto asked = other.interviews.asked(imported);
    CHECK(asked.at(imported[0].questions[0].version).rubric.one == "OLD weak");
    CHECK(asked.at(imported[0].questions[0].version).answer == "OLD answer: compare feature distributions (PSI).");
    const auto report = *load_candidate_report(other.db, other.dana.id);
    CHECK(report.answers.at(0).rubric_words == "OLD weak");

    // The same file again changes nothing: its versions are the ones already here.
    const auto again = import_bundle_texts(other.db, {{"ana.json", file}});
    CHECK(again.count(MergeOutcome::unchanged) == 1);
    // And written from here it carries the same content.
    CHECK(write_bundle(*bundle_for_interview(other.db, ana.uuid)).find("OLD strong") != std::string::npos);
}
