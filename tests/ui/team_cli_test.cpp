// Three laptops and a hiring manager's share one team folder, as a sync engine would keep it:
// `panelist team` run as real processes, each on its own database, the folder the only link.
#include "persistence/store/interview_repository.hpp"
#include "persistence/store/people_repository.hpp"
#include "tests/support/panelist_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <mutex>
#include <thread>

using namespace panelist;
using panelist::test::has;
using panelist::test::Run;
using panelist::test::run_panelist;
using panelist::test::TempDir;
namespace fs = std::filesystem;

namespace {

const std::string loop_name = "MLOps Engineer, Berlin, 2026-Q4";
const std::vector<std::string> panel = {"Ana", "Ben", "Chloe"};

// The hiring manager's loop: two candidates, and who interviews whom (each panelist, Dana).
void plan_loop(const std::string& db_path) {
    Database db = Database::open(db_path);
    PeopleRepository people(db);
    Loop loop;
    loop.name = loop_name;
    people.save(loop);
    std::int64_t dana = 0;
    for (const char* name : {"Dana Smith", "Omar Haddad"}) {
        Candidate c;
        c.name = name;
        c.loop_id = loop.id;
        c.level = Level::senior;
        const auto id = people.save(c);
        if (!dana) dana = id;
    }
    InterviewRepository interviews(db);
    for (const auto& who : panel) {
        Interview iv;
        iv.candidate_id = dana;
        iv.interviewer = who;
        iv.date = "2026-12-01";
        iv.questions = {{"panel/canary", 10, {}, "deployment", "How would you roll out a new model safely?"},
                        {"panel/drift", 10, {}, "monitoring", "How do you notice input drift?"}};
        interviews.create(iv);
    }
}

// On `who`'s laptop: their planned interview of Dana, scored and submitted.
void interview_dana(const std::string& db_path, const std::string& who, int score) {
    Database db = Database::open(db_path);
    const auto dana = PeopleRepository(db).find_candidate_by_name("Dana Smith");
    REQUIRE(dana);
    InterviewRepository interviews(db);
    for (const auto& iv : interviews.for_candidate(dana->id)) {
        if (iv.interviewer != who) continue;
        interviews.start(iv.id);
        interviews.set_score(iv.id, "panel/canary", Score::of(score));
        interviews.set_score(iv.id, "panel/drift", Score::of(3));
        interviews.set_notes(iv.id, "panel/canary", who + " notes");
        interviews.submit(iv.id, score >= 3 ? Recommendation::yes : Recommendation::no);
        return;
    }
    FAIL("no interview of Dana planned for ", who);
}

struct Counts {
    int loops, candidates, interviews, submitted;
};
Counts counts(const std::string& db_path) {
    Database db = Database::open(db_path);
    auto one = [&](const char* sql) { return db.sql().execAndGet(sql).getInt(); };
    return {one("SELECT count(*) FROM loop"), one("SELECT count(*) FROM candidate"),
            one("SELECT count(*) FROM interview"), one("SELECT count(*) FROM interview WHERE status = 'submitted'")};
}

std::string report_as(const TempDir& home, const std::string& db, const std::string& who) {
    const auto out = (home / (who + "-report.md")).string();
    const auto run = run_panelist(home, {"--db", db, "report", "Dana Smith", "--format", "md", "--out", out, "--as", who});
    REQUIRE_MESSAGE(run.code == 0, run.err);
    return test::read_file(out);
}

struct Team {
    TempDir home;
    fs::path folder = home / "team";
    std::string lead = (home / "lead.db").string();
    std::map<std::string, std::string> laptops;
    Team() {
        fs::create_directories(folder);
        plan_loop(lead);
        for (const auto& who : panel) laptops[who] = (home / (who + ".db")).string();
    }
    Run team(const std::string& db, std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", db, "team"});
        return run_panelist(home, args);
    }
};

} // namespace

