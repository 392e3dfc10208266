// `panelist bundle` as a script sees it: three interviewers' laptops merged into the lead's.
#include "persistence/formats/bundle.hpp"
#include "persistence/store/interview_repository.hpp"
#include "persistence/store/people_repository.hpp"
#include "tests/support/panelist_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <chrono>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <map>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <vector>

using namespace panelist;
using panelist::test::TempDir;
namespace files = panelist::test;

namespace {

using panelist::test::has;
using panelist::test::Run;
using panelist::test::run_panelist;



int occurrences(const std::string& text, const std::string& part) {
    int n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++n;
    return n;
}

int mode_of(const std::filesystem::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return static_cast<int>(st.st_mode & 0777);
}

const std::string loop_name = "MLOps Engineer, Berlin, 2026-Q4";

// The lead opens the loop with two candidates, before anyone interviews.
void set_up_loop(const std::string& db_path) {
    Database db = Database::open(db_path);
    PeopleRepository people(db);
    Loop loop;
    loop.name = loop_name;
    people.save(loop);
    for (const char* name : {"Dana Smith", "Omar Haddad"}) {
        Candidate c;
        c.name = name;
        c.loop_id = loop.id;
        c.level = Level::senior;
        people.save(c);
    }
}

// On an interviewer's laptop: interview Dana, score two questions, submit. Returns the uuid.
std::string interview_dana(const std::string& db_path, const std::string& interviewer, int score) {
    Database db = Database::open(db_path);
    auto dana = PeopleRepository(db).find_candidate_by_name("Dana Smith");
    REQUIRE(dana);
    InterviewRepository interviews(db);
    Interview iv;
    iv.candidate_id = dana->id;
    iv.interviewer = interviewer;
    iv.date = "2026-11-24";
    iv.questions = {
        {"panel/canary", 10, {}, "deployment", "How would you roll out a new model safely?"},
        {"panel/drift", 10, {}, "monitoring", "How do you notice input drift?"}};
    interviews.create(iv);
    interviews.set_score(iv.id, "panel/canary", Score::of(score));
    interviews.set_score(iv.id, "panel/drift", Score::of(3));
    interviews.set_notes(iv.id, "panel/canary", interviewer + " notes");
    interviews.submit(iv.id, score >= 3 ? Recommendation::yes : Recommendation::no);
    return iv.uuid;
}

// What the lead's database says about the loop, as the bundle of it.
std::string lead_state(const std::string& db_path) {
    Database db = Database::open(db_path);
    return write_bundle(*bundle_for_loop(db, loop_name));
}

} // namespace

