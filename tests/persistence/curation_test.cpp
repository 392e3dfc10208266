// The curator's decisions (docs/curation.md): a retired question stays everywhere it was used
// and comes back when restored; a merge moves interview history and set places onto the
// question kept; pairs kept apart and retired questions are never listed as duplicates; and all
// of it travels with an exported bank.
#include "persistence/formats/question_import.hpp"
#include "persistence/store/curation_repository.hpp"
#include "persistence/store/interview_repository.hpp"
#include "persistence/store/people_repository.hpp"
#include "persistence/store/question_repository.hpp"
#include "persistence/store/question_set_repository.hpp"
#include "tests/persistence/fixtures.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace panelist;

namespace {

struct Curated {
    Database db = Database::open(":memory:");
    QuestionRepository questions{db};
    QuestionSetRepository sets{db};
    InterviewRepository interviews{db};
    CurationRepository curation{db};
    Candidate dana;

    Curated() {
        auto add = [&](const std::string& id, const std::string& prompt, const std::string& answer) {
            auto q = test::question(id, id.substr(0, id.find('/')), prompt);
            q.answer = answer;
            questions.upsert(q);
        };
        add("serving/dynamic-batching", "What is dynamic batching in a model server, and how would you tune it?",
            "The server holds incoming requests briefly and runs them through the GPU as one batch; tune the "
            "maximum batch size and the queue delay against the p99 latency budget.");
        add("inference/batching-throughput",
            "How does dynamic batching of requests on the GPU raise throughput, and what does it cost?",
            "Requests wait in a queue and run as one batch, so the GPU does one larger launch; each request "
            "waits up to the queue delay, which counts against the p99 latency budget.");
        add("monitoring/psi", "How does the population stability index detect drift?",
            "PSI compares the binned distribution of a feature in production with a reference window.");
        add("security/pickle", "Why is loading a pickled model from an unknown source dangerous?",
            "Unpickling runs arbitrary code; prefer safetensors.");
        // A bank of some size, where the twins' shared words are rare enough to tell.
        for (int i = 0; i < 36; ++i)
            add(fmt::format("filler/q{}", i), fmt::format("Explain the qz{} subsystem.", i),
                fmt::format("An answer about qz{}.", i));
        PeopleRepository people(db);
        Loop loop;
        loop.name = "Loop";
        people.save(loop);
        dana.name = "Dana Smith";
        dana.loop_id = loop.id;
        people.save(dana);
    }
    Interview plan(const std::string& who, std::vector<std::string> ids, int score) {
        Interview iv;
        iv.candidate_id = dana.id;
        iv.interviewer = who;
        iv.date = "2026-12-03";
        for (const auto& id : ids) {
            InterviewQuestion q{id, 5, {}, "", ""};
            q.response.score = Score::of(score);
            q.response.notes = who + " on " + id;
            iv.questions.push_back(q);
        }
        interviews.create(iv);
        return iv;
    }
    int asked(const std::string& id) {
        const auto counts = questions.times_asked();
        const auto it = counts.find(id);
        return it == counts.end() ? 0 : it->second;
    }
};

const std::string keep = "serving/dynamic-batching", drop = "inference/batching-throughput";

} // namespace

TEST_CASE("a merge moves interviews, versions and set places onto the question kept, then removes the other") {
    Curated c;
    const auto ana = c.plan("Ana", {drop, "monitoring/psi"}, 4);
    const auto ben = c.plan("Ben", {keep, drop}, 3); // asked both: two answers, kept apart
    QuestionSet only_drop{"Drop only", "", Level::both, 30, "", {drop, "monitoring/psi"}};
    QuestionSet both{"Both", "", Level::both, 30, "", {keep, drop}};
    c.sets.upsert(only_drop);
    c.sets.upsert(both);

    const auto report = c.curation.merge(keep, drop);
    CHECK(report.interviews == 1);
    CHECK(report.interviews_kept_apart == 1);
    CHECK(report.sets == 2);
    CHECK_FALSE(c.questions.find(drop));
    CHECK(c.asked(keep) == 2); // Ana's answer now counts for the question kept
    const auto ana_now = *c.interviews.find(ana.id);
    CHECK(ana_now.questions[0].question_id == keep);
    CHECK(ana_now.questions[0].response.notes == "Ana on " + drop); // the answer as it was
    CHECK(ana_now.questions[0].response.score == Score::of(4));
    CHECK(ana_now.questions[0].prompt.find("raise throughput") != std::string::npos); // as asked
    const auto ben_now = *c.interviews.find(ben.id);
    CHECK(ben_now.questions[1].question_id == drop); // both asked: each answer where it was given
    CHECK(c.sets.find("Drop only")->question_ids == std::vector<std::string>{keep, "monitoring/psi"});
    CHECK(c.sets.find("Both")->question_ids == std::vector<std::string>{keep});
    // The index follows: the kept question is found in the sets it joined, the other nowhere.
    CHECK(c.questions.search(parse_search_query("set:\"Drop only\"")).size() == 2);
    CHECK(c.questions.search(parse_search_query("batching")).size() == 1); // both held it
    // The versions Ana was shown are listed under the question kept.
    CHECK(c.interviews.versions_of(keep).size() == 2);
}