TEST_CASE("three laptops sharing a team folder run one loop to its debrief: no duplicates, nothing lost, sealed") {
    Team t;
    auto set = t.team(t.lead, {"folder", t.folder.string()});
    REQUIRE_MESSAGE(set.code == 0, set.err);
    auto shared = t.team(t.lead, {"share", loop_name});
    REQUIRE_MESSAGE(shared.code == 0, shared.err);
    CHECK(has(shared.out, "1 loop kit written"));

    // Each interviewer points Panelist at the folder: the kit gives them the same loop, the same
    // candidates and their own planned interview.
    for (const auto& who : panel) {
        auto joined = t.team(t.laptops[who], {"folder", t.folder.string()});
        REQUIRE_MESSAGE(joined.code == 0, joined.err);
        const auto c = counts(t.laptops[who]);
        CHECK(c.loops == 1);
        CHECK(c.candidates == 2);
        CHECK(c.interviews == 3);
    }

    // Ben submits first; Ana's laptop receives his scorecard, sealed while hers is open.
    interview_dana(t.laptops["Ben"], "Ben", 2);
    REQUIRE(t.team(t.laptops["Ben"], {"sync"}).code == 0);
    REQUIRE(t.team(t.laptops["Ana"], {"sync"}).code == 0);
    CHECK(counts(t.laptops["Ana"]).submitted == 1);
    const auto sealed = report_as(t.home, t.laptops["Ana"], "Ana");
    CHECK(has(sealed, "sealed until you submit yours"));
    CHECK_FALSE(has(sealed, "Ben notes"));

    // Ana and Chloe submit and all three sync at the same moment.
    interview_dana(t.laptops["Ana"], "Ana", 4);
    interview_dana(t.laptops["Chloe"], "Chloe", 5);
    std::vector<std::thread> together;
    std::map<std::string, Run> runs;
    std::mutex m;
    for (const auto& who : panel)
        together.emplace_back([&, who] {
            auto r = run_panelist(t.home, {"--db", t.laptops[who], "team", "sync"});
            std::lock_guard lock(m);
            runs[who] = r;
        });
    for (auto& th : together) th.join();
    for (const auto& who : panel) CHECK_MESSAGE(runs[who].code == 0, runs[who].err);
    // A second round picks up whatever the concurrent one wrote after another laptop had read.
    for (const auto& who : panel) REQUIRE(t.team(t.laptops[who], {"sync"}).code == 0);
    auto debrief = t.team(t.lead, {"sync"});
    REQUIRE_MESSAGE(debrief.code == 0, debrief.err);

    for (const auto& db : {t.lead, t.laptops["Ana"], t.laptops["Ben"], t.laptops["Chloe"]}) {
        INFO(db);
        const auto c = counts(db);
        CHECK(c.loops == 1);
        CHECK(c.candidates == 2);
        CHECK(c.interviews == 3);
        CHECK(c.submitted == 3);
    }
    const auto open = report_as(t.home, t.laptops["Ana"], "Ana");
    CHECK_FALSE(has(open, "sealed"));
    for (const auto& who : panel) CHECK(has(open, who + " notes"));
    const auto compare_out = (t.home / "debrief.csv").string();
    CHECK(run_panelist(t.home, {"--db", t.lead, "compare", loop_name, "--format", "csv", "--out", compare_out}).code == 0);

    // Nothing new: a rescan reads no file and writes none.
    auto quiet = t.team(t.lead, {"sync"});
    CHECK(has(quiet.out, "0 scorecards written; read 0 new or changed files"));
}

TEST_CASE("team folder bad cases: a half-written file, a folder gone, hand-edited conflicts; nothing lost") {
    Team t;
    REQUIRE(t.team(t.lead, {"folder", t.folder.string()}).code == 0);
    REQUIRE(t.team(t.lead, {"share", loop_name}).code == 0);
    REQUIRE(t.team(t.laptops["Ana"], {"folder", t.folder.string()}).code == 0);
    REQUIRE(t.team(t.laptops["Ben"], {"folder", t.folder.string()}).code == 0);
    interview_dana(t.laptops["Ben"], "Ben", 2);
    REQUIRE(t.team(t.laptops["Ben"], {"sync"}).code == 0);

    // The sync engine has delivered half of Ben's scorecard so far.
    fs::path bens;
    for (const auto& e : fs::directory_iterator(t.folder / "scorecards")) bens = e.path();
    const std::string whole = test::read_file(bens);
    test::write_file(bens, whole.substr(0, whole.size() / 2));
    auto half = t.team(t.laptops["Ana"], {"sync"});
    CHECK(half.code == 0);
    CHECK(has(half.err, "not valid JSON"));
    CHECK(has(half.err, "read again when it changes"));
    CHECK(counts(t.laptops["Ana"]).submitted == 0);
    test::write_file(bens, whole); // the rest arrives
    auto rest = t.team(t.laptops["Ana"], {"sync"});
    CHECK(has(rest.out, "replaced older local copy of Ben / Dana Smith")); // the planned copy from the kit
    CHECK(counts(t.laptops["Ana"]).submitted == 1);

    // The folder is gone (an unmounted drive): said clearly; Ana's scorecard waits and goes out later.
    const fs::path away = t.home / "unmounted";
    fs::rename(t.folder, away);
    interview_dana(t.laptops["Ana"], "Ana", 4);
    auto gone = t.team(t.laptops["Ana"], {"sync"});
    CHECK(gone.code == 1);
    CHECK(has(gone.err, "the team folder is not there"));
    CHECK(has(gone.err, "Nothing is lost"));
    fs::rename(away, t.folder);
    auto back = t.team(t.laptops["Ana"], {"sync"});
    CHECK(has(back.out, "1 scorecard written"));
    REQUIRE(t.team(t.lead, {"sync"}).code == 0);
    CHECK(counts(t.lead).submitted == 2);

    // Git's conflict markers in a file: said as such, the rest still read.
    test::write_file(t.folder / "scorecards" / "0-conflicted.json", "<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> theirs\n");
    auto markers = t.team(t.lead, {"sync"});
    CHECK(has(markers.err, "git conflict markers"));

    // Same time, different content (edited by hand): a conflict, shown, and the local copy kept.
    std::string edited = whole;
    const auto at = edited.find("Ben notes");
    REQUIRE(at != std::string::npos);
    edited.replace(at, 9, "Ben EDITED");
    test::write_file(t.folder / "scorecards" / "ben.sync-conflict-20261203-101010-ABCDEFG.json", edited);
    auto conflict = t.team(t.lead, {"sync"});
    CHECK(has(conflict.err, "conflict: "));
    CHECK(has(conflict.err, "different content"));
    CHECK(has(t.team(t.lead, {"sync"}).err, "different content")); // shown until resolved
    CHECK(has(report_as(t.home, t.lead, "Lead"), "Ben notes"));
}