TEST_CASE("three interviewers' bundles merge into the lead's database") {
    TempDir home;
    const auto lead = (home / "lead.db").string();
    set_up_loop(lead);

    // The lead shares the loop; each interviewer imports it, so all agree on the UUIDs.
    const auto loop_file = home / "loop.json";
    auto shared = run_panelist(
        home, {"--db", lead, "bundle", "export", "--loop", loop_name, "--out", loop_file.string()});
    REQUIRE(shared.code == 0);
    CHECK(has(shared.out, "Wrote 0 interviews of 2 candidates"));
    CHECK(mode_of(loop_file) == 0600);

    const std::vector<std::pair<std::string, int>> panel = {{"Ana", 4}, {"Ben", 2}, {"Chloe", 5}};
    std::vector<std::string> bundles;
    std::map<std::string, std::string> uuids;
    for (const auto& [who, score] : panel) {
        const auto laptop = (home / (who + ".db")).string();
        auto joined = run_panelist(home, {"--db", laptop, "bundle", "import", loop_file.string()});
        REQUIRE(joined.code == 0);
        CHECK(has(joined.out, "loops: 1 added"));
        CHECK(has(joined.out, "candidates: 2 added"));
        uuids[who] = interview_dana(laptop, who, score);
        const auto out = (home / (who + ".json")).string();
        // Ana exports by UUID, Ben by number, Chloe her whole loop; --db also works after the
        // command.
        std::vector<std::string> args = {"--db",        laptop,     "bundle", "export",
                                         "--interview", uuids[who], "--out",  out};
        if (who == "Ben")
            args = {"--db", laptop, "bundle", "export", "--interview", "1", "--out", out};
        if (who == "Chloe")
            args = {"bundle", "export", "--loop", loop_name, "--out", out, "--db", laptop};
        auto exported = run_panelist(home, args);
        REQUIRE_MESSAGE(exported.code == 0, exported.err);
        CHECK(has(exported.out, "Wrote 1 interview of"));
        CHECK(mode_of(out) == 0600);
        bundles.push_back(out);
    }

    std::vector<std::string> import_args = {"--db", lead, "bundle", "import"};
    import_args.insert(import_args.end(), bundles.begin(), bundles.end());
    auto merged = run_panelist(home, import_args);
    REQUIRE_MESSAGE(merged.code == 0, merged.err);
    CHECK(has(merged.out, bundles[0] + ": added Ana / Dana Smith / 2026-11-24"));
    CHECK(has(merged.out, bundles[1] + ": added Ben / Dana Smith / 2026-11-24"));
    CHECK(has(merged.out, bundles[2] + ": added Chloe / Dana Smith / 2026-11-24"));
    CHECK(has(merged.out, "interviews: 3 added, 0 replaced, 0 unchanged, 0 skipped (older)"));
    CHECK(has(merged.out, "loops: 0 added"));
    CHECK(has(merged.out, "candidates: 0 added"));
    {
        Database db = Database::open(lead);
        PeopleRepository people(db);
        CHECK(people.loops(true).size() == 1);
        auto dana = people.find_candidate_by_name("Dana Smith");
        REQUIRE(dana);
        auto interviews = InterviewRepository(db).for_candidate(dana->id);
        REQUIRE(interviews.size() == 3);
        std::map<std::string, int> scores;
        for (const auto& iv : interviews) {
            CHECK(iv.uuid == uuids[iv.interviewer]);
            CHECK(iv.status == InterviewStatus::submitted);
            scores[iv.interviewer] = iv.questions[0].response.score.value();
        }
        CHECK(scores == std::map<std::string, int>{{"Ana", 4}, {"Ben", 2}, {"Chloe", 5}});
    }

    // Merging the same files again changes nothing.
    const auto after_merge = lead_state(lead);
    auto again = run_panelist(home, import_args);
    CHECK(again.code == 0);
    CHECK(has(again.out, "interviews: 0 added, 0 replaced, 3 unchanged, 0 skipped (older)"));
    CHECK(lead_state(lead) == after_merge);

    // Ben rescores after calibration and sends a new bundle; the old one turns up too.
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    {
        Database db = Database::open((home / "Ben.db").string());
        InterviewRepository interviews(db);
        interviews.reopen(1, "Calibration");
        interviews.set_score(1, "panel/canary", Score::of(3));
        interviews.submit(1, Recommendation::yes);
    }
    const auto ben_new = (home / "Ben-2.json").string();
    REQUIRE(run_panelist(home, {"--db", (home / "Ben.db").string(), "bundle", "export",
                                "--interview", "1", "--out", ben_new})
                .code == 0);
    auto updated = run_panelist(home, {"--db", lead, "bundle", "import", ben_new, bundles[1]});
    REQUIRE_MESSAGE(updated.code == 0, updated.err);
    CHECK(
        has(updated.out, ben_new + ": replaced older local copy of Ben / Dana Smith / 2026-11-24"));
    CHECK(has(updated.out, bundles[1] + ": skipped older copy of Ben / Dana Smith / 2026-11-24"));
    CHECK(has(updated.out, "interviews: 0 added, 1 replaced, 0 unchanged, 1 skipped (older)"));
    CHECK(occurrences(lead_state(lead), "\"score\": 3") ==
          4); // Ben's two 3s, Ana's and Chloe's drift
}

TEST_CASE("a bad bundle exits 1, names the file and the JSON location, and imports nothing") {
    TempDir home;
    const auto lead = (home / "lead.db").string();
    set_up_loop(lead);
    const auto ana = (home / "ana.db").string();
    set_up_loop(ana);
    interview_dana(ana, "Ana", 4);
    const auto good = (home / "ana.json").string();
    REQUIRE(
        run_panelist(home, {"--db", ana, "bundle", "export", "--loop", loop_name, "--out", good})
            .code == 0);
    std::string text = files::read_file(good);
    const auto bad = home / "bad.json";
    const auto at = text.find("\"score\": 4");
    REQUIRE(at != std::string::npos);
    files::write_file(bad, text.replace(at, 10, "\"score\": 9"));

    const auto before = lead_state(lead);
    auto r = run_panelist(home, {"--db", lead, "bundle", "import", good, bad.string()});
    CHECK(r.code == 1);
    CHECK(
        has(r.err, bad.string() + ": interviews[0].questions[0].score: 9 is not between 1 and 5"));
    CHECK(has(r.err, "Nothing was imported."));
    CHECK(r.out.empty());
    CHECK(lead_state(lead) == before);

    files::write_file(bad, "{\"format\": 1,\n \"loop\": }");
    auto broken = run_panelist(home, {"--db", lead, "bundle", "import", bad.string()});
    CHECK(broken.code == 1);
    CHECK(has(broken.err, bad.string() + ":2:10: not valid JSON"));
    CHECK(lead_state(lead) == before);
}

