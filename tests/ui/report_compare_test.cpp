#include "persistence/store/demo_data.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/ui/app_fixture.hpp"

#include <doctest/doctest.h>

using namespace panelist;
using namespace panelist::test;

namespace {
// The demo loop on top of the fixture's small bank, with the app looking at its first candidate.
struct DemoLoop : AppFixture {
    DemoLoop() {
        fill_demo(db);
        const auto loop = ctx().people.loops().front();
        ctx().loop_id = loop.id;
        ctx().candidate_id = ctx().people.candidates(loop.id).front().id;
    }
};
} // namespace

TEST_CASE("compare shows the loop's candidates, and blind mode hides every name") {
    DemoLoop f;
    f.app->show(ScreenId::compare);
    auto text = f.frame();
    CHECK(contains(text, "Amara Okafor"));
    CHECK(contains(text, "Dalia Haddad"));
    f.press(keys::letter('B'));
    CHECK(f.app->compare().blind());
    text = f.frame();
    for (std::string name : {"Amara", "Bruno", "Chen", "Dalia", "Erik"}) CHECK_MESSAGE(!contains(text, name), name);
    CHECK(contains(text, "Candidate A"));
    CHECK(contains(text, "Candidate E"));
    f.press(keys::letter('B'));
    CHECK(contains(f.frame(), "Amara Okafor"));
}

TEST_CASE("the report previews the candidate and exports with one key") {
    DemoLoop f;
    TempDir out;
    f.app->report().set_export_folder(out.path().string());
    f.app->show(ScreenId::report);
    const auto text = f.frame();
    REQUIRE(f.app->report().report());
    CHECK(contains(text, f.app->report().report()->candidate));
    CHECK(contains(text, "Topics"));
    f.press(keys::letter('X')); // Markdown, the first format
    f.press(keys::letter('F'));
    f.press(keys::letter('F'));
    f.press(keys::letter('X')); // PDF
    const std::string stem = "Amara-Okafor-report";
    CHECK(std::filesystem::exists(out / (stem + ".md")));
    CHECK(std::filesystem::exists(out / (stem + ".pdf")));
    CHECK(contains(f.frame(), "Wrote"));
}

TEST_CASE("sealed on the report: your own open interview hides the others' scores") {
    DemoLoop f;
    // Dalia's third interview (Chloe Martin) is still in progress in the demo.
    const auto dalia = f.ctx().people.find_candidate_by_name("Dalia Haddad");
    f.ctx().candidate_id = dalia->id;
    f.ctx().me = "Chloe Martin";
    f.app->show(ScreenId::report);
    const auto text = f.frame();
    CHECK(contains(text, "sealed until you submit yours"));
    CHECK_FALSE(contains(text, "Ana Ruiz"));
}

TEST_CASE("the Share panel exports a loop and merges it into another laptop's database, once") {
    DemoLoop lead;
    TempDir dir;
    const auto file = (dir / "loop.json").string();
    auto& share = lead.app->candidates().share();
    share.export_loop(lead.ctx(), file);
    REQUIRE_FALSE(share.failed());
    CHECK(contains(share.log().front(), "Wrote 14 interviews"));

    AppFixture other;
    auto& merge = other.app->candidates().share();
    merge.merge(other.ctx(), file);
    REQUIRE_FALSE(merge.failed());
    CHECK(contains(merge.log().back(), "14 added"));
    merge.merge(other.ctx(), file);
    CHECK(contains(merge.log().back(), "0 added, 0 replaced, 14 unchanged"));

    test::write_file(dir / "bad.json", "{ \"format\": 99 }");
    merge.merge(other.ctx(), (dir / "bad.json").string() + "; " + file);
    CHECK(merge.failed());
    CHECK(contains(merge.log().back(), "Nothing was imported."));
}

TEST_CASE("the Share panel shows a loop made separately on another laptop and asks before taking it as one") {
    DemoLoop lead;
    TempDir dir;
    const auto file = (dir / "loop.json").string();
    lead.app->candidates().share().export_loop(lead.ctx(), file);
    DemoLoop other; // the same loop and candidates, made on this laptop too: other UUIDs
    auto& share = other.app->candidates().share();
    other.app->show(ScreenId::candidates);
    share.merge(other.ctx(), file);
    CHECK(share.asking());
    auto text = other.frame();
    CHECK(contains(text, "is already here, made separately"));
    CHECK(contains(text, "Take them as one"));
    CHECK(other.ctx().people.loops().size() == 1); // nothing yet

    other.press(keys::escape); // leave it
    CHECK_FALSE(share.asking());
    CHECK(contains(share.log().back(), "Nothing was imported."));

    share.merge(other.ctx(), file);
    other.press(keys::enter); // take them as one
    CHECK_FALSE(share.asking());
    CHECK(other.app->current() == ScreenId::candidates); // the same Enter opened no interview
    CHECK_FALSE(share.failed());
    CHECK(contains(share.log().back(), "taken as one with those here: 1 loop, 5 candidates"));
    CHECK(other.ctx().people.loops().size() == 1);
    CHECK(other.ctx().people.candidates(other.ctx().people.loops().front().id).size() == 5);
}