TEST_CASE("an erasure reaches every laptop through the team folder, and the candidate does not come back") {
    Team t;
    REQUIRE(t.team(t.lead, {"folder", t.folder.string()}).code == 0);
    REQUIRE(t.team(t.lead, {"share", loop_name}).code == 0);
    REQUIRE(t.team(t.laptops["Ana"], {"folder", t.folder.string()}).code == 0);
    interview_dana(t.laptops["Ana"], "Ana", 4);
    REQUIRE(t.team(t.laptops["Ana"], {"sync"}).code == 0);
    REQUIRE(t.team(t.lead, {"sync"}).code == 0);

    auto erased = run_panelist(t.home, {"--db", t.lead, "erase", "Dana Smith", "--yes"});
    REQUIRE_MESSAGE(erased.code == 0, erased.err);
    CHECK(has(erased.out, "has a tombstone for them"));
    for (const auto& e : fs::directory_iterator(t.folder / "scorecards"))
        CHECK_MESSAGE(!has(test::read_file(e.path()), "Dana Smith"), e.path());

    auto synced = t.team(t.laptops["Ana"], {"sync"});
    CHECK(has(synced.out, "erased Dana Smith"));
    Database ana = Database::open(t.laptops["Ana"]);
    CHECK_FALSE(PeopleRepository(ana).find_candidate_by_name("Dana Smith"));
    CHECK(PeopleRepository(ana).find_candidate_by_name("Omar Haddad"));
}

TEST_CASE("a laptop that made the loop itself before joining is asked, never doubled") {
    Team t;
    REQUIRE(t.team(t.lead, {"folder", t.folder.string()}).code == 0);
    REQUIRE(t.team(t.lead, {"share", loop_name}).code == 0);
    plan_loop(t.laptops["Chloe"]); // her own copy of the loop: other UUIDs
    auto asked = t.team(t.laptops["Chloe"], {"folder", t.folder.string()});
    CHECK(asked.code == 1);
    CHECK(has(asked.err, "waiting: "));
    CHECK(has(asked.err, "--merge-same-names"));
    CHECK(counts(t.laptops["Chloe"]).loops == 1);
    auto merged = t.team(t.laptops["Chloe"], {"sync", "--merge-same-names"});
    CHECK_MESSAGE(merged.code == 0, merged.err);
    const auto c = counts(t.laptops["Chloe"]);
    CHECK(c.loops == 1);
    CHECK(c.candidates == 2);
}