TEST_CASE("bundle usage: one of --interview or --loop, and the interview or loop must exist") {
    TempDir home;
    const auto db = (home / "p.db").string();
    set_up_loop(db);
    const auto out = (home / "x.json").string();
    CHECK(run_panelist(home, {"--help"}).out.find("bundle") != std::string::npos);
    CHECK(run_panelist(home, {"--db", db, "bundle"}).code == 2);
    CHECK(run_panelist(home, {"--db", db, "bundle", "import"}).code == 2);
    CHECK(run_panelist(home, {"--db", db, "bundle", "export", "--out", out}).code == 2);
    CHECK(run_panelist(home, {"--db", db, "bundle", "export", "--interview", "1", "--loop",
                              loop_name, "--out", out})
              .code == 2);
    CHECK(run_panelist(home, {"--db", db, "bundle", "export", "--loop", loop_name}).code == 2);

    auto no_interview =
        run_panelist(home, {"--db", db, "bundle", "export", "--interview", "42", "--out", out});
    CHECK(no_interview.code == 1);
    CHECK(has(no_interview.err, "There is no interview '42'"));
    auto no_loop =
        run_panelist(home, {"--db", db, "bundle", "export", "--loop", "Nope", "--out", out});
    CHECK(no_loop.code == 1);
    CHECK(has(no_loop.err, "There is no loop named 'Nope'"));
    CHECK_FALSE(std::filesystem::exists(out));
    auto missing =
        run_panelist(home, {"--db", db, "bundle", "import", (home / "nope.json").string()});
    CHECK(missing.code == 1);
    CHECK(has(missing.err, "nope.json: no such file"));
}

TEST_CASE("a loop made on two laptops under one name is never doubled: refused, then taken as one on request") {
    TempDir home;
    const auto mine = (home / "mine.db").string();
    const auto theirs = (home / "theirs.db").string();
    set_up_loop(mine); // each laptop made "the same" loop and candidates: other UUIDs
    set_up_loop(theirs);
    interview_dana(theirs, "Ana", 4);
    const auto file = (home / "ana.json").string();
    REQUIRE(run_panelist(home, {"--db", theirs, "bundle", "export", "--loop", loop_name, "--out", file}).code == 0);
    const std::string before = lead_state(mine);

    auto refused = run_panelist(home, {"--db", mine, "bundle", "import", file});
    CHECK(refused.code == 1);
    CHECK(has(refused.err, "Nothing was imported."));
    CHECK(has(refused.err, file + ": the loop \"" + loop_name + "\" is already here, made separately"));
    CHECK(has(refused.err, "the candidate \"Dana Smith\" of \"" + loop_name + "\" is already here"));
    CHECK(has(refused.err, "--merge-same-names"));
    CHECK(lead_state(mine) == before); // nothing written
    {
        Database db = Database::open(mine);
        CHECK(PeopleRepository(db).loops().size() == 1);
    }

    auto merged = run_panelist(home, {"--db", mine, "bundle", "import", "--merge-same-names", file});
    REQUIRE_MESSAGE(merged.code == 0, merged.err);
    CHECK(has(merged.out, "loops: 0 added, 1 taken as one here"));
    CHECK(has(merged.out, "candidates: 0 added, 2 taken as one here"));
    CHECK(has(merged.out, "added Ana / Dana Smith / 2026-11-24"));
    {
        Database db = Database::open(mine);
        PeopleRepository people(db);
        REQUIRE(people.loops().size() == 1);
        const auto candidates = people.candidates(people.loops().front().id, true);
        CHECK(candidates.size() == 2);
        const auto dana = people.find_candidate_by_name("Dana Smith");
        REQUIRE(dana);
        CHECK(InterviewRepository(db).for_candidate(dana->id).size() == 1);
    }
    // The report finds the one candidate without asking which loop.
    auto report = run_panelist(home, {"--db", mine, "report", "Dana Smith", "--format", "md", "--out", (home / "dana.md").string()});
    CHECK_MESSAGE(report.code == 0, report.err);
    CHECK_FALSE(has(report.err, "say which loop"));

    // Later files from that laptop land on the same loop without asking again.
    interview_dana(theirs, "Ana", 5);
    REQUIRE(run_panelist(home, {"--db", theirs, "bundle", "export", "--loop", loop_name, "--out", file}).code == 0);
    auto again = run_panelist(home, {"--db", mine, "bundle", "import", file});
    REQUIRE_MESSAGE(again.code == 0, again.err);
    CHECK(has(again.out, "loops: 0 added, 0 taken as one here"));
    CHECK(has(again.out, "interviews: 1 added, 0 replaced, 1 unchanged"));
    Database db = Database::open(mine);
    CHECK(PeopleRepository(db).loops().size() == 1);
}