TEST_CASE("report and compare read the store again when it changes elsewhere, with no R pressed") {
    DemoLoop f;
    f.app->show(ScreenId::report);
    f.frame();
    REQUIRE(f.app->report().report());
    const auto submitted = [&] {
        int n = 0;
        for (const auto& v : f.app->report().report()->verdicts) n += v.status == InterviewStatus::submitted ? 1 : 0;
        return n;
    };
    const int before = submitted();
    REQUIRE(before > 0);
    // Elsewhere (another screen, a merged bundle) one of this candidate's interviews is reopened.
    for (const auto& iv : f.ctx().interviews.for_candidate(f.ctx().candidate_id))
        if (iv.locked()) {
            f.ctx().interviews.reopen(iv.id, "one more note");
            break;
        }
    f.frame();
    CHECK(submitted() == before - 1);

    f.app->show(ScreenId::compare);
    f.frame();
    REQUIRE(f.app->compare().comparison());
    const auto rows = f.app->compare().comparison()->rows.size();
    Candidate late;
    late.name = "Late Addition";
    late.loop_id = f.ctx().loop_id;
    late.level = Level::senior;
    f.ctx().people.save(late);
    f.frame();
    CHECK(f.app->compare().comparison()->rows.size() == rows + 1);
}

TEST_CASE("compare exports with the same keys as the report: F picks the format, X writes it") {
    DemoLoop f;
    TempDir out;
    f.app->show(ScreenId::compare);
    f.frame();
    f.app->compare().set_export_folder(out.path().string());
    f.press(keys::letter('X')); // CSV first
    f.press(keys::letter('F'));
    f.press(keys::letter('F'));
    f.press(keys::letter('X')); // HTML
    const std::string stem = "MLOps-Engineer--Berlin--2026-Q4-comparison";
    CHECK(std::filesystem::exists(out / (stem + ".csv")));
    CHECK(std::filesystem::exists(out / (stem + ".html")));
    CHECK(contains(f.frame(), "Wrote"));
}

TEST_CASE("Compare gives an impossible coefficient no verdict: 'out of range', never 'excellent'") {
    DemoLoop f;
    // Two interviewers who disagree completely on four candidates (1 against 5, then 5 against 1);
    // the third interviewer's interviews are gone, and the fifth candidate has one score only.
    f.db.sql().exec("DELETE FROM interview WHERE interviewer = 'Chloe Martin'");
    // Over the fixture's small bank Ben's demo interviews hold no questions: he is given Ana's.
    f.db.sql().exec(R"sql(
        INSERT INTO interview_question (interview_id, position, question_id, topic, prompt, planned_minutes, version_id)
        SELECT ben.id, q.position, q.question_id, q.topic, q.prompt, q.planned_minutes, q.version_id
        FROM interview ben JOIN interview ana ON ana.candidate_id = ben.candidate_id AND ana.interviewer = 'Ana Ruiz'
        JOIN interview_question q ON q.interview_id = ana.id
        WHERE ben.interviewer = 'Ben Ito' AND ben.status = 'submitted')sql");
    f.db.sql().exec(R"sql(
        UPDATE interview_question SET score = CASE
            WHEN (SELECT interviewer FROM interview i WHERE i.id = interview_id) = 'Ana Ruiz'
                 THEN CASE WHEN (SELECT candidate_id FROM interview i WHERE i.id = interview_id) % 2 = 1 THEN 1 ELSE 5 END
            ELSE CASE WHEN (SELECT candidate_id FROM interview i WHERE i.id = interview_id) % 2 = 1 THEN 5 ELSE 1 END
        END)sql");
    f.app->show(ScreenId::compare);
    const auto text = f.frame();
    CHECK(contains(text, "ICC(2,k)  4.00  out of range"));
    CHECK(contains(text, "ICC(2,1)  -2.00  out of range"));
    CHECK_FALSE(contains(text, "excellent"));
    CHECK_FALSE(contains(text, "nan"));
}