TEST_CASE("a plan edited by the hiring manager never wipes an interview already started on a laptop") {
    Team t;
    REQUIRE(t.team(t.lead, {"folder", t.folder.string()}).code == 0);
    REQUIRE(t.team(t.lead, {"share", loop_name}).code == 0);
    REQUIRE(t.team(t.laptops["Ben"], {"folder", t.folder.string()}).code == 0);
    std::int64_t bens = 0;
    {
        Database db = Database::open(t.laptops["Ben"]);
        InterviewRepository interviews(db);
        const auto dana = PeopleRepository(db).find_candidate_by_name("Dana Smith");
        for (const auto& iv : interviews.for_candidate(dana->id))
            if (iv.interviewer == "Ben") bens = iv.id;
        interviews.start(bens);
        interviews.set_score(bens, "panel/canary", Score::of(4));
        interviews.set_notes(bens, "panel/canary", "Ben typed this during the call");
    }
    {
        // Meanwhile the hiring manager gives Ben's interview more time: a newer planned copy.
        Database db = Database::open(t.lead);
        InterviewRepository interviews(db);
        const auto dana = PeopleRepository(db).find_candidate_by_name("Dana Smith");
        for (auto iv : interviews.for_candidate(dana->id))
            if (iv.interviewer == "Ben") {
                iv.questions[0].planned_minutes = 15;
                interviews.replace_plan(iv.id, iv.questions);
            }
    }
    REQUIRE(t.team(t.lead, {"sync"}).code == 0);
    auto synced = t.team(t.laptops["Ben"], {"sync"});
    CHECK(has(synced.err, "further along (in progress), so its scores and notes stay"));
    Database db = Database::open(t.laptops["Ben"]);
    const auto kept = *InterviewRepository(db).find(bens);
    CHECK(kept.questions[0].response.score == Score::of(4));
    CHECK(kept.questions[0].response.notes == "Ben typed this during the call");
    // Shown again at the next sync: never dropped silently.
    CHECK(has(t.team(t.laptops["Ben"], {"sync"}).err, "further along"));
}

TEST_CASE("only the team's loops go to the folder, and nothing before a same-named loop is answered") {
    Team t;
    REQUIRE(t.team(t.lead, {"folder", t.folder.string()}).code == 0);
    REQUIRE(t.team(t.lead, {"share", loop_name}).code == 0);
    // Chloe's laptop: her own loop of the same name (with a submitted interview) and another loop.
    plan_loop(t.laptops["Chloe"]);
    interview_dana(t.laptops["Chloe"], "Chloe", 5);
    {
        Database db = Database::open(t.laptops["Chloe"]);
        PeopleRepository people(db);
        Loop other;
        other.name = "Data Engineer, Lisbon, 2026-Q4";
        people.save(other);
        Candidate c;
        c.name = "Someone Else";
        c.loop_id = other.id;
        people.save(c);
        Interview iv;
        iv.candidate_id = c.id;
        iv.interviewer = "Chloe";
        iv.date = "2026-12-02";
        iv.questions = {{"panel/drift", 10, {}, "monitoring", "How do you notice input drift?"}};
        InterviewRepository interviews(db);
        interviews.create(iv);
        interviews.set_score(iv.id, "panel/drift", Score::of(3));
        interviews.submit(iv.id, Recommendation::yes);
    }
    const auto in_folder = [&] {
        std::string all;
        if (fs::exists(t.folder / "scorecards"))
            for (const auto& e : fs::directory_iterator(t.folder / "scorecards")) all += test::read_file(e.path());
        return all;
    };
    auto asked = t.team(t.laptops["Chloe"], {"folder", t.folder.string()});
    CHECK(asked.code == 1);
    CHECK(has(asked.out, "0 scorecards written"));
    CHECK_FALSE(has(in_folder(), "Someone Else"));
    CHECK_FALSE(has(in_folder(), "Chloe notes"));

    auto merged = t.team(t.laptops["Chloe"], {"sync", "--merge-same-names"});
    CHECK_MESSAGE(merged.code == 0, merged.err);
    CHECK(has(merged.out, "1 scorecard written"));
    CHECK(has(in_folder(), "Chloe notes"));
    CHECK_FALSE(has(in_folder(), "Someone Else")); // her other loop stays hers
}

