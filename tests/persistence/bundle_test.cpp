// Scorecard bundles: export, merge between databases, and refusal of bad files whole.
#include "persistence/formats/bundle.hpp"
#include "persistence/files/files.hpp"
#include "persistence/store/interview_repository.hpp"
#include "persistence/store/people_repository.hpp"
#include "persistence/store/question_repository.hpp"
#include "persistence/store/uuid.hpp"
#include "tests/persistence/fixtures.hpp"
#include "tests/support/temp_dir.hpp"

#include <SQLiteCpp/Statement.h>
#include <chrono>
#include <doctest/doctest.h>
#include <functional>
#include <nlohmann/json.hpp>
#include <thread>

using namespace panelist;
using nlohmann::json;

namespace {

const std::string loop_name = "MLOps Engineer, Berlin, 2026-Q4";

// One interviewer's laptop: a bank, the loop, two candidates and the interviews they ran.
struct Laptop {
    Database db = Database::open(":memory:");
    QuestionRepository questions{db};
    PeopleRepository people{db};
    InterviewRepository interviews{db};
    Loop loop;
    Candidate dana, omar;

    Laptop() {
        for (const char* id : {"t/a", "t/b", "t/c"})
            questions.upsert(test::question(id, "t", std::string("Prompt ") + id));
        loop.name = loop_name;
        loop.role = "MLOps Engineer";
        people.save(loop);
        dana = candidate("Dana Smith", Level::senior);
        omar = candidate("Omar Haddad", Level::junior);
    }
    Candidate candidate(const std::string& name, Level level) {
        Candidate c;
        c.name = name;
        c.loop_id = loop.id;
        c.level = level;
        c.notes = "Referred by " + name.substr(0, 1);
        people.save(c);
        return c;
    }
    // A submitted interview with scores, notes, time, follow-ups and a reopen on record.
    Interview scored(const Candidate& c, const std::string& interviewer, int first_score) {
        Interview iv;
        iv.candidate_id = c.id;
        iv.interviewer = interviewer;
        iv.date = "2026-11-23";
        iv.questions = {{"t/a", 5, {}, "", ""}, {"t/b", 10, {}, "", ""}, {"t/c", 5, {}, "", ""}};
        interviews.create(iv);
        interviews.set_score(iv.id, "t/a", Score::of(first_score));
        interviews.set_notes(iv.id, "t/a",
                             "Clear on canaries.\nMissed \"rollback\" — ünïcode too.");
        interviews.add_seconds(iv.id, "t/a", 200);
        interviews.set_follow_ups_asked(iv.id, "t/a", {0, 1});
        interviews.set_score(iv.id, "t/b", Score::of(3));
        interviews.set_overall_notes(iv.id, "Solid.");
        interviews.submit(iv.id, Recommendation::yes);
        interviews.reopen(iv.id, "Forgot the last note");
        interviews.set_notes(iv.id, "t/c", "Not reached.");
        interviews.submit(iv.id, Recommendation::yes);
        return *interviews.find(iv.id);
    }
    std::string loop_bundle() { return write_bundle(*bundle_for_loop(db, loop_name)); }
};

// Every row a merge may touch, as text: equal snapshots mean nothing was written.
std::string snapshot(Database& db) {
    std::string out;
    for (const char* table :
         {"loop", "candidate", "interview", "interview_question", "interview_event"}) {
        SQLite::Statement s(db.sql(), std::string("SELECT * FROM ") + table + " ORDER BY 1, 2");
        int rows = 0;
        while (s.executeStep()) {
            ++rows;
            for (int i = 0; i < s.getColumnCount(); ++i)
                out += s.getColumn(i).getString() + "|";
            out += "\n";
        }
        out += std::string(table) + ": " + std::to_string(rows) + " rows\n";
    }
    return out;
}

std::string updated_at(Database& db, const std::string& uuid) {
    SQLite::Statement s(db.sql(), "SELECT updated_at FROM interview WHERE uuid = ?");
    s.bind(1, uuid);
    return s.executeStep() ? s.getColumn(0).getString() : "";
}

// The clock that stamps updated_at counts milliseconds; make sure it moves.
void let_time_pass() {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

BundleImportReport import_one(Database& db, const std::string& text,
                              const std::string& name = "ana.json") {
    return import_bundle_texts(db, {{name, text}});
}

std::string messages(const BundleImportReport& r) {
    std::string out;
    for (const auto& m : r.interviews)
        out += m.describe() + "\n";
    return out;
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("a loop exported from one laptop arrives whole in another database") {
    Laptop ana;
    const auto first = ana.scored(ana.dana, "Ana", 4);
    ana.scored(ana.omar, "Ana", 2);
    const std::string text = ana.loop_bundle();

    // The lead's database: an empty one whose bank has since reworded t/a.
    Database lead = Database::open(":memory:");
    auto reworded = test::question("t/a", "t", "Reworded prompt");
    QuestionRepository(lead).upsert(reworded);
    const auto report = import_one(lead, text);
    CHECK(report.loops_added == 1);
    CHECK(report.candidates_added == 2);
    CHECK(report.count(MergeOutcome::added) == 2);
    CHECK(has(messages(report), "added Ana / Dana Smith / 2026-11-23"));

    // Same UUIDs, times, prompts, responses and events: exporting it again gives the same bytes.
    CHECK(write_bundle(*bundle_for_loop(lead, loop_name)) == text);
    PeopleRepository people(lead);
    auto loop = people.find_loop_by_name(loop_name);
    REQUIRE(loop);
    CHECK(loop->uuid == ana.loop.uuid);
    auto dana = people.find_candidate_by_name("Dana Smith");
    REQUIRE(dana);
    CHECK(dana->uuid == ana.dana.uuid);
    CHECK(dana->loop_id == loop->id);
    CHECK(dana->level == Level::senior);
    InterviewRepository interviews(lead);
    auto arrived = interviews.for_candidate(dana->id);
    REQUIRE(arrived.size() == 1);
    CHECK(arrived[0].uuid == first.uuid);
    CHECK(arrived[0].questions[0].prompt == "Prompt t/a"); // what was asked, not the lead's bank
    CHECK(arrived[0].questions[0].response == first.questions[0].response);
    CHECK(arrived[0].status == InterviewStatus::submitted);
    CHECK(arrived[0].recommendation == Recommendation::yes);
    CHECK(arrived[0].reopen_count == 1);
    CHECK(interviews.events(arrived[0].id).size() == 3);
    CHECK(updated_at(lead, first.uuid) == updated_at(ana.db, first.uuid));
}

TEST_CASE("one interview exports alone, found by its number or its UUID") {
    Laptop ana;
    const auto iv = ana.scored(ana.dana, "Ana", 4);
    ana.scored(ana.omar, "Ana", 2);
    const auto by_number = bundle_for_interview(ana.db, std::to_string(iv.id));
    REQUIRE(by_number);
    CHECK(by_number->interviews.size() == 1);
    CHECK(by_number->interviews[0].interview.uuid == iv.uuid);
    CHECK(by_number->candidates.size() == 1);
    CHECK(by_number->candidates[0].uuid == ana.dana.uuid);
    CHECK(by_number->loop.uuid == ana.loop.uuid);
    const auto by_uuid = bundle_for_interview(ana.db, iv.uuid);
    REQUIRE(by_uuid);
    CHECK(write_bundle(*by_uuid) == write_bundle(*by_number));
    CHECK_FALSE(bundle_for_interview(ana.db, "999"));
    CHECK_FALSE(bundle_for_interview(ana.db, new_uuid()));
    CHECK_FALSE(bundle_for_loop(ana.db, "No such loop"));
}

TEST_CASE("importing the same bundle twice changes nothing the second time") {
    Laptop ana;
    ana.scored(ana.dana, "Ana", 4);
    const std::string text = ana.loop_bundle();
    Database lead = Database::open(":memory:");
    import_one(lead, text);
    const auto before = snapshot(lead);
    const auto again = import_one(lead, text);
    CHECK(again.loops_added == 0);
    CHECK(again.candidates_added == 0);
    CHECK(again.count(MergeOutcome::unchanged) == 1);
    CHECK(again.count(MergeOutcome::added) == 0);
    CHECK(has(messages(again), "unchanged Ana / Dana Smith / 2026-11-23"));
    CHECK(snapshot(lead) == before);
}

TEST_CASE("a newer copy replaces the older local one and says so; an older one is skipped") {
    Laptop ana;
    const auto iv = ana.scored(ana.dana, "Ana", 4);
    const std::string older = ana.loop_bundle();
    Database lead = Database::open(":memory:");
    import_one(lead, older);

    let_time_pass();
    ana.interviews.reopen(iv.id, "Rescored after calibration");
    ana.interviews.set_score(iv.id, "t/a", Score::of(2));
    ana.interviews.submit(iv.id, Recommendation::yes);
    const std::string newer = ana.loop_bundle();

    const auto replaced = import_one(lead, newer);
    CHECK(replaced.count(MergeOutcome::replaced) == 1);
    CHECK(has(messages(replaced), "replaced older local copy of Ana / Dana Smith / 2026-11-23"));
    const auto local = InterviewRepository(lead).for_candidate(
        PeopleRepository(lead).find_candidate_by_name("Dana Smith")->id);
    REQUIRE(local.size() == 1);
    CHECK(local[0].questions[0].response.score == Score::of(2));
    CHECK(local[0].reopen_count == 2);
    CHECK(InterviewRepository(lead).events(local[0].id).size() == 5);
    CHECK(updated_at(lead, iv.uuid) == updated_at(ana.db, iv.uuid));
    CHECK(write_bundle(*bundle_for_loop(lead, loop_name)) == newer);

    // The old file turns up again: the newer local copy stays.
    const auto before = snapshot(lead);
    const auto skipped = import_one(lead, older, "old.json");
    CHECK(skipped.count(MergeOutcome::skipped_older) == 1);
    CHECK(has(messages(skipped), "skipped older copy of Ana / Dana Smith / 2026-11-23"));
    CHECK(skipped.interviews[0].file == "old.json");
    CHECK(snapshot(lead) == before);
}

TEST_CASE("both copies of one interview in one import: the newer wins whatever the order") {
    Laptop ana;
    const auto iv = ana.scored(ana.dana, "Ana", 4);
    const std::string older = ana.loop_bundle();
    let_time_pass();
    ana.interviews.reopen(iv.id, "Rescore");
    ana.interviews.set_score(iv.id, "t/a", Score::of(1));
    const std::string newer = ana.loop_bundle();

    Database lead = Database::open(":memory:");
    const auto report = import_bundle_texts(lead, {{"new.json", newer}, {"old.json", older}});
    CHECK(report.count(MergeOutcome::added) == 1);
    CHECK(report.count(MergeOutcome::skipped_older) == 1);
    CHECK(report.loops_added == 1);
    CHECK(report.candidates_added == 2);
    CHECK(write_bundle(*bundle_for_loop(lead, loop_name)) == newer);
}

TEST_CASE("same update time but different content keeps the local copy and says so") {
    Laptop ana;
    ana.scored(ana.dana, "Ana", 4);
    const std::string text = ana.loop_bundle();
    Database lead = Database::open(":memory:");
    import_one(lead, text);
    const auto before = snapshot(lead);
    json edited = json::parse(text);
    edited["interviews"][0]["overall_notes"] = "Edited by hand";
    const auto report = import_one(lead, edited.dump());
    CHECK(report.count(MergeOutcome::skipped_conflict) == 1);
    CHECK(has(messages(report), "same update time"));
    CHECK(snapshot(lead) == before);
}

TEST_CASE("a loop or candidate already here keeps its local details; new candidates join it") {
    Laptop ana;
    ana.scored(ana.dana, "Ana", 4);
    Database lead = Database::open(":memory:");
    import_one(lead, ana.loop_bundle());
    PeopleRepository people(lead);
    auto dana = *people.find_candidate_by_name("Dana Smith");
    dana.notes = "The lead's own note";
    people.save(dana);

    auto priya = ana.candidate("Priya Nair", Level::senior);
    ana.scored(priya, "Ana", 5);
    const auto report = import_one(lead, ana.loop_bundle());
    CHECK(report.loops_added == 0);
    CHECK(report.candidates_added == 1);
    CHECK(report.count(MergeOutcome::added) == 1);
    CHECK(report.count(MergeOutcome::unchanged) == 1);
    CHECK(people.find_candidate(dana.id)->notes == "The lead's own note");
    auto arrived = people.find_candidate_by_name("Priya Nair");
    REQUIRE(arrived);
    CHECK(arrived->uuid == priya.uuid);
    CHECK(arrived->loop_id == people.find_loop_by_name(loop_name)->id);
    CHECK(people.loops(true).size() == 1);
}

TEST_CASE(
    "a bad bundle is refused whole, naming the file and the JSON location; nothing is written") {
    Laptop ana;
    ana.scored(ana.dana, "Ana", 4);
    ana.scored(ana.omar, "Ana", 2);
    const std::string good = ana.loop_bundle();
    const json base = json::parse(good);

    // The lead already holds something, so "unchanged" is checked against real rows.
    Laptop ben;
    ben.scored(ben.dana, "Ben", 3);
    Database lead = Database::open(":memory:");
    import_one(lead, ben.loop_bundle());

    struct Case {
        const char* what;
        std::function<void(json&)> edit;
        std::string expected;
    };
    const std::vector<Case> cases = {
        {"a newer format", [](json& j) { j["format"] = 3; },
         "bad.json: format: this bundle is format 3, newer than this Panelist reads (2)"},
        {"format 0", [](json& j) { j["format"] = 0; },
         "bad.json: format: 0 is not between 1 and 2"},
        {"no format", [](json& j) { j.erase("format"); }, "bad.json: format: missing"},
        {"not an object",
         [](json& j) {
             j = json::array({1, 2});
         },
         "bad.json: expected a scorecard bundle"},
        {"a score as text", [](json& j) { j["interviews"][1]["questions"][0]["score"] = "four"; },
         "bad.json: interviews[1].questions[0].score: expected a whole number, found \"four\""},
        {"a fractional score", [](json& j) { j["interviews"][0]["questions"][0]["score"] = 3.5; },
         "bad.json: interviews[0].questions[0].score: expected a whole number, found 3.5"},
        {"a score above 5", [](json& j) { j["interviews"][1]["questions"][2]["score"] = 7; },
         "bad.json: interviews[1].questions[2].score: 7 is not between 1 and 5"},
        {"a score of 0", [](json& j) { j["interviews"][0]["questions"][1]["score"] = 0; },
         "bad.json: interviews[0].questions[1].score: 0 is not between 1 and 5"},
        {"negative seconds",
         [](json& j) { j["interviews"][0]["questions"][0]["seconds_spent"] = -5; },
         "bad.json: interviews[0].questions[0].seconds_spent: -5 is not between 0 and 2147483647"},
        {"a huge number",
         [](json& j) { j["interviews"][0]["reopen_count"] = 18446744073709551615ull; },
         "bad.json: interviews[0].reopen_count: 18446744073709551615 is not between 0 and 1000000"},
        {"follow-ups as text",
         [](json& j) { j["interviews"][0]["questions"][0]["follow_ups_asked"] = "0,1"; },
         "bad.json: interviews[0].questions[0].follow_ups_asked: expected a list, found \"0,1\""},
        {"a follow-up index as text",
         [](json& j) { j["interviews"][0]["questions"][0]["follow_ups_asked"][1] = "one"; },
         "bad.json: interviews[0].questions[0].follow_ups_asked[1]: expected a whole number, found "
         "\"one\""},
        {"notes as a number", [](json& j) { j["interviews"][0]["overall_notes"] = 5; },
         "bad.json: interviews[0].overall_notes: expected text, found 5"},
        {"questions as an object",
         [](json& j) { j["interviews"][0]["questions"] = json::object(); },
         "bad.json: interviews[0].questions: expected a list, found an object"},
        {"an interview as a list", [](json& j) { j["interviews"][1] = json::array(); },
         "bad.json: interviews[1]: expected an object, found a list"},
        {"a missing updated_at", [](json& j) { j["interviews"][1].erase("updated_at"); },
         "bad.json: interviews[1].updated_at: missing"},
        {"a missing prompt", [](json& j) { j["interviews"][0]["questions"][2].erase("prompt"); },
         "bad.json: interviews[0].questions[2].prompt: missing"},
        {"a missing loop", [](json& j) { j.erase("loop"); }, "bad.json: loop: missing"},
        {"a missing candidate level", [](json& j) { j["candidates"][1].erase("level"); },
         "bad.json: candidates[1].level: missing"},
        {"a misspelt field", [](json& j) { j["interviews"][0]["questions"][0]["scroe"] = 4; },
         "bad.json: interviews[0].questions[0].scroe: unknown field"},
        {"a bad interview UUID", [](json& j) { j["interviews"][0]["uuid"] = "interview-1"; },
         "bad.json: interviews[0].uuid: \"interview-1\" is not a UUID"},
        {"an upper-case UUID",
         [](json& j) { j["loop"]["uuid"] = "3F2504E0-4F89-41D3-9A0C-0305E82C3301"; },
         "bad.json: loop.uuid: \"3F2504E0-4F89-41D3-9A0C-0305E82C3301\" is not a UUID"},
        {"an unknown status", [](json& j) { j["interviews"][1]["status"] = "done"; },
         "bad.json: interviews[1].status: \"done\" is not one of planned, in_progress, submitted"},
        {"an unknown recommendation",
         [](json& j) { j["interviews"][0]["recommendation"] = "maybe"; },
         "bad.json: interviews[0].recommendation: \"maybe\" is not one of strong_no, no, yes, "
         "strong_yes"},
        {"submitted without a recommendation",
         [](json& j) { j["interviews"][0]["recommendation"] = nullptr; },
         "bad.json: interviews[0].recommendation: a submitted interview needs a recommendation"},
        {"a candidate of level both", [](json& j) { j["candidates"][0]["level"] = "both"; },
         "bad.json: candidates[0].level: \"both\" is not one of junior, senior"},
        {"an impossible date", [](json& j) { j["interviews"][0]["date"] = "2026-02-30"; },
         "bad.json: interviews[0].date: \"2026-02-30\" is not a date written YYYY-MM-DD"},
        {"a local time", [](json& j) { j["interviews"][0]["updated_at"] = "2026-11-23 10:00"; },
         "bad.json: interviews[0].updated_at: \"2026-11-23 10:00\" is not a UTC time"},
        {"a bad event time", [](json& j) { j["interviews"][0]["events"][0]["at"] = "yesterday"; },
         "bad.json: interviews[0].events[0].at: \"yesterday\" is not a UTC time"},
        {"a blank interviewer", [](json& j) { j["interviews"][0]["interviewer"] = "  "; },
         "bad.json: interviews[0].interviewer: the interviewer's name is empty"},
        {"a bad question id",
         [](json& j) { j["interviews"][0]["questions"][0]["question_id"] = "T A"; },
         "bad.json: interviews[0].questions[0].question_id: \"T A\" is not a question id"},
        {"a question planned twice",
         [](json& j) {
             j["interviews"][0]["questions"][1]["question_id"] =
                 j["interviews"][0]["questions"][0]["question_id"];
         },
         "bad.json: interviews[0].questions[1].question_id: \"t/a\" is planned twice"},
        {"an interview of a candidate not in the bundle",
         [](json& j) { j["interviews"][1]["candidate"] = new_uuid(); },
         "bad.json: interviews[1].candidate: "},
        {"one candidate twice",
         [](json& j) { j["candidates"][1]["uuid"] = j["candidates"][0]["uuid"]; },
         "bad.json: candidates[1].uuid: "},
        {"one interview twice",
         [](json& j) { j["interviews"][1]["uuid"] = j["interviews"][0]["uuid"]; },
         "bad.json: interviews[1].uuid: "},
        // Texts past their length: a name, notes, a prompt (a 30 MB name took 323 MB to import).
        {"a candidate's name past 200 characters",
         [](json& j) { j["candidates"][0]["name"] = std::string(201, 'n'); },
         "bad.json: candidates[0].name: 201 characters; at most 200 fit"},
        {"notes past 100,000 characters",
         [](json& j) { j["interviews"][0]["overall_notes"] = std::string(100001, 'w'); },
         "bad.json: interviews[0].overall_notes: 100,001 characters; at most 100,000 fit"},
        {"a loop's name past 200 characters",
         [](json& j) { j["loop"]["name"] = std::string(30000, 'l'); },
         "bad.json: loop.name: 30,000 characters; at most 200 fit"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.what);
        json bad = base;
        c.edit(bad);
        const auto before = snapshot(lead);
        try {
            // A good file next to the bad one: all or nothing means the good one is not kept
            // either.
            import_bundle_texts(lead, {{"ana.json", good}, {"bad.json", bad.dump(2)}});
            FAIL("the bad bundle was accepted");
        } catch (const FileError& e) {
            CHECK_MESSAGE(has(e.what(), c.expected), std::string(e.what()));
        }
        CHECK(snapshot(lead) == before);
    }
}

TEST_CASE("a database that refuses a write mid-merge keeps none of the files") {
    Laptop ana, ben;
    ana.scored(ana.dana, "Ana", 4);
    ben.scored(ben.dana, "Boom", 3);
    Database lead = Database::open(":memory:");
    // Stands in for a full disk or a damaged file: the second file's interview cannot be stored.
    lead.sql().exec(
        "CREATE TEMP TRIGGER refuse BEFORE INSERT ON interview WHEN NEW.interviewer = 'Boom' "
        "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END");
    const auto before = snapshot(lead);
    try {
        import_bundle_texts(lead,
                            {{"ana.json", ana.loop_bundle()}, {"ben.json", ben.loop_bundle()}});
        FAIL("accepted");
    } catch (const FileError& e) {
        CHECK(has(e.what(), "ben.json: cannot be merged:"));
        CHECK(has(e.what(), "disk I/O error"));
    }
    CHECK(snapshot(lead) == before);
}

TEST_CASE("text that is not a bundle is refused with its line and column") {
    Database lead = Database::open(":memory:");
    const auto before = snapshot(lead);
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"{\n  \"format\": 1,\n  \"loop\": {,\n}", "bad.json:3:12: not valid JSON"},
        {"", "bad.json:1:1: not valid JSON"},
        {"{\"format\": 1} trailing", "bad.json:1:17: not valid JSON"},
        {"{\"format\": 1, \"loop\": {\"name\": \"A\", \"name\": \"B\"}}",
         "bad.json: name: appears twice"},
        {"\"just text\"", "bad.json: expected a scorecard bundle"},
        {"{\"format\": \"1\"}", "bad.json: format: expected a whole number, found \"1\""},
        {"{\"format\": 1}", "bad.json: loop: missing"},
        {"{\"format\": 1, \"note\": \"\xff\"}", "bad.json:1:24: not valid JSON"},
    };
    for (const auto& [text, expected] : cases) {
        CAPTURE(text);
        try {
            import_one(lead, text, "bad.json");
            FAIL("accepted");
        } catch (const FileError& e) {
            CHECK_MESSAGE(has(e.what(), expected), std::string(e.what()));
        }
        CHECK(snapshot(lead) == before);
    }
}

TEST_CASE("every problem of a file is listed at once") {
    Laptop ana;
    ana.scored(ana.dana, "Ana", 4);
    json bad = json::parse(ana.loop_bundle());
    bad["interviews"][0]["questions"][0]["score"] = 9;
    bad["interviews"][0]["status"] = "finished";
    bad["candidates"][1]["name"] = "";
    Database lead = Database::open(":memory:");
    try {
        import_one(lead, bad.dump(), "bad.json");
        FAIL("accepted");
    } catch (const FileError& e) {
        CHECK(e.problems().size() == 3);
        CHECK(has(e.what(), "interviews[0].questions[0].score"));
        CHECK(has(e.what(), "interviews[0].status"));
        CHECK(has(e.what(), "candidates[1].name: the candidate's name is empty"));
    }
    CHECK(PeopleRepository(lead).loops(true).empty());
}

TEST_CASE("bundle files: missing files are named and nothing of the others is kept") {
    test::TempDir dir;
    Laptop ana;
    ana.scored(ana.dana, "Ana", 4);
    test::write_file(dir / "ana.json", ana.loop_bundle());
    Database lead = Database::open(":memory:");
    const auto before = snapshot(lead);
    try {
        import_bundle_files(lead, {dir / "ana.json", dir / "nope.json"});
        FAIL("accepted");
    } catch (const FileError& e) {
        CHECK(has(e.what(), (dir / "nope.json").string() + ": no such file"));
    }
    CHECK(snapshot(lead) == before);
    const auto report = import_bundle_files(lead, {dir / "ana.json"});
    CHECK(report.count(MergeOutcome::added) == 1);
    CHECK(report.interviews[0].file == (dir / "ana.json").string());
}

TEST_CASE("the example in docs/bundle-format.md is a bundle that imports") {
    const std::string doc =
        test::read_file(std::filesystem::path(PANELIST_DOCS_DIR) / "bundle-format.md");
    const auto start = doc.find("```json\n");
    REQUIRE(start != std::string::npos);
    const auto end = doc.find("```", start + 8);
    const std::string example = doc.substr(start + 8, end - start - 8);
    const Bundle b = read_bundle(example, "bundle-format.md");
    REQUIRE(b.interviews.size() == 1);
    CHECK(b.interviews[0].interview.questions[0].response.score == Score::of(4));
    CHECK_FALSE(b.interviews[0].interview.questions[1].response.score.scored());
    Database lead = Database::open(":memory:");
    CHECK(import_one(lead, example).count(MergeOutcome::added) == 1);
}

TEST_CASE("a bundle larger than one import reads says so when exported; an ordinary one says nothing") {
    CHECK_FALSE(bundle_too_large_to_import(std::string(1000, ' ')).has_value());
    const auto warning = bundle_too_large_to_import(std::string(max_input_file_bytes + 1, ' '));
    REQUIRE(warning.has_value());
    CHECK(*warning == "This bundle is more than one import reads (32 MiB): share the loop's interviews in parts "
                      "(bundle export --interview), or through the team folder.");
}