TEST_CASE("merging refuses an unknown question or the same one twice, and changes nothing") {
    Curated c;
    CHECK_THROWS_AS(c.curation.merge(keep, "no/such"), ValidationError);
    CHECK_THROWS_AS(c.curation.merge(keep, keep), ValidationError);
    CHECK(c.questions.count() == 40);
}

TEST_CASE("retired questions stay in the bank and are not duplicates; restoring brings them back") {
    Curated c;
    const auto before = c.curation.duplicate_pairs(0.30);
    REQUIRE(before.size() == 1);
    CHECK(before[0].first == drop);
    CHECK(before[0].second == keep);
    CHECK(c.curation.retire(drop));
    CHECK_FALSE(c.curation.retire("no/such"));
    CHECK(c.curation.is_retired(drop));
    CHECK(c.questions.find(drop)); // still in the bank
    CHECK(c.curation.duplicate_pairs(0.30).empty());
    CHECK(c.curation.restore(drop));
    CHECK_FALSE(c.curation.restore(drop)); // not retired any more
    CHECK(c.curation.duplicate_pairs(0.30).size() == 1);
}

TEST_CASE("a pair kept apart is never listed again, from either side") {
    Curated c;
    CHECK(c.curation.keep_apart(keep, drop));
    CHECK_FALSE(c.curation.keep_apart(drop, keep)); // the same pair
    CHECK(c.curation.kept_apart() == std::vector<std::pair<std::string, std::string>>{{drop, keep}});
    CHECK(c.curation.duplicate_pairs(0.30).empty());
    CHECK_THROWS_AS(c.curation.keep_apart(keep, keep), ValidationError);
    CHECK_THROWS_AS(c.curation.keep_apart(keep, "no/such"), ValidationError);
}

TEST_CASE("a scan a slice at a time finds what a scan run through finds") {
    Curated c;
    DuplicateScan scan(c.db.sql(), 0.30);
    CHECK(scan.total() == 40);
    while (!scan.done()) scan.step(std::chrono::milliseconds(0)); // one question per step
    CHECK(scan.compared() == 40);
    CHECK(scan.pairs().size() == 1);
    CHECK(scan.pairs() == c.curation.duplicate_pairs(0.30));
}

TEST_CASE("retired questions and pairs kept apart travel with an exported bank, and a file never un-retires") {
    Curated c;
    c.curation.retire("security/pickle");
    c.curation.keep_apart(keep, drop);
    const auto file = collect_all_for_export(c.db);
    const std::string text = write_question_file(file);
    CHECK(text.find("retired = true") != std::string::npos);
    CHECK(text.find("[[kept_apart]]\nquestions = [\"inference/batching-throughput\", \"serving/dynamic-batching\"]") !=
          std::string::npos);

    Database other = Database::open(":memory:");
    const auto report = import_question_texts(other, {{"bank.toml", text}});
    CHECK(report.retired == 1);
    CHECK(report.kept_apart == 1);
    CurationRepository there(other);
    CHECK(there.is_retired("security/pickle"));
    CHECK(there.duplicate_pairs(0.30).empty());
    CHECK(write_question_file(collect_all_for_export(other)) == text); // round trip, byte for byte

    // The same questions from a file that does not say retired: still retired here.
    auto plain = file;
    plain.retired.clear();
    plain.kept_apart.clear();
    const auto again = import_question_texts(other, {{"plain.toml", write_question_file(plain)}});
    CHECK(again.retired == 0);
    CHECK(there.is_retired("security/pickle"));
}

TEST_CASE("a pair kept apart naming a question nowhere to be found is refused, and nothing is imported") {
    Database db = Database::open(":memory:");
    const std::string text = "format = 1\n\n[[question]]\nid = \"a/one\"\ntopic = \"a\"\nlevel = \"both\"\n"
                             "difficulty = \"easy\"\nminutes = 5\nprompt = \"One?\"\n\n"
                             "[[kept_apart]]\nquestions = [\"a/one\", \"b/missing\"]\n";
    try {
        import_question_texts(db, {{"bank.toml", text}});
        FAIL("imported");
    } catch (const FileError& e) {
        CHECK(std::string(e.what()).find("bank.toml:11:1: questions: a pair kept apart names question 'b/missing'") !=
              std::string::npos);
    }
    CHECK(QuestionRepository(db).count() == 0);
    for (const char* bad : {"[[kept_apart]]\nquestions = [\"a/one\"]\n", "[[kept_apart]]\nquestions = [\"a/one\", \"a/one\"]\n",
                            "[[kept_apart]]\nwho = 1\n"}) {
        const auto reading = read_question_file(std::string("format = 1\n") + bad, "k.toml");
        CHECK_MESSAGE(!reading.problems.empty(), bad);
    }
    const auto flag = read_question_file("format = 1\n[[question]]\nid = \"a/one\"\ntopic = \"a\"\nlevel = \"both\"\n"
                                         "difficulty = \"easy\"\nminutes = 5\nprompt = \"One?\"\nretired = \"yes\"\n",
                                         "r.toml");
    REQUIRE_FALSE(flag.problems.empty());
    CHECK(flag.problems[0].to_string().find("retired: expected true or false") != std::string::npos);
}