TEST_CASE("an erasure covers every identity a candidate goes by, and their scorecards leave the folder") {
    Team t;
    REQUIRE(t.team(t.lead, {"folder", t.folder.string()}).code == 0);
    REQUIRE(t.team(t.lead, {"share", loop_name}).code == 0);
    REQUIRE(t.team(t.laptops["Ana"], {"folder", t.folder.string()}).code == 0);
    interview_dana(t.laptops["Ana"], "Ana", 4);
    REQUIRE(t.team(t.laptops["Ana"], {"sync"}).code == 0);
    // Chloe made the loop herself and took it as the team's: her Dana has two UUIDs.
    plan_loop(t.laptops["Chloe"]);
    REQUIRE(t.team(t.laptops["Chloe"], {"folder", t.folder.string()}).code == 1);
    REQUIRE(t.team(t.laptops["Chloe"], {"sync", "--merge-same-names"}).code == 0);

    auto erased = run_panelist(t.home, {"--db", t.laptops["Chloe"], "erase", "Dana Smith", "--yes"});
    REQUIRE_MESSAGE(erased.code == 0, erased.err);
    int tombstones = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(t.folder / "erased")) ++tombstones;
    CHECK(tombstones == 2); // her own UUID and the team's
    for (const auto& e : fs::directory_iterator(t.folder / "scorecards"))
        CHECK_MESSAGE(!has(test::read_file(e.path()), "Dana Smith"), e.path());

    for (const auto& db : {t.lead, t.laptops["Ana"]}) {
        REQUIRE(t.team(db, {"sync"}).code == 0);
        Database open = Database::open(db);
        CHECK_FALSE(PeopleRepository(open).find_candidate_by_name("Dana Smith"));
    }
    // A laptop joining later never sees her.
    REQUIRE(t.team(t.laptops["Ben"], {"folder", t.folder.string()}).code == 0);
    Database ben = Database::open(t.laptops["Ben"]);
    CHECK_FALSE(PeopleRepository(ben).find_candidate_by_name("Dana Smith"));
}

TEST_CASE("a laptop joining a folder of 250 scorecards takes every one in one sync, and says which file it cannot read") {
    // Enough files that they are read on several threads and imported in several transactions.
    Team t;
    constexpr int scorecards = 250;
    {
        Database db = Database::open(t.lead);
        PeopleRepository people(db);
        InterviewRepository interviews(db);
        const auto loop = people.find_loop_by_name(loop_name);
        REQUIRE(loop);
        for (int i = 0; i < scorecards; ++i) {
            Candidate c;
            c.name = fmt::format("Candidate {:03}", i);
            c.loop_id = loop->id;
            c.level = Level::junior;
            people.save(c);
            Interview iv;
            iv.candidate_id = c.id;
            iv.interviewer = panel[static_cast<std::size_t>(i) % panel.size()];
            iv.date = "2026-12-02";
            iv.questions = {{"panel/canary", 10, {}, "deployment", "How would you roll out a new model safely?"}};
            interviews.create(iv);
            interviews.start(iv.id);
            interviews.set_score(iv.id, "panel/canary", Score::of(1 + i % 5));
            interviews.set_notes(iv.id, "panel/canary", fmt::format("note {:03}", i));
            interviews.submit(iv.id, Recommendation::yes);
        }
    }
    REQUIRE(t.team(t.lead, {"folder", t.folder.string()}).code == 0);
    auto shared = t.team(t.lead, {"share", loop_name});
    REQUIRE_MESSAGE(shared.code == 0, shared.err);
    CHECK(has(shared.out, fmt::format("{} scorecards written", scorecards)));

    // One of them arrives cut short, as a sync engine may deliver a file it is still writing.
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(t.folder / "scorecards")) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() == scorecards);
    const fs::path cut = files[137];
    const std::string whole = test::read_file(cut.string());
    {
        std::ofstream(cut, std::ios::binary | std::ios::trunc) << whole.substr(0, whole.size() / 2);
    }

    const auto& ana = t.laptops["Ana"];
    auto joined = t.team(ana, {"folder", t.folder.string()});
    REQUIRE_MESSAGE(joined.code == 0, joined.err);
    CHECK(has(joined.out, fmt::format("{} interviews added", scorecards - 1 + 3))); // and the kit's 3 planned
    CHECK(has(joined.out + joined.err, "scorecards/" + cut.filename().string()));
    CHECK(has(joined.out + joined.err, "1 file not usable now"));
    CHECK(counts(ana).submitted == scorecards - 1);

    // Every note arrived with its own interview, none mixed up between threads.
    {
        Database db = Database::open(ana);
        SQLite::Statement s(db.sql(), "SELECT c.name, q.notes FROM interview_question q JOIN interview i ON i.id = "
                                      "q.interview_id JOIN candidate c ON c.id = i.candidate_id WHERE i.status = 'submitted'");
        int checked = 0;
        while (s.executeStep()) {
            const std::string name = s.getColumn(0).getString();
            CHECK(s.getColumn(1).getString() == "note " + name.substr(name.size() - 3));
            ++checked;
        }
        CHECK(checked == scorecards - 1);
    }

    // Once the file is whole, the next sync reads it, and only it.
    {
        std::ofstream(cut, std::ios::binary | std::ios::trunc) << whole;
    }
    auto again = t.team(ana, {"sync"});
    REQUIRE_MESSAGE(again.code == 0, again.err);
    CHECK(has(again.out, "read 1 new or changed file"));
    CHECK(has(again.out, "1 interview added"));
    CHECK(counts(ana).submitted == scorecards);
}
